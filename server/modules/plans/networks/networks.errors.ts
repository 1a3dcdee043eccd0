import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' networks. */
export const networksErrors = defineErrors({
  'plans.networks.not_found': 'not_found',
});

type NetworksErrors = typeof networksErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends NetworksErrors {}
}
