import { defineAuditActions } from '../../../platform/audit-actions.js';

/**
 * The entities of the projects module in the audit trail, and the reads every part writes. Each
 * part declares its own actions in `<part>.audit-actions.ts`.
 */
export const projectsAuditActions = defineAuditActions({
  actions: ['projects.project.read'],
  entityTypes: [
    'project',
    'project_call',
    'project_budget_version',
    'project_expense',
    'project_expense_document',
    'project_claim',
    'project_revisore_assignment',
    'project_monitoring_report',
    'project_query',
  ],
});

type ProjectsAuditAction = (typeof projectsAuditActions.actions)[number];
type ProjectsAuditEntityType = (typeof projectsAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ProjectsAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<ProjectsAuditEntityType, true> {}
}
