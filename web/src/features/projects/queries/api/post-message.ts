import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** The Comune answers, or the asking side replies (operationId postProjectQueryMessage). */
export function usePostMessage(projectId: string, queryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/queries/{queryId}/messages', {
          params: { path: { projectId, queryId } },
          body: { body },
        }),
      ),
    onSuccess: (q) => {
      queryClient.setQueryData(queriesKeys.thread(projectId, queryId), q);
      return queryClient.invalidateQueries({ queryKey: queriesKeys.all });
    },
  });
}
