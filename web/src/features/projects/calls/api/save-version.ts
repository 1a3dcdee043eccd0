import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { useInvalidateCalls } from './invalidate';
import type { Rules } from './types';

export function useSaveVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: ({ versionId, ...body }: { versionId: string; rules: Rules; note?: string }) =>
      unwrap(
        api.PUT('/api/v1/funding-calls/{callId}/versions/{versionId}', {
          params: { path: { callId, versionId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}
