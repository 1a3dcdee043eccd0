import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { useInvalidateCalls } from './invalidate';
import type { Rules } from './types';

export function useCreateVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: { rules: Rules; note?: string }) =>
      unwrap(api.POST('/api/v1/funding-calls/{callId}/versions', { params: { path: { callId } }, body })),
    onSuccess: invalidate,
  });
}
