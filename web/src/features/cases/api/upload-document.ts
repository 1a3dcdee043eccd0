import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UploadDocumentBody } from './types';
import { casesKeys } from './keys';

export function useUploadPilotDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadDocumentBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/documents', { params: { path: { caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.documents(caseId) }),
  });
}
