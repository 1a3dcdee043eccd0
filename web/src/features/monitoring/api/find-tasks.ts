import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

/** My open tasks, earliest due first, in words of `lang` (also the language of my e-mail digest). */
export function useOpenTasks(lang: 'it' | 'en') {
  return useQuery({
    queryKey: monitoringKeys.openTasks(lang),
    queryFn: () =>
      unwrap(api.GET('/api/v1/pilot/tasks', { params: { query: { status: 'aperto', lang, pageSize: 50 } } })),
  });
}
