import type { UsersQuery } from '../../../api/models';

/** Every react-query key of the users feature, so queries and invalidations agree. */
export const usersKeys = {
  all: ['users'] as const,
  list: (query: UsersQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
  allowedRoles: (organisationId: string) => ['users', 'allowed-roles', organisationId] as const,
  /**
   * The organisations feature's cache root: its pages list their users, so a user write
   * invalidates them too (features do not import each other, so the root is named here).
   */
  organisations: ['organisations'] as const,
};
