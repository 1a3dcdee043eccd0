import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotIndicators() {
  return useQuery({
    queryKey: casesKeys.indicators,
    queryFn: () => unwrap(api.GET('/api/v1/pilot/indicators')),
    staleTime: Infinity,
  });
}
