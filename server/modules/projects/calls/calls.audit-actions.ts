import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the funding calls write to the audit trail. */
export const callsAuditActions = defineAuditActions({
  actions: [
    'projects.funding_source.create',
    'projects.call.create',
    'projects.call.version_create',
    'projects.call.version_save',
    'projects.call.version_publish',
  ],
});

type CallsAuditAction = (typeof callsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<CallsAuditAction, true> {}
}
