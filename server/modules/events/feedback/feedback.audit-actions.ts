import { defineAuditActions } from '../../../platform/audit-actions.js';

/**
 * The audit actions of the events' feedback: a questionnaire attached (or detached), an answer
 * given (the row names the registration, never the answers: decision 0059).
 */
export const feedbackAuditActions = defineAuditActions({
  actions: ['events.feedback.attach', 'events.feedback.answer'],
  entityTypes: [],
});

type FeedbackAuditAction = (typeof feedbackAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<FeedbackAuditAction, true> {}
}
