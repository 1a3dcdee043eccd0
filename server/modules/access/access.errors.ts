import { defineErrors } from '../../platform/errors.js';

/** The access module's error codes: login, second factor, account administration. */
export const accessErrors = defineErrors({
  'auth.invalid_credentials': 'unauthenticated',
  'auth.totp_required': 'unauthenticated',
  'auth.totp_invalid': 'unauthenticated',
  'auth.locked': 'too_many',
  'auth.totp_enrolment_required': 'forbidden',
  'auth.wrong_password': 'invalid',
  'auth.totp_not_pending': 'conflict',
  'user.role_not_allowed': 'invalid',
  'user.not_found': 'not_found',
  'user.email_taken': 'conflict',
  'user.cannot_disable_self': 'conflict',
  // a session that ended, answered on any call that needs one, with why it ended (decision 0024)
  'auth.session_idle': 'unauthenticated',
  'auth.session_expired': 'unauthenticated',
  'auth.session_logged_out': 'unauthenticated',
  'auth.session_account_disabled': 'unauthenticated',
  'auth.session_roles_changed': 'unauthenticated',
  'auth.session_credentials_changed': 'unauthenticated',
  'auth.session_ended': 'unauthenticated',
  // a password set by an administrator must be changed before anything else
  'auth.password_change_required': 'forbidden',
  'user.cannot_reset_own_totp': 'conflict',
});

type AccessErrors = typeof accessErrors;
declare module '../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends AccessErrors {}
}
