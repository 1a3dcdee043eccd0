import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { useInvalidateCalls } from './invalidate';

export function usePublishVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (versionId: string) =>
      unwrap(
        api.POST('/api/v1/funding-calls/{callId}/versions/{versionId}/publish', {
          params: { path: { callId, versionId } },
        }),
      ),
    onSuccess: invalidate,
  });
}
