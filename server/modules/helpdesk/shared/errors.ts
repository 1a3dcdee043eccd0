import { defineErrors } from '../../../platform/errors.js';

/** Error codes shared by every part of the help desk; each part declares its own in `<part>.errors.ts`. */
export const helpdeskErrors = defineErrors({
  // someone else changed it since the page read it (row_version)
  'helpdesk.stale': 'conflict',
  // the action does not fit the request's or the entry's state (context.status)
  'helpdesk.state': 'conflict',
});

type HelpdeskErrors = typeof helpdeskErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends HelpdeskErrors {}
}
