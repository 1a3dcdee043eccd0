/**
 * Where a participant stands with an event's feedback questionnaire (decision 0059), for the
 * participant's pages (registrations) and the questionnaire itself (feedback). Pure.
 */
export const feedbackStates = ['NESSUNO', 'NON_ANCORA', 'NON_PRESENTE', 'APERTO', 'INVIATO'] as const;
/**
 * NESSUNO: the event has no questionnaire (or was cancelled); NON_ANCORA: the event has not ended;
 * NON_PRESENTE: no check-in recorded (only those who attended answer); APERTO: to answer;
 * INVIATO: answered (once).
 */
export type FeedbackState = (typeof feedbackStates)[number];

export interface FeedbackFacts {
  formVersionId: string | null;
  eventStatus: string;
  endsAt: Date;
  status: string;
  attendedAt: Date | null;
  feedbackAt: Date | null;
}

export function feedbackState(f: FeedbackFacts, now: Date): FeedbackState {
  if (f.feedbackAt) return 'INVIATO';
  if (!f.formVersionId || f.eventStatus === 'ANNULLATO' || f.eventStatus === 'BOZZA') return 'NESSUNO';
  if (f.endsAt > now && f.eventStatus !== 'CONCLUSO') return 'NON_ANCORA';
  if (f.status !== 'CONFERMATA' || !f.attendedAt) return 'NON_PRESENTE';
  return 'APERTO';
}
