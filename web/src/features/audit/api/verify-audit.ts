import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/**
 * Checking the hash chain reads the whole log, so it runs only when asked (a mutation in React
 * Query terms, although the call is a GET).
 */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
}
