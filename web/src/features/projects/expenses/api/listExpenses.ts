import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components, paths } from '../../../../api/schema';
import { expensesKeys } from './keys';

export type ExpensePage = components['schemas']['ProjectExpensePage'];
export type Expense = components['schemas']['ProjectExpense'];
export type ExpenseStatus = components['schemas']['ProjectExpenseStatus'];
export type LineTotal = components['schemas']['ProjectExpenseLineTotal'];
export type ExpenseQuery = NonNullable<paths['/api/v1/projects/{projectId}/expenses']['get']['parameters']['query']>;

/** A page of the project's expenses with the per-line totals and the project's header. */
export function useExpenses(projectId: string, query: ExpenseQuery) {
  return useQuery({
    queryKey: expensesKeys.list(projectId, query),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/expenses', { params: { path: { projectId }, query } })),
    placeholderData: keepPreviousData,
  });
}
