import pg from 'pg';
import { ENTER_APP_ROLE_SQL, accessParams, type Database, type Queryable } from './db.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

function wrap(c: pg.PoolClient): Queryable {
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const res = await c.query(text, params ? [...params] : undefined);
      return res.rows as T[];
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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
      return inTransaction(pool, async (c) => {
        await c.query(ENTER_APP_ROLE_SQL, accessParams(access));
        return fn(wrap(c));
      });
    },
    async ownerTx(fn) {
      return inTransaction(pool, async (c) => fn(wrap(c)));
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
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
