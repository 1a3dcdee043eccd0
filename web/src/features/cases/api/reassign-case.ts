import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ReassignCaseBody } from './types';
import { casesKeys } from './keys';

export function useReassignPilotCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignCaseBody) =>
      unwrap(api.PUT('/api/v1/pilot/cases/{caseId}/case-manager', { params: { path: { caseId } }, body })),
    // the case's new holder shows in the lists and in the counts per case manager
    onSuccess: (detail) => {
      queryClient.setQueryData(casesKeys.case(caseId), detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKeys.caseLists }),
        queryClient.invalidateQueries({ queryKey: casesKeys.caseManagers }),
      ]);
    },
  });
}
