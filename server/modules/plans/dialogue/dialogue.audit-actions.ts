import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' dialogue (entity types are in ../shared/audit-actions.ts). */
export const dialogueAuditActions = defineAuditActions({
  actions: [
    'plans.thread.open',
    'plans.thread.message',
    'plans.thread.close',
    'plans.thread.reopen',
    'plans.thread.due_date',
    'plans.thread.notice.sent',
    'plans.thread.notice.failed',
  ],
  entityTypes: [],
});

type DialogueAuditAction = (typeof dialogueAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DialogueAuditAction, true> {}
}
