/**
 * The pure rules of the plans' networks (issue 13 item 3): who changes a network or a meeting of a
 * place, when a meeting's date is plausible, how late a follow-up is, and the totals of phase 1
 * to compare with (domain.md §3).
 */
import type { Actor } from '../../../platform/context.js';

/** Where a network or a meeting belongs: a Comune (with its Region) or a Region (comune null). */
export interface Place {
  comune: string | null;
  region: string;
}

/** The figures of InCaS phase 1 (domain.md §3): thematic working groups, organisations, meetings. */
export const phaseOneReference = { groups: 36, organisations: 250, meetings: 110 } as const;

/**
 * Who changes a place's networks and meetings (besides `plans.networks.edit`): the staff of the
 * Comune its own; a Regione its own Region's and its Comuni's; ANCI/Cittalia national support any;
 * a regional ANCI branch (assistenza tecnica with a Region's scope) its Region's own networks.
 */
export function canEditPlace(actor: Pick<Actor, 'roles' | 'scope'>, place: Place): boolean {
  const { scope } = actor;
  if (scope.level === 'comune') return place.comune !== null && place.comune === scope.comuneIstat;
  if (scope.level === 'regione') {
    if (place.region !== scope.regionCode) return false;
    if (actor.roles.includes('regione')) return true;
    return actor.roles.includes('assistenza_tecnica') && place.comune === null;
  }
  if (scope.level === 'national') return actor.roles.includes('assistenza_tecnica');
  return false;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** `to` − `from` in whole days (aaaa-mm-gg). */
export const daysBetween = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from));

/** Adds whole years to a date (aaaa-mm-gg), keeping month and day (29 February becomes 28). */
export function addYears(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  const md = isoDate.slice(5) === '02-29' ? '02-28' : isoDate.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The earliest date a meeting may carry (the first Piano triennale's networks started after it). */
export const EARLIEST_MEETING = '2015-01-01';

/**
 * Why a meeting's date is absurd, or null when it is plausible: not before 2015 and at most one
 * year ahead of today (a meeting is planned, not dreamt).
 */
export function meetingDateProblem(heldOn: string, today: string): string | null {
  if (heldOn < EARLIEST_MEETING) return 'A meeting cannot be dated before 2015';
  if (heldOn > addYears(today, 1)) return 'A meeting cannot be more than a year ahead';
  return null;
}

/** Why a follow-up's due date is absurd, or null: not before its meeting, at most five years after it. */
export function dueDateProblem(dueDate: string, heldOn: string): string | null {
  if (dueDate < heldOn) return 'The due date cannot come before the meeting';
  if (dueDate > addYears(heldOn, 5)) return 'The due date cannot be more than five years after the meeting';
  return null;
}

/** Days past the due date of an open follow-up; null when it is not overdue (or not open). */
export function daysOverdue(f: { status: string; dueDate: string | null }, today: string): number | null {
  if (f.status !== 'APERTO' || f.dueDate === null || f.dueDate >= today) return null;
  return daysBetween(f.dueDate, today);
}

/** The work list's order: overdue first (the latest first), then by due date (none last), then by meeting date. */
export function compareWorkItems(
  a: { daysOverdue: number | null; dueDate: string | null; heldOn: string },
  b: { daysOverdue: number | null; dueDate: string | null; heldOn: string },
): number {
  const ao = a.daysOverdue ?? -1;
  const bo = b.daysOverdue ?? -1;
  if (ao !== bo) return bo - ao;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0;
}
