import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { Content } from '../types';
import { monitoringKeys } from './keys';

/** Saves what the Comune writes in the scheda (operationId putProjectMonitoringContent). */
export function usePutContent(projectId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rowVersion: number; content: Content }) =>
      unwrap(
        api.PUT('/api/v1/projects/{projectId}/monitoring-reports/{reportId}/content', {
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
