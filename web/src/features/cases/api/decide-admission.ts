import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AdmissionDecisionBody } from './types';
import { casesKeys } from './keys';

export function useDecidePilotAdmission(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: AdmissionDecisionBody }) =>
      unwrap(
        api.POST('/api/v1/pilot/cases/{caseId}/members/{personId}/admission', {
          params: { path: { caseId, personId } },
          body,
        }),
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(casesKeys.case(caseId), detail);
      return queryClient.invalidateQueries({ queryKey: casesKeys.caseLists });
    },
  });
}
