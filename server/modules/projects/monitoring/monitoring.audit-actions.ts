import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' monitoring write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const monitoringAuditActions = defineAuditActions({
  actions: [
    'projects.monitoring.create',
    'projects.monitoring.update',
    'projects.monitoring.submit',
    'projects.monitoring.validate',
    'projects.monitoring.return',
    'projects.monitoring.approve',
  ],
});

type MonitoringAuditAction = (typeof monitoringAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<MonitoringAuditAction, true> {}
}
