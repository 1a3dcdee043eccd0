import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const organisationQueryKey = (id: string) => ['organisations', 'one', id] as const;

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
  });
}
