import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OrganisationsQuery } from '../../../api/models';
import { organisationsKeys } from './keys';

export function useOrganisations(query: OrganisationsQuery) {
  return useQuery({
    queryKey: organisationsKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
