import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function usePilotIndicators() {
  return useQuery({
    queryKey: ['pilot', 'indicators'],
    queryFn: () => unwrap(api.GET('/api/v1/pilot/indicators')),
    staleTime: Infinity,
  });
}
