import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' plans. */
export const plansPartErrors = defineErrors({
  'plans.plans.not_found': 'not_found',
});

type PlansPartErrors = typeof plansPartErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PlansPartErrors {}
}
