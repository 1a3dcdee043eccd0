import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' dashboards write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const dashboardsAuditActions = defineAuditActions({ actions: ['projects.dashboards.export'] });

type DashboardsAuditAction = (typeof dashboardsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DashboardsAuditAction, true> {}
}
