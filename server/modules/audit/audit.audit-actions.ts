import { defineAuditActions } from '../../platform/audit-actions.js';

/** What the audit trail writes about itself: every check of its hash chain. */
export const auditAuditActions = defineAuditActions({ actions: ['audit.verify'] });

type AuditAuditAction = (typeof auditAuditActions.actions)[number];
declare module '../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<AuditAuditAction, true> {}
}
