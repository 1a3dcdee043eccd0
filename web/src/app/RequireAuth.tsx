import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { QueryError } from '../components/QueryError';
import { hasPermission, useMe } from '../lib/session';
import type { PermissionName } from '../lib/permissions';
import { Forbidden } from './StatusPages';

/**
 * Guards the signed-in part of the app. Nobody signed in → /login (remembering where they were),
 * or `visitor` when given (the public home at "/"); a user who must change an administrator-set
 * password or enrol TOTP first → the profile page, which explains why.
 */
export function RequireAuth({ visitor }: { visitor?: ReactNode } = {}) {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) return <Loading />;
  if (error !== null) return <QueryError error={error} onRetry={() => void refetch()} />;
  if ((me === null || me === undefined) && visitor !== undefined) return <>{visitor}</>;
  if (me === null || me === undefined) return <Navigate to="/login" replace state={{ from: location }} />;
  // a password set by an administrator is changed first, then the second factor is enrolled
  const due = me.mustChangePassword || me.mustEnrolTotp;
  if (due && location.pathname !== '/profilo') return <Navigate to="/profilo" replace />;
  return <Outlet />;
}

/** Shows a "not allowed" page instead of a page the user's permissions do not cover. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: PermissionName | PermissionName[];
  children: ReactNode;
}) {
  const { data: me } = useMe();
  const needed = Array.isArray(permission) ? permission : [permission];
  if (!needed.some((p) => hasPermission(me, p))) return <Forbidden />;
  return <>{children}</>;
}
