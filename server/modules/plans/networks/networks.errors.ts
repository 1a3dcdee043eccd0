import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' networks. */
export const networksErrors = defineErrors({
  // a network, meeting or follow-up the actor cannot see (another Comune's, another Region's) is 404
  'plans.networks.not_found': 'not_found',
  'plans.networks.meeting_not_found': 'not_found',
  'plans.networks.follow_up_not_found': 'not_found',
  // seen but not the actor's to change (another place's, or a regional ANCI branch on a Comune's)
  'plans.networks.not_editor': 'forbidden',
});

type NetworksErrors = typeof networksErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends NetworksErrors {}
}
