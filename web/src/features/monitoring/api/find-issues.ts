import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { IssuesQuery } from '../types';
import { monitoringKeys } from './keys';

export function useIssues(query: IssuesQuery) {
  return useQuery({
    queryKey: monitoringKeys.issueList(query),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/issues', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
