/** Problems of the events' pages in words; the dates are in ./dates (re-exported for the pages). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/problem';
import { useProblemMessages } from '../../../lib/problemMessages';

export { eventWhen, romeWallClock, romeInstant } from './dates';

/** A problem of the events' API in words: this part's own codes first, then the common messages. */
export function useEventProblem() {
  const { t, i18n } = useTranslation();
  const { messageOf, fieldMessageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      if (isProblem(error)) {
        const key = `events.events.errors.${error.code.replace(/\./g, '_')}`;
        if (i18n.exists(key)) return t(key as 'events.events.errors.events_stale');
        if (error.code === 'request.invalid' && error.fieldErrors.length > 0)
          return error.fieldErrors.map((f) => fieldMessageOf(f.code, f.message)).join('; ');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf, fieldMessageOf],
  );
}
