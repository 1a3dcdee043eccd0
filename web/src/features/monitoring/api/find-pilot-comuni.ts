import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

/** The Comuni of the 18-ter pilot, for the Comune choices of national roles. */
export function usePilotComuni(enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.pilotComuni,
    queryFn: () => unwrap(api.GET('/api/v1/comuni', { params: { query: { pilot18ter: 'true', pageSize: 50 } } })),
    enabled,
    staleTime: Infinity,
  });
}
