/** The data of the plans' networks: tavoli, members, meetings, minutes, follow-ups, the work list, the totals. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

type S = components['schemas'];

export const networksKeys = {
  all: ['plans', 'networks'] as const,
  list: (filters: Record<string, string>) => ['plans', 'networks', 'list', filters] as const,
  totals: ['plans', 'networks', 'totals'] as const,
  network: (id: string) => ['plans', 'networks', 'network', id] as const,
  meeting: (id: string) => ['plans', 'networks', 'meeting', id] as const,
  mine: ['plans', 'networks', 'mine'] as const,
};

export interface NetworkFilters {
  kind?: 'TAVOLO' | 'GRUPPO_TEMATICO';
  axis?: 'PREVENZIONE' | 'VIGILANZA_CONTRASTO' | 'PROTEZIONE_ASSISTENZA' | 'REINTEGRAZIONE';
  active?: 'true' | 'false';
  region?: string;
}

/** The networks in reach (operationId listPlanNetworks). */
export function useNetworks(filters: NetworkFilters) {
  return useQuery({
    queryKey: networksKeys.list(filters as Record<string, string>),
    queryFn: () => unwrap(api.GET('/api/v1/plan-networks', { params: { query: filters } })),
  });
}

/** The totals beside phase 1 (operationId getPlanNetworkTotals). */
export function useNetworkTotals() {
  return useQuery({
    queryKey: networksKeys.totals,
    queryFn: () => unwrap(api.GET('/api/v1/plan-networks/totals')),
  });
}

export function useNetwork(networkId: string) {
  return useQuery({
    queryKey: networksKeys.network(networkId),
    queryFn: () => unwrap(api.GET('/api/v1/plan-networks/{networkId}', { params: { path: { networkId } } })),
  });
}

export function useCreateNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['PlanNetworkCreateInput']) => unwrap(api.POST('/api/v1/plan-networks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksKeys.all }),
  });
}

export function useSetMember(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { organisationId: string; role: S['PlanNetworkRole'] }) =>
      unwrap(
        api.PUT('/api/v1/plan-networks/{networkId}/members/{organisationId}', {
          params: { path: { networkId, organisationId: v.organisationId } },
          body: { role: v.role, joinedOn: null },
        }),
      ),
    onSuccess: (n) => {
      queryClient.setQueryData(networksKeys.network(networkId), n);
      return queryClient.invalidateQueries({ queryKey: networksKeys.all });
    },
  });
}

export function useRemoveMember(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      unwrap(
        api.DELETE('/api/v1/plan-networks/{networkId}/members/{organisationId}', {
          params: { path: { networkId, organisationId } },
        }),
      ),
    onSuccess: (n) => {
      queryClient.setQueryData(networksKeys.network(networkId), n);
      return queryClient.invalidateQueries({ queryKey: networksKeys.all });
    },
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: networksKeys.meeting(meetingId),
    queryFn: () => unwrap(api.GET('/api/v1/plan-meetings/{meetingId}', { params: { path: { meetingId } } })),
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['PlanMeetingCreateInput']) => unwrap(api.POST('/api/v1/plan-meetings', { body })),
    onSuccess: (m) => {
      queryClient.setQueryData(networksKeys.meeting(m.id), m);
      return queryClient.invalidateQueries({ queryKey: networksKeys.all });
    },
  });
}

export function useUpdateMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['PlanMeetingUpdateInput']) =>
      unwrap(api.PATCH('/api/v1/plan-meetings/{meetingId}', { params: { path: { meetingId } }, body })),
    onSuccess: (m) => {
      queryClient.setQueryData(networksKeys.meeting(meetingId), m);
      return queryClient.invalidateQueries({ queryKey: networksKeys.all });
    },
  });
}

export function useUploadMinutes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['PlanMeetingMinutesUploadInput']) =>
      unwrap(api.POST('/api/v1/plan-meetings/{meetingId}/minutes', { params: { path: { meetingId } }, body })),
    onSuccess: (m) => {
      queryClient.setQueryData(networksKeys.meeting(meetingId), m);
      return queryClient.invalidateQueries({ queryKey: networksKeys.all });
    },
  });
}

export function useCreateFollowUp(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['PlanFollowUpCreateInput']) =>
      unwrap(api.POST('/api/v1/plan-meetings/{meetingId}/follow-ups', { params: { path: { meetingId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksKeys.all }),
  });
}

export function useUpdateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { followUpId: string; body: S['PlanFollowUpUpdateInput'] }) =>
      unwrap(
        api.PATCH('/api/v1/plan-follow-ups/{followUpId}', {
          params: { path: { followUpId: v.followUpId } },
          body: v.body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksKeys.all }),
  });
}

/** The user's open follow-ups, overdue first (operationId listMyPlanFollowUps). */
export function useMyFollowUps() {
  return useQuery({
    queryKey: networksKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/plan-follow-ups/mine')),
  });
}
