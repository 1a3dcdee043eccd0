import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** The asking side resolves the thread, or reopens it (operationId resolveProjectQuery). */
export function useResolveQuery(projectId: string, queryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reopen: boolean) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/queries/{queryId}/resolve', {
          params: { path: { projectId, queryId } },
          body: { reopen },
        }),
      ),
    onSuccess: (q) => {
      queryClient.setQueryData(queriesKeys.thread(projectId, queryId), q);
      return queryClient.invalidateQueries({ queryKey: queriesKeys.all });
    },
  });
}
