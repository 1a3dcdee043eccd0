import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateOutcomeBody } from './types';
import { pilotCaseKey } from './get-case';
import { pilotOutcomesKey } from './list-outcomes';

export function useAddPilotOutcome(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOutcomeBody) =>
      unwrap(api.POST('/api/v1/pilot/cases/{caseId}/outcomes', { params: { path: { caseId } }, body })),
    onSuccess: (outcomes) => {
      queryClient.setQueryData(pilotOutcomesKey(caseId), outcomes);
      return queryClient.invalidateQueries({ queryKey: pilotCaseKey(caseId) });
    },
  });
}
