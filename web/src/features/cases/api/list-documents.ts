import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotDocuments(caseId: string) {
  return useQuery({
    queryKey: casesKeys.documents(caseId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/cases/{caseId}/documents', { params: { path: { caseId } } })),
  });
}

/** A document's bytes: a link the browser follows with the session cookie (always a download). */
export function documentUrl(documentId: string): string {
  return `/api/v1/pilot/documents/${encodeURIComponent(documentId)}/content`;
}
