import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

export function useBudget(year: number) {
  return useQuery({
    queryKey: monitoringKeys.budgetOf(year),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/budget', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}
