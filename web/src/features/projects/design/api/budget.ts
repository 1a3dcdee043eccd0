import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';
import type { BudgetVersion, Decision, LinesPut } from './types';

/** A budget version with its lines, totals and checks. */
export function useBudgetVersion(projectId: string, versionId: string | null) {
  return useQuery({
    queryKey: designKeys.version(projectId, versionId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/budget-versions/{versionId}', {
          params: { path: { projectId, versionId: versionId! } },
        }),
      ),
    enabled: versionId !== null,
  });
}

/** The differences of a version against the version in force. */
export function useBudgetDiff(projectId: string, versionId: string | null) {
  return useQuery({
    queryKey: designKeys.diff(projectId, versionId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/budget-versions/{versionId}/diff', {
          params: { path: { projectId, versionId: versionId! } },
        }),
      ),
    enabled: versionId !== null,
  });
}

/** After a write of the budget: the version answered, the project (its versions) and the diffs refreshed. */
function useBudgetWrite<V>(projectId: string, write: (v: V) => Promise<BudgetVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (v) => {
      queryClient.setQueryData(designKeys.version(projectId, v.id), v);
      await queryClient.invalidateQueries({ queryKey: designKeys.project(projectId) });
      await queryClient.invalidateQueries({ queryKey: ['projects', 'design', 'diff', projectId] });
      await queryClient.invalidateQueries({ queryKey: ['projects', 'design', 'list'] });
    },
  });
}

export function usePutLines(projectId: string, versionId: string) {
  return useBudgetWrite(projectId, (body: LinesPut) =>
    unwrap(
      api.PUT('/api/v1/projects/{projectId}/budget-versions/{versionId}/lines', {
        params: { path: { projectId, versionId } },
        body,
      }),
    ),
  );
}

export function useCreateRimodulazione(projectId: string) {
  return useBudgetWrite(projectId, (reason: string) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/budget-versions', { params: { path: { projectId } }, body: { reason } }),
    ),
  );
}

export function useSubmitVersion(projectId: string, versionId: string) {
  return useBudgetWrite(projectId, (rowVersion: number) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/budget-versions/{versionId}/submit', {
        params: { path: { projectId, versionId } },
        body: { rowVersion },
      }),
    ),
  );
}

export function useDecideVersion(projectId: string, versionId: string) {
  return useBudgetWrite(projectId, (body: Decision) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/budget-versions/{versionId}/decision', {
        params: { path: { projectId, versionId } },
        body,
      }),
    ),
  );
}
