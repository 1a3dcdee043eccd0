import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreatePermitBody } from './types';
import { pilotCaseKey } from './get-case';

export function useCreatePilotPermit(caseId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePermitBody) =>
      unwrap(api.POST('/api/v1/pilot/persons/{personId}/permits', { params: { path: { personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotCaseKey(caseId) }),
  });
}
