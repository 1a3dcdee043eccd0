/** Problems of the events' pages in words; the dates are in ./dates (re-exported for the pages). */
import { useProblemsOf } from '../../../lib/problemMessages';

export { eventWhen, romeWallClock, romeInstant } from './dates';

/** A problem of the events' API in words: this part's own codes first, then the common messages. */
export const useEventProblem = () => useProblemsOf('events.events.errors');
