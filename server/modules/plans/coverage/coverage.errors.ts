import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' coverage. */
export const coverageErrors = defineErrors({
  'plans.coverage.not_found': 'not_found',
});

type CoverageErrors = typeof coverageErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CoverageErrors {}
}
