import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { actionKeys } from './keys';
import type { MonitoringCreate } from './types';

/** The plan's monitorings, newest first (operationId listPlanMonitorings). */
export function usePlanMonitorings(planId: string) {
  return useQuery({
    queryKey: actionKeys.monitorings(planId),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{planId}/monitorings', { params: { path: { planId } } })),
  });
}

/** One monitoring with its values against their targets (operationId getPlanMonitoring). */
export function usePlanMonitoring(planId: string, monitoringId: string | null) {
  return useQuery({
    queryKey: actionKeys.monitoring(planId, monitoringId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/plans/{planId}/monitorings/{monitoringId}', {
          params: { path: { planId, monitoringId: monitoringId! } },
        }),
      ),
    enabled: monitoringId !== null,
  });
}

/** Records a monitoring; the actions (their states and latest values) are read again. */
export function useCreateMonitoring(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringCreate) =>
      unwrap(api.POST('/api/v1/plans/{planId}/monitorings', { params: { path: { planId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: actionKeys.monitorings(planId) });
      await queryClient.invalidateQueries({ queryKey: actionKeys.actions(planId) });
    },
  });
}
