import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { enterAppRoleSql, accessParams, type Database, type DbAccess, type Queryable } from './db.js';

const parsers = { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v) };

function wrap(q: Transaction | PGlite): Queryable {
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const res = await q.query<T>(text, params ? [...params] : undefined);
      return res.rows;
    },
  };
}

/** Opens an embedded database: file-backed in `dataDir`, or in memory when dataDir is null. */
export async function openPglite(
  dataDir: string | null,
  opts: { loadDataDir?: Blob | File } = {},
): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers,
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    engine: 'pglite',
    pglite,
    async tx(access: DbAccess, fn) {
      return pglite.transaction(async (t) => {
        await t.query(enterAppRoleSql(['$1', '$2', '$3', '$4']), accessParams(access));
        return fn(wrap(t));
      });
    },
    async ownerTx(fn) {
      return pglite.transaction(async (t) => fn(wrap(t)));
    },
    async ownerExec(sql: string) {
      await pglite.exec(sql);
    },
    async ownerQuery(text: string, values?: readonly unknown[]) {
      // PGlite refuses several statements in one prepared query: scripts go through exec
      if (values && values.length)
        return { rows: (await pglite.query<Record<string, unknown>>(text, [...values])).rows };
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async exclusive(_key, fn) {
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
    async ping() {
      await pglite.query('SELECT 1');
    },
    async close() {
      await pglite.close();
    },
  };
}
