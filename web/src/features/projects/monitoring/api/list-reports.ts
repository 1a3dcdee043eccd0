import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { monitoringKeys } from './keys';

/** A project's schede trimestrali and the quarters still missing (operationId listProjectMonitoringReports). */
export function useMonitoringReports(projectId: string) {
  return useQuery({
    queryKey: monitoringKeys.ofProject(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{projectId}/monitoring-reports', { params: { path: { projectId } } })),
  });
}
