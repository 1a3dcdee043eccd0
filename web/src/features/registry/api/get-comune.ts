import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const comuneQueryKey = (istatCode: string) => ['registry', 'comune', istatCode] as const;

export function useComune(istatCode: string) {
  return useQuery({
    queryKey: comuneQueryKey(istatCode),
    queryFn: () => unwrap(api.GET('/api/v1/comuni/{istatCode}', { params: { path: { istatCode } } })),
  });
}
