import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { callsKeys } from './keys';

export function useCalls() {
  return useQuery({ queryKey: callsKeys.list, queryFn: () => unwrap(api.GET('/api/v1/funding-calls')) });
}
