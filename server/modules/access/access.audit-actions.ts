import { defineAuditActions } from '../../platform/audit-actions.js';

/** What access writes to the audit trail: sign-ins and sign-outs, and every change to an account. */
export const accessAuditActions = defineAuditActions({
  actions: [
    'auth.login',
    'auth.logout',
    'user.create',
    'user.update',
    'user.disable',
    'user.enable',
    'user.password_reset',
    'user.password_change',
    'user.totp_reset',
    'user.totp_setup',
    'user.totp_enable',
  ],
  entityTypes: ['user', 'session'],
});

type AccessAuditAction = (typeof accessAuditActions.actions)[number];
type AccessAuditEntityType = (typeof accessAuditActions.entityTypes)[number];
declare module '../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<AccessAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<AccessAuditEntityType, true> {}
}
