/**
 * Amounts and quantities as people type them, read the same way everywhere (issue 9): pure, no
 * DOM, no i18next, so every case is unit tested (tests/web/number.unit.test.ts).
 *
 * The rules, for Italian (English swaps the two separators):
 * - ',' is the decimal separator: '400,50' → 400.5, '1.234,50' → 1234.5;
 * - '.' groups thousands when every group after the first has exactly three digits and the first
 *   has one to three: '120.000' → 120000, '1.234.567' → 1234567;
 * - a single '.' followed by anything but three digits is read as a decimal point (the numeric
 *   keypad's key, or an English habit), and said so: '1234.5' → 1234.5, '400.50' → 400.5;
 * - with both separators the decimal one must come last: '1,234.50' is refused in Italian;
 * - spaces (also non-breaking) and a leading or trailing '€' are ignored: '€ 12 500,50' → 12500.5;
 * - no sign, no letters, no exponent; at most `decimals` decimals; not above `max`.
 */

export type NumberLocale = 'it' | 'en';

export interface NumberRules {
  /** Decimals allowed: 2 for euro, 1 for hours. */
  decimals: number;
  /** The largest plausible value (the server's bound). */
  max: number;
}

/** Euro amounts: the server's bound (0 – 1,000,000 with two decimals). */
export const MONEY: NumberRules = { decimals: 2, max: 1_000_000 };
/** Hours: the server's bound (0 – 5000 with one decimal). */
export const HOURS: NumberRules = { decimals: 1, max: 5000 };

/** Weekly hours of a contract, and years of work experience: one decimal, at most 60. */
export const WEEKLY_HOURS: NumberRules = { decimals: 1, max: 60 };
export const YEARS: NumberRules = { decimals: 1, max: 60 };

/** How an ambiguous input was read, to be said next to the value understood. */
export type NumberNote = 'grouping' | 'foreignDecimal';

export type NumberError = 'empty' | 'invalid' | 'negative' | 'mixedSeparators' | 'tooManyDecimals' | 'tooLarge';

export type ParsedNumber = { ok: true; value: number; note?: NumberNote } | { ok: false; error: NumberError };

const separators = (locale: NumberLocale) =>
  locale === 'it' ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };

/** '1', '12', '123' then groups of exactly three digits. */
const isGrouped = (parts: string[]) =>
  parts.length > 1 && /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));

/** Reads `input` as a number typed in `locale` under `rules`; never guesses silently. */
export function parseNumber(input: string, locale: NumberLocale, rules: NumberRules): ParsedNumber {
  const s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/^€|€$/g, '');
  if (s === '') return { ok: false, error: 'empty' };
  if (/^[-−]/.test(s))
    return /^[-−][\d.,]+$/.test(s) ? { ok: false, error: 'negative' } : { ok: false, error: 'invalid' };
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, error: 'invalid' };

  const { decimal, group } = separators(locale);
  let whole: string;
  let fraction = '';
  let note: NumberNote | undefined;
  const hasDecimal = s.includes(decimal);
  const hasGroup = s.includes(group);

  if (hasDecimal && hasGroup) {
    const at = s.lastIndexOf(decimal);
    if (s.indexOf(decimal) !== at || s.lastIndexOf(group) > at) return { ok: false, error: 'mixedSeparators' };
    const intPart = s.slice(0, at);
    if (!isGrouped(intPart.split(group))) return { ok: false, error: 'invalid' };
    whole = intPart.split(group).join('');
    fraction = s.slice(at + 1);
  } else if (hasDecimal) {
    const parts = s.split(decimal);
    if (parts.length !== 2) return { ok: false, error: 'invalid' };
    [whole, fraction] = [parts[0]!, parts[1]!];
  } else if (hasGroup) {
    const parts = s.split(group);
    if (isGrouped(parts)) {
      whole = parts.join('');
      note = 'grouping';
    } else if (parts.length === 2) {
      [whole, fraction] = [parts[0]!, parts[1]!];
      note = 'foreignDecimal';
    } else return { ok: false, error: 'invalid' };
  } else whole = s;

  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (whole === '' && fraction === ''))
    return { ok: false, error: 'invalid' };
  if (fraction === '' && s.endsWith(decimal)) return { ok: false, error: 'invalid' };
  if (fraction.length > rules.decimals) return { ok: false, error: 'tooManyDecimals' };
  const value = Number(`${whole === '' ? '0' : whole}.${fraction === '' ? '0' : fraction}`);
  if (!Number.isFinite(value)) return { ok: false, error: 'invalid' };
  if (value > rules.max) return { ok: false, error: 'tooLarge' };
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

/** Formatters built once per language and kind (building one costs more than using it many times). */
const formats = new Map<string, Intl.NumberFormat>();

/** A number the way `locale` writes it, with the decimals of `rules` (always two for money). */
export function formatNumber(value: number, locale: NumberLocale, rules: NumberRules, currency = false): string {
  const tag = locale === 'it' ? 'it-IT' : 'en-GB';
  const key = `${tag}:${currency}:${rules.decimals}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(tag, {
      ...(currency ? { style: 'currency', currency: 'EUR' } : {}),
      minimumFractionDigits: currency ? rules.decimals : 0,
      maximumFractionDigits: rules.decimals,
      useGrouping: true,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** A stored value as the field shows it for editing, in `locale` ('1234.5' → '1.234,50' in Italian money). */
export function editableNumber(value: number | null | undefined, locale: NumberLocale, rules: NumberRules): string {
  if (value === null || value === undefined) return '';
  return formatNumber(value, locale, rules, false).replace(/\u00a0/g, ' ');
}
