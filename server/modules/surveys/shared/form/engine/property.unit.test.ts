import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateForm } from './index.js';
import { clock, form, group, list, q, repeat } from './test-forms.js';

/** A form with every question type, repeats, relevance, calculations, a cycle and a choice filter */
const rich = form(
  [
    q('n', 'integer', { constraint: '. >= 0' }),
    q('d', 'decimal', { required: true }),
    q('t', 'text', { requiredIf: '${n} > 2' }),
    q('data', 'date', { constraint: '. <= today()' }),
    q('sino', 'yes_no'),
    q('uno', 'select_one', { listName: 'tipi', other: true, choiceFilter: "gruppo = 'a' or ${sino} = 'si'" }),
    q('molti', 'select_multiple', { listName: 'tipi', constraint: 'count-selected(.) < 3' }),
    q('ok', 'acknowledge'),
    q('nota', 'note'),
    q('stima', 'range_estimate', { min: 0, max: 100, decimal: true }),
    q('periodo', 'reference_period', { unit: 'year' }),
    q('c1', 'calculate', { calculation: '${c2} + ${n}' }),
    q('c2', 'calculate', { calculation: 'sum(${x})' }),
    q('loop_a', 'calculate', { calculation: '${loop_b}' }),
    q('loop_b', 'calculate', { calculation: "concat(${loop_a}, 'x')" }),
    group('g', [q('gq', 'integer', { required: true })], { relevant: "${sino} = 'si'" }),
    repeat(
      'r',
      [
        q('x', 'integer', { relevant: 'position(..) > 1', constraint: '. < ${n}' }),
        repeat('rr', [q('y', 'text', { required: true, relevant: "${x} != ''" })], { repeatCount: '${x}' }),
      ],
      { repeatCount: '${n}' },
    ),
  ],
  [list('tipi', ['a', 'b', 'c'], [{ gruppo: 'a' }, { gruppo: 'b' }, {}])],
);

const names = [
  'n',
  'd',
  't',
  'data',
  'sino',
  'uno',
  'uno_other',
  'molti',
  'ok',
  'nota',
  'stima',
  'periodo',
  'c1',
  'gq',
  'x',
  'y',
  'r',
  'rr',
  '__proto__',
  'constructor',
];

/** Values of plausible and implausible shapes */
const answer: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('a', 'b c', 'other', 'si', '2024', '2026-01-01', 'OK', '', '  '),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.record(
    { value: fc.anything(), min: fc.anything(), max: fc.anything(), quality: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({ from: fc.string(), to: fc.string() }, { requiredKeys: [] }),
);

/** Answers nested two repeats deep (an explicit depth: generation stays fast) */
const level = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(fc.constantFrom(...names), fc.oneof(answer, fc.array(inner, { maxLength: 4 })), { maxKeys: 10 });
const answers = level(level(level(answer)));

describe('evaluateForm on any answers', () => {
  it('never throws, and reports every issue and missing answer at a path it lists', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const r = evaluateForm(rich, a, clock);
        const paths = new Set(r.items.map((i) => i.path));
        for (const i of r.issues) expect(paths.has(i.path)).toBe(true);
        for (const m of r.missing)
          expect(r.issues.some((i) => i.path === m.path && i.code === 'answer.required')).toBe(true);
        expect(r.cycles.map((c) => c.names)).toEqual([['loop_a', 'loop_b']]);
        expect(r.complete).toBe(r.issues.length === 0);
        expect(() => JSON.stringify(r.values)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on answers that are not even an object', () => {
    fc.assert(
      fc.property(fc.anything(), (a) => {
        expect(() => evaluateForm(rich, a as Record<string, unknown>, clock)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
