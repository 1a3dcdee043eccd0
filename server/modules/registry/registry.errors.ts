import { defineErrors } from '../../platform/errors.js';

/** The registry module's error codes: places and organisations. */
export const registryErrors = defineErrors({
  'region.not_found': 'not_found',
  'comune.not_found': 'not_found',
  'organisation.not_found': 'not_found',
  'organisation.invalid_place': 'invalid',
  'organisation.duplicate': 'conflict',
  // an inactive organisation gets no new accounts and is not chosen as a partner
  'organisation.inactive': 'invalid',
});

type RegistryErrors = typeof registryErrors;
declare module '../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends RegistryErrors {}
}
