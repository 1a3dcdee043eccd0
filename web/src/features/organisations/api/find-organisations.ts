import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OrganisationsQuery } from '../../../api/models';

export function useOrganisations(query: OrganisationsQuery) {
  return useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
