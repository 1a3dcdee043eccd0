import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { organisationsKeys } from './keys';

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationsKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
  });
}
