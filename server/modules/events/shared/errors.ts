import { defineErrors } from '../../../platform/errors.js';

/** Error codes shared by every part of the events module; each part declares its own in `<part>.errors.ts`. */
export const eventsErrors = defineErrors({
  // an event that does not exist or is a draft the actor may not see
  'events.event.not_found': 'not_found',
  // someone else changed it since the page read it (row_version)
  'events.stale': 'conflict',
  // the action does not fit the event's or the registration's state (context.status)
  'events.state': 'conflict',
  // a token or certificate code that matches nothing (or no longer)
  'events.link.invalid': 'not_found',
});

type EventsErrors = typeof eventsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends EventsErrors {}
}
