/**
 * Registry look-ups that several features need to fill form controls (Regions, a Comune picker).
 * They live here, not in a feature, because features do not import each other.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useRegions() {
  return useQuery({
    queryKey: ['registry', 'regions'],
    queryFn: () => unwrap(api.GET('/api/v1/regions')),
    staleTime: Infinity, // the list of Regions does not change while the app is open
  });
}

/** A few Comuni matching typed text (at least two characters), for pickers. */
export function useComuneChoices(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['registry', 'comune-choices', q],
    queryFn: () => unwrap(api.GET('/api/v1/comuni', { params: { query: { q, pageSize: 8 } } })),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** A few organisations matching typed text (at least two characters), for pickers. */
export function useOrganisationChoices(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['organisations', 'choices', q],
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { q, pageSize: 8 } } })),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** One organisation's name and type, to show a choice made elsewhere (e.g. from a link). */
export function useOrganisationSummary(id: string) {
  return useQuery({
    queryKey: ['organisations', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}
