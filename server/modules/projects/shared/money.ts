/**
 * Money as integer euro cents, end to end (issue 12): amounts are read from what Italians type
 * ("1.234,50", "1234,5", "€ 1.234") or from a spreadsheet's number, kept as integers, summed as
 * integers, and written back in Italian. Percentages are basis points (7% = 700). Pure.
 */

/** The largest amount accepted anywhere: one billion euro, in cents. */
export const MAX_CENTS = 100_000_000_000;

/**
 * Reads an amount typed the Italian way into cents, or null when it is not one. Accepts a leading
 * "€" or trailing "€"/"EUR", spaces, thousands separated by "." (or by spaces or apostrophes), the
 * decimal comma with one or two digits. Without a comma, a dot followed by one or two digits at the
 * end is read as a decimal point ("1234.5", as a machine writes it); a dot followed by groups of
 * three digits is a thousands separator ("1.234" is one thousand two hundred and thirty-four).
 * Negative amounts, more than two decimals and anything else are refused.
 */
export function parseEuroCents(input: string): number | null {
  let s = input
    .trim()
    .replace(/^€\s*/, '')
    .replace(/\s*(€|EUR)$/i, '')
    .trim();
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return null;
  let intPart: string;
  let decPart = '';
  if (s.includes(',')) {
    const m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(s);
    if (!m) return null;
    intPart = m[1]!.replace(/\./g, '');
    decPart = m[2]!;
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [intPart, decPart] = s.split('.') as [string, string];
  } else if (/^(\d{1,3}(?:\.\d{3})+|\d+)$/.test(s)) {
    intPart = s.replace(/\./g, '');
  } else {
    return null;
  }
  if (intPart.length > 12) return null;
  const cents = Number(intPart) * 100 + Number(decPart.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) && cents < MAX_CENTS ? cents : null;
}

/**
 * Cents from a spreadsheet cell's number (an XLSX stores 1234.5 as a binary float): rounded to the
 * cent, refused when it has more than two decimals beyond float noise, is negative or too large.
 */
export function centsOfNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const cents = Math.round(n * 100);
  if (Math.abs(cents - n * 100) > 1e-6 * Math.max(1, Math.abs(n * 100))) return null;
  return cents < MAX_CENTS ? cents : null;
}

/** "1.234,50 €" (Italian grouping also below 10.000, as the Ministry's tables write it). */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.trunc(abs / 100);
  const grouped = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped},${String(abs % 100).padStart(2, '0')} €`;
}

/** A share in basis points as Italians write a percentage: 740 → "7,4%", 700 → "7%", 1234 → "12,34%". */
export function formatBp(bp: number): string {
  const s = (bp / 100).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return `${s.replace('.', ',')}%`;
}

/** `part` as basis points of `whole`, rounded half up; 0 when the whole is 0. */
export function shareBp(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 10_000 + Math.floor(whole / 2)) / whole);
}

/** The largest amount in cents that stays within `bp` basis points of `basis` (rounded down). */
export function capOf(basis: number, bp: number): number {
  return Math.floor((basis * bp) / 10_000);
}
