import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components, operations } from '../../../../api/schema';
import { dashboardsKeys } from './keys';

export type NationalDashboard = components['schemas']['ProjectNationalDashboard'];
export type Figures = components['schemas']['ProjectDashboardFigures'];
export type Issue = components['schemas']['ProjectDashboardIssue'];
export type WaitingClaim = components['schemas']['ProjectDashboardWaitingClaim'];
export type ProjectRow = components['schemas']['ProjectDashboardRow'];
export type NationalQuery = NonNullable<operations['getProjectNationalDashboard']['parameters']['query']>;
export type ProjectStatus = ProjectRow['status'];

/** Every project the actor reaches, by Region, call and status (operationId getProjectNationalDashboard). */
export function useNationalDashboard(query: NationalQuery, enabled = true) {
  return useQuery({
    queryKey: dashboardsKeys.national(query),
    queryFn: () => unwrap(api.GET('/api/v1/project-dashboards/national', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The national dashboard as XLSX with the same filters (operationId exportProjectNationalDashboard):
 * a download the browser fetches itself with the session cookie, so a link rather than a query.
 */
export function nationalXlsxHref(query: Pick<NationalQuery, 'region' | 'callId' | 'status'>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v !== '') params.set(k, v);
  const qs = params.toString();
  return `/api/v1/project-dashboards/national.xlsx${qs ? `?${qs}` : ''}`;
}
