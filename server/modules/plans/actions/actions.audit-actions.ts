import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the plans' actions and monitorings write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const actionsAuditActions = defineAuditActions({
  actions: [
    'plans.action.create',
    'plans.action.update',
    'plans.action.delete',
    'plans.action.indicators',
    'plans.monitoring.create',
  ],
  entityTypes: [],
});

type ActionsAuditAction = (typeof actionsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ActionsAuditAction, true> {}
}
