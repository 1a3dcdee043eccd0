/** The data of the events' pages: the public list and page, the organisers' list, one event and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { eventKinds } from '../../../../lib/event-vocabulary';
import { listPage, oneOf } from '../../../../lib/listParams';
import type { BodyOf, Get, Patch, Post, QueryOf, SuccessOf } from '../../../../api/operations';

export type PublicEventPage = SuccessOf<Get<'/api/v1/public/events'>>;
export type PublicEventSummary = PublicEventPage['items'][number];
export type PublicEventQuery = QueryOf<Get<'/api/v1/public/events'>>;
export type PublicEvent = SuccessOf<Get<'/api/v1/public/events/{slug}'>>;
export type EventPage = SuccessOf<Get<'/api/v1/events'>>;
export type EventListQuery = QueryOf<Get<'/api/v1/events'>>;
export type EventDetail = SuccessOf<Get<'/api/v1/events/{eventId}'>>;
export type EventCreate = BodyOf<Post<'/api/v1/events'>>;
export type EventPatch = BodyOf<Patch<'/api/v1/events/{eventId}'>>;

export const eventKeys = {
  all: ['events'] as const,
  publicList: (params: Record<string, string | number>) => ['events', 'events', 'public', 'list', params] as const,
  publicEvent: (slug: string) => ['events', 'events', 'public', 'one', slug] as const,
  list: (params: Record<string, string | number>) => ['events', 'events', 'list', params] as const,
  event: (eventId: string) => ['events', 'events', 'one', eventId] as const,
};

/** The address of an event's calendar file (a plain link: the browser downloads it). */
export const icsUrl = (slug: string) => `/api/v1/public/events/${encodeURIComponent(slug)}/event.ics`;

const publicEventsQuery = (query: PublicEventQuery) => ({
  queryKey: eventKeys.publicList(query),
  queryFn: () => unwrap(api.GET('/api/v1/public/events', { params: { query } })),
});

export function usePublicEvents(query: PublicEventQuery) {
  return useQuery({ ...publicEventsQuery(query), placeholderData: keepPreviousData });
}

/** /eventi's query from its address: the page and the kind of event. */
export function publicEventsQueryOf(params: URLSearchParams): PublicEventQuery {
  const kind = oneOf(params.get('kind') ?? '', eventKinds);
  // a Region in the address that is not a two-digit code is ignored (the server would refuse it)
  const region = params.get('region') ?? '';
  return { ...listPage(params), ...(kind ? { kind } : {}), ...(/^\d{2}$/.test(region) ? { region } : {}) };
}

/** /eventi's list, asked for as the app starts on it (app/router.tsx). */
export function prefetchPublicEvents(queryClient: QueryClient, params: URLSearchParams): void {
  void queryClient.prefetchQuery(publicEventsQuery(publicEventsQueryOf(params)));
}

/** How many of the next events the public home shows. */
export const UPCOMING_EVENTS = 3;
export const upcomingEventsQuery: PublicEventQuery = { page: 1, pageSize: UPCOMING_EVENTS };

/** The public home's next events, asked for together with the session when the app starts on "/". */
export function prefetchUpcomingEvents(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(publicEventsQuery(upcomingEventsQuery));
}

/** The Regions where published events take place (the public list's filter; no login). */
export function usePublicEventRegions() {
  return useQuery({
    queryKey: ['events', 'events', 'public', 'regions'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/public/event-regions')),
    staleTime: 5 * 60_000,
  });
}

export function usePublicEvent(slug: string) {
  return useQuery({
    queryKey: eventKeys.publicEvent(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/events/{slug}', { params: { path: { slug } } })),
  });
}

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: eventKeys.list(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(eventId: string) {
  return useQuery({
    queryKey: eventKeys.event(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}', { params: { path: { eventId } } })),
    enabled: eventId !== '',
  });
}

/** After a write: the answer is the new event; the lists and the public pages are read again. */
function useEventWrite<V>(write: (v: V) => Promise<EventDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (e) => {
      queryClient.setQueryData(eventKeys.event(e.id), e);
      return queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'events' && JSON.stringify(q.queryKey) !== JSON.stringify(eventKeys.event(e.id)),
      });
    },
  });
}

export const useCreateEvent = () => useEventWrite((body: EventCreate) => unwrap(api.POST('/api/v1/events', { body })));

export const useUpdateEvent = (eventId: string) =>
  useEventWrite((body: EventPatch) =>
    unwrap(api.PATCH('/api/v1/events/{eventId}', { params: { path: { eventId } }, body })),
  );

export const usePublishEvent = (eventId: string) =>
  useEventWrite((rowVersion: number) =>
    unwrap(api.POST('/api/v1/events/{eventId}/publish', { params: { path: { eventId } }, body: { rowVersion } })),
  );

export const useCancelEvent = (eventId: string) =>
  useEventWrite((body: { reason: string; rowVersion: number }) =>
    unwrap(api.POST('/api/v1/events/{eventId}/cancel', { params: { path: { eventId } }, body })),
  );
