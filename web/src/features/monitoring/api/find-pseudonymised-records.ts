import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { monitoringKeys } from './keys';

/**
 * One page of the pseudonymised rows of a pilot Comune (technical assistance only; the server
 * records each consultation). Runs only once a Comune is chosen.
 */
export function usePseudonymisedRecords(comune: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: monitoringKeys.records(comune, page, pageSize),
    queryFn: () =>
      unwrap(api.GET('/api/v1/pilot/comparative/records', { params: { query: { comune, page, pageSize } } })),
    enabled: comune !== '',
    // the previous page stays on screen while the next one loads, but never another Comune's rows
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === comune ? previous : undefined),
  });
}
