import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' queries. */
export const queriesErrors = defineErrors({});

type QueriesErrors = typeof queriesErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends QueriesErrors {}
}
