import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' actions. */
export const actionsAuditActions = defineAuditActions({
  actions: [],
  entityTypes: [],
});

type ActionsAuditAction = (typeof actionsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ActionsAuditAction, true> {}
}
