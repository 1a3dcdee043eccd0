import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { expensesKeys } from './keys';

export type SetStatus = components['schemas']['ProjectExpenseSetStatusInput'];

export function useSetExpenseStatus(projectId: string, expenseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetStatus) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/expenses/{expenseId}/status', {
          params: { path: { projectId, expenseId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}
