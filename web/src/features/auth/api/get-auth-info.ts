import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function useAuthInfo() {
  return useQuery({
    queryKey: ['auth', 'info'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/info')),
    staleTime: Infinity,
  });
}
