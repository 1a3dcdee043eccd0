import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { auditKeys } from './keys';

/**
 * The authors of the audit rows the person may read whose name or e-mail contains the typed text
 * (at least two characters), or the one with `id` (a filter already in the address).
 */
export function useAuditActors(search: { q: string } | { id: string }) {
  const query = 'q' in search ? { q: search.q.trim() } : search;
  return useQuery({
    queryKey: auditKeys.actors(query),
    queryFn: () => unwrap(api.GET('/api/v1/audit/actors', { params: { query } })),
    enabled: 'q' in query ? query.q.length >= 2 : query.id !== '',
    staleTime: 60_000,
  });
}
