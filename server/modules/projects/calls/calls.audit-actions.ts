import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' calls write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const callsAuditActions = defineAuditActions({ actions: [] });

type CallsAuditAction = (typeof callsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<CallsAuditAction, true> {}
}
