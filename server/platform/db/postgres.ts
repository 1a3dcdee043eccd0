import { createHash } from 'node:crypto';
import pg from 'pg';
import { accessParams, enterAppRoleSql, type Database, type DbAccess, type Queryable } from './db.js';
import { isDatabaseUnavailable } from './unavailable.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const statementNames = new Map<string, string>();
/** A stable name per SQL text: the server parses and plans it once per connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = 'incas_' + createHash('sha1').update(text).digest('hex').slice(0, 24);
    statementNames.set(text, name);
  }
  return name;
}

/** Request queries run as named prepared statements; owner work (migrations, loads) does not. */
function wrap(c: pg.PoolClient, prepared: boolean): Queryable {
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const values = params ? [...params] : undefined;
      const res = prepared ? await c.query({ name: statementName(text), text, values }) : await c.query(text, values);
      return res.rows as T[];
    },
  };
}

/**
 * BEGIN and the switch to the application role with its tenancy settings, in one round trip.
 * The values are our own (scope names, ISTAT and region codes, a uuid) and are quoted anyway.
 */
function beginAsApp(c: pg.PoolClient, access: DbAccess): string {
  const [scope, tenant, region, userId] = accessParams(access).map((v) => c.escapeLiteral(v));
  return `BEGIN; SET LOCAL statement_timeout = ${poolTimeouts.requestStatementMs}; ${enterAppRoleSql([scope!, tenant!, region!, userId!])}`;
}

/** Bounds of the connections (see "Database faults" in docs/PROMISES.md). */
export const poolTimeouts = {
  /** Waiting for a connection, new or from the pool: then the request answers 503, not hangs. */
  connectMs: 10_000,
  /** An idle pooled connection is closed after this. */
  idleMs: 30_000,
  /** A transaction left idle this long is ended by the server (a bug, or a client gone). */
  idleInTransactionMs: 60_000,
  /** One statement of a request's transaction (not migrations or loads). */
  requestStatementMs: 30_000,
  /** A ROLLBACK that has not answered by then: the connection is dropped instead. */
  rollbackMs: 5_000,
};

/**
 * A client checked out of the pool. node-postgres emits 'error' on a client whose connection dies
 * (terminated backend, server crash or restart), and the pool listens only on idle clients: with no
 * listener of ours while the client is out, the event would end the process. The query in flight
 * fails by itself; the listener only notes the loss. A lost client goes back to the pool with
 * `release(true)`, which closes it instead of lending it again.
 */
interface Lease {
  client: pg.PoolClient;
  readonly lost: boolean;
  release(discard?: boolean): void;
}

async function lease(pool: pg.Pool): Promise<Lease> {
  const client = await pool.connect();
  let lost = false;
  const onError = () => {
    lost = true;
  };
  client.on('error', onError);
  return {
    client,
    get lost() {
      return lost;
    },
    release(discard = false) {
      client.off('error', onError);
      client.release(lost || discard);
    },
  };
}

/**
 * Rolls back after a failure; true when the connection is still fit to reuse. Nothing to roll back
 * on a lost connection (the server did it); a ROLLBACK that fails or does not answer within
 * `rollbackMs` marks the connection for closing, and never throws.
 */
async function rollback(l: Lease, cause: unknown): Promise<boolean> {
  if (l.lost || isDatabaseUnavailable(cause)) return false;
  const done = l.client.query('ROLLBACK').then(
    () => true,
    () => false,
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), poolTimeouts.rollbackMs);
  });
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function inTransaction<T>(
  pool: pg.Pool,
  begin: (c: pg.PoolClient) => string,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const l = await lease(pool);
  let reusable = true;
  try {
    await l.client.query(begin(l.client));
    const result = await fn(l.client);
    await l.client.query('COMMIT');
    return result;
  } catch (err) {
    reusable = await rollback(l, err);
    throw err;
  } finally {
    l.release(!reusable);
  }
}

/** Connects to a PostgreSQL server (15 or newer). */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'incas',
    connectionTimeoutMillis: poolTimeouts.connectMs,
    idleTimeoutMillis: poolTimeouts.idleMs,
    idle_in_transaction_session_timeout: poolTimeouts.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle client whose connection dies (server restart) must not crash the process: the pool
  // drops it and the next query connects anew. Checked-out clients: see lease().
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    pool,
    async tx(access, fn) {
      return inTransaction(
        pool,
        (c) => beginAsApp(c, access),
        async (c) => fn(wrap(c, true)),
      );
    },
    async ownerTx(fn) {
      return inTransaction(
        pool,
        () => 'BEGIN',
        async (c) => fn(wrap(c, false)),
      );
    },
    async ownerExec(sql: string) {
      const l = await lease(pool);
      let failed = false;
      try {
        await l.client.query(sql);
      } catch (err) {
        // a script may fail half-way inside its own BEGIN: never lend that connection again
        failed = true;
        throw err;
      } finally {
        l.release(failed);
      }
    },
    async ownerQuery(text: string, values?: readonly unknown[]) {
      const res = await pool.query(text, values ? [...values] : undefined);
      return { rows: res.rows as Record<string, unknown>[] };
    },
    async exclusive(key, fn) {
      // a client of its own, outside the pool: the lock lives as long as this session
      const client = new pg.Client({ connectionString: url, application_name: 'incas' });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        // ending the session releases the lock, also when fn failed
        await client.end().catch(() => undefined);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
