/**
 * The one database interface of the application, with two drivers: PGlite (embedded PostgreSQL
 * in WebAssembly) and node-postgres (a PostgreSQL server). Both run the same SQL.
 *
 * Request handling only ever uses `tx()`, which runs as the unprivileged role `incas_app` with the
 * actor's tenancy settings, so that row-level security applies even though the connection itself
 * may be a superuser (PGlite's only user is one).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Who is querying, as row-level security sees it (`app.*` settings, local to the transaction). */
export type DbScope = 'anonymous' | 'comune' | 'regione' | 'national' | 'platform' | 'system';

export interface DbAccess {
  scope: DbScope;
  /** ISTAT code of the Comune whose data the actor owns (comune scope). */
  tenant: string | null;
  region: string | null;
  userId: string | null;
}

export const systemAccess: DbAccess = { scope: 'system', tenant: null, region: null, userId: null };
export const anonymousAccess: DbAccess = { scope: 'anonymous', tenant: null, region: null, userId: null };

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** A transaction as role `incas_app` with the given access settings. */
  tx<T>(access: DbAccess, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A transaction as the connecting (owner) role: migrations and reference-data loads only. */
  ownerTx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements as the owner (migrations). */
  ownerExec(sql: string): Promise<void>;
  /**
   * One statement (or, without values, a script) as the owner, outside any transaction of ours:
   * for the job queue's own bookkeeping only.
   */
  ownerQuery(text: string, values?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /**
   * Runs `fn` holding an exclusive lock on `key` across processes: on a PostgreSQL server a
   * session-level advisory lock on a connection of its own (other instances wait for it); on
   * PGlite, which one process owns, the callers of this process one after the other.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const APP_ROLE = 'incas_app';

/**
 * The statement that becomes the application role and sets the tenancy settings for this
 * transaction. `values` are the four expressions for scope, tenant, region and user id: bind
 * placeholders (PGlite) or quoted literals (node-postgres, sent together with BEGIN).
 */
export function enterAppRoleSql(values: readonly [string, string, string, string]): string {
  const [scope, tenant, region, userId] = values;
  return (
    `SELECT set_config('role', '${APP_ROLE}', true), set_config('app.scope', ${scope}, true), ` +
    `set_config('app.tenant', ${tenant}, true), set_config('app.region', ${region}, true), ` +
    `set_config('app.user_id', ${userId}, true)`
  );
}

export function accessParams(a: DbAccess): [string, string, string, string] {
  return [a.scope, a.tenant ?? '', a.region ?? '', a.userId ?? ''];
}
