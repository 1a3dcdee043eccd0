import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { registryKeys } from './keys';

export function useDataSources() {
  return useQuery({
    queryKey: registryKeys.sources,
    queryFn: () => unwrap(api.GET('/api/v1/registry/sources')),
    staleTime: Infinity,
    // Shown in the footer of every page: a failure must not retry in a loop or shout.
    retry: false,
  });
}
