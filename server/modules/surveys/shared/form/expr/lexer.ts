/**
 * The tokenizer: a hand-written scanner over the source, one token at a time. It never throws;
 * a character it cannot read becomes an `error` token carrying the problem.
 */
import { type ExprProblem, problem } from './errors.js';

export type Token =
  | { readonly type: 'number'; readonly raw: string; readonly at: number; readonly end: number }
  | { readonly type: 'string'; readonly value: string; readonly at: number; readonly end: number }
  | { readonly type: 'ref'; readonly name: string; readonly at: number; readonly end: number }
  /** a bare name: a function, or the operators and / or / div / mod */
  | { readonly type: 'name'; readonly name: string; readonly at: number; readonly end: number }
  | {
      readonly type: 'punct';
      readonly text: '(' | ')' | ',' | '.' | '..' | '+' | '-' | '*' | '=' | '!=' | '<' | '<=' | '>' | '>=';
      readonly at: number;
      readonly end: number;
    }
  | { readonly type: 'end'; readonly at: number; readonly end: number }
  | { readonly type: 'error'; readonly problem: ExprProblem; readonly at: number; readonly end: number };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const NAME_START = /^[\p{L}_]$/u;
const NAME_PART = /^[\p{L}\p{N}_]$/u;
/** A question name as XLSForm allows it: a letter or "_" first, then letters, digits, "_", "-", "." */
export const QUESTION_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

export class Lexer {
  private pos = 0;

  constructor(private readonly src: string) {}

  next(): Token {
    const src = this.src;
    while (isSpace(src[this.pos])) this.pos++;
    const at = this.pos;
    const c = src[at];
    if (c === undefined) return { type: 'end', at, end: at };

    if (isDigit(c) || (c === '.' && isDigit(src[at + 1]))) {
      let i = at;
      while (isDigit(src[i])) i++;
      if (src[i] === '.') {
        i++;
        while (isDigit(src[i])) i++;
      }
      this.pos = i;
      return { type: 'number', raw: src.slice(at, i), at, end: i };
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, at + 1);
      if (close < 0) {
        this.pos = src.length;
        return this.fail(problem('expr.unterminated_string', at, src.length));
      }
      this.pos = close + 1;
      return { type: 'string', value: src.slice(at + 1, close), at, end: close + 1 };
    }
    if (c === '$' && src[at + 1] === '{') {
      const close = src.indexOf('}', at + 2);
      if (close < 0) {
        this.pos = src.length;
        return this.fail(problem('expr.unterminated_reference', at, src.length));
      }
      const name = src.slice(at + 2, close);
      this.pos = close + 1;
      if (!QUESTION_NAME.test(name)) return this.fail(problem('expr.bad_reference', at, close + 1, { text: name }));
      return { type: 'ref', name, at, end: close + 1 };
    }
    if (NAME_START.test(c)) {
      // function names: count-selected, starts-with, jr:choice-name… A "-" belongs to the name only
      // when a letter follows, so `4 div-2` still reads as div and minus.
      let i = at + 1;
      for (;;) {
        const d = src[i];
        if (d !== undefined && NAME_PART.test(d)) i++;
        else if ((d === '-' || d === ':') && src[i + 1] !== undefined && NAME_START.test(src[i + 1] ?? '')) i += 2;
        else break;
      }
      this.pos = i;
      return { type: 'name', name: src.slice(at, i), at, end: i };
    }
    const two = src.slice(at, at + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '..') {
      this.pos = at + 2;
      return { type: 'punct', text: two, at, end: at + 2 };
    }
    if (
      c === '(' ||
      c === ')' ||
      c === ',' ||
      c === '.' ||
      c === '+' ||
      c === '-' ||
      c === '*' ||
      c === '=' ||
      c === '<' ||
      c === '>'
    ) {
      this.pos = at + 1;
      return { type: 'punct', text: c, at, end: at + 1 };
    }
    // one whole character (an emoji is two UTF-16 units)
    const ch = String.fromCodePoint(src.codePointAt(at) ?? 0);
    this.pos = at + ch.length;
    return this.fail(problem('expr.unexpected_char', at, at + ch.length, { text: ch }));
  }

  private fail(p: ExprProblem): Token {
    return { type: 'error', problem: p, at: p.at, end: p.end };
  }
}
