import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { registryKeys } from './keys';

export function useComune(istatCode: string) {
  return useQuery({
    queryKey: registryKeys.comune(istatCode),
    queryFn: () => unwrap(api.GET('/api/v1/comuni/{istatCode}', { params: { path: { istatCode } } })),
  });
}
