import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { monitoringKeys } from './keys';

/** Sends the scheda for review (operationId submitProjectMonitoringReport). */
export function useSubmitReport(projectId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rowVersion: number) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/monitoring-reports/{reportId}/submit', {
          params: { path: { projectId, reportId } },
          body: { rowVersion },
        }),
      ),
    onSuccess: (report) => {
      queryClient.setQueryData(monitoringKeys.report(projectId, reportId), report);
      return queryClient.invalidateQueries({ queryKey: monitoringKeys.ofProject(projectId), exact: true });
    },
  });
}
