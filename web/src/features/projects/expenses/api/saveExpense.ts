import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { expensesKeys } from './keys';

export type CreateExpense = components['schemas']['ProjectCreateExpenseInput'];
export type PatchExpense = components['schemas']['ProjectPatchExpenseInput'];

export function useCreateExpense(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExpense) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/expenses', { params: { path: { projectId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}

export function useUpdateExpense(projectId: string, expenseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchExpense) =>
      unwrap(
        api.PATCH('/api/v1/projects/{projectId}/expenses/{expenseId}', {
          params: { path: { projectId, expenseId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}
