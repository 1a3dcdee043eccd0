/** The money rules of the budget: amounts in cents, what a PAI commits per year, the allocation guard. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import {
  assertActualCostPlausible,
  assertAllocationCoversCommitted,
  assertAllocationYear,
  assertFitsAllocation,
  formatEuro,
  plannedOfPai,
} from './budget.rules.js';
import { planMeasureDates } from './pai.rules.js';
import { settlementOf } from '../shared/settlement.js';

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
};

describe('formatEuro', () => {
  it('writes amounts the Italian way, grouping the thousands', () => {
    expect(formatEuro(1234)).toBe('1.234,00');
    expect(formatEuro(1234567.5)).toBe('1.234.567,50');
    expect(formatEuro(0.1 + 0.2)).toBe('0,30');
    expect(formatEuro(-12.5)).toBe('-12,50');
  });
});

describe('plannedOfPai', () => {
  const measures = [
    { year: 2026, id: 'a', cost_planned: 100.1 },
    { year: 2026, id: 'b', cost_planned: '200.20' },
    { year: 2027, id: 'c', cost_planned: 50 },
  ];

  it('commits every live measure by its start year on approval, all of it requested', () => {
    const planned = plannedOfPai(measures);
    expect(planned.get(2026)).toEqual({ total: 30030, requested: 30030 });
    expect(planned.get(2027)).toEqual({ total: 5000, requested: 5000 });
  });

  it('counts a changed measure at its new cost, only in its year, the others of that year as already there', () => {
    const planned = plannedOfPai(measures, { measureId: 'b', year: 2026, cost: 300 });
    expect([...planned.keys()]).toEqual([2026]);
    expect(planned.get(2026)).toEqual({ total: 10010 + 30000, requested: 30000 });
  });

  it('counts a new measure (no id yet) next to all the measures of its year', () => {
    expect(plannedOfPai(measures, { measureId: null, year: 2027, cost: 10 }).get(2027)).toEqual({
      total: 6000,
      requested: 1000,
    });
  });
});

describe('assertFitsAllocation', () => {
  it('refuses a year without an allocation', () => {
    expect(codeOf(() => assertFitsAllocation(2026, { total: 100, requested: 100 }, null, 0))).toBe(
      'pilot.budget_missing',
    );
  });

  it('accepts a commitment that fills the allocation to the cent', () => {
    expect(
      codeOf(() => assertFitsAllocation(2026, { total: 50000, requested: 30000 }, '1000.00', 500)),
    ).toBeUndefined();
  });

  it('refuses one cent more, telling what is still available', () => {
    let message = '';
    try {
      assertFitsAllocation(2026, { total: 50001, requested: 30001 }, 1000, '500');
    } catch (err) {
      expect((err as AppError).code).toBe('pilot.budget_exceeded');
      message = (err as Error).message;
    }
    expect(message).toContain('disponibili € 300,00, richiesti € 300,01 (anno 2026)');
  });
});

describe('assertAllocationCoversCommitted', () => {
  it('accepts an allocation equal to what is committed, to the cent', () => {
    expect(codeOf(() => assertAllocationCoversCommitted(2026, 600.1, '600.10'))).toBeUndefined();
    expect(codeOf(() => assertAllocationCoversCommitted(2026, 0, 0))).toBeUndefined();
  });

  it('refuses one cent less, telling the committed amount and the year', () => {
    try {
      assertAllocationCoversCommitted(2026, 600.09, '600.10');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('pilot.allocation_below_committed');
      expect((err as AppError).context).toEqual({ committed: 600.1, year: 2026 });
      expect((err as Error).message).toContain('€ 600,10');
    }
  });
});

describe('issue 9 rules', () => {
  it('asks to confirm an actual cost above 150% of plan', () => {
    expect(() => assertActualCostPlausible(150, 100, false)).not.toThrow();
    expect(() => assertActualCostPlausible(150.01, 100, false)).toThrow(
      expect.objectContaining({ code: 'pilot.cost_above_plan' }),
    );
    expect(() => assertActualCostPlausible(40_050, 400.5, true)).not.toThrow();
    expect(() => assertActualCostPlausible(0.01, 0, false)).toThrow();
  });

  it('sets allocations from last year to three years ahead', () => {
    expect(() => assertAllocationYear(2025, 2026)).not.toThrow();
    expect(() => assertAllocationYear(2029, 2026)).not.toThrow();
    for (const y of [2024, 2030]) expect(() => assertAllocationYear(y, 2026)).toThrow();
  });

  it('dates a measure within the PAI: started today by default, ended not before it started', () => {
    const facts = { today: '2026-06-10', approvedOn: '2026-06-01' };
    const planned = { status: 'pianificata' as const, actual_start_on: null, actual_end_on: null };
    expect(planMeasureDates(planned, 'avviata', {}, facts)).toEqual({ actual_start_on: '2026-06-10' });
    expect(() => planMeasureDates(planned, 'avviata', { actualStartOn: '2026-05-31' }, facts)).toThrow();
    const started = { status: 'avviata' as const, actual_start_on: '2026-06-05', actual_end_on: null };
    expect(planMeasureDates(started, 'completata', { actualEndOn: '2026-06-08' }, facts)).toEqual({
      actual_end_on: '2026-06-08',
    });
    expect(() => planMeasureDates(started, 'completata', { actualEndOn: '2026-06-04' }, facts)).toThrow();
    expect(() => planMeasureDates(started, 'avviata', { actualEndOn: '2026-06-08' }, facts)).toThrow();
  });

  it('settles planned measures as released only on an approved PAI', () => {
    const row = (
      id: string,
      status: 'pianificata' | 'avviata',
      committed: boolean,
      cost_actual: number | null = null,
    ) => ({
      id,
      pai_id: 'p',
      type: 'formazione',
      status,
      cost_planned: 100.1,
      cost_actual,
      committed,
    });
    const s = settlementOf([row('a', 'pianificata', true), row('b', 'pianificata', false), row('c', 'avviata', true)]);
    expect([s.cancelled.length, s.released, s.interrupted.length, s.withoutActualCost]).toEqual([2, 100.1, 1, 1]);
  });
});
