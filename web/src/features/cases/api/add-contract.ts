import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateContractBody } from './types';
import { casesKeys } from './keys';

export function useAddPilotContract(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContractBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/contracts', { params: { path: { caseId } }, body })),
    onSuccess: (outcomes) => {
      queryClient.setQueryData(casesKeys.outcomes(caseId), outcomes);
      // the case's timeline gains an event
      return queryClient.invalidateQueries({ queryKey: casesKeys.case(caseId) });
    },
  });
}
