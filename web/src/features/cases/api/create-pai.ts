import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreatePaiBody } from './types';
import { casesKeys } from './keys';

export function useCreatePilotPai(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePaiBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/pais', { params: { path: { caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.case(caseId) }),
  });
}
