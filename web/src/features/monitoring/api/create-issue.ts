import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { IssueCreate } from '../types';
import { monitoringKeys } from './keys';

export function useCreateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueCreate) => unwrap(api.POST('/api/v1/pilot/issues', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.issues }),
  });
}
