/**
 * Disclosure control of the quadro comparativo (security.md §4.2, T-18): example-based checks of
 * the rules, then property tests over random raw tables skewed toward small counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageOverRoundedCount,
  type CellKind,
  type ColumnDef,
  controlCell,
  controlPersons,
  DISCLOSURE_NOTE_EN,
  DISCLOSURE_NOTE_IT,
  publishTable,
  SUPPRESSED,
  type RawCell,
  type RawRow,
  type TableRow,
} from './disclosure.js';

const col = (key: string, kind: CellKind): ColumnDef => ({ key, kind, block: 'intake', labelIt: key, labelEn: key });

describe('controlPersons', () => {
  it.each([
    [0, 0],
    [1, '<10'],
    [9, '<10'],
    [10, 10],
    [12, 10],
    [13, 15],
    [14, 15],
    [15, 15],
    [17, 15],
    [18, 20],
    [1000, 1000],
  ] as const)('%d -> %s', (n, expected) => {
    expect(controlPersons(n)).toBe(expected);
  });

  it('refuses what is not a count of persons rather than publishing it', () => {
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => controlPersons(bad)).toThrow(RangeError);
  });
});

describe('controlCell', () => {
  it('shows a ratio only over at least 10 persons, in steps of 5 points so the numerator stays hidden', () => {
    expect(controlCell('ratio', { value: 33.333, base: 9 })).toBe('<10');
    expect(controlCell('ratio', { value: 33.333, base: 10 })).toBe(35);
    expect(controlCell('ratio', { value: 66.66, base: 12 })).toBe(65);
    expect(controlCell('ratio', { value: 50, base: 1 })).toBe('<10');
  });

  it('shows a median of days only over at least 10 persons, as an integer', () => {
    expect(controlCell('days', { value: 12.5, base: 9 })).toBe('<10');
    expect(controlCell('days', { value: 12.5, base: 10 })).toBe(13);
    expect(controlCell('days', { value: 12.4, base: 40 })).toBe(12);
  });

  it('suppresses an average amount over fewer than 10 persons, re-bases it on the rounded count, keeps other amounts exact', () => {
    expect(controlCell('amount', { value: 1234.5, base: 3 })).toBe('<10');
    // 12 PAIs costing 14,814 € in all: published over the rounded 10 PAIs, not the true 12
    expect(controlCell('amount', { value: 1234.5, base: 12 })).toBe(1481.4);
    expect(controlCell('amount', { value: 1234.5, base: 15 })).toBe(1234.5);
    expect(controlCell('amount', { value: 1234.5, base: 0 })).toBeNull();
    expect(controlCell('amount', { value: 800000 })).toBe(800000);
    // 81.77 € over 108 PAIs: 0.74 € over the published 110 would give back 111 — withheld
    expect(averageOverRoundedCount(81.77 / 108, 108)).toBeNull();
  });

  it('never lets total ÷ average give back a true count of 1–9 or an unrounded one (MLPS, issue 9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 10_000_000 }), (n, cents) => {
        const spent = cents / 100;
        const avg = averageOverRoundedCount(spent / n, n);
        if (n < 10) return avg === SUPPRESSED;
        // withheld only when the cents are too coarse to hide the count: an average (over the
        // published count) below 1 € per 100 persons, e.g. 81.77 € over 108 PAIs published as 110
        if (avg === null) {
          const published = controlPersons(n) as number;
          return spent / published <= published / 100 + 0.005 + 1e-9;
        }
        if (typeof avg !== 'number') return false;
        // the quotient rounds to the published count, never to the true one unless both agree
        return Math.round(spent / avg) === controlPersons(n);
      }),
    );
  });

  it('keeps hours exact and amounts to the cent', () => {
    expect(controlCell('count', { value: 7 })).toBe(7);
    expect(controlCell('count', { value: 3 })).toBe(3);
    expect(controlCell('amount', { value: 1234.5678 })).toBe(1234.57);
    expect(controlCell('amount', { value: 1.005 })).toBe(1.01);
    expect(controlCell('amount', { value: 5 })).toBe(5);
  });

  it('null means not computable: a null value, or a ratio/median over nobody', () => {
    for (const kind of ['persons', 'count', 'amount', 'ratio', 'days'] as const) {
      expect(controlCell(kind, { value: null })).toBeNull();
    }
    expect(controlCell('ratio', { value: 0, base: 0 })).toBeNull();
    expect(controlCell('days', { value: 3, base: 0 })).toBeNull();
    expect(controlCell('ratio', { value: 0, base: 10 })).toBe(0);
  });

  it('fails closed when a ratio or median has no base to check', () => {
    expect(() => controlCell('ratio', { value: 50 })).toThrow(TypeError);
    expect(() => controlCell('days', { value: 5 })).toThrow(TypeError);
    expect(() => controlCell('ratio', { value: 50, base: 3.5 })).toThrow(RangeError);
  });
});

describe('publishTable (examples)', () => {
  const columns = [
    col('referrals', 'persons'),
    col('screened', 'ratio'),
    col('hours', 'count'),
    col('spent', 'amount'),
  ];
  const row = (istat: string, referrals: number): RawRow => ({
    comuneIstat: istat,
    comuneName: `Comune ${istat}`,
    cells: {
      referrals: { value: referrals },
      screened: { value: 100 / 3, base: referrals },
      hours: { value: 5 },
      spent: { value: 99.999 },
    },
  });

  it('rounds the total from the raw data, not from the rounded rows (3+3+3+3 = 12 -> 10)', () => {
    const rows = ['001001', '001002', '001003', '001004'].map((c) => row(c, 3));
    const total = {
      comuneIstat: '',
      comuneName: '',
      cells: { referrals: { value: 12 }, screened: { value: 100 / 3, base: 12 } },
    };
    const out = publishTable(columns, rows, total, { exactFor: 'none' });
    expect(out).toHaveLength(5);
    for (const r of out.slice(0, 4))
      expect(r.cells).toEqual({ referrals: '<10', screened: '<10', hours: 5, spent: 100 });
    expect(out[4]).toEqual({
      comuneIstat: null,
      comuneName: 'Totale',
      exact: false,
      cells: { referrals: 10, screened: 35, hours: null, spent: null },
    });
  });

  it('gives a Comune its own row exact and everything else, total included, controlled', () => {
    const rows = [row('001001', 3), row('001002', 12)];
    const total = row('', 15);
    const out = publishTable(columns, rows, total, { exactFor: '001001' });
    expect(out.map((r) => r.exact)).toEqual([true, false, false]);
    expect(out[0]!.cells).toEqual({ referrals: 3, screened: 33.3, hours: 5, spent: 100 });
    expect(out[1]!.cells.referrals).toBe(10);
    expect(out[2]!.cells.referrals).toBe(15);
  });

  it("'all' sees every row exact, total included", () => {
    const out = publishTable(columns, [row('001001', 3)], row('', 3), { exactFor: 'all' });
    expect(out.every((r) => r.exact)).toBe(true);
    expect(out.map((r) => r.cells.referrals)).toEqual([3, 3]);
  });

  it('publishes only the listed columns, a missing cell as null', () => {
    const raw: RawRow = {
      comuneIstat: '001001',
      comuneName: 'A',
      cells: { referrals: { value: 4 }, secret: { value: 2 } },
    };
    const out = publishTable([col('referrals', 'persons'), col('exits', 'persons')], [raw], raw, { exactFor: 'all' });
    expect(out[0]!.cells).toEqual({ referrals: 4, exits: null });
  });

  it('refuses duplicate columns and duplicate Comuni', () => {
    expect(() =>
      publishTable([col('a', 'persons'), col('a', 'count')], [], row('', 0), { exactFor: 'none' }),
    ).toThrow();
    expect(() =>
      publishTable(columns, [row('001001', 1), row('001001', 2)], row('', 3), { exactFor: 'none' }),
    ).toThrow();
  });

  it('states the policy in both languages', () => {
    expect(DISCLOSURE_NOTE_IT).toContain('«<10»');
    expect(DISCLOSURE_NOTE_IT).toContain('possono non coincidere con la somma delle righe');
    expect(DISCLOSURE_NOTE_EN).toContain('<10');
  });
});

// ---- property tests (T-18) -------------------------------------------------------------------

const kinds: CellKind[] = ['persons', 'count', 'amount', 'ratio', 'days'];
/** counts skewed toward the dangerous 0–15 range, with the occasional large one */
const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 15 }) },
  { weight: 1, arbitrary: fc.integer({ min: 16, max: 5000 }) },
);
const rawCell = (kind: CellKind): fc.Arbitrary<RawCell> => {
  const value = (() => {
    switch (kind) {
      case 'persons':
        return count;
      case 'count':
        return fc.integer({ min: 0, max: 10_000 });
      case 'amount':
        return fc.double({ min: 0, max: 1e7, noNaN: true });
      case 'ratio':
        return fc.double({ min: 0, max: 100, noNaN: true });
      case 'days':
        return fc.double({ min: 0, max: 720, noNaN: true });
    }
  })();
  const withNull = fc.option(value, { freq: 8, nil: null });
  return kind === 'ratio' || kind === 'days'
    ? fc.record({ value: withNull, base: count })
    : fc.record({ value: withNull });
};

const tableArb = fc
  .uniqueArray(fc.constantFrom(...kinds), { minLength: 0, maxLength: 5 })
  .chain((ks) => fc.tuple(fc.constant(ks), fc.array(fc.constantFrom(...kinds), { maxLength: 6 })))
  .map(([a, b]) => [...a, ...b].map((kind, i) => col(`c${i}`, kind)))
  .chain((columns) => {
    const cells = fc.record(Object.fromEntries(columns.map((c) => [c.key, rawCell(c.kind)])));
    const rows = fc
      .uniqueArray(fc.integer({ min: 1001, max: 111_999 }), { maxLength: 10 })
      .chain((codes) =>
        fc.tuple(
          ...codes.map((code) =>
            cells.map(
              (c): RawRow => ({ comuneIstat: String(code).padStart(6, '0'), comuneName: `Comune ${code}`, cells: c }),
            ),
          ),
        ),
      );
    return fc.record({ columns: fc.constant(columns), rows, total: cells });
  })
  .map(({ columns, rows, total }) => {
    // the caller computes the total from the raw data: persons add up, the rest is whatever it is
    const totalCells: Record<string, RawCell> = { ...total };
    for (const c of columns.filter((c) => c.kind === 'persons')) {
      const sum = rows.reduce((s, r) => s + (r.cells[c.key]?.value ?? 0), 0);
      totalCells[c.key] = { value: sum };
    }
    const totalRow: RawRow = { comuneIstat: '', comuneName: '', cells: totalCells };
    return { columns, rows: [...rows], total: totalRow };
  });

function expectControlled(columns: ColumnDef[], raw: RawRow, published: TableRow): void {
  expect(published.exact).toBe(false);
  expect(Object.keys(published.cells).sort()).toEqual(columns.map((c) => c.key).sort());
  for (const c of columns) {
    const cell = published.cells[c.key];
    const r = raw.cells[c.key]!;
    if (c.kind === 'persons') {
      if (r.value === null) expect(cell).toBeNull();
      else
        expect(cell === 0 || cell === '<10' || (typeof cell === 'number' && cell >= 10 && cell % 5 === 0)).toBe(true);
      if (typeof cell === 'number') expect(cell === 0 || cell >= 10).toBe(true);
      if (r.value !== null && r.value >= 1 && r.value <= 9) expect(cell).toBe('<10');
      if (r.value !== null && r.value >= 10) expect(Math.abs((cell as number) - r.value)).toBeLessThanOrEqual(2);
    }
    if ((c.kind === 'ratio' || c.kind === 'days') && r.value !== null && r.base! >= 1 && r.base! <= 9) {
      expect(cell).toBe('<10');
    }
    expect(cell).toEqual(controlCell(c.kind, r));
  }
}

describe('publishTable (properties, T-18)', () => {
  it("for viewer 'none' every cell is controlled and no persons cell is in 1..9", () => {
    fc.assert(
      fc.property(tableArb, ({ columns, rows, total }) => {
        const out = publishTable(columns, rows, total, { exactFor: 'none' });
        expect(out).toHaveLength(rows.length + 1);
        rows.forEach((r, i) => {
          expect(out[i]!.comuneIstat).toBe(r.comuneIstat);
          expectControlled(columns, r, out[i]!);
        });
        const last = out.at(-1)!;
        expect(last.comuneIstat).toBeNull();
        expect(last.comuneName).toBe('Totale');
        expectControlled(columns, total, last);
        for (const c of columns.filter((c) => c.kind === 'persons')) {
          // controlled on its own from the raw sum, whatever the rounded rows add up to
          expect(last.cells[c.key]).toBe(controlPersons(total.cells[c.key]!.value!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('identical inputs give identical outputs, and the inputs are not modified', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom('none', 'all', 'first'), ({ columns, rows, total }, who) => {
        const exactFor = who === 'first' ? (rows[0]?.comuneIstat ?? 'none') : who;
        const before = structuredClone({ columns, rows, total });
        const a = publishTable(columns, rows, total, { exactFor });
        const b = publishTable(structuredClone(columns), structuredClone(rows), structuredClone(total), { exactFor });
        expect(b).toEqual(a);
        expect({ columns, rows, total }).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('with exactFor = one ISTAT code, only that row is exact', () => {
    fc.assert(
      fc.property(
        tableArb.filter((t) => t.rows.length > 0).chain((t) => fc.tuple(fc.constant(t), fc.nat(t.rows.length - 1))),
        ([{ columns, rows, total }, pick]) => {
          const own = rows[pick]!.comuneIstat;
          const out = publishTable(columns, rows, total, { exactFor: own });
          rows.forEach((r, i) => {
            if (i === pick) {
              expect(out[i]!.exact).toBe(true);
              for (const c of columns.filter((c) => c.kind === 'persons' || c.kind === 'count')) {
                expect(out[i]!.cells[c.key]).toBe(r.cells[c.key]!.value);
              }
            } else {
              expectControlled(columns, r, out[i]!);
            }
          });
          expectControlled(columns, total, out.at(-1)!);
        },
      ),
      { numRuns: 200 },
    );
  });
});
