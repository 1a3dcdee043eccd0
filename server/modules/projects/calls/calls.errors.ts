import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the funding calls. */
export const callsErrors = defineErrors({
  'projects.call.not_found': 'not_found',
  'projects.call.code_taken': 'conflict',
  'projects.funding_source.not_found': 'not_found',
  'projects.funding_source.code_taken': 'conflict',
  // a published version never changes; only one draft at a time
  'projects.call.version_published': 'conflict',
  'projects.call.draft_exists': 'conflict',
});

type CallsErrors = typeof callsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CallsErrors {}
}
