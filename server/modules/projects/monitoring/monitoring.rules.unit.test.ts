/** The pure rules of the scheda trimestrale: quarters, the review chain, committed amounts, computed indicators. */
import { describe, expect, it } from 'vitest';
import {
  committedCents,
  computationOf,
  quarterRange,
  quartersDue,
  quarterWithin,
  reviewStep,
} from './monitoring.rules.js';

describe('quarters', () => {
  it('a quarter runs from its first to its last day, leap years included', () => {
    expect(quarterRange({ year: 2024, quarter: 1 })).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterRange({ year: 2025, quarter: 2 })).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(quarterRange({ year: 2025, quarter: 4 })).toEqual({ start: '2025-10-01', end: '2025-12-31' });
  });

  it('a quarter overlapping the project counts; the quarters due run up to today or the end', () => {
    expect(quarterWithin({ year: 2025, quarter: 1 }, '2025-02-15', '2025-12-31')).toBe(true);
    expect(quarterWithin({ year: 2024, quarter: 4 }, '2025-02-15', '2025-12-31')).toBe(false);
    expect(quarterWithin({ year: 2026, quarter: 1 }, '2025-02-15', '2025-12-31')).toBe(false);
    expect(quartersDue('2025-11-20', '2026-12-31', '2026-02-01')).toEqual([
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 1 },
    ]);
    expect(quartersDue('2025-01-01', '2025-06-30', '2026-02-01')).toHaveLength(2);
    expect(quartersDue('2027-01-01', '2027-06-30', '2026-02-01')).toEqual([]);
  });
});

describe('the review chain', () => {
  it('ANCI reviews a scheda sent, MLPS one validated; each may return it', () => {
    expect(reviewStep('INVIATA', ['assistenza_tecnica'], 'validate')).toEqual({
      ok: true,
      level: 'ANCI',
      to: 'VALIDATA_ANCI',
    });
    expect(reviewStep('INVIATA', ['assistenza_tecnica'], 'return')).toEqual({
      ok: true,
      level: 'ANCI',
      to: 'RESTITUITA',
    });
    expect(reviewStep('INVIATA', ['assistenza_tecnica'], 'approve')).toEqual({ ok: false, why: 'level' });
    expect(reviewStep('INVIATA', ['mlps'], 'return')).toEqual({ ok: false, why: 'level' });
    expect(reviewStep('VALIDATA_ANCI', ['mlps'], 'approve')).toEqual({ ok: true, level: 'MLPS', to: 'APPROVATA' });
    expect(reviewStep('VALIDATA_ANCI', ['mlps'], 'validate')).toEqual({ ok: false, why: 'level' });
    expect(reviewStep('VALIDATA_ANCI', ['assistenza_tecnica'], 'validate')).toEqual({ ok: false, why: 'level' });
    for (const s of ['BOZZA', 'RESTITUITA', 'APPROVATA'] as const)
      expect(reviewStep(s, ['assistenza_tecnica', 'mlps'], 'return')).toEqual({ ok: false, why: 'state' });
  });
});

describe('committed and computed', () => {
  it('committed: the procurements awarded or signed by the quarter’s end', () => {
    const p = (amountCents: number, step: 'AGGIUDICAZIONE' | 'STIPULA' | 'PUBBLICAZIONE', doneOn: string | null) => ({
      object: 'x',
      procedure: 'ALTRO' as const,
      cig: null,
      amountCents,
      steps: [{ step, plannedOn: null, doneOn }],
    });
    expect(
      committedCents(
        {
          procurements: [
            p(1_000_00, 'AGGIUDICAZIONE', '2025-03-31'),
            p(2_000_00, 'STIPULA', '2025-02-01'),
            p(4_000_00, 'PUBBLICAZIONE', '2025-01-10'),
            p(8_000_00, 'STIPULA', '2025-04-01'),
            p(16_000_00, 'AGGIUDICAZIONE', null),
          ],
        },
        '2025-03-31',
      ),
    ).toBe(3_000_00);
  });

  it('an indicator is computed by its catalogue key, O.2.7 by its code; the others are entered', () => {
    expect(computationOf({ code: 'O.2.7', computation: null })).toBe('projects.local_authority_beneficiary');
    expect(computationOf({ code: 'X.1', computation: 'projects.spent_cents' })).toBe('projects.spent_cents');
    expect(computationOf({ code: 'X.2', computation: 'pilot.unknown' })).toBeNull();
    expect(computationOf({ code: 'O.2.1', computation: null })).toBeNull();
  });
});
