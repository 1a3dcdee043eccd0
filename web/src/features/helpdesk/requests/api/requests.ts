/** The data of the help desk's requests: lists, a request, the pickers, and every change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

type S = components['schemas'];
export type RequestSummary = S['HelpRequestSummary'];
export type RequestDetail = S['HelpRequest'];
export type Topic = S['HelpTopic'];
export type Priority = S['HelpPriority'];
export type RequestStatus = S['HelpRequestStatus'];
export type OpenRequestInput = S['HelpRequestOpenInput'];

export const topics: readonly Topic[] = [
  'PROGETTAZIONE',
  'RENDICONTAZIONE',
  'MONITORAGGIO',
  'VALUTAZIONE',
  'PLM',
  'PILOTA_18TER',
  'ALTRO',
];
export const statuses: readonly RequestStatus[] = [
  'NUOVA',
  'ASSEGNATA',
  'IN_LAVORAZIONE',
  'IN_ATTESA_COMUNE',
  'RISOLTA',
  'CHIUSA',
];

export const requestKeys = {
  all: ['helpdesk', 'requests'] as const,
  list: (filters: Record<string, string | undefined>) => ['helpdesk', 'requests', 'list', filters] as const,
  one: (id: string) => ['helpdesk', 'requests', 'one', id] as const,
  choices: ['helpdesk', 'requests', 'choices'] as const,
  staff: ['helpdesk', 'requests', 'staff'] as const,
  escalations: ['helpdesk', 'escalations'] as const,
};

export interface RequestFilters {
  status?: RequestStatus | undefined;
  open?: 'true' | 'false' | undefined;
  topic?: Topic | undefined;
  region?: string | undefined;
  assignee?: string | undefined;
  overdue?: 'true' | undefined;
  escalated?: 'true' | undefined;
}

/** The Comune's own requests, or the help desk's queue (operationId listHelpRequests). */
export function useRequests(filters: RequestFilters) {
  return useQuery({
    queryKey: requestKeys.list({ ...filters }),
    queryFn: () => unwrap(api.GET('/api/v1/help-requests', { params: { query: filters } })),
  });
}

export function useRequest(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: requestKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/help-requests/{requestId}', { params: { path: { requestId: id } } })),
  });
}

export function useChoices() {
  return useQuery({
    queryKey: requestKeys.choices,
    queryFn: () => unwrap(api.GET('/api/v1/help-requests/choices')),
  });
}

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: requestKeys.staff,
    queryFn: () => unwrap(api.GET('/api/v1/help-requests/staff')),
    enabled,
    staleTime: 60_000,
  });
}

export function useEscalations() {
  return useQuery({
    queryKey: requestKeys.escalations,
    queryFn: () => unwrap(api.GET('/api/v1/help-escalations')),
  });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (escalationId: string) =>
      unwrap(api.POST('/api/v1/help-escalations/{escalationId}/acknowledge', { params: { path: { escalationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.escalations }),
  });
}

export function useOpenRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenRequestInput) => unwrap(api.POST('/api/v1/help-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

/** The changes of one request; each answers the request as it now is. */
export function useRequestActions(id: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { requestId: id } } };
  const done = (detail: RequestDetail) => {
    queryClient.setQueryData(requestKeys.one(id), detail);
    void queryClient.invalidateQueries({ queryKey: requestKeys.all });
  };
  return {
    assign: useMutation({
      mutationFn: (v: { assigneeId: string; rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/assign', { ...path, body: v })),
      onSuccess: done,
    }),
    message: useMutation({
      mutationFn: (v: S['HelpMessageRequestInput']) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/messages', { ...path, body: v })),
      onSuccess: done,
    }),
    resolve: useMutation({
      mutationFn: (v: { resolution: string; rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/resolve', { ...path, body: v })),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: (v: { rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/close', { ...path, body: v })),
      onSuccess: done,
    }),
    reopen: useMutation({
      mutationFn: (v: { reason: string; rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/reopen', { ...path, body: v })),
      onSuccess: done,
    }),
    rate: useMutation({
      mutationFn: (v: { score: number; comment: string | null }) =>
        unwrap(api.POST('/api/v1/help-requests/{requestId}/satisfaction', { ...path, body: v })),
      onSuccess: done,
    }),
  };
}

export const attachmentUrl = (requestId: string, documentId: string) =>
  `/api/v1/help-requests/${requestId}/attachments/${documentId}`;
