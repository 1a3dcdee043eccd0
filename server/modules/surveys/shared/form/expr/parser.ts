/**
 * The parser: Pratt (precedence climbing) over the tokens of lexer.ts, producing the tree of
 * ast.ts. Grammar (the XPath 1.0 subset of XLSForm):
 *
 *   expr    := unary (binop unary)*            binop by precedence: or < and < = != < < <= > >= < + - < * div mod
 *   unary   := '-' unary | primary
 *   primary := number | 'text' | "text" | ${name} | '.' | '..' | '(' expr ')' | name '(' [expr (',' expr)*] ')'
 *
 * Bounded: a source longer than MAX_LENGTH characters or a tree deeper than MAX_DEPTH levels is
 * refused before any work proportional to it, so hostile input is answered at once. The first
 * problem found is returned with its position; nothing here throws on any input.
 */
import { type BinaryOp, type Expr, precedence } from './ast.js';
import { type ExprProblem, problem } from './errors.js';
import { functions } from './functions.js';
import { Lexer, type Token } from './lexer.js';

/** Far above any real formula (Kobo's longest calculations run to a few hundred characters) */
export const MAX_LENGTH = 10_000;
/** Levels of nesting: parentheses, function calls, unary minus and chains of binary operators */
export const MAX_DEPTH = 200;

export type ParseResult =
  | { readonly ok: true; readonly ast: Expr }
  | { readonly ok: false; readonly error: ExprProblem };

/** Thrown only inside this file to unwind the recursion; parse() turns it into a result */
class Stop extends Error {
  constructor(readonly problem: ExprProblem) {
    super(problem.code);
  }
}

const WORD_OPS = new Set(['and', 'or', 'div', 'mod']);

function binaryOf(t: Token): BinaryOp | undefined {
  if (t.type === 'name' && WORD_OPS.has(t.name)) return t.name as BinaryOp;
  if (t.type !== 'punct') return undefined;
  switch (t.text) {
    case '+':
    case '-':
    case '*':
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return t.text;
    default:
      return undefined;
  }
}

const depthOf = new WeakMap<Expr, number>();
const depth = (e: Expr): number => depthOf.get(e) ?? 1;

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  /** where the last consumed token ends */
  private lastEnd = 0;

  constructor(private readonly src: string) {
    this.lexer = new Lexer(src);
    this.tok = this.read();
  }

  private read(): Token {
    const t = this.lexer.next();
    if (t.type === 'error') throw new Stop(t.problem);
    return t;
  }

  private current(): Token {
    return this.tok;
  }

  private advance(): Token {
    const t = this.tok;
    this.lastEnd = t.end;
    this.tok = this.read();
    return t;
  }

  private unexpected(t: Token): Stop {
    if (t.type === 'end') return new Stop(problem('expr.unexpected_end', t.at, t.end));
    return new Stop(problem('expr.unexpected_token', t.at, t.end, { text: this.src.slice(t.at, t.end) }));
  }

  private nest(e: Expr, d: number): Expr {
    if (d > MAX_DEPTH) throw new Stop(problem('expr.too_deep', e.at, e.end, { limit: MAX_DEPTH }));
    depthOf.set(e, d);
    return e;
  }

  parseAll(): Expr {
    if (this.tok.type === 'end') throw new Stop(problem('expr.empty', 0, this.src.length));
    const e = this.expr(0, 0);
    // (read through a method: the compiler would keep the narrowing from before the parse)
    const rest = this.current();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return e;
  }

  /** `level` counts open parentheses and calls so far, bounding the recursion itself */
  private expr(minPrec: number, level: number): Expr {
    let left = this.unary(level);
    for (;;) {
      const op = binaryOf(this.tok);
      if (op === undefined || precedence[op] <= minPrec) return left;
      this.advance();
      const right = this.expr(precedence[op], level);
      left = this.nest(
        { kind: 'binary', op, left, right, at: left.at, end: right.end },
        Math.max(depth(left), depth(right)) + 1,
      );
    }
  }

  private unary(level: number): Expr {
    const t = this.tok;
    if (t.type === 'punct' && t.text === '-') {
      if (level >= MAX_DEPTH) throw new Stop(problem('expr.too_deep', t.at, t.end, { limit: MAX_DEPTH }));
      this.advance();
      const operand = this.unary(level + 1);
      return this.nest({ kind: 'negate', operand, at: t.at, end: operand.end }, depth(operand) + 1);
    }
    return this.primary(level);
  }

  private primary(level: number): Expr {
    const t = this.advance();
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: Number(t.raw), raw: t.raw, at: t.at, end: t.end };
      case 'string':
        return { kind: 'string', value: t.value, at: t.at, end: t.end };
      case 'ref':
        return { kind: 'ref', name: t.name, at: t.at, end: t.end };
      case 'punct':
        if (t.text === '.') return { kind: 'current', at: t.at, end: t.end };
        if (t.text === '..') throw new Stop(problem('expr.parent_outside_position', t.at, t.end));
        if (t.text === '(') {
          if (level >= MAX_DEPTH) throw new Stop(problem('expr.too_deep', t.at, t.end, { limit: MAX_DEPTH }));
          const inner = this.expr(0, level + 1);
          const close = this.advance();
          if (close.type !== 'punct' || close.text !== ')') throw this.unexpected(close);
          // parentheses leave no node: the printer puts back those the precedence needs
          return this.nest(inner, depth(inner) + 1);
        }
        throw this.unexpected(t);
      case 'name':
        return this.call(t, level);
      case 'end':
        throw this.unexpected(t);
      case 'error':
        throw new Stop(t.problem);
    }
  }

  private call(name: Token & { type: 'name' }, level: number): Expr {
    const open = this.tok;
    if (open.type !== 'punct' || open.text !== '(') {
      throw new Stop(problem('expr.bare_name', name.at, name.end, { name: name.name }));
    }
    const spec = functions.get(name.name);
    if (!spec) throw new Stop(problem('expr.unknown_function', name.at, name.end, { name: name.name }));
    if (level >= MAX_DEPTH) throw new Stop(problem('expr.too_deep', name.at, open.end, { limit: MAX_DEPTH }));
    this.advance();
    const args: Expr[] = [];
    let deepest = 0;
    if (!(this.tok.type === 'punct' && this.tok.text === ')')) {
      for (;;) {
        const a = this.argument(name.name, level + 1);
        args.push(a);
        deepest = Math.max(deepest, depth(a));
        const sep = this.advance();
        if (sep.type === 'punct' && sep.text === ')') break;
        if (sep.type !== 'punct' || sep.text !== ',') throw this.unexpected(sep);
      }
    } else {
      this.advance();
    }
    const end = this.lastEnd;
    if (args.length < spec.min || args.length > spec.max) {
      throw new Stop(problem('expr.arity', name.at, end, { name: name.name, min: spec.min, max: spec.max }));
    }
    return this.nest({ kind: 'call', name: name.name, args, at: name.at, end }, deepest + 1);
  }

  /** `..` is an argument of position() only */
  private argument(fn: string, level: number): Expr {
    const t = this.tok;
    if (fn === 'position' && t.type === 'punct' && t.text === '..') {
      this.advance();
      return { kind: 'parent', at: t.at, end: t.end };
    }
    return this.expr(0, level);
  }
}

/** Parse an expression; the result carries the tree or the first problem with its position */
export function parse(src: string): ParseResult {
  if (src.length > MAX_LENGTH) {
    return { ok: false, error: problem('expr.too_long', MAX_LENGTH, src.length, { limit: MAX_LENGTH }) };
  }
  try {
    return { ok: true, ast: new Parser(src).parseAll() };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.problem };
    throw e;
  }
}
