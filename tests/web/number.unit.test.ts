/** The web's one reader of typed amounts and quantities (web/src/lib/number.ts). */
import { describe, expect, it } from 'vitest';
import { editableNumber, formatNumber, HOURS, MONEY, parseNumber } from '../../web/src/lib/number.js';

const it_ = (s: string) => parseNumber(s, 'it', MONEY);
const en = (s: string) => parseNumber(s, 'en', MONEY);

describe('parseNumber, Italian', () => {
  it.each([
    ['400,50', 400.5],
    ['1.234,50', 1234.5],
    ['120000', 120_000],
    ['0,5', 0.5],
    [',5', 0.5],
    ['234.567,89', 234_567.89],
    ['€ 12 500,50', 12_500.5],
    ['12\u00a0500', 12_500],
    ['1000000', 1_000_000],
    ['0', 0],
    ['007', 7],
  ])('reads %s as %d', (typed, value) => {
    expect(it_(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['120.000', 120_000],
    ['1.234', 1234],
    ['1.000.000', 1_000_000],
  ])('reads %s as thousands, and says so', (typed, value) => {
    expect(it_(typed)).toEqual({ ok: true, value, note: 'grouping' });
  });

  it.each([
    ['1234.5', 1234.5],
    ['400.50', 400.5],
    ['1.5', 1.5],
    ['12.3', 12.3],
  ])('reads %s with a lone dot as decimals, and says so', (typed, value) => {
    expect(it_(typed)).toEqual({ ok: true, value, note: 'foreignDecimal' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['12a', 'invalid'],
    ['1e5', 'invalid'],
    ['4,0,0', 'invalid'],
    ['1.23.4', 'invalid'],
    ['12.34.567', 'invalid'],
    ['1234.567,00', 'invalid'],
    ['12,', 'invalid'],
    ['.', 'invalid'],
    ['-5', 'negative'],
    ['−5,00', 'negative'],
    ['1,234.50', 'mixedSeparators'],
    ['1,2.3', 'mixedSeparators'],
    ['10,001', 'tooManyDecimals'],
    ['1.000.000,01', 'tooLarge'],
    ['2000000', 'tooLarge'],
  ])('refuses %j (%s)', (typed, error) => {
    expect(it_(typed)).toEqual({ ok: false, error });
  });
});

describe('parseNumber, English', () => {
  it.each([
    ['1,234.50', 1234.5, undefined],
    ['400.50', 400.5, undefined],
    ['120,000', 120_000, 'grouping'],
    ['120000', 120_000, undefined],
    ['400,50', 400.5, 'foreignDecimal'],
  ])('reads %s as %d', (typed, value, note) => {
    expect(en(typed)).toEqual(note === undefined ? { ok: true, value } : { ok: true, value, note });
  });

  it.each([
    ['1.234,50', 'mixedSeparators'],
    ['1.234', 'tooManyDecimals'],
    ['x', 'invalid'],
  ])('refuses %j (%s)', (typed, error) => {
    expect(en(typed)).toEqual({ ok: false, error });
  });
});

describe('hours', () => {
  it('allow one decimal and at most 5000', () => {
    expect(parseNumber('12,5', 'it', HOURS)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('12,25', 'it', HOURS)).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(parseNumber('5001', 'it', HOURS)).toEqual({ ok: false, error: 'tooLarge' });
  });
});

describe('formatting', () => {
  it('writes the value understood in the UI language', () => {
    expect(formatNumber(1234.5, 'it', MONEY, true).replace(/\s/g, ' ')).toBe('1.234,50 €');
    expect(formatNumber(1234.5, 'en', MONEY, true)).toBe('€1,234.50');
    expect(formatNumber(12.5, 'it', HOURS)).toBe('12,5');
  });

  it('round-trips what it writes for editing', () => {
    for (const v of [0, 0.5, 400.5, 1234.5, 120_000, 999_999.99]) {
      for (const locale of ['it', 'en'] as const) {
        const typed = editableNumber(v, locale, MONEY);
        expect(parseNumber(typed, locale, MONEY)).toMatchObject({ ok: true, value: v });
      }
    }
    expect(editableNumber(null, 'it', MONEY)).toBe('');
  });
});
