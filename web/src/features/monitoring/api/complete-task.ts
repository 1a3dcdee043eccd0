import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.POST('/api/v1/pilot/tasks/{taskId}/done', { params: { path: { taskId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.tasks }),
  });
}
