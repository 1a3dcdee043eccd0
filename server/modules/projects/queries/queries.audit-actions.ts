import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' queries write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const queriesAuditActions = defineAuditActions({
  actions: [
    'projects.query.open',
    'projects.query.message',
    'projects.query.resolve',
    'projects.query.reopen',
    'projects.query.digest.sent',
    'projects.query.digest.failed',
  ],
});

type QueriesAuditAction = (typeof queriesAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<QueriesAuditAction, true> {}
}
