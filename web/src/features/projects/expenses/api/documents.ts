import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { expensesKeys } from './keys';

export type ExpenseDocument = components['schemas']['ProjectExpenseDocument'];
export type UploadDocument = components['schemas']['ProjectUploadExpenseDocumentInput'];

export function useExpenseDocuments(projectId: string, expenseId: string) {
  return useQuery({
    queryKey: expensesKeys.documents(projectId, expenseId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/expenses/{expenseId}/documents', {
          params: { path: { projectId, expenseId } },
        }),
      ),
  });
}

export function useUploadExpenseDocument(projectId: string, expenseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadDocument) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/expenses/{expenseId}/documents', {
          params: { path: { projectId, expenseId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}

export function useDeleteExpenseDocument(projectId: string, expenseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.DELETE('/api/v1/projects/{projectId}/expenses/{expenseId}/documents/{documentId}', {
          params: { path: { projectId, expenseId, documentId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expensesKeys.ofProject(projectId) }),
  });
}

/** The download's address (a plain link: the session cookie goes with it; each download is audited). */
export const documentHref = (projectId: string, expenseId: string, documentId: string) =>
  `/api/v1/projects/${projectId}/expenses/${expenseId}/documents/${documentId}/content`;
