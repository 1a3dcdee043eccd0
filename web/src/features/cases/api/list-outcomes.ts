import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotOutcomes(caseId: string) {
  return useQuery({
    queryKey: casesKeys.outcomes(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}/outcomes', { params: { path: { caseId } } })),
  });
}
