import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { isIsoDate, todayIso } from '../format';
import { monitoringKeys } from './keys';

const comparativeQuery = (from: string, to: string) => ({
  queryKey: monitoringKeys.comparative(from, to),
  queryFn: () => unwrap(api.GET('/api/v1/pilot/comparative', { params: { query: { from, to } } })),
});

/** The quadro comparativo for a period (YYYY-MM-DD, both included). */
export function useComparative(from: string, to: string) {
  return useQuery({ ...comparativeQuery(from, to), placeholderData: keepPreviousData });
}

/** The period in the address (shareable), defaulting to 1 January of this year → today. */
export function periodOf(params: URLSearchParams): { from: string; to: string } {
  const today = todayIso();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  return { from: valid ? from : `${today.slice(0, 4)}-01-01`, to: valid ? to : today };
}

/**
 * Asks for the quadro of the period in the address as the app starts, alongside the session and
 * the page's code (app/router.tsx): on a phone the table then arrives one round trip sooner.
 */
export function prefetchComparative(queryClient: QueryClient, params: URLSearchParams): void {
  const { from, to } = periodOf(params);
  void queryClient.prefetchQuery(comparativeQuery(from, to));
}

/** The same table as a spreadsheet: a plain link, so the browser downloads it with the session cookie. */
export function comparativeXlsxHref(from: string, to: string): string {
  return `/api/v1/pilot/comparative.xlsx?${new URLSearchParams({ from, to }).toString()}`;
}
