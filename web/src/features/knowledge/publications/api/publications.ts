/** The data of the publications' pages: the public library and page, the organisers' list, one publication and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { BodyOf, Get, Patch, Post, QueryOf, SuccessOf } from '../../../../api/operations';

export type PublicPublicationPage = SuccessOf<Get<'/api/v1/public/publications'>>;
export type PublicPublicationSummary = PublicPublicationPage['items'][number];
export type PublicPublicationQuery = QueryOf<Get<'/api/v1/public/publications'>>;
export type PublicPublication = SuccessOf<Get<'/api/v1/public/publications/{slug}'>>;
export type PublicationPage = SuccessOf<Get<'/api/v1/knowledge/publications'>>;
export type PublicationListQuery = QueryOf<Get<'/api/v1/knowledge/publications'>>;
export type PublicationDetail = SuccessOf<Get<'/api/v1/knowledge/publications/{publicationId}'>>;
export type PublicationVersion = PublicationDetail['versions'][number];
export type PublicationCreate = BodyOf<Post<'/api/v1/knowledge/publications'>>;
export type PublicationPatch = BodyOf<Patch<'/api/v1/knowledge/publications/{publicationId}'>>;
export type PublicationUpload = BodyOf<Post<'/api/v1/knowledge/publications/{publicationId}/versions'>>;
export type PublicationPublish = BodyOf<Post<'/api/v1/knowledge/publications/{publicationId}/publish'>>;

export const publicationKeys = {
  all: ['knowledge', 'publications'] as const,
  publicList: (params: Record<string, string | number>) =>
    ['knowledge', 'publications', 'public', 'list', params] as const,
  publicOne: (slug: string) => ['knowledge', 'publications', 'public', 'one', slug] as const,
  list: (params: Record<string, string | number>) => ['knowledge', 'publications', 'list', params] as const,
  one: (id: string) => ['knowledge', 'publications', 'one', id] as const,
};

/** The address of a published version's PDF (a plain link: the browser downloads it). */
export const publicFileUrl = (slug: string, n: number) =>
  `/api/v1/public/publications/${encodeURIComponent(slug)}/versions/${n}/file`;
/** The address of any version's PDF, for the organisers and MLPS. */
export const fileUrl = (id: string, n: number) =>
  `/api/v1/knowledge/publications/${encodeURIComponent(id)}/versions/${n}/file`;

export function usePublicPublications(query: PublicPublicationQuery) {
  return useQuery({
    queryKey: publicationKeys.publicList(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/public/publications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPublication(slug: string) {
  return useQuery({
    queryKey: publicationKeys.publicOne(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/publications/{slug}', { params: { path: { slug } } })),
  });
}

export function usePublications(query: PublicationListQuery) {
  return useQuery({
    queryKey: publicationKeys.list(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/knowledge/publications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublication(publicationId: string) {
  return useQuery({
    queryKey: publicationKeys.one(publicationId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/knowledge/publications/{publicationId}', { params: { path: { publicationId } } })),
    enabled: publicationId !== '',
  });
}

/** After a write: the answer is the new publication; the lists and the public pages are read again. */
function usePublicationWrite<V>(write: (v: V) => Promise<PublicationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (p) => {
      queryClient.setQueryData(publicationKeys.one(p.id), p);
      return queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'knowledge' &&
          q.queryKey[1] === 'publications' &&
          JSON.stringify(q.queryKey) !== JSON.stringify(publicationKeys.one(p.id)),
      });
    },
  });
}

const path = (publicationId: string) => ({ params: { path: { publicationId } } });

export const useCreatePublication = () =>
  usePublicationWrite((body: PublicationCreate) => unwrap(api.POST('/api/v1/knowledge/publications', { body })));

export const useUpdatePublication = (id: string) =>
  usePublicationWrite((body: PublicationPatch) =>
    unwrap(api.PATCH('/api/v1/knowledge/publications/{publicationId}', { ...path(id), body })),
  );

export const useUploadVersion = (id: string) =>
  usePublicationWrite((body: PublicationUpload) =>
    unwrap(api.POST('/api/v1/knowledge/publications/{publicationId}/versions', { ...path(id), body })),
  );

export const usePublishPublication = (id: string) =>
  usePublicationWrite((body: PublicationPublish) =>
    unwrap(api.POST('/api/v1/knowledge/publications/{publicationId}/publish', { ...path(id), body })),
  );

export const useWithdrawPublication = (id: string) =>
  usePublicationWrite((body: { reason: string; rowVersion: number }) =>
    unwrap(api.POST('/api/v1/knowledge/publications/{publicationId}/withdraw', { ...path(id), body })),
  );
