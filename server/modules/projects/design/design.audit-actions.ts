import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' design write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const designAuditActions = defineAuditActions({ actions: [] });

type DesignAuditAction = (typeof designAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DesignAuditAction, true> {}
}
