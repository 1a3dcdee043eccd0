import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { queriesKeys } from './keys';

/** The user's work list of query threads, overdue first (operationId listMyProjectQueries). */
export function useMyQueries() {
  return useQuery({
    queryKey: queriesKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/project-queries')),
  });
}
