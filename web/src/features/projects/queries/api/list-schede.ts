import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** The project's schede trimestrali a query may be anchored to (operationId listProjectMonitoringReports). */
export function useAnchorSchede(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: queriesKeys.schede(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{projectId}/monitoring-reports', { params: { path: { projectId } } })),
    enabled,
  });
}
