import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CasesQuery } from './types';

export function usePilotCases(query: CasesQuery) {
  return useQuery({
    queryKey: ['pilot', 'cases', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
