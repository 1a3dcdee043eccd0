/**
 * The tree of a parsed expression. Every node keeps the span of source it came from (`at`,
 * `end`, 0-based, end exclusive) so that a checker can point at a reference or a function.
 */

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly raw: string; readonly at: number; readonly end: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number; readonly end: number }
  /** `${name}` */
  | { readonly kind: 'ref'; readonly name: string; readonly at: number; readonly end: number }
  /** `.`: the value of the question the expression belongs to (constraints) */
  | { readonly kind: 'current'; readonly at: number; readonly end: number }
  /** `..`: only as the argument of position(..), the repeat instance the expression is in */
  | { readonly kind: 'parent'; readonly at: number; readonly end: number }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly at: number; readonly end: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly at: number;
      readonly end: number;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly at: number;
      readonly end: number;
    };

/** Binding strength of the binary operators (XPath 1.0): higher binds tighter; all associate to the left */
export const precedence: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  div: 6,
  mod: 6,
};

/** Unary minus binds tighter than every binary operator */
export const UNARY_PRECEDENCE = 7;
