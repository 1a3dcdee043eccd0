import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { MessagesQuery } from '../types';
import { messagesKeys } from './keys';

/** A wave's messages log (operationId listSurveyMessages). */
export function useSurveyMessages(waveId: string, query: MessagesQuery) {
  return useQuery({
    queryKey: messagesKeys.log(waveId, query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/messages', { params: { path: { waveId }, query } })),
    placeholderData: keepPreviousData,
  });
}
