import { defineAuditActions } from '../../../platform/audit-actions.js';

/**
 * The entities of the plans module in the audit trail. Each part declares its own actions in
 * `<part>.audit-actions.ts`.
 */
export const plansAuditActions = defineAuditActions({
  actions: ['plans.document.read', 'plans.document.upload'],
  entityTypes: ['plm_plan', 'plm_action', 'plm_monitoring', 'plm_network', 'plm_meeting', 'plm_thread', 'plm_document'],
});

type PlansAuditAction = (typeof plansAuditActions.actions)[number];
type PlansAuditEntityType = (typeof plansAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PlansAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<PlansAuditEntityType, true> {}
}
