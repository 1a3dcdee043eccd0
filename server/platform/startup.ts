/**
 * Checks made at every start, before anything is served: that the database has the application
 * role with its privileges (a restore onto a new server can lose both). A failed check throws a
 * StartupError, whose one-line message `main.ts` prints instead of a stack trace.
 */
import type { Database } from './db/db.js';
import { APP_ROLE } from './db/db.js';

/** A start refused for a reason the operator can fix; the message says what and how. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The advisory lock held by a starting instance across migrations, preparation and demo data. */
export const STARTUP_LOCK = 7308002;

/** True once the migrations have run on this database at least once. */
export async function hasMigrations(db: Database): Promise<boolean> {
  const [row] = await db.ownerTx((tx) =>
    tx.query<{ found: boolean }>(`SELECT to_regclass('public.incas_migrations') IS NOT NULL AS found`),
  );
  return row!.found;
}

/**
 * The application role exists, the connecting role can act as it, and it holds its privileges and
 * policies on the kernel's tables. Run on a migrated database.
 */
export async function checkAppRole(db: Database): Promise<void> {
  const [who] = await db.ownerTx((tx) =>
    tx.query<{ me: string; role: boolean }>(
      `SELECT current_user AS me, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS role`,
      [APP_ROLE],
    ),
  );
  if (!who!.role)
    throw new StartupError(
      `The database has no role ${APP_ROLE}, to which its privileges and row-level security policies are granted ` +
        `(restored onto a new server without it?): restore the backup with "npm run restore" into an empty database, which creates the role first.`,
    );
  const [r] = await db.ownerTx((tx) =>
    tx.query<{ member: boolean; grants: boolean; policies: number }>(
      `SELECT pg_has_role(current_user, $1, 'MEMBER') AS member,
              has_schema_privilege($1, 'public', 'USAGE')
              AND has_table_privilege($1, 'public.users', 'SELECT')
              AND has_table_privilege($1, 'public.sessions', 'INSERT')
              AND has_table_privilege($1, 'public.login_throttle', 'INSERT')
              AND has_table_privilege($1, 'public.audit_log', 'INSERT') AS grants,
              (SELECT count(*)::int FROM pg_policy p JOIN pg_roles r ON r.oid = ANY (p.polroles) WHERE r.rolname = $1) AS policies`,
      [APP_ROLE],
    ),
  );
  if (!r!.grants || r!.policies === 0)
    throw new StartupError(
      `The role ${APP_ROLE} has lost its privileges or row-level security policies on this database ` +
        `(a restore made before the role existed?): restore the backup again with "npm run restore" into an empty database.`,
    );
  if (!r!.member)
    throw new StartupError(
      `The connecting role ${who!.me} cannot act as ${APP_ROLE}: run "GRANT ${APP_ROLE} TO ${who!.me};" as a superuser.`,
    );
}
