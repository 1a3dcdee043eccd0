import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { designKeys } from './keys';
import type { ProjectListQuery } from './types';

/** A page of the projects the user reaches, with the list's filters. */
export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: designKeys.list(query as Record<string, string | number>),
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
