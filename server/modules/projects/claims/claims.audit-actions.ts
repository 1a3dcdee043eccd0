import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' claims write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const claimsAuditActions = defineAuditActions({ actions: [] });

type ClaimsAuditAction = (typeof claimsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ClaimsAuditAction, true> {}
}
