import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

/** My open tasks, earliest due first. */
export function useOpenTasks() {
  return useQuery({
    queryKey: monitoringKeys.openTasks,
    queryFn: () => unwrap(api.GET('/api/v1/pilot/tasks', { params: { query: { status: 'aperto', pageSize: 50 } } })),
  });
}
