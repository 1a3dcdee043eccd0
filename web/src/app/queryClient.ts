import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem';
import type { Me } from '../api/models';
import { markSessionEnded, meQueryKey, sessionEndOf } from '../lib/session';

/**
 * One reaction to an ended session wherever it is noticed (decision 0024): a 401 on any call,
 * while a session was known, marks it as ended with its reason; the page stays as it is and the
 * login is asked for over it (features/auth SessionEndedDialog). With no session known, the user
 * is simply signed out (the auth guard sends them to /login). A 403 because TOTP enrolment or a
 * password change is still due re-reads the session, which routes them to their profile.
 */
function onApiError(error: unknown, isMeQuery: boolean): void {
  if (!(error instanceof ApiProblem)) return;
  const ended = sessionEndOf(error);
  if (ended !== null && !isMeQuery) {
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (me !== undefined && me !== null) markSessionEnded(ended);
    else queryClient.setQueryData(meQueryKey, null);
  }
  if (error.code === 'auth.totp_enrolment_required' || error.code === 'auth.password_change_required') {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => onApiError(error, query.queryKey[0] === meQueryKey[0]),
  }),
  mutationCache: new MutationCache({
    onError: (error) => onApiError(error, false),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors will not fix themselves by retrying; network hiccups might.
      retry: (failureCount, error) => !(error instanceof ApiProblem && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
