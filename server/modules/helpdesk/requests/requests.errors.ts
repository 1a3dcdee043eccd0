import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the help desk's requests (the shared ones are in ../shared/errors.ts). */
export const requestsErrors = defineErrors({
  // a request that does not exist or is another Comune's
  'helpdesk.request.not_found': 'not_found',
  // the project or plan named is not one of the Comune's
  'helpdesk.request.reference': 'invalid',
  // the person named is not a member of the help desk
  'helpdesk.request.assignee': 'invalid',
  // the reopening period has passed
  'helpdesk.request.reopen_expired': 'conflict',
  // the request was rated already
  'helpdesk.request.rated': 'conflict',
  'helpdesk.document.refused': 'invalid',
  'helpdesk.document.not_found': 'not_found',
  'helpdesk.escalation.not_found': 'not_found',
});

type RequestsErrors = typeof requestsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends RequestsErrors {}
}
