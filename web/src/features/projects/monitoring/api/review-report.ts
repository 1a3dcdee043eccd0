import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { Decision } from '../types';
import { monitoringKeys } from './keys';

/** ANCI/Cittalia or MLPS reviews the scheda (operationId reviewProjectMonitoringReport). */
export function useReviewReport(projectId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; comments: { field: string; text: string }[]; rowVersion: number }) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/monitoring-reports/{reportId}/review', {
          params: { path: { projectId, reportId } },
          body,
        }),
      ),
    onSuccess: (report) => {
      queryClient.setQueryData(monitoringKeys.report(projectId, reportId), report);
      return queryClient.invalidateQueries({ queryKey: monitoringKeys.ofProject(projectId), exact: true });
    },
  });
}
