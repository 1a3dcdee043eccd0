/**
 * What an expression depends on, and the checks an author gets when a form is imported:
 * references(ast) for ordering calculations and finding cycles, checkExpression() for the
 * problems (parse error, unknown questions, `.` where it means nothing, bad regular expressions).
 */
import { type Expr } from './ast.js';
import { type ExprProblem, problem } from './errors.js';
import { type ParseResult, parse } from './parser.js';

/** Every `${name}` in the tree, each name once, in order of first appearance */
export function references(ast: Expr): Set<string> {
  return new Set(referenceSites(ast).map((r) => r.name));
}

/** Every `${name}` with its position, in source order */
export function referenceSites(ast: Expr): { name: string; at: number; end: number }[] {
  const out: { name: string; at: number; end: number }[] = [];
  walk(ast, (e) => {
    if (e.kind === 'ref') out.push({ name: e.name, at: e.at, end: e.end });
  });
  return out;
}

/** Visit the nodes in source order (a tree is at most MAX_DEPTH deep: the recursion is bounded) */
export function walk(e: Expr, visit: (e: Expr) => void): void {
  switch (e.kind) {
    case 'negate':
      visit(e);
      walk(e.operand, visit);
      return;
    case 'binary':
      walk(e.left, visit);
      visit(e);
      walk(e.right, visit);
      return;
    case 'call':
      visit(e);
      for (const a of e.args) walk(a, visit);
      return;
    case 'number':
    case 'string':
    case 'ref':
    case 'current':
    case 'parent':
      visit(e);
      return;
  }
}

/**
 * A repeated group that itself contains an unbounded repetition, such as (a+)+ or (\d*)*: the
 * shape that makes a backtracking engine take exponential time on a crafted answer.
 */
export function isUnsafePattern(pattern: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  let lastClosedHadRepeat = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      lastClosedHadRepeat = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(pattern.slice(i)));
    const quantifier = unbounded || c === '?' || c === '{';
    if (unbounded && lastClosedHadRepeat) return true;
    if (unbounded && stack.length > 0) stack[stack.length - 1] = true;
    if (c === '[') inClass = true;
    if (c === '(') stack.push(false);
    if (c === ')') {
      const had = stack.pop() ?? false;
      if (had && stack.length > 0) stack[stack.length - 1] = true;
      lastClosedHadRepeat = had;
      continue;
    }
    if (!quantifier) lastClosedHadRepeat = false;
  }
  return false;
}

export interface CheckOptions {
  /** may the expression use `.` (true for constraints; false for relevance and calculations) */
  readonly allowCurrent?: boolean;
}

export interface CheckResult {
  /** the tree, when the expression parses */
  readonly ast?: Expr;
  readonly problems: readonly ExprProblem[];
}

/**
 * Parse and check an expression against the names of the questionnaire's questions (and
 * repeats): the parse error, or every reference to an unknown question, `.` where not allowed,
 * and every literal regular expression that is invalid or too costly.
 */
export function checkExpression(
  src: string,
  knownNames: ReadonlySet<string> | readonly string[],
  options: CheckOptions = {},
): CheckResult {
  const parsed: ParseResult = parse(src);
  if (!parsed.ok) return { problems: [parsed.error] };
  const known = knownNames instanceof Set ? knownNames : new Set(knownNames);
  const problems: ExprProblem[] = [];
  walk(parsed.ast, (e) => {
    if (e.kind === 'ref' && !known.has(e.name)) {
      problems.push(problem('expr.unknown_question', e.at, e.end, { name: e.name }));
    }
    if (e.kind === 'current' && options.allowCurrent === false) {
      problems.push(problem('expr.current_not_allowed', e.at, e.end));
    }
    if (e.kind === 'call' && e.name === 'regex') {
      const p = e.args[1];
      if (p?.kind === 'string') {
        let valid = true;
        try {
          new RegExp(p.value);
        } catch {
          valid = false;
          problems.push(problem('expr.bad_regex', p.at, p.end, { text: p.value }));
        }
        if (valid && isUnsafePattern(p.value)) {
          problems.push(problem('expr.unsafe_regex', p.at, p.end, { text: p.value }));
        }
      }
    }
  });
  return { ast: parsed.ast, problems: problems.sort((a, b) => a.at - b.at) };
}
