import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { PhoneListQuery } from '../types';
import { messagesKeys } from './keys';

/** The Comuni to phone (operationId findSurveyPhoneList). */
export function usePhoneList(waveId: string, query: PhoneListQuery) {
  return useQuery({
    queryKey: messagesKeys.phoneList(waveId, query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/phone-list', { params: { path: { waveId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The same list as XLSX (operationId exportSurveyPhoneList): a download the browser fetches itself
 * with the session cookie, so a link.
 */
export function phoneListXlsxHref(waveId: string, region: string): string {
  const base = `/api/v1/surveys/waves/${encodeURIComponent(waveId)}/phone-list.xlsx`;
  return region === '' ? base : `${base}?region=${encodeURIComponent(region)}`;
}
