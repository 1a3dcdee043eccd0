import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

export function useSetBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comuneIstat, year, allocation }: { comuneIstat: string; year: number; allocation: number }) =>
      unwrap(
        api.PUT('/api/v1/pilot/budget/{comuneIstat}/{year}', {
          params: { path: { comuneIstat, year } },
          body: { allocation },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.budget }),
  });
}
