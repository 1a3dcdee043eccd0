/**
 * The evaluator: a tree and a context to a value, with the conversions of values.ts. It never
 * throws: division by zero gives Infinity or NaN (XPath), an unknown question reads as '', a
 * wrong date as ''. The same code runs in the browser (live) and on the server (authoritative).
 */
import { type Expr } from './ast.js';
import { type FunctionEnv, functions } from './functions.js';
import { type NodeSet, type Value, compareEquality, compareOrder, toBool, toNum, toStr } from './values.js';

/** An answer as the form engine holds it: a select_multiple may be a list of codes; empty is null, undefined or '' */
export type Answer = string | number | boolean | readonly string[] | null | undefined;

/** The answers of one question across the instances of a repeat the expression is not inside */
export interface Instances {
  readonly instances: readonly Answer[];
}

/**
 * What an expression reads. The form engine builds one per place where it evaluates (see
 * scope.ts for one built from plain answers): a question in the same repeat instance as the
 * expression resolves to that instance's answer, a question outside any repeat to its answer,
 * a question inside a repeat the expression is not in to the answers of all its instances.
 */
export interface ExprContext {
  /** the answer to `${name}` seen from where the expression is; undefined for an unknown name (reads as '') */
  value(name: string): Answer | Instances;
  /** `.`: the answer of the question the expression belongs to (constraints) */
  readonly current?: Answer;
  /** 1-based number of the repeat instance the expression is in, for position(..) */
  readonly position?: number;
  /** today's date, 'YYYY-MM-DD', in the survey's time zone: the clock is a parameter */
  readonly today: string;
  /** the instant for now() */
  readonly now: Date;
}

/** An answer as a value: a list of codes becomes 'a b c', an empty answer '' */
export function answerValue(a: Answer): Value {
  if (a === null || a === undefined) return '';
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') return a;
  return a.join(' ');
}

const isInstances = (v: Answer | Instances): v is Instances =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'instances' in v;

function resolve(ctx: ExprContext, name: string): Value {
  const v = ctx.value(name);
  if (isInstances(v)) {
    const nodes: NodeSet = { kind: 'nodes', values: v.instances.map((a) => toStr(answerValue(a))) };
    return nodes;
  }
  return answerValue(v);
}

function arithmetic(op: '+' | '-' | '*' | 'div' | 'mod', l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case 'div':
      // x div 0 is Infinity, -Infinity or NaN (0 div 0), as XPath and IEEE 754
      return l / r;
    case 'mod':
      // the sign of the dividend, as XPath; x mod 0 is NaN
      return l % r;
  }
}

function run(e: Expr, ctx: ExprContext, env: FunctionEnv): Value {
  switch (e.kind) {
    case 'number':
    case 'string':
      return e.value;
    case 'ref':
      return resolve(ctx, e.name);
    case 'current':
      return env.current;
    case 'parent':
      return env.position ?? NaN;
    case 'negate':
      return -toNum(run(e.operand, ctx, env));
    case 'binary': {
      const { op } = e;
      if (op === 'and') return toBool(run(e.left, ctx, env)) && toBool(run(e.right, ctx, env));
      if (op === 'or') return toBool(run(e.left, ctx, env)) || toBool(run(e.right, ctx, env));
      const l = run(e.left, ctx, env);
      const r = run(e.right, ctx, env);
      if (op === '=' || op === '!=') return compareEquality(op, l, r);
      if (op === '<' || op === '<=' || op === '>' || op === '>=') return compareOrder(op, l, r);
      return arithmetic(op, toNum(l), toNum(r));
    }
    case 'call': {
      const spec = functions.get(e.name);
      // the parser admits only known functions; a tree built by hand with another name reads as ''
      if (!spec) return '';
      if (e.name === 'if') {
        const [c, a, b] = e.args;
        if (!c || !a || !b) return '';
        return toBool(run(c, ctx, env)) ? run(a, ctx, env) : run(b, ctx, env);
      }
      return spec.call(
        e.args.map((a) => run(a, ctx, env)),
        env,
      );
    }
  }
}

/** The value of an expression (a calculation keeps its text with toStr) */
export function evaluate(ast: Expr, ctx: ExprContext): Value {
  const env: FunctionEnv = {
    today: ctx.today,
    now: ctx.now,
    position: ctx.position,
    current: answerValue(ctx.current),
  };
  return run(ast, ctx, env);
}

/** A relevance or a constraint: the boolean value */
export const evaluateBoolean = (ast: Expr, ctx: ExprContext): boolean => toBool(evaluate(ast, ctx));

/** A calculation: the text that is stored as the answer */
export const evaluateText = (ast: Expr, ctx: ExprContext): string => toStr(evaluate(ast, ctx));
