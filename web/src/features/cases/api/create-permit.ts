import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreatePermitBody } from './types';
import { casesKeys } from './keys';

export function useCreatePilotPermit(caseId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePermitBody) =>
      unwrap(api.POST('/api/v1/pilot/persons/{personId}/permits', { params: { path: { personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.case(caseId) }),
  });
}
