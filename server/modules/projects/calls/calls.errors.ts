import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' calls. */
export const callsErrors = defineErrors({});

type CallsErrors = typeof callsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CallsErrors {}
}
