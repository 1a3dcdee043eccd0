/**
 * Pure rules of the help desk's requests: the due dates (Italian working days), the state machine,
 * what each side may do in each state, reopening, and which due dates have passed.
 */
import { addWorkingDays } from '../../surveys/index.js';
import type { EscalationKind, HelpPriority, HelpTopic, RequestStatus } from '../shared/vocabulary.js';

/**
 * The service levels, in working days after the day the request is opened (Monday to Friday
 * without the national public holidays): a first answer within 2 (1 when urgent); the resolution
 * within 10 (5 when urgent), 15 for the topics that usually need a document read or a method
 * discussed (valutazione, altro).
 */
export const FIRST_ANSWER_DAYS: Record<HelpPriority, number> = { NORMALE: 2, ALTA: 1 };
export const RESOLUTION_DAYS: Record<HelpTopic, Record<HelpPriority, number>> = {
  PROGETTAZIONE: { NORMALE: 10, ALTA: 5 },
  RENDICONTAZIONE: { NORMALE: 10, ALTA: 5 },
  MONITORAGGIO: { NORMALE: 10, ALTA: 5 },
  VALUTAZIONE: { NORMALE: 15, ALTA: 8 },
  PLM: { NORMALE: 10, ALTA: 5 },
  PILOTA_18TER: { NORMALE: 10, ALTA: 5 },
  ALTRO: { NORMALE: 15, ALTA: 8 },
};
/** A reopened request is due again within this many working days of the reopening. */
export const REOPEN_RESOLUTION_DAYS = 5;
/** A resolved (or closed) request may be reopened by the Comune within this many calendar days of its resolution. */
export const REOPEN_DAYS = 14;

/** The due dates of a request opened on `openedOn` (an Italian calendar day). */
export function dueDates(
  openedOn: string,
  topic: HelpTopic,
  priority: HelpPriority,
): { firstAnswerDue: string; resolutionDue: string } {
  return {
    firstAnswerDue: addWorkingDays(openedOn, FIRST_ANSWER_DAYS[priority]),
    resolutionDue: addWorkingDays(openedOn, RESOLUTION_DAYS[topic][priority]),
  };
}

/** The states in which the help desk still owes something (open). */
export const openStatuses: readonly RequestStatus[] = ['NUOVA', 'ASSEGNATA', 'IN_LAVORAZIONE', 'IN_ATTESA_COMUNE'];
export const isOpen = (s: RequestStatus): boolean => openStatuses.includes(s);

/** What happens to a request, and by whom. */
export type RequestAction =
  | 'assign' // the help desk assigns (or reassigns)
  | 'anci_reply' // the help desk answers the Comune
  | 'anci_ask' // the help desk answers and waits for the Comune
  | 'comune_reply' // the Comune writes
  | 'resolve' // the help desk resolves
  | 'close' // the Comune confirms the resolution
  | 'reopen'; // the Comune reopens

/**
 * The state after an action, or null when the action does not fit the state. Writing a message to
 * a NUOVA request (the help desk) takes it in charge; the Comune's message while the help desk
 * waits for it puts the request back in the works.
 */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
  switch (action) {
    case 'assign':
      return status === 'NUOVA' ? 'ASSEGNATA' : isOpen(status) ? status : null;
    case 'anci_reply':
      return isOpen(status) ? 'IN_LAVORAZIONE' : null;
    case 'anci_ask':
      return isOpen(status) ? 'IN_ATTESA_COMUNE' : null;
    case 'comune_reply':
      return status === 'IN_ATTESA_COMUNE' ? 'IN_LAVORAZIONE' : isOpen(status) ? status : null;
    case 'resolve':
      return status === 'NUOVA' ? null : isOpen(status) ? 'RISOLTA' : null;
    case 'close':
      return status === 'RISOLTA' ? 'CHIUSA' : null;
    case 'reopen':
      return status === 'RISOLTA' || status === 'CHIUSA' ? 'IN_LAVORAZIONE' : null;
  }
}

const DAY_MS = 86_400_000;
/** Whether a request resolved at `resolvedAt` may still be reopened at `now`. */
export function canReopen(resolvedAt: Date | null, now: Date): boolean {
  return resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= REOPEN_DAYS * DAY_MS;
}

export interface DueFacts {
  status: RequestStatus;
  firstAnswerDue: string;
  resolutionDue: string;
  firstAnswerAt: Date | null;
}

/**
 * The due dates a request has missed on `today` (an Italian calendar day): the first answer when
 * none was given and its day has passed; the resolution while still open after its day.
 */
export function missedDueDates(r: DueFacts, today: string): { kind: EscalationKind; dueDate: string }[] {
  const out: { kind: EscalationKind; dueDate: string }[] = [];
  if (!isOpen(r.status)) return out;
  if (r.firstAnswerAt === null && today > r.firstAnswerDue)
    out.push({ kind: 'PRIMA_RISPOSTA', dueDate: r.firstAnswerDue });
  if (today > r.resolutionDue) out.push({ kind: 'RISOLUZIONE', dueDate: r.resolutionDue });
  return out;
}

/** The number a person quotes: "AT-42". */
export const requestCode = (no: number): string => `AT-${no}`;
