import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ComuniQuery } from '../../../api/models';
import { registryKeys } from './keys';

export function fetchComuni(query: ComuniQuery) {
  return unwrap(api.GET('/api/v1/comuni', { params: { query } }));
}

export function useComuni(query: ComuniQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: registryKeys.comuniList(query),
    queryFn: () => fetchComuni(query),
    // Keep the previous page on screen while the next one loads: no flicker while typing.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
