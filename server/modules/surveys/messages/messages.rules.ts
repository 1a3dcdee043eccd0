/**
 * The invitation and reminder ladder (issue 10, point 6; decision 0037): pure rules, no I/O, no
 * clock. The invitation goes out when the wave opens; reminder k at `reminder_days[k]` working
 * days after the invitation, to Comuni that have not submitted yet; nothing once the Comune
 * submits or the wave closes; after the last reminder the Comune is on the phone list of the
 * regional ANCI liaisons.
 */
import { addWorkingDays } from '../shared/working-days.js';

/** Response states in which a Comune still has to submit (it is invited, reminded or filling in). */
export const awaitingStatuses = ['invitato', 'sollecitato', 'in_compilazione'] as const;
export type AwaitingStatus = (typeof awaitingStatuses)[number];

export const messageKinds = ['invito', 'sollecito'] as const;
export type MessageKind = (typeof messageKinds)[number];

export const messageStatuses = ['in_invio', 'inviato', 'fallito', 'rimbalzato'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** A failed delivery is tried again after this long, while its step is still the Comune's latest. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;

export interface LadderWave {
  status: string;
  /** 'YYYY-MM-DD' */
  opensOn: string;
  closesOn: string;
  reminderDays: readonly number[];
}

export interface LadderComune {
  status: string;
  /** The Italian calendar day of the first invitation, or null before it. */
  invitedOn: string | null;
  remindersSent: number;
}

export interface LadderStep {
  /** 0 the invitation, k ≥ 1 the k-th reminder */
  step: number;
  kind: MessageKind;
  /** the day it fell due */
  dueOn: string;
}

export function isAwaiting(status: string): status is AwaitingStatus {
  return (awaitingStatuses as readonly string[]).includes(status);
}

/** The reminder offsets in working days: positive, ascending, each once. */
export function reminderOffsets(reminderDays: readonly number[]): number[] {
  return [...new Set(reminderDays.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => a - b);
}

/** The days reminders 1, 2, … fall due for an invitation sent on `invitedOn`. */
export function reminderDueDates(invitedOn: string, reminderDays: readonly number[]): string[] {
  return reminderOffsets(reminderDays).map((d) => addWorkingDays(invitedOn, d));
}

/** Whether the wave is in its fieldwork on `today`: open, opened and not past its closing day. */
export function waveRunning(wave: LadderWave, today: string): boolean {
  return wave.status === 'aperta' && wave.opensOn <= today && today <= wave.closesOn;
}

/**
 * The message a Comune is due on `today`, or null. Reminders never pile up: when several fell
 * due since the last run (the job was down), only the latest goes out, so a Comune never gets two
 * reminders on one day.
 */
export function dueStep(wave: LadderWave, comune: LadderComune, today: string): LadderStep | null {
  if (!waveRunning(wave, today) || !isAwaiting(comune.status)) return null;
  if (comune.invitedOn === null) return { step: 0, kind: 'invito', dueOn: wave.opensOn };
  const due = reminderDueDates(comune.invitedOn, wave.reminderDays);
  let latest = 0;
  due.forEach((day, i) => {
    if (day <= today) latest = i + 1;
  });
  if (latest <= comune.remindersSent) return null;
  return { step: latest, kind: 'sollecito', dueOn: due[latest - 1]! };
}

/** The Comune's state once a message of this kind has gone out: a reminder marks an invited Comune. */
export function statusAfter(kind: MessageKind, status: string): string {
  return kind === 'sollecito' && status === 'invitato' ? 'sollecitato' : status;
}

/**
 * Whether a failed message is sent again now: its step is still the Comune's latest (no later
 * reminder replaced it), the Comune still has to submit, the wave still runs, and the last attempt
 * is at least RETRY_AFTER_MS old.
 */
export function retryDue(
  wave: LadderWave,
  comune: LadderComune,
  failed: { step: number; lastAttemptAt: Date },
  now: Date,
  today: string,
): boolean {
  if (!waveRunning(wave, today) || !isAwaiting(comune.status) || comune.invitedOn === null) return false;
  if (failed.step !== comune.remindersSent) return false;
  return now.getTime() - failed.lastAttemptAt.getTime() >= RETRY_AFTER_MS;
}

/** Why a Comune is on the phone list. */
export const phoneReasons = ['senza_indirizzo', 'non_raggiungibile', 'solleciti_esauriti'] as const;
export type PhoneReason = (typeof phoneReasons)[number];

/**
 * Whether a Comune goes on the phone list: it has not submitted and either the platform knows no
 * address to write to (no survey contact, no survey user), or its latest message reached nobody
 * (every copy failed or bounced), or every reminder has gone out.
 */
export function phoneReason(
  wave: Pick<LadderWave, 'reminderDays'>,
  comune: LadderComune,
  reach: { hasAddress: boolean; latestUndelivered: boolean },
): PhoneReason | null {
  if (!isAwaiting(comune.status)) return null;
  if (!reach.hasAddress) return 'senza_indirizzo';
  if (comune.invitedOn !== null && reach.latestUndelivered) return 'non_raggiungibile';
  if (comune.invitedOn !== null && comune.remindersSent >= reminderOffsets(wave.reminderDays).length) {
    return 'solleciti_esauriti';
  }
  return null;
}

/** 'YYYY-MM-DD' as the Italian gg/mm/aaaa. */
export function italianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
