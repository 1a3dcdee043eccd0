/**
 * Values and their conversions, with the semantics of XPath 1.0 as ODK and Kobo apply them.
 * Each rule here is listed in decision record 0035.
 *
 * - A value is a string, a number, a boolean, a date (or date-time), or a node-set: the answers
 *   of one question across the instances of a repeat the expression is not inside.
 * - An empty answer is the empty string ''. A select_multiple answer is its codes separated by
 *   spaces ('a c d').
 */

export interface DateValue {
  readonly kind: 'date';
  /** days since 1970-01-01 UTC; a date-time carries the time of day as a fraction */
  readonly days: number;
  readonly time: boolean;
}

export interface NodeSet {
  readonly kind: 'nodes';
  readonly values: readonly string[];
}

export type Value = string | number | boolean | DateValue | NodeSet;

const DAY_MS = 86_400_000;

export const dateOfDays = (days: number, time = false): DateValue => ({ kind: 'date', days, time });

export const isDate = (v: Value): v is DateValue => typeof v === 'object' && v.kind === 'date';
export const isNodes = (v: Value): v is NodeSet => typeof v === 'object' && v.kind === 'nodes';

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A date written as ODK stores it: 'YYYY-MM-DD', or a date-time 'YYYY-MM-DDTHH:MM[:SS[.sss]][zone]'
 * (no zone = UTC). A day that does not exist (2023-02-30) is not a date.
 */
export function parseDate(s: string): DateValue | undefined {
  const m = DATE_RE.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayMs = Date.UTC(y, mo - 1, d);
  const check = new Date(dayMs);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (m[4] === undefined) return dateOfDays(dayMs / DAY_MS);
  const [h, mi, sec] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  const ms = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  let offsetMin = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMin = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (zone[0] === '-' ? -1 : 1);
  }
  const t = dayMs + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
  return dateOfDays(t / DAY_MS, true);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' for a date, ISO 'YYYY-MM-DDTHH:MM:SS.sssZ' (UTC) for a date-time, '' when invalid */
export function formatDate(v: DateValue): string {
  if (!Number.isFinite(v.days)) return '';
  const ms = Math.round(v.days * DAY_MS);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!v.time) return day;
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
}

/**
 * A number as XPath writes it: 'NaN', 'Infinity', '-Infinity', integers without a decimal point,
 * never an exponent (1e21 is written out in full), -0 as '0'.
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return '0';
  const s = String(n);
  if (!s.includes('e')) return s;
  const neg = n < 0;
  const [mantissa = '', expText = '0'] = String(Math.abs(n)).split('e');
  const exp = Number(expText);
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const intLen = (point < 0 ? mantissa.length : point) + exp;
  let out: string;
  if (intLen <= 0) out = `0.${'0'.repeat(-intLen)}${digits}`;
  else if (intLen >= digits.length) out = digits + '0'.repeat(intLen - digits.length);
  else out = `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  return neg ? `-${out}` : out;
}

const NUMBER_RE = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** Does this string read as a number by XPath's number()? ('' and ' ' do not) */
export const isNumeric = (s: string): boolean => NUMBER_RE.test(s);

/** The string value (XPath string()): a node-set gives its first answer, or '' when empty */
export function toStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v.kind === 'date') return formatDate(v);
  return v.values[0] ?? '';
}

/**
 * The number value (XPath number()): a string that is not a number is NaN ('' included);
 * true is 1 and false 0; a date is its days since 1970-01-01 (ODK), and so is a string written
 * as a date (a date question's answer), so that `today() - ${born}` counts days.
 */
export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object' && v.kind === 'date') return v.days;
  const s = toStr(v);
  if (NUMBER_RE.test(s)) return Number(s);
  const d = parseDate(s);
  return d ? d.days : NaN;
}

/**
 * The boolean value (XPath boolean()): a number is true unless 0 or NaN; a string is true unless
 * empty (so 'false' and 'no' are true: compare with `= 'yes'`); a node-set is true when it has
 * at least one instance; a date is true when valid.
 */
export function toBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  if (v.kind === 'date') return Number.isFinite(v.days);
  return v.values.length > 0;
}

/** A date from a date, a date string or a number of days; undefined when none of these */
export function toDate(v: Value): DateValue | undefined {
  if (typeof v === 'object' && v.kind === 'date') return Number.isFinite(v.days) ? v : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? dateOfDays(v, !Number.isInteger(v)) : undefined;
  if (typeof v === 'boolean') return undefined;
  const s = toStr(v);
  if (NUMBER_RE.test(s)) {
    const n = Number(s);
    return dateOfDays(n, !Number.isInteger(n));
  }
  return parseDate(s);
}

/** The members of a node-set, or the one value of anything else */
const members = (v: Value): readonly Value[] => (isNodes(v) ? v.values : [v]);

function equalScalars(a: Value, b: Value): boolean {
  // 1. a boolean on either side: compare as booleans
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBool(a) === toBool(b);
  // 2. a date on either side: compare as days when the other side reads as a date too
  if (isDate(a) || isDate(b)) {
    const da = toDate(a);
    const db = toDate(b);
    if (da && db) return da.days === db.days;
    return toStr(a) === toStr(b);
  }
  // 3. a number on either side: compare as numbers (NaN equals nothing, so '' = 0 is false)
  if (typeof a === 'number' || typeof b === 'number') return toNum(a) === toNum(b);
  const sa = toStr(a);
  const sb = toStr(b);
  // 4. two strings that both read as numbers compare as numbers ('5' = '5.0'), two that both
  //    read as dates as dates; anything else as text, exactly (case and spaces count)
  if (isNumeric(sa) && isNumeric(sb)) return Number(sa) === Number(sb);
  const da = parseDate(sa);
  const db = da ? parseDate(sb) : undefined;
  if (da && db) return da.days === db.days;
  return sa === sb;
}

/**
 * `=` and `!=`. With a node-set on either side the comparison is true when it holds for at least
 * one of its answers (XPath), so `${q} != 'a'` over a repeat is not the negation of `${q} = 'a'`;
 * on single values `!=` is exactly the negation of `=`.
 */
export function compareEquality(op: '=' | '!=', a: Value, b: Value): boolean {
  const as = members(a);
  const bs = members(b);
  for (const x of as) {
    for (const y of bs) {
      if (equalScalars(x, y) === (op === '=')) return true;
    }
  }
  return false;
}

/**
 * `<`, `<=`, `>`, `>=`: both sides as numbers (dates as days), and any comparison with NaN is
 * false (so an empty answer is neither less nor greater than anything). Node-sets: true when it
 * holds for at least one answer.
 */
export function compareOrder(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  for (const x of members(a)) {
    for (const y of members(b)) {
      const l = toNum(x);
      const r = toNum(y);
      const ok = op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
      if (ok) return true;
    }
  }
  return false;
}
