/** The data of the good practices' pages: the public search and pages, the authors' list and form, the workflow. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { BodyOf, Get, Patch, Post, QueryOf, SuccessOf } from '../../../../api/operations';

export type PublicPracticeQuery = QueryOf<Get<'/api/v1/public/practices'>>;
export type PublicPracticePage = SuccessOf<Get<'/api/v1/public/practices'>>;
export type PublicPracticeSummary = PublicPracticePage['items'][number];
export type PublicPractice = SuccessOf<Get<'/api/v1/public/practices/{slug}'>>;
export type PublicCaseStudy = SuccessOf<Get<'/api/v1/public/case-studies/{slug}'>>;
export type PracticeListQuery = QueryOf<Get<'/api/v1/practices'>>;
export type PracticeDetail = SuccessOf<Get<'/api/v1/practices/{practiceId}'>>;
export type PracticeCreate = BodyOf<Post<'/api/v1/practices'>>;
export type PracticePatch = BodyOf<Patch<'/api/v1/practices/{practiceId}'>>;
export type PickerKind = QueryOf<Get<'/api/v1/practices/pickers'>>['kind'];
export type CaseStudyDetail = SuccessOf<Get<'/api/v1/case-studies/{caseStudyId}'>>;

export const practiceKeys = {
  all: ['knowledge', 'practices'] as const,
  publicList: (params: Record<string, string | number>) =>
    ['knowledge', 'practices', 'public', 'list', params] as const,
  publicOne: (slug: string) => ['knowledge', 'practices', 'public', 'one', slug] as const,
  publicRegions: ['knowledge', 'practices', 'public', 'regions'] as const,
  publicCases: (page: number) => ['knowledge', 'practices', 'public', 'cases', page] as const,
  publicCase: (slug: string) => ['knowledge', 'practices', 'public', 'case', slug] as const,
  list: (params: Record<string, string | number>) => ['knowledge', 'practices', 'list', params] as const,
  one: (id: string) => ['knowledge', 'practices', 'one', id] as const,
  pick: (kind: string, q: string) => ['knowledge', 'practices', 'pick', kind, q] as const,
  cases: (params: Record<string, string | number>) => ['knowledge', 'practices', 'cases', params] as const,
};

export function usePublicPractices(query: PublicPracticeQuery) {
  return useQuery({
    queryKey: practiceKeys.publicList(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/public/practices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPracticeRegions() {
  return useQuery({
    queryKey: practiceKeys.publicRegions,
    queryFn: () => unwrap(api.GET('/api/v1/public/practice-regions')),
    staleTime: 60_000,
  });
}

export function usePublicPractice(slug: string) {
  return useQuery({
    queryKey: practiceKeys.publicOne(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/practices/{slug}', { params: { path: { slug } } })),
  });
}

export function usePublicCaseStudies(page: number, pageSize: number) {
  return useQuery({
    queryKey: practiceKeys.publicCases(page),
    queryFn: () => unwrap(api.GET('/api/v1/public/case-studies', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicCaseStudy(slug: string) {
  return useQuery({
    queryKey: practiceKeys.publicCase(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/case-studies/{slug}', { params: { path: { slug } } })),
  });
}

export function usePractices(query: PracticeListQuery) {
  return useQuery({
    queryKey: practiceKeys.list(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePractice(practiceId: string) {
  return useQuery({
    queryKey: practiceKeys.one(practiceId),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{practiceId}', { params: { path: { practiceId } } })),
    enabled: practiceId !== '',
  });
}

/** What a practice may name (organisations, Comuni, plan actions, projects, survey responses), by words. */
export function usePracticePicker(kind: PickerKind, q: string) {
  return useQuery({
    queryKey: practiceKeys.pick(kind, q),
    queryFn: () => unwrap(api.GET('/api/v1/practices/pickers', { params: { query: { kind, ...(q ? { q } : {}) } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** After a write: the answer is the new practice; the lists and the public pages are read again. */
function usePracticeWrite<V>(write: (v: V) => Promise<PracticeDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (p) => {
      queryClient.setQueryData(practiceKeys.one(p.id), p);
      return queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'knowledge' &&
          q.queryKey[1] === 'practices' &&
          JSON.stringify(q.queryKey) !== JSON.stringify(practiceKeys.one(p.id)),
      });
    },
  });
}

export const useCreatePractice = () =>
  usePracticeWrite((body: PracticeCreate) => unwrap(api.POST('/api/v1/practices', { body })));

export const useUpdatePractice = (practiceId: string) =>
  usePracticeWrite((body: PracticePatch) =>
    unwrap(api.PATCH('/api/v1/practices/{practiceId}', { params: { path: { practiceId } }, body })),
  );

export const usePracticeStep = (practiceId: string) =>
  usePracticeWrite(
    (
      v: { step: 'submit' | 'publish'; rowVersion: number } | { step: 'return'; rowVersion: number; comment: string },
    ) => {
      const params = { path: { practiceId } };
      if (v.step === 'return')
        return unwrap(
          api.POST('/api/v1/practices/{practiceId}/return', {
            params,
            body: { rowVersion: v.rowVersion, comment: v.comment },
          }),
        );
      if (v.step === 'submit')
        return unwrap(
          api.POST('/api/v1/practices/{practiceId}/submit', { params, body: { rowVersion: v.rowVersion } }),
        );
      return unwrap(api.POST('/api/v1/practices/{practiceId}/publish', { params, body: { rowVersion: v.rowVersion } }));
    },
  );

export function useCaseStudies(query: { page: number; pageSize: number; status?: string }) {
  return useQuery({
    queryKey: practiceKeys.cases(query as Record<string, string | number>),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/case-studies', {
          params: { query: query as QueryOf<Get<'/api/v1/case-studies'>> },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A case study's step of the workflow (send, return with a comment, publish). */
export function useCaseStudyStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; rowVersion: number; step: 'submit' | 'publish' | 'return'; comment?: string }) => {
      const params = { path: { caseStudyId: v.id } };
      if (v.step === 'return')
        return unwrap(
          api.POST('/api/v1/case-studies/{caseStudyId}/return', {
            params,
            body: { rowVersion: v.rowVersion, comment: v.comment ?? '' },
          }),
        );
      if (v.step === 'submit')
        return unwrap(
          api.POST('/api/v1/case-studies/{caseStudyId}/submit', { params, body: { rowVersion: v.rowVersion } }),
        );
      return unwrap(
        api.POST('/api/v1/case-studies/{caseStudyId}/publish', { params, body: { rowVersion: v.rowVersion } }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['knowledge', 'practices'] }),
  });
}
