import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';

/** The common indicators of the catalogue (PN FAMI, Reg. (UE) 2021/1147 Annex VIII). */
export function useIndicatorCatalogue() {
  return useQuery({
    queryKey: designKeys.catalogue,
    queryFn: () => unwrap(api.GET('/api/v1/project-indicators')),
    staleTime: Infinity,
  });
}
