import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';
import type { ProjectCreate } from './types';

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreate) => unwrap(api.POST('/api/v1/projects', { body })),
    onSuccess: (p) => {
      queryClient.setQueryData(designKeys.project(p.id), p);
      return queryClient.invalidateQueries({ queryKey: ['projects', 'design', 'list'] });
    },
  });
}
