import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { registryKeys } from './keys';

/** Provinces of one Region; nothing is fetched until a Region is chosen. */
export function useProvinces(region: string) {
  return useQuery({
    queryKey: registryKeys.provinces(region),
    queryFn: () => unwrap(api.GET('/api/v1/provinces', { params: { query: { region } } })),
    enabled: region !== '',
    staleTime: Infinity,
  });
}
