import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { SaveBody } from '../types';
import { fillKeys } from './keys';

export function useMyResponses() {
  return useQuery({
    queryKey: fillKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/surveys/my/responses')),
  });
}

export function useResponse(responseId: string) {
  return useQuery({
    queryKey: fillKeys.response(responseId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/responses/{responseId}', { params: { path: { responseId } } })),
    // the page keeps its own copy of the answers while filling in
    staleTime: Infinity,
  });
}

export function fetchResponse(responseId: string) {
  return unwrap(api.GET('/api/v1/surveys/responses/{responseId}', { params: { path: { responseId } } }));
}

export function useHistory(responseId: string, enabled = true) {
  return useQuery({
    queryKey: fillKeys.history(responseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/responses/{responseId}/history', { params: { path: { responseId } } })),
    enabled,
  });
}

export function useReviewQueue(
  waveId: string,
  status: '' | 'inviato' | 'in_validazione' | 'da_ricontattare',
  page: number,
) {
  return useQuery({
    queryKey: fillKeys.queue(waveId, status, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/review-queue', {
          params: { path: { waveId }, query: { page, pageSize: 50, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Saving answers: a mutation, so that a 401 opens the login in place (app/queryClient.ts). */
export function useSaveAnswers(responseId: string) {
  return useMutation({
    mutationFn: (body: SaveBody) =>
      unwrap(api.PATCH('/api/v1/surveys/responses/{responseId}/answers', { params: { path: { responseId } }, body })),
  });
}

export function useSubmit(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (declaration: boolean) =>
      unwrap(
        api.POST('/api/v1/surveys/responses/{responseId}/submit', {
          params: { path: { responseId } },
          body: { declaration },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fillKeys.all }),
  });
}

type ReviewStep = 'review/start' | 'validate' | 'consolidate';

export function useReviewStep(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ReviewStep) => {
      const params = { params: { path: { responseId } } };
      if (step === 'review/start')
        return unwrap(api.POST('/api/v1/surveys/responses/{responseId}/review/start', params));
      if (step === 'validate') return unwrap(api.POST('/api/v1/surveys/responses/{responseId}/validate', params));
      return unwrap(api.POST('/api/v1/surveys/responses/{responseId}/consolidate', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fillKeys.response(responseId) }),
  });
}

export function useReturn(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      unwrap(
        api.POST('/api/v1/surveys/responses/{responseId}/return', {
          params: { path: { responseId } },
          body: note.trim() ? { note } : {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fillKeys.response(responseId) }),
  });
}

export function useFlag(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; reason: string }) =>
      unwrap(api.POST('/api/v1/surveys/responses/{responseId}/flags', { params: { path: { responseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fillKeys.response(responseId) }),
  });
}

export function useWithdrawFlag(responseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flagId: string) =>
      unwrap(
        api.DELETE('/api/v1/surveys/responses/{responseId}/flags/{flagId}', {
          params: { path: { responseId, flagId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fillKeys.response(responseId) }),
  });
}

export const responsePdfUrl = (responseId: string) => `/api/v1/surveys/responses/${responseId}/pdf`;
