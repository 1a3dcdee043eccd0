import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' actions. */
export const actionsErrors = defineErrors({
  'plans.actions.not_found': 'not_found',
});

type ActionsErrors = typeof actionsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ActionsErrors {}
}
