import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the knowledge base (entity types are in ../shared/audit-actions.ts). */
export const answersAuditActions = defineAuditActions({
  actions: ['helpdesk.answer.create', 'helpdesk.answer.update', 'helpdesk.answer.publish', 'helpdesk.answer.withdraw'],
  entityTypes: [],
});

type AnswersAuditAction = (typeof answersAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<AnswersAuditAction, true> {}
}
