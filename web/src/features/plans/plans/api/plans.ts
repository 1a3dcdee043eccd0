/** The data of a Comune's plan pages: the list, one plan, its context analysis and versions, and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { BodyOf, Get, Patch, Post, Put, QueryOf, SuccessOf } from '../../../../api/operations';

export type PlanPage = SuccessOf<Get<'/api/v1/plans'>>;
export type PlanListQuery = QueryOf<Get<'/api/v1/plans'>>;
export type PlanDetail = SuccessOf<Get<'/api/v1/plans/{planId}'>>;
export type PlanContext = SuccessOf<Get<'/api/v1/plans/{planId}/context'>>;
export type PlanVersions = SuccessOf<Get<'/api/v1/plans/{planId}/versions'>>;
export type PlanChanges = SuccessOf<Get<'/api/v1/plans/{planId}/versions/{no}/changes'>>;
export type PlanCreate = BodyOf<Post<'/api/v1/plans'>>;
export type PlanPatch = BodyOf<Patch<'/api/v1/plans/{planId}'>>;
export type PlanTransition = BodyOf<Post<'/api/v1/plans/{planId}/transitions'>>;
export type PlanAdoption = BodyOf<Put<'/api/v1/plans/{planId}/adoption'>>;
export type PlanStatus = PlanDetail['status'];

export const planKeys = {
  all: ['plans'] as const,
  list: (params: Record<string, string | number>) => ['plans', 'plans', 'list', params] as const,
  plan: (planId: string) => ['plans', 'plans', 'plan', planId] as const,
  context: (planId: string) => ['plans', 'plans', 'context', planId] as const,
  versions: (planId: string) => ['plans', 'plans', 'versions', planId] as const,
  changes: (planId: string, no: number, against: string) => ['plans', 'plans', 'changes', planId, no, against] as const,
};

export function usePlans(query: PlanListQuery) {
  return useQuery({
    queryKey: planKeys.list(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/plans', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(planId: string) {
  return useQuery({
    queryKey: planKeys.plan(planId),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } })),
  });
}

/** After a write on the plan: the answer is the new plan; everything else of the plan is read again. */
function usePlanWrite<V>(planId: string, write: (v: V) => Promise<PlanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (p) => {
      queryClient.setQueryData(planKeys.plan(planId), p);
      return queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'plans' && JSON.stringify(q.queryKey) !== JSON.stringify(planKeys.plan(planId)),
      });
    },
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanCreate) => unwrap(api.POST('/api/v1/plans', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useUpdatePlan(planId: string) {
  return usePlanWrite(planId, (body: PlanPatch) =>
    unwrap(api.PATCH('/api/v1/plans/{planId}', { params: { path: { planId } }, body })),
  );
}

export function useTransitionPlan(planId: string) {
  return usePlanWrite(planId, (body: PlanTransition) =>
    unwrap(api.POST('/api/v1/plans/{planId}/transitions', { params: { path: { planId } }, body })),
  );
}

export function usePutAdoption(planId: string) {
  return usePlanWrite(planId, (body: PlanAdoption) =>
    unwrap(api.PUT('/api/v1/plans/{planId}/adoption', { params: { path: { planId } }, body })),
  );
}

export function useUploadAdoption(planId: string) {
  return usePlanWrite(planId, (body: { filename: string; content: string }) =>
    unwrap(api.POST('/api/v1/plans/{planId}/adoption/document', { params: { path: { planId } }, body })),
  );
}

export const adoptionDocumentUrl = (planId: string) => `/api/v1/plans/${planId}/adoption/document`;

export function usePlanContext(planId: string) {
  return useQuery({
    queryKey: planKeys.context(planId),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{planId}/context', { params: { path: { planId } } })),
  });
}

export function usePutContext(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; rowVersion: number }) =>
      unwrap(api.PUT('/api/v1/plans/{planId}/context', { params: { path: { planId } }, body })),
    onSuccess: (c) => {
      queryClient.setQueryData(planKeys.context(planId), c);
      return queryClient.invalidateQueries({ queryKey: planKeys.plan(planId) });
    },
  });
}

export function usePlanVersions(planId: string) {
  return useQuery({
    queryKey: planKeys.versions(planId),
    queryFn: () => unwrap(api.GET('/api/v1/plans/{planId}/versions', { params: { path: { planId } } })),
  });
}

export function usePlanChanges(planId: string, no: number | null, against: 'current' | number | null) {
  return useQuery({
    queryKey: planKeys.changes(planId, no ?? 0, String(against ?? 'default')),
    enabled: no !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/plans/{planId}/versions/{no}/changes', {
          params: { path: { planId, no: no! }, query: against === null ? {} : { against } },
        }),
      ),
  });
}
