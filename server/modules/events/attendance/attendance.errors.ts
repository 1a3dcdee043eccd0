import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the events' attendance (check-in, certificates). */
export const attendanceErrors = defineErrors({
  // a registration that is not in this event, or whose check-in code does not match (no hint which)
  'events.attendance.not_found': 'not_found',
  // certificates are issued only once the event has ended (context.endsAt)
  'events.attendance.not_ended': 'conflict',
  // the registration has no certificate (not attended, or not issued yet)
  'events.attendance.no_certificate': 'not_found',
});

type AttendanceErrors = typeof attendanceErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends AttendanceErrors {}
}
