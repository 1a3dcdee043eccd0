import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** One thread with its messages (operationId getProjectQuery). */
export function useProjectQuery(projectId: string, queryId: string | null) {
  return useQuery({
    queryKey: queriesKeys.thread(projectId, queryId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/queries/{queryId}', {
          params: { path: { projectId, queryId: queryId ?? '' } },
        }),
      ),
    enabled: queryId !== null,
  });
}
