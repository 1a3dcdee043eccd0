import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { AnchorType } from '../types';
import { queriesKeys } from './keys';

export interface OpenQueryInput {
  anchorType: AnchorType;
  anchorId: string | null;
  anchorField: string | null;
  subject: string;
  dueOn: string | null;
  message: string;
}

/** ANCI/Cittalia or MLPS opens a thread on a line of the project (operationId openProjectQuery). */
export function useOpenQuery(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenQueryInput) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/queries', { params: { path: { projectId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queriesKeys.all }),
  });
}
