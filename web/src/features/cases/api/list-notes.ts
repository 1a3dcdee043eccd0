import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

/** The case's notes; each read is audited on the server, so the list is not refetched on focus. */
export function usePilotNotes(caseId: string) {
  return useQuery({
    queryKey: casesKeys.notes(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}/notes', { params: { path: { caseId } } })),
    refetchOnWindowFocus: false,
  });
}
