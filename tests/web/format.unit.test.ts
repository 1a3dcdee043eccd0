/**
 * The web's cached formatters (web/src/lib/format.ts), which the pilot's `useDay` and `useEuro`
 * read: one per locale, and the same words as a formatter built on the spot with the same options.
 */
import { describe, expect, it } from 'vitest';
import { dayFormat, euroFormat, localeOf } from '../../web/src/lib/format.js';

const day = new Date(Date.UTC(2026, 11, 6));

describe('dayFormat and euroFormat', () => {
  it.each([
    ['it', '6 dic 2026', '12.345,50\u00a0€'],
    ['en', '6 Dec 2026', '€12,345.50'],
  ])('write %s dates and euros as before, built once per locale', (lang, date, euro) => {
    const locale = localeOf(lang);
    expect(dayFormat(locale).format(day)).toBe(date);
    expect(dayFormat(locale).format(day)).toBe(
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day),
    );
    expect(euroFormat(locale).format(12_345.5)).toBe(euro);
    expect(euroFormat(locale).format(12_345.5)).toBe(
      new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(12_345.5),
    );
    expect(dayFormat(locale)).toBe(dayFormat(locale));
    expect(euroFormat(locale)).toBe(euroFormat(locale));
  });

  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(dayFormat('it-IT').format(new Date(Date.UTC(2026, 0, 1)))).toBe('1 gen 2026');
  });
});
