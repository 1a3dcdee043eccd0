import type { OrganisationsQuery } from '../../../api/models';

/** Every react-query key of the organisations feature, so queries and invalidations agree. */
export const organisationsKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationsQuery) => ['organisations', 'list', query] as const,
  one: (id: string) => ['organisations', 'one', id] as const,
};
