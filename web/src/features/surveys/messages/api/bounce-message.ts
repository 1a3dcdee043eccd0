import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { messagesKeys } from './keys';

/** Marks a delivered message as bounced (operationId bounceSurveyMessage). */
export function useBounceMessage(waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/surveys/messages/{messageId}/bounce', { params: { path: { messageId } }, body: { reason } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKeys.ofWave(waveId) }),
  });
}
