import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BinaryOp, type Expr } from './ast.js';
import { evaluate } from './evaluate.js';
import { functions } from './functions.js';
import { MAX_LENGTH, parse } from './parser.js';
import { print } from './print.js';
import { checkExpression } from './references.js';

/** The tree without positions, to compare trees read from different texts */
function strip(e: Expr): unknown {
  switch (e.kind) {
    case 'number':
      return { n: e.value };
    case 'string':
      return { s: e.value };
    case 'ref':
      return { ref: e.name };
    case 'current':
    case 'parent':
      return e.kind;
    case 'negate':
      return { neg: strip(e.operand) };
    case 'binary':
      return { op: e.op, l: strip(e.left), r: strip(e.right) };
    case 'call':
      return { call: e.name, args: e.args.map(strip) };
  }
}

const ops: BinaryOp[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'];
const names = ['a', 'b', 'età', 'q_1', 'group.q-2', 'persons', 'kinds'];
const callable = [...functions.entries()].filter(([n]) => n !== 'position');
const at = 0;
const end = 0;

/** Well-formed trees: any operator, any function with an admitted number of arguments */
const { expr } = fc.letrec<{ expr: Expr; leaf: Expr }>((tie) => ({
  leaf: fc.oneof(
    fc
      .oneof(
        fc.nat({ max: 100_000 }).map(String),
        fc.tuple(fc.nat(999), fc.nat(999)).map(([i, f]) => `${i}.${f}`),
      )
      .map((raw): Expr => ({ kind: 'number', value: Number(raw), raw, at, end })),
    fc
      .string({ maxLength: 8 })
      .filter((s) => !(s.includes("'") && s.includes('"')))
      .map((value): Expr => ({ kind: 'string', value, at, end })),
    fc.constantFrom(...names).map((name): Expr => ({ kind: 'ref', name, at, end })),
    fc.constant<Expr>({ kind: 'current', at, end }),
    fc.constant<Expr>({ kind: 'call', name: 'position', args: [{ kind: 'parent', at, end }], at, end }),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc
      .tuple(fc.constantFrom(...ops), tie('expr'), tie('expr'))
      .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, at, end })),
    tie('expr').map((operand): Expr => ({ kind: 'negate', operand, at, end })),
    fc
      .constantFrom(...callable)
      .chain(([name, spec]) =>
        fc
          .array(tie('expr'), { minLength: spec.min, maxLength: Math.min(spec.max, spec.min + 2) })
          .map((args): Expr => ({ kind: 'call', name, args, at, end })),
      ),
  ),
})) as { expr: fc.Arbitrary<Expr> };

const answer = fc.oneof(
  fc.constantFrom('', '0', '12', '-3.5', 'a b', 'yes', '2026-02-28', '2026-02-30', 'NaN', '1e3'),
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ instances: fc.array(fc.constantFrom('', '1', 'x', '2026-01-01'), { maxLength: 3 }) }),
);

describe('properties', () => {
  it('a printed tree reads back as the same tree, and prints the same again', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const text = print(e);
        const r = parse(text);
        if (text.length > MAX_LENGTH) return;
        expect(r.ok, text).toBe(true);
        if (!r.ok) return;
        expect(strip(r.ast)).toEqual(strip(e));
        expect(print(r.ast)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation never throws, whatever the answers', () => {
    fc.assert(
      fc.property(expr, fc.dictionary(fc.constantFrom(...names), answer), answer, (e, values, current) => {
        const v = evaluate(e, {
          value: (n) => values[n],
          current: typeof current === 'object' && current !== null ? '' : current,
          today: '2026-12-06',
          now: new Date('2026-12-06T10:00:00Z'),
        });
        expect(['string', 'number', 'boolean', 'object']).toContain(typeof v);
      }),
      { numRuns: 500 },
    );
  });

  it('any text parses or is refused with a problem inside the text, never a throw', () => {
    const pieces = fc.constantFrom('(', ')', ',', '${a}', '${', '}', "'", '"', '.', '..', '-', '+', 'div', 'and');
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .array(fc.oneof(pieces, fc.constantFrom('1', ' ', 'if', 'selected', 'x')), { maxLength: 30 })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (src) => {
        const r = checkExpression(src, ['a']);
        for (const p of r.problems) {
          expect(p.at).toBeGreaterThanOrEqual(0);
          expect(p.at).toBeLessThanOrEqual(Math.max(src.length, 0));
          expect(p.message.it.length).toBeGreaterThan(0);
          expect(p.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
