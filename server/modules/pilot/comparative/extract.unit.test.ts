import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRelease, K_MIN } from './extract.rules.js';
import type { PseudonymisedRecord } from './comparative.schema.js';

const bands = ['0-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
const record = fc
  .record({
    n: fc.integer({ min: 1, max: 9999 }),
    comuneIstat: fc.constantFrom('087015', '059011', '100005'),
    role: fc.constantFrom('titolare' as const, 'familiare' as const),
    sex: fc.constantFrom('F' as const, 'M' as const, 'X' as const),
    ageBand: fc.constantFrom(...bands),
    degree: fc.constantFrom(null, 1, 2, 3),
  })
  .map(
    (r): PseudonymisedRecord => ({
      pseudonym: `CT-2026-${String(r.n).padStart(4, '0')}`,
      comuneIstat: r.comuneIstat,
      role: r.role,
      degree: r.role === 'titolare' ? null : r.degree,
      sex: r.sex,
      ageBand: r.ageBand,
      caseStatus: 'aperto',
      openedQuarter: '2026-Q2',
      admitted: false,
      paiStatus: null,
      measures: 0,
      hasContract: false,
      exitReason: null,
    }),
  );
const dataset = fc.uniqueArray(record, { selector: (r) => r.pseudonym, maxLength: 120 });

describe('the pseudonymised release', () => {
  it('leaves no combination of quasi-identifiers with fewer than 5 persons, and no pseudonym', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        const out = buildRelease(rows, Buffer.alloc(32, 1));
        const groups = new Map<string, number>();
        for (const r of out.records) {
          const k = `${r.comuneIstat}|${r.role}|${r.sex}|${r.ageBand}`;
          groups.set(k, (groups.get(k) ?? 0) + 1);
        }
        for (const n of groups.values()) expect(n).toBeGreaterThanOrEqual(K_MIN);
        expect(out.records.length + out.suppressed).toBe(rows.length);
        if (out.records.length) expect(out.kMeasured).toBe(Math.min(...groups.values()));
        const text = JSON.stringify(out.records);
        for (const r of rows) expect(text).not.toContain(r.pseudonym);
      }),
      { numRuns: 200 },
    );
  });

  it('gives references that differ between releases, so two releases cannot be joined', () => {
    fc.assert(
      fc.property(
        dataset.filter((d) => d.length >= 10),
        (rows) => {
          const one = new Set(buildRelease(rows, Buffer.alloc(32, 1)).records.map((r) => r.ref));
          const two = buildRelease(rows, Buffer.alloc(32, 2)).records.map((r) => r.ref);
          expect(two.filter((ref) => one.has(ref))).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('generalises only as far as needed', () => {
    const many = Array.from(
      { length: 40 },
      (_, i): PseudonymisedRecord => ({
        pseudonym: `LT-2026-${String(i).padStart(4, '0')}`,
        comuneIstat: '059011',
        role: 'titolare',
        degree: null,
        sex: i % 2 ? 'F' : 'M',
        ageBand: i % 4 < 2 ? '25-34' : '35-44',
        caseStatus: 'aperto',
        openedQuarter: '2026-Q1',
        admitted: true,
        paiStatus: null,
        measures: 1,
        hasContract: false,
        exitReason: null,
      }),
    );
    const out = buildRelease(many, Buffer.alloc(32, 3));
    expect(out).toMatchObject({ generalisation: 'nessuna', suppressed: 0, kMeasured: 10 });
    expect(out.records[0]).toMatchObject({ openedYear: '2026' });
  });
});
