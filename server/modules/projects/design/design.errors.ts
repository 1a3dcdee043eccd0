import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' design. */
export const designErrors = defineErrors({});

type DesignErrors = typeof designErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DesignErrors {}
}
