/**
 * The Italian working-day calendar (decision 0037): Monday to Friday, except the national public
 * holidays (legge 260/1949 and later: 1 and 6 January, Easter Monday, 25 April, 1 May, 2 June,
 * 15 August, 1 November, 8 and 25–26 December). Local patron saints' days are not counted: they
 * differ per Comune and a reminder a day early on one of them does no harm.
 *
 * Pure: dates are calendar days written 'YYYY-MM-DD' (no time, no time zone); the caller decides
 * which day "today" is (`romeDate`).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The fixed national holidays, as 'MM-DD'. */
const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

function toUtcMs(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The national public holidays of a year, as 'YYYY-MM-DD', in calendar order. */
export function italianHolidays(year: number): string[] {
  return [...holidaySet(year)].sort();
}

function holidaySet(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const easterMonday = addCalendarDays(easterSunday(year), 1);
    set = new Set([...FIXED_HOLIDAYS.map((md) => `${year}-${md}`), easterMonday]);
    holidayCache.set(year, set);
  }
  return set;
}

/** A national public holiday (whatever the day of the week). */
export function isHoliday(date: string): boolean {
  toUtcMs(date);
  return holidaySet(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a national public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(date);
}

/**
 * The day `n` working days after `date` (`date` itself is not counted, so a Friday plus one is
 * the next Monday, and a holiday plus one the next working day); before it when `n` is negative;
 * `date` itself for 0.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  toUtcMs(day);
  for (let left = Math.abs(n); left > 0; ) {
    day = addCalendarDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * The working days after `a` up to and including `b` (negative when `b` comes before `a`), so
 * that `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 */
export function workingDaysBetween(a: string, b: string): number {
  const from = toUtcMs(a);
  const to = toUtcMs(b);
  if (to < from) return -workingDaysBetween(b, a);
  let count = 0;
  for (let ms = from + DAY_MS; ms <= to; ms += DAY_MS) if (isWorkingDay(fromUtcMs(ms))) count++;
  return count;
}

// the calendar day in Italy is the platform's (shared with the projects' deadlines)
export { romeDate } from '../../../platform/calendar.js';
