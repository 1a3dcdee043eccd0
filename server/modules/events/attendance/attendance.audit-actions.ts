import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the events' attendance: check-in, the list of participants read, certificates, the erasure. */
export const attendanceAuditActions = defineAuditActions({
  actions: [
    'events.check_in',
    'events.check_in_undo',
    'events.attendance.read',
    'events.certificates.issue',
    'events.certificate.download',
    'events.registrations.erase',
  ],
  entityTypes: [],
});

type AttendanceAuditAction = (typeof attendanceAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<AttendanceAuditAction, true> {}
}
