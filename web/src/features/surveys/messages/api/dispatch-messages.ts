import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { messagesKeys } from './keys';

/** Sends what is due now for a wave (operationId dispatchSurveyMessages); idempotent. */
export function useDispatchMessages(waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/surveys/waves/{waveId}/messages/dispatch', { params: { path: { waveId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKeys.ofWave(waveId) }),
  });
}
