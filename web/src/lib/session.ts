/**
 * The signed-in session as the whole UI sees it: `GET /me` cached by React Query under one key.
 * `null` means "nobody is signed in" (a 401 with no session known), which is a normal state, not
 * an error.
 *
 * A session that ends while the user works (idle timeout, logout in another tab, account
 * disabled, roles changed) is not "nobody signed in": the page stays as it is, with its form
 * values, and the login is asked for in place (decision 0024). `sessionEnded` holds why.
 */
import { useSyncExternalStore } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Me } from '../api/models';
import type { PermissionName } from './permissions';
import { isProblem } from '../api/problem';

export const meQueryKey = ['me'] as const;

/** Why the session ended, as the server's 401 code says (`auth.session_*`), or 'ended'. */
export type SessionEndReason =
  | 'idle'
  | 'expired'
  | 'logged_out'
  | 'account_disabled'
  | 'roles_changed'
  | 'credentials_changed'
  | 'ended';

const endReasons: readonly SessionEndReason[] = [
  'idle',
  'expired',
  'logged_out',
  'account_disabled',
  'roles_changed',
  'credentials_changed',
  'ended',
];

/** The 401s that mean "the credentials typed are wrong", not "the session ended". */
const loginCodes = new Set(['auth.invalid_credentials', 'auth.totp_required', 'auth.totp_invalid']);

/** A 401 that ends a session: its reason; anything else: null. */
export function sessionEndOf(error: unknown): SessionEndReason | null {
  if (!isProblem(error) || error.status !== 401 || loginCodes.has(error.code)) return null;
  const reason = error.code.replace(/^auth\.session_/, '') as SessionEndReason;
  return endReasons.includes(reason) ? reason : 'ended';
}

// ---- the "session ended" state: one per tab, outside React Query so no refetch can clear it ----
let ended: SessionEndReason | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Marks the session as ended (the first reason wins until the user logs in again). */
export function markSessionEnded(reason: SessionEndReason): void {
  if (ended !== null) return;
  ended = reason;
  emit();
}

/** The session is live again (logged in in place, or in another tab). */
export function clearSessionEnded(): void {
  if (ended === null) return;
  ended = null;
  emit();
}

export function sessionEndedNow(): SessionEndReason | null {
  return ended;
}

/** Why the session ended, or null while it is live. */
export function useSessionEnded(): SessionEndReason | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => ended,
  );
}

/**
 * Reads the session. A 401 while a session was known keeps the known one (the page stays, the
 * login is asked for in place); with none known it is "nobody signed in".
 */
export async function fetchMe(previous?: Me | null): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/v1/me'));
  } catch (error) {
    const reason = sessionEndOf(error);
    if (reason === null) throw error;
    if (previous !== undefined && previous !== null) {
      markSessionEnded(reason);
      return previous;
    }
    return null;
  }
}

const meQuery = (queryClient: QueryClient) => ({
  queryKey: meQueryKey,
  queryFn: () => fetchMe(queryClient.getQueryData<Me | null>(meQueryKey)),
  staleTime: 60_000,
});

export function useMe() {
  const queryClient = useQueryClient();
  return useQuery(meQuery(queryClient));
}

/** Asks for the session as the app starts, before the first render needs it. */
export function prefetchMe(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(meQuery(queryClient));
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
  clearSessionEnded();
}

// ---- other tabs: a logout or a login in one is noticed by the others (same cookie) ----
type TabMessage = { type: 'logout' } | { type: 'login'; userId: string };
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('incas-session');

/** Tells the other tabs of this browser that the user logged out or in. */
export function announceToOtherTabs(message: TabMessage): void {
  channel?.postMessage(message);
}

/** Listens to the other tabs; returns the unsubscribe. */
export function onOtherTabs(handler: (message: TabMessage) => void): () => void {
  if (channel === null) return () => undefined;
  const listener = (event: MessageEvent<TabMessage>) => handler(event.data);
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}
