import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the events' registrations (the shared ones are in ../shared/errors.ts). */
export const registrationsErrors = defineErrors({
  // a registration the actor cannot see (another person's, for a participant) is 404
  'events.registration.not_found': 'not_found',
  // the user already holds a live registration for the event (or their e-mail does)
  'events.registration.duplicate': 'conflict',
});

type RegistrationsErrors = typeof registrationsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends RegistrationsErrors {}
}
