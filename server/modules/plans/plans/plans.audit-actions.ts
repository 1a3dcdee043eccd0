import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' plans. */
export const plansPartAuditActions = defineAuditActions({
  actions: [],
  entityTypes: [],
});

type PlansPartAuditAction = (typeof plansPartAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PlansPartAuditAction, true> {}
}
