import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { expensesKeys } from './keys';

export function useDeleteExpense(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (expenseId: string) =>
      unwrap(
        api.DELETE('/api/v1/projects/{projectId}/expenses/{expenseId}', { params: { path: { projectId, expenseId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}
