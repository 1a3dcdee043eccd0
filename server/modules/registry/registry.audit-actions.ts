import { defineAuditActions } from '../../platform/audit-actions.js';

/** What the registry writes to the audit trail: changes to Comuni and organisations. */
export const registryAuditActions = defineAuditActions({
  actions: [
    'comune.update',
    'organisation.create',
    'organisation.update',
    'organisation.activate',
    'organisation.deactivate',
  ],
  entityTypes: ['comune', 'organisation'],
});

type RegistryAuditAction = (typeof registryAuditActions.actions)[number];
type RegistryAuditEntityType = (typeof registryAuditActions.entityTypes)[number];
declare module '../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<RegistryAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<RegistryAuditEntityType, true> {}
}
