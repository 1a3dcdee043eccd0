import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

/** The quadro comparativo for a period (YYYY-MM-DD, both included). */
export function useComparative(from: string, to: string) {
  return useQuery({
    queryKey: monitoringKeys.comparative(from, to),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/comparative', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
}

/** The same table as a spreadsheet: a plain link, so the browser downloads it with the session cookie. */
export function comparativeXlsxHref(from: string, to: string): string {
  return `/api/v1/pilot/comparative.xlsx?${new URLSearchParams({ from, to }).toString()}`;
}
