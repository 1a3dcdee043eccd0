import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { usersKeys } from './keys';

export function useUser(id: string) {
  return useQuery({
    queryKey: usersKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}
