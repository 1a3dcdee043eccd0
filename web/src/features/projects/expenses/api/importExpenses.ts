import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { expensesKeys } from './keys';

export type ImportExpenses = components['schemas']['ProjectImportExpensesInput'];
export type ImportReport = components['schemas']['ProjectExpenseImportReport'];

export function useImportExpenses(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportExpenses) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/expenses/import', { params: { path: { projectId } }, body })),
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) });
    },
  });
}
