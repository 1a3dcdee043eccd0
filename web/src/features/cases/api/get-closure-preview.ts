import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

/** What closing the case would do to its PAIs' measures and budget; asked when the closing is confirmed. */
export function usePilotClosurePreview(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.closurePreview(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}/closure-preview', { params: { path: { caseId } } })),
    enabled,
    staleTime: 0,
  });
}
