import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';
import type { PartnersPut, ProjectDetail, ProjectPatch } from './types';

/** After a change of the design: the answer is the new project; lists may show it differently. */
function useProjectWrite<V>(projectId: string, write: (v: V) => Promise<ProjectDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (p) => {
      queryClient.setQueryData(designKeys.project(projectId), p);
      return queryClient.invalidateQueries({ queryKey: ['projects', 'design', 'list'] });
    },
  });
}

export function useUpdateProject(projectId: string) {
  return useProjectWrite(projectId, (body: ProjectPatch) =>
    unwrap(api.PATCH('/api/v1/projects/{projectId}', { params: { path: { projectId } }, body })),
  );
}

export function usePutPartners(projectId: string) {
  return useProjectWrite(projectId, (body: PartnersPut) =>
    unwrap(api.PUT('/api/v1/projects/{projectId}/partners', { params: { path: { projectId } }, body })),
  );
}

export { useProjectWrite };
