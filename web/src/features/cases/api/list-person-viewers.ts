import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotPersonViewers(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.viewers(personId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/persons/{personId}/viewers', { params: { path: { personId } } })),
    enabled,
  });
}
