import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' actions and monitorings. */
export const actionsErrors = defineErrors({
  'plans.actions.not_found': 'not_found',
  // the code of an action is unique in its plan
  'plans.actions.duplicate_code': 'conflict',
  // values were reported on the action's indicators, or a monitoring recorded its state: the action
  // (or the indicator) stays
  'plans.actions.reported': 'conflict',
  // a meeting's follow-up or a thread refers to the action
  'plans.actions.in_use': 'conflict',
  'plans.monitoring.not_found': 'not_found',
  // one monitoring per plan and period
  'plans.monitoring.duplicate': 'conflict',
});

type ActionsErrors = typeof actionsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ActionsErrors {}
}
