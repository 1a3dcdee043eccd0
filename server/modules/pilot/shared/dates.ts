/**
 * Calendar dates of the pilot, always read and computed in UTC, and the follow-up dates after an
 * exit. Pure: no I/O, no clock (the caller passes `today`).
 */

/** A calendar date 'YYYY-MM-DD', always read and computed in UTC. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is 'YYYY-MM-DD' and names a real calendar date (no 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Parses to UTC midnight; throws RangeError, because a malformed date here is a programming error. */
function parse(d: IsoDate): Date {
  if (!isIsoDate(d)) throw new RangeError(`Data non valida: ${d}`);
  return new Date(`${d}T00:00:00Z`);
}

function format(t: Date): IsoDate {
  return t.toISOString().slice(0, 10);
}

/**
 * Adds calendar months, clamping to the last day of the target month (2026-01-31 + 1 = 2026-02-28),
 * as Italian law counts durations "a mesi" (art. 2963 c.c.: the term ends on the same day number,
 * or on the last day of a shorter month). Negative `n` goes back.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const t = parse(d);
  const target = t.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(t.getUTCFullYear(), target, Math.min(t.getUTCDate(), lastDay))));
}

/** Adds (or with negative `n` subtracts) calendar days. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return format(new Date(parse(d).getTime() + n * DAY_MS));
}

/** Days from `a` to `b` (b − a): positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY_MS);
}

/** 'GG/MM/AAAA', the way dates are written to Italian users. */
export function formatDateIt(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

/** Follow-up contacts after the exit from the programme, at 6 and 12 months (outcome monitoring). */
export function followUpDates(exitOn: IsoDate): { months: 6 | 12; dueOn: IsoDate }[] {
  return ([6, 12] as const).map((months) => ({ months, dueOn: addMonths(exitOn, months) }));
}

/** How early before its due date a follow-up may be recorded (months). */
export const FOLLOW_UP_WINDOW_MONTHS = 1;

/** The earliest day a follow-up at `months` after the exit may be dated: one month before it is due. */
export function followUpEarliest(exitOn: IsoDate, months: 6 | 12): IsoDate {
  return addMonths(exitOn, months - FOLLOW_UP_WINDOW_MONTHS);
}
