import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** My open tasks, earliest due first. */
export function useOpenTasks() {
  return useQuery({
    queryKey: ['pilot', 'tasks', 'aperto'],
    queryFn: () => unwrap(api.GET('/api/v1/pilot/tasks', { params: { query: { status: 'aperto', pageSize: 50 } } })),
  });
}
