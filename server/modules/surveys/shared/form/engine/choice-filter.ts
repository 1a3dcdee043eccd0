/**
 * Choice filters (`regione = ${regione}`, `selected(${tipi}, name)`): a bare word that names a
 * column of the choices sheet (`name`, or an extra column such as `regione`) is that column of the
 * choice being tested. The expression language refuses bare words, so the filter is rewritten
 * with each such word as a reference of its own, then parsed and evaluated once per choice.
 */
import { Lexer } from '../expr/lexer.js';
import { evaluateBoolean, parse, type Answer, type Expr, type ExprContext, type Instances } from '../expr/index.js';
import type { Choice } from '../model.js';

/** The reference a column of the choice becomes (a prefix no questionnaire uses for its questions) */
const COLUMN = 'choice.column.';
const OPERATORS = new Set(['and', 'or', 'div', 'mod']);

/** The filter as an expression tree, or null when it cannot be read */
export function parseChoiceFilter(src: string, columns: ReadonlySet<string>): Expr | null {
  const lexer = new Lexer(src);
  let out = '';
  let last = 0;
  const tokens = [];
  for (let t = lexer.next(); ; t = lexer.next()) {
    tokens.push(t);
    if (t.type === 'end' || t.type === 'error') break;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    const next = tokens[i + 1];
    const isCall = next?.type === 'punct' && next.text === '(';
    if (t.type === 'name' && !isCall && !OPERATORS.has(t.name) && columns.has(t.name)) {
      out += `${src.slice(last, t.at)}\${${COLUMN}${t.name}}`;
      last = t.end;
    }
  }
  out += src.slice(last);
  const r = parse(out);
  return r.ok ? r.ast : null;
}

/** The columns a list's choices have: `name` and every extra column */
export function choiceColumns(choices: readonly Choice[]): Set<string> {
  const cols = new Set(['name']);
  for (const c of choices) for (const k of Object.keys(c.extra)) cols.add(k);
  return cols;
}

/** Does the choice pass the filter, with the form's answers seen through `ctx` */
export function choiceAllowed(filter: Expr, choice: Choice, ctx: ExprContext): boolean {
  const columnCtx: ExprContext = {
    ...ctx,
    value(name: string): Answer | Instances {
      if (!name.startsWith(COLUMN)) return ctx.value(name);
      const col = name.slice(COLUMN.length);
      if (col === 'name') return choice.name;
      return Object.prototype.hasOwnProperty.call(choice.extra, col) ? (choice.extra[col] ?? '') : '';
    },
  };
  return evaluateBoolean(filter, columnCtx);
}
