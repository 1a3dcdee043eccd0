import { defineErrors } from '../../../platform/errors.js';

/**
 * Error codes shared by every part of the plans module. Each part declares its own in
 * `<part>.errors.ts`.
 */
export const plansErrors = defineErrors({
  // a plan the actor cannot see (another Comune's, another Region's) is 404
  'plans.plan.not_found': 'not_found',
  // only the staff of the plan's Comune change it
  'plans.plan.not_owner': 'forbidden',
  // someone else changed it since the page read it (row_version)
  'plans.stale': 'conflict',
  // the action does not fit the current state (context.status)
  'plans.state': 'conflict',
  // an organisation, project or user named does not exist or is out of reach
  'plans.reference': 'invalid',
  // an uploaded document refused (type, size, active content)
  'plans.document.refused': 'invalid',
  'plans.document.not_found': 'not_found',
});

type PlansErrors = typeof plansErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PlansErrors {}
}
