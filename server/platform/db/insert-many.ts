/**
 * Bulk loading for demo data and benchmarks: a multi-row INSERT from one JSON parameter per batch,
 * expanded with the table's own row type (json_populate_recordset), so that thousands of rows go
 * in a few statements on PGlite and PostgreSQL alike. Rows of one call share their keys.
 */
import type { Queryable } from './db.js';

export type BulkRow = Record<string, unknown>;
const BATCH = 2_000;

export async function insertMany(tx: Queryable, table: string, rows: readonly BulkRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a table name: ${table}`);
  const columns = Object.keys(rows[0]!);
  const cols = columns.join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/**
 * When the owner is a superuser (PGlite; a PostgreSQL server's postgres role), a demo's or a
 * benchmark's load skips the triggers for the rest of its transaction, as pg_restore
 * --disable-triggers does: foreign keys, immutability guards and projections. The rows must be
 * generated consistent (every reference to a row written before it, which the tests check), and
 * the caller refreshes any projection itself. Another owner keeps the checks.
 */
export async function bulkLoadMode(tx: Queryable): Promise<void> {
  const [me] = await tx.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (me?.rolsuper) await tx.query('SET LOCAL session_replication_role = replica');
}
