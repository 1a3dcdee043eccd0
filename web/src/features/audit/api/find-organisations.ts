import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { auditKeys } from './keys';

/**
 * The organisations of the authors of the audit rows the person may read whose name contains the
 * typed text (at least two characters), or the one with `id` (a filter already in the address).
 */
export function useAuditOrganisations(search: { q: string } | { id: string }) {
  const query = 'q' in search ? { q: search.q.trim() } : search;
  return useQuery({
    queryKey: auditKeys.organisations(query),
    queryFn: () => unwrap(api.GET('/api/v1/audit/organisations', { params: { query } })),
    enabled: 'q' in query ? query.q.length >= 2 : query.id !== '',
    staleTime: 60_000,
  });
}
