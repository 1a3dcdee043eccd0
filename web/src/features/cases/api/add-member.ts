import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AddMemberBody } from './types';
import { casesKeys } from './keys';

export function useAddPilotMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/members', { params: { path: { caseId } }, body })),
    onSuccess: (detail) => {
      queryClient.setQueryData(casesKeys.case(caseId), detail);
      return queryClient.invalidateQueries({ queryKey: casesKeys.caseLists });
    },
  });
}
