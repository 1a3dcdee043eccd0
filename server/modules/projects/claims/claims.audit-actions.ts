import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' claims write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const claimsAuditActions = defineAuditActions({
  actions: [
    'projects.claim.create',
    'projects.claim.read',
    'projects.claim.expenses',
    'projects.claim.submit',
    'projects.claim.transition',
    'projects.claim.new_version',
    'projects.claim.verify',
    'projects.claim.verbale',
    'projects.claim.download',
    'projects.revisore.assign',
    'projects.revisore.revoke',
  ],
});

type ClaimsAuditAction = (typeof claimsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ClaimsAuditAction, true> {}
}
