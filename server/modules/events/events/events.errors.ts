import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the events' events (the event itself; the shared ones are in ../shared/errors.ts). */
export const eventsPartErrors = defineErrors({
  // a capacity below the seats already confirmed (context.confirmed)
  'events.events.capacity_below_confirmed': 'conflict',
});

type EventsPartErrors = typeof eventsPartErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends EventsPartErrors {}
}
