import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { expensesKeys } from './keys';

/** One expense with its warnings (double funding checked again by the server). */
export function useExpense(projectId: string, expenseId: string | undefined) {
  return useQuery({
    queryKey: expensesKeys.one(projectId, expenseId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/expenses/{expenseId}', {
          params: { path: { projectId, expenseId: expenseId! } },
        }),
      ),
    enabled: expenseId !== undefined,
  });
}
