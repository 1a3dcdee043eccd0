import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';

/** One project with its whole design. */
export function useProject(projectId: string) {
  return useQuery({
    queryKey: designKeys.project(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } })),
  });
}
