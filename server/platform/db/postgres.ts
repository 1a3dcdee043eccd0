import { createHash } from 'node:crypto';
import pg from 'pg';
import { accessParams, enterAppRoleSql, type Database, type DbAccess, type Queryable } from './db.js';

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
  return `BEGIN; ${enterAppRoleSql([scope!, tenant!, region!, userId!])}`;
}

async function inTransaction<T>(
  pool: pg.Pool,
  begin: (c: pg.PoolClient) => string,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin(client));
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Connects to a PostgreSQL server (15 or newer). */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, application_name: 'incas' });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
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
      const c = await pool.connect();
      try {
        await c.query(sql);
      } finally {
        c.release();
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
