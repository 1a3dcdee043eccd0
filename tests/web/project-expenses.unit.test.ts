import { describe, expect, it } from 'vitest';
import { formatEuro as euro } from '../../server/modules/projects/shared/money.js';
import { centsOf, dayOf } from '../../web/src/features/projects/expenses/amounts.js';
import { parseNumber, MONEY } from '../../web/src/lib/number.js';

describe('the expenses page: amounts and dates', () => {
  it('turns the amount typed the Italian way into whole cents, float noise included', () => {
    const cents = (typed: string) => {
      const parsed = parseNumber(typed, 'it', MONEY);
      if (!parsed.ok) throw new Error(parsed.error);
      return centsOf(parsed.value);
    };
    expect(cents('1.234,50')).toBe(123450);
    expect(cents('0,29')).toBe(29);
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('999.999,99')).toBe(99999999);
  });

  it('shows cents as "1.234,50 €" and dates as gg/mm/aaaa', () => {
    expect(euro(123450)).toBe('1.234,50 €');
    expect(euro(5)).toBe('0,05 €');
    expect(dayOf('2025-03-05')).toBe('05/03/2025');
    expect(dayOf(null)).toBe('');
  });
});
