/**
 * The signed-in session as the whole UI sees it: `GET /me` cached by React Query under one key.
 * `null` means "nobody is signed in" (a 401), which is a normal state, not an error.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Me } from '../api/models';
import type { PermissionName } from './permissions';
import { isProblem } from '../api/problem';

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/v1/me'));
  } catch (error) {
    if (isProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The session for pages under the auth guard, where it is known to exist. */
export function useSession(): Me {
  const { data } = useMe();
  if (data === undefined || data === null) {
    throw new Error('useSession used outside an authenticated route');
  }
  return data;
}

export function hasPermission(me: Me | null | undefined, permission: PermissionName): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** Drops every cached answer (they belong to the previous user) and marks the session as ended. */
export function endSession(queryClient: QueryClient): void {
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, null);
}
