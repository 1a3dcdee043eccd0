import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function useBudget(year: number) {
  return useQuery({
    queryKey: ['pilot', 'budget', year],
    queryFn: () => unwrap(api.GET('/api/v1/pilot/budget', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}
