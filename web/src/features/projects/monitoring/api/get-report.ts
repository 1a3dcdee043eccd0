import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { monitoringKeys } from './keys';

/** One scheda with its content, computed sections and comments (operationId getProjectMonitoringReport). */
export function useMonitoringReport(projectId: string, reportId: string) {
  return useQuery({
    queryKey: monitoringKeys.report(projectId, reportId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/monitoring-reports/{reportId}', {
          params: { path: { projectId, reportId } },
        }),
      ),
  });
}
