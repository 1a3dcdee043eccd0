import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components, operations } from '../../../../api/schema';

export type Coverage = components['schemas']['PlanCoverage'];
export type CoverageRow = components['schemas']['PlanCoverageRow'];
export type CoverageQuery = NonNullable<operations['getPlansCoverage']['parameters']['query']>;
export type CoverageFilters = Omit<CoverageQuery, 'page' | 'pageSize'>;

export const coverageKeys = {
  all: ['plans', 'coverage'] as const,
  matrix: (q: object) => ['plans', 'coverage', 'matrix', q] as const,
  map: (q: object) => ['plans', 'coverage', 'map', q] as const,
  uncovered: (q: object) => ['plans', 'coverage', 'uncovered', q] as const,
};

/** The matrix (operationId getPlansCoverage). */
export function useCoverage(query: CoverageQuery) {
  return useQuery({
    queryKey: coverageKeys.matrix(query),
    queryFn: () => unwrap(api.GET('/api/v1/plans-coverage', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The map's items (operationId getPlansCoverageMap). */
export function useCoverageMap(query: CoverageFilters) {
  return useQuery({
    queryKey: coverageKeys.map(query),
    queryFn: () => unwrap(api.GET('/api/v1/plans-coverage/map', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The priority actions no plan of a Region covers (operationId getPlansCoverageUncovered). */
export function useUncovered(query: Pick<CoverageFilters, 'region' | 'band' | 'statusGroup'>) {
  return useQuery({
    queryKey: coverageKeys.uncovered(query),
    queryFn: () => unwrap(api.GET('/api/v1/plans-coverage/uncovered', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The XLSX with the same filters (operationId exportPlansCoverage): a link the browser follows with its session. */
export function coverageXlsxHref(query: CoverageFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/plans-coverage.xlsx${qs ? `?${qs}` : ''}`;
}
