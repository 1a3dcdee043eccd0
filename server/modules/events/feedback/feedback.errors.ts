import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the events' feedback questionnaire. */
export const feedbackErrors = defineErrors({
  // the questionnaire cannot be answered now (context.state: NESSUNO, NON_ANCORA, NON_PRESENTE)
  'events.feedback.not_open': 'conflict',
  // the questionnaire cannot be changed: answers to it were received (context.answers)
  'events.feedback.answered': 'conflict',
});

type FeedbackErrors = typeof feedbackErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends FeedbackErrors {}
}
