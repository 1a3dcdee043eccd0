import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { actionKeys } from './keys';
import type { ActionCreate, ActionPatch, IndicatorsPut } from './types';

/** The plan's actions with their totals (operationId listPlanActions). */
export function usePlanActions(planId: string) {
  return useQuery({
    queryKey: actionKeys.actions(planId),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{planId}/actions', { params: { path: { planId } } })),
  });
}

/** After a write: the actions (and the monitorings' view of them) read again. */
function useActionWrite<V, R>(planId: string, write: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.actions(planId) }),
  });
}

export function useCreateAction(planId: string) {
  return useActionWrite(planId, (body: ActionCreate) =>
    unwrap(api.POST('/api/v1/plans/{planId}/actions', { params: { path: { planId } }, body })),
  );
}

export function useUpdateAction(planId: string) {
  return useActionWrite(planId, ({ actionId, body }: { actionId: string; body: ActionPatch }) =>
    unwrap(api.PATCH('/api/v1/plans/{planId}/actions/{actionId}', { params: { path: { planId, actionId } }, body })),
  );
}

export function useDeleteAction(planId: string) {
  return useActionWrite(planId, (actionId: string) =>
    unwrap(api.DELETE('/api/v1/plans/{planId}/actions/{actionId}', { params: { path: { planId, actionId } } })),
  );
}

export function usePutIndicators(planId: string) {
  return useActionWrite(planId, ({ actionId, body }: { actionId: string; body: IndicatorsPut }) =>
    unwrap(
      api.PUT('/api/v1/plans/{planId}/actions/{actionId}/indicators', { params: { path: { planId, actionId } }, body }),
    ),
  );
}

/** The Comune's projects, to link an action to the MLPS-funded project that carries it. */
export function useComuneProjects(comuneIstat: string, enabled: boolean) {
  return useQuery({
    queryKey: actionKeys.comuneProjects(comuneIstat),
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { comune: comuneIstat, pageSize: 100 } } })),
    enabled: enabled && comuneIstat !== '',
    staleTime: 60_000,
  });
}
