import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function useAddPilotNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/notes', { params: { path: { caseId } }, body: { text } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.notes(caseId) }),
  });
}
