import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** A project's query threads (operationId listProjectQueries). */
export function useProjectQueries(projectId: string) {
  return useQuery({
    queryKey: queriesKeys.ofProject(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/queries', { params: { path: { projectId } } })),
  });
}
