import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' plans: every write on a plan's header, state, adoption act and context. */
export const plansPartAuditActions = defineAuditActions({
  actions: [
    'plans.plan.create',
    'plans.plan.update',
    'plans.plan.transition',
    'plans.plan.adoption',
    'plans.plan.adoption_document',
    'plans.plan.context',
  ],
  entityTypes: [],
});

type PlansPartAuditAction = (typeof plansPartAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PlansPartAuditAction, true> {}
}
