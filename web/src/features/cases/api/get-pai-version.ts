import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

/** A frozen earlier version of a PAI; fetched only once its disclosure is opened. */
export function usePilotPaiVersion(paiId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.paiVersion(paiId, version),
    queryFn: () =>
      unwrap(api.GET('/api/v1/pilot/pais/{paiId}/versions/{version}', { params: { path: { paiId, version } } })),
    enabled,
    staleTime: Infinity,
  });
}
