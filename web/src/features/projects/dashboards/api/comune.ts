import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { dashboardsKeys } from './keys';

export type ComuneDashboard = components['schemas']['ProjectComuneDashboard'];
export type Deadline = components['schemas']['ProjectDashboardDeadline'];

/** The Comune's own projects with their figures, deadlines and critical issues (operationId getProjectComuneDashboard). */
export function useComuneDashboard(enabled = true) {
  return useQuery({
    queryKey: dashboardsKeys.comune,
    queryFn: () => unwrap(api.GET('/api/v1/project-dashboards/comune')),
    enabled,
  });
}
