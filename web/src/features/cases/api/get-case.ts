import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const pilotCaseKey = (caseId: string) => ['pilot', 'cases', 'one', caseId] as const;

export function usePilotCase(caseId: string) {
  return useQuery({
    queryKey: pilotCaseKey(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}', { params: { path: { caseId } } })),
  });
}
