import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotCase(caseId: string) {
  return useQuery({
    queryKey: casesKeys.case(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}', { params: { path: { caseId } } })),
  });
}
