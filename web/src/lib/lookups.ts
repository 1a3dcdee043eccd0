/**
 * Registry look-ups that several features need to fill form controls (Regions, a Comune picker).
 * They live here, not in a feature, because features do not import each other.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/**
 * The look-ups' react-query keys. They sit under the registry and organisations roots, so a
 * feature's write that invalidates its root refreshes them too.
 */
export const lookupKeys = {
  regions: ['registry', 'regions'] as const,
  comuneChoices: (q: string) => ['registry', 'comune-choices', q] as const,
  organisationChoices: (q: string) => ['organisations', 'choices', q] as const,
  organisation: (id: string) => ['organisations', 'one', id] as const,
};

export function useRegions() {
  return useQuery({
    queryKey: lookupKeys.regions,
    queryFn: () => unwrap(api.GET('/api/v1/regions')),
    staleTime: Infinity, // the list of Regions does not change while the app is open
  });
}

/** A few Comuni matching typed text (at least two characters), for pickers. */
export function useComuneChoices(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: lookupKeys.comuneChoices(q),
    queryFn: () => unwrap(api.GET('/api/v1/comuni', { params: { query: { q, pageSize: 8 } } })),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** A few active organisations matching typed text (at least two characters), for pickers. */
export function useOrganisationChoices(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: lookupKeys.organisationChoices(q),
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { q, active: 'true', pageSize: 8 } } })),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** One organisation's name and type, to show a choice made elsewhere (e.g. from a link). */
export function useOrganisationSummary(id: string) {
  return useQuery({
    queryKey: lookupKeys.organisation(id),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}
