import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CaseTransitionBody } from './types';
import { casesKeys } from './keys';

export function useTransitionPilotCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseTransitionBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/transitions', { params: { path: { caseId } }, body })),
    onSuccess: (detail) => {
      queryClient.setQueryData(casesKeys.case(caseId), detail);
      // closing settles the PAIs' measures
      void queryClient.invalidateQueries({ queryKey: casesKeys.pais });
      return queryClient.invalidateQueries({ queryKey: casesKeys.caseLists });
    },
  });
}
