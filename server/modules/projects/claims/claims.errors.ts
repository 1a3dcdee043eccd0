import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' claims. */
export const claimsErrors = defineErrors({});

type ClaimsErrors = typeof claimsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ClaimsErrors {}
}
