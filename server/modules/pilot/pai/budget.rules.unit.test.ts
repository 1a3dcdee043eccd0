/** The money rules of the budget: amounts in cents, what a PAI commits per year, the allocation guard. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { assertFitsAllocation, formatEuro, plannedOfPai } from './budget.rules.js';

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
