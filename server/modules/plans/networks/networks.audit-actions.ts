import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' networks. */
export const networksAuditActions = defineAuditActions({
  actions: [],
  entityTypes: [],
});

type NetworksAuditAction = (typeof networksAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<NetworksAuditAction, true> {}
}
