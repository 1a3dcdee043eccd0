import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function useRemovePilotDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      unwrap(api.DELETE('/api/v1/pilot/documents/{documentId}', { params: { path: { documentId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.documents(caseId) }),
  });
}
