import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const userQueryKey = (id: string) => ['users', 'one', id] as const;

export function useUser(id: string) {
  return useQuery({
    queryKey: userQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}
