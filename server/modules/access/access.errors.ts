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
});

type AccessErrors = typeof accessErrors;
declare module '../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends AccessErrors {}
}
