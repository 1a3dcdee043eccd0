import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' plans. */
export const plansPartErrors = defineErrors({
  'plans.plans.not_found': 'not_found',
  // a Comune has one plan: a new period is an update of it (a new version)
  'plans.plans.exists': 'conflict',
  // adoption needs the act (organ, number, date) recorded first
  'plans.plans.adoption_missing': 'conflict',
  // adoption needs at least one action
  'plans.plans.no_actions': 'conflict',
  // the step to MONITORATO needs a monitoring recorded
  'plans.plans.no_monitoring': 'conflict',
  // a version of the plan that does not exist
  'plans.plans.version_not_found': 'not_found',
});

type PlansPartErrors = typeof plansPartErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PlansPartErrors {}
}
