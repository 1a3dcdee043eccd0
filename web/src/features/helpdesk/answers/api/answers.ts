/** The data of the knowledge base: the searches (logged-in and public), an entry, and the help desk's changes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

type S = components['schemas'];
export type Answer = S['HelpAnswer'];
export type AnswerStatus = S['HelpAnswerStatus'];
export type Topic = S['HelpTopic'];

export const answerKeys = {
  all: ['helpdesk', 'answers'] as const,
  search: (f: Record<string, string | undefined>) => ['helpdesk', 'answers', 'search', f] as const,
  one: (id: string) => ['helpdesk', 'answers', 'one', id] as const,
  publicSearch: (f: Record<string, string | undefined>) => ['helpdesk', 'public-answers', f] as const,
  publicOne: (slug: string) => ['helpdesk', 'public-answers', 'one', slug] as const,
};

export interface AnswerFilters {
  q?: string | undefined;
  topic?: Topic | undefined;
  status?: AnswerStatus | undefined;
}

export function useAnswerSearch(f: AnswerFilters) {
  return useQuery({
    queryKey: answerKeys.search({ ...f }),
    queryFn: () => unwrap(api.GET('/api/v1/help-answers', { params: { query: f } })),
  });
}

export function useAnswer(id: string) {
  return useQuery({
    queryKey: answerKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/help-answers/{answerId}', { params: { path: { answerId: id } } })),
  });
}

export function usePublicAnswerSearch(f: { q?: string | undefined; topic?: Topic | undefined }) {
  return useQuery({
    queryKey: answerKeys.publicSearch({ ...f }),
    queryFn: () => unwrap(api.GET('/api/v1/public/help-answers', { params: { query: f } })),
  });
}

export function usePublicAnswer(slug: string) {
  return useQuery({
    queryKey: answerKeys.publicOne(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/help-answers/{slug}', { params: { path: { slug } } })),
  });
}

export function useCreateAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: S['HelpAnswerCreateInput']) => unwrap(api.POST('/api/v1/help-answers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: answerKeys.all }),
  });
}

export function useAnswerActions(id: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { answerId: id } } };
  const done = (a: Answer) => {
    queryClient.setQueryData(answerKeys.one(id), a);
    void queryClient.invalidateQueries({ queryKey: answerKeys.all });
  };
  return {
    patch: useMutation({
      mutationFn: (body: S['HelpAnswerPatchInput']) =>
        unwrap(api.PATCH('/api/v1/help-answers/{answerId}', { ...path, body })),
      onSuccess: done,
    }),
    publish: useMutation({
      mutationFn: (body: { acknowledgeWarnings: boolean; rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-answers/{answerId}/publish', { ...path, body })),
      onSuccess: done,
    }),
    withdraw: useMutation({
      mutationFn: (body: { rowVersion: number }) =>
        unwrap(api.POST('/api/v1/help-answers/{answerId}/withdraw', { ...path, body })),
      onSuccess: done,
    }),
  };
}
