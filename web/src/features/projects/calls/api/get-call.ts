import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { callsKeys } from './keys';

export function useCall(callId: string) {
  return useQuery({
    queryKey: callsKeys.call(callId),
    queryFn: () => unwrap(api.GET('/api/v1/funding-calls/{callId}', { params: { path: { callId } } })),
  });
}
