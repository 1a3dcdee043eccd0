import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const pilotOutcomesKey = (caseId: string) => ['pilot', 'cases', 'outcomes', caseId] as const;

export function usePilotOutcomes(caseId: string) {
  return useQuery({
    queryKey: pilotOutcomesKey(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}/outcomes', { params: { path: { caseId } } })),
  });
}
