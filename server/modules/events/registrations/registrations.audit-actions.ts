import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the events' registrations (entity types are in ../shared/audit-actions.ts). */
export const registrationsAuditActions = defineAuditActions({
  actions: [
    'events.registration.create',
    'events.registration.request',
    'events.registration.confirm',
    'events.registration.cancel',
    'events.registration.promote',
    'events.registration.expire',
    'events.registration.list',
    'events.registration.notice.sent',
    'events.registration.notice.failed',
  ],
  entityTypes: [],
});

type RegistrationsAuditAction = (typeof registrationsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<RegistrationsAuditAction, true> {}
}
