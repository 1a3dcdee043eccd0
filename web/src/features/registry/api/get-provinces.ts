import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** Provinces of one Region; nothing is fetched until a Region is chosen. */
export function useProvinces(region: string) {
  return useQuery({
    queryKey: ['registry', 'provinces', region],
    queryFn: () => unwrap(api.GET('/api/v1/provinces', { params: { query: { region } } })),
    enabled: region !== '',
    staleTime: Infinity,
  });
}
