import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { wavesKeys } from './keys';

export type Link = components['schemas']['SurveyLink'];
export type IssuedLink = components['schemas']['SurveyIssuedLink'];
export type Contact = components['schemas']['SurveyContact'];
export type ContactKind = components['schemas']['SurveyContactKind'];
export interface ContactInput {
  kind: ContactKind;
  email: string;
  personName: string | null;
  personRole: string | null;
}

export function useLinks(responseId: string) {
  return useQuery({
    queryKey: wavesKeys.links(responseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/responses/{responseId}/links', { params: { path: { responseId } } })),
  });
}

export function useIssueLink(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/surveys/responses/{responseId}/links', { params: { path: { responseId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKeys.links(responseId) }),
  });
}

export function useRevokeLink(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      unwrap(api.POST('/api/v1/surveys/links/{linkId}/revoke', { params: { path: { linkId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKeys.links(responseId) }),
  });
}

export function useContacts(istat: string) {
  return useQuery({
    queryKey: wavesKeys.contacts(istat),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/comuni/{istat}/contacts', { params: { path: { istat } } })),
  });
}

export function usePutContacts(istat: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: ContactInput[]) =>
      unwrap(api.PUT('/api/v1/surveys/comuni/{istat}/contacts', { params: { path: { istat } }, body: { items } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKeys.contacts(istat) }),
  });
}
