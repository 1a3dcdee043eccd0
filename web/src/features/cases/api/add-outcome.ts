import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateOutcomeBody } from './types';
import { casesKeys } from './keys';

export function useAddPilotOutcome(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOutcomeBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/outcomes', { params: { path: { caseId } }, body })),
    onSuccess: (outcomes) => {
      queryClient.setQueryData(casesKeys.outcomes(caseId), outcomes);
      return queryClient.invalidateQueries({ queryKey: casesKeys.case(caseId) });
    },
  });
}
