import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { IssuePatch } from '../types';
import { monitoringKeys } from './keys';

export function useUpdateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ issueId, body }: { issueId: string; body: IssuePatch }) =>
      unwrap(api.PATCH('/api/v1/pilot/issues/{issueId}', { params: { path: { issueId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.issues }),
  });
}
