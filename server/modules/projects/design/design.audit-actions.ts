import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' design write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const designAuditActions = defineAuditActions({
  actions: [
    'projects.project.create',
    'projects.project.update',
    'projects.project.submit',
    'projects.project.start',
    'projects.project.close',
    'projects.partners.write',
    'projects.logframe.write',
    'projects.activity.write',
    'projects.indicator.write',
    'projects.budget.save',
    'projects.budget.submit',
    'projects.budget.decide',
    'projects.budget.rimodulate',
  ],
});

type DesignAuditAction = (typeof designAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DesignAuditAction, true> {}
}
