import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CasesQuery } from './types';
import { casesKeys } from './keys';

export function usePilotCases(query: CasesQuery) {
  return useQuery({
    queryKey: casesKeys.caseList(query),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
