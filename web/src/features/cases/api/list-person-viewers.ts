import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function usePilotPersonViewers(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['pilot', 'viewers', personId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/pilot/persons/{personId}/viewers', { params: { path: { personId } } })),
    enabled,
  });
}
