import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' dialogue. */
export const dialogueAuditActions = defineAuditActions({
  actions: [],
  entityTypes: [],
});

type DialogueAuditAction = (typeof dialogueAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DialogueAuditAction, true> {}
}
