import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';

/** The calls a project can be designed under (latest published version of each). */
export function useCallOptions() {
  return useQuery({
    queryKey: designKeys.callOptions,
    queryFn: () => unwrap(api.GET('/api/v1/project-call-options')),
    staleTime: 60_000,
  });
}
