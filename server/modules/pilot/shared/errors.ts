import { defineErrors } from '../../../platform/errors.js';

/** The 18-ter pilot's error codes, shared by its sub-features. */
export const pilotErrors = defineErrors({
  'pilot.not_in_comune': 'forbidden',
  'pilot.case.not_found': 'not_found',
  'pilot.person.not_found': 'not_found',
  'pilot.referral.not_found': 'not_found',
  'pilot.permit.not_found': 'not_found',
  'pilot.pai.not_found': 'not_found',
  'pilot.measure.not_found': 'not_found',
  'pilot.issue.not_found': 'not_found',
  'pilot.task.not_found': 'not_found',
  'pilot.invalid': 'invalid',
  'pilot.invalid_transition': 'conflict',
  'pilot.not_eligible': 'conflict',
  'pilot.duplicate_person': 'conflict',
  'pilot.budget_exceeded': 'conflict',
  'pilot.budget_missing': 'conflict',
  'pilot.allocation_below_committed': 'conflict',
  'pilot.cost_above_plan': 'conflict',
  'pilot.pai_exists': 'conflict',
  'pilot.pai_locked': 'conflict',
  'pilot.stale': 'conflict',
  'pilot.import_invalid': 'invalid',
});

type PilotErrors = typeof pilotErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PilotErrors {}
}
