import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

export function usePilotPai(paiId: string) {
  return useQuery({
    queryKey: casesKeys.pai(paiId),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/pais/{paiId}', { params: { path: { paiId } } })),
  });
}

/** The printable PAI, a PDF the browser opens with the session cookie, in the UI language. */
export function paiPdfUrl(paiId: string, language: string): string {
  const url = `/api/v1/pilot/pais/${encodeURIComponent(paiId)}/pdf`;
  return language === 'en' ? `${url}?lang=en` : url;
}
