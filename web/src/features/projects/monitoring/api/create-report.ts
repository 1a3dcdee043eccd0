import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { monitoringKeys } from './keys';

/** Starts the scheda of a quarter (operationId createProjectMonitoringReport). */
export function useCreateReport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; quarter: number }) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/monitoring-reports', { params: { path: { projectId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.ofProject(projectId) }),
  });
}
