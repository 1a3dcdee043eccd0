import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem';
import { meQueryKey } from '../lib/session';

/**
 * One reaction to an expired session wherever it is noticed: a 401 on any call marks the user
 * as signed out (the auth guard then sends them to /login); a 403 because TOTP enrolment is
 * still due re-reads the session, which routes them to the enrolment page.
 */
function onApiError(error: unknown, isMeQuery: boolean): void {
  if (!(error instanceof ApiProblem)) return;
  if (error.status === 401 && !isMeQuery && error.code !== 'auth.invalid_credentials') {
    queryClient.setQueryData(meQueryKey, null);
  }
  if (error.code === 'auth.totp_enrolment_required') {
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
