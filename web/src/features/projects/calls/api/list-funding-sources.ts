import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { callsKeys } from './keys';

export function useFundingSources() {
  return useQuery({ queryKey: callsKeys.sources, queryFn: () => unwrap(api.GET('/api/v1/funding-sources')) });
}
