import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { authKeys } from './keys';

export function useAuthInfo() {
  return useQuery({
    queryKey: authKeys.info,
    queryFn: () => unwrap(api.GET('/api/v1/auth/info')),
    staleTime: Infinity,
  });
}
