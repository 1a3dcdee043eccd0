/**
 * The printer: a tree back to source, with only the parentheses the precedence needs, one space
 * around binary operators, and quotes chosen so the text reads back the same
 * (print(parse(x)) parses to the same tree as x).
 */
import { type Expr, precedence, UNARY_PRECEDENCE } from './ast.js';
import { formatNumber } from './values.js';

function quote(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  // XPath 1.0 has no escapes: a text with both quotes is built with concat()
  const parts = s.split("'").map((p) => `'${p}'`);
  return `concat(${parts.join(`, "'", `)})`;
}

const strength = (e: Expr): number =>
  e.kind === 'binary' ? precedence[e.op] : e.kind === 'negate' ? UNARY_PRECEDENCE : Infinity;

function wrap(e: Expr, needs: boolean): string {
  const s = print(e);
  return needs ? `(${s})` : s;
}

export function print(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return /^(\d+(\.\d*)?|\.\d+)$/.test(e.raw) ? e.raw : formatNumber(e.value);
    case 'string':
      return quote(e.value);
    case 'ref':
      return `\${${e.name}}`;
    case 'current':
      return '.';
    case 'parent':
      return '..';
    case 'negate': {
      // `- -x` keeps a space so that it never reads as anything else
      const inner = wrap(e.operand, strength(e.operand) < UNARY_PRECEDENCE);
      return inner.startsWith('-') ? `- ${inner}` : `-${inner}`;
    }
    case 'binary': {
      const p = precedence[e.op];
      // left-associative: a right operand of the same strength keeps its parentheses
      return `${wrap(e.left, strength(e.left) < p)} ${e.op} ${wrap(e.right, strength(e.right) <= p)}`;
    }
    case 'call':
      return `${e.name}(${e.args.map(print).join(', ')})`;
  }
}
