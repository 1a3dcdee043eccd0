/**
 * The data key against the database: a fingerprint of the key is kept in `incas_data_key`, so a
 * start with another key is refused (instead of failing on every case file and writing new rows
 * under a second key), and the key is changed only by rotation, which re-encrypts every encrypted
 * column the modules declare and recomputes their blind indexes in one transaction.
 */
import { aadOf, type FieldCipher } from './crypto.js';
import type { Database, Queryable } from './db/db.js';
import type { EncryptedColumn } from './module.js';
import { StartupError } from './startup.js';

const WRONG_KEY =
  'INCAS_DATA_KEY is not the key this database was encrypted with (its fingerprint does not match): start with ' +
  'the right key (outside production without INCAS_DATA_KEY, the key is <INCAS_DATA_DIR>/incas-data.key); ' +
  'to change the key, use "npm run rotate-data-key".';

function decrypts(cipher: FieldCipher, token: string, aad: string): boolean {
  try {
    cipher.decrypt(token, aad);
    return true;
  } catch {
    return false;
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Compares the key with the fingerprint kept in the database. On the first start with a key (no
 * fingerprint yet), one stored value of each encrypted column must decrypt with it; then its
 * fingerprint is kept. Throws a StartupError naming INCAS_DATA_KEY when the key is not the right one.
 */
export async function checkDataKey(
  db: Database,
  cipher: FieldCipher,
  columns: readonly EncryptedColumn[],
): Promise<'checked' | 'recorded'> {
  return db.ownerTx(async (tx) => {
    const [row] = await tx.query<{ fingerprint: string }>('SELECT fingerprint FROM incas_data_key FOR UPDATE');
    if (row) {
      if (row.fingerprint !== cipher.keyCheck) throw new StartupError(WRONG_KEY);
      return 'checked';
    }
    for (const c of columns) {
      const [sample] = await tx.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${ident(c.column)} AS value FROM ${ident(c.table)} WHERE ${ident(c.column)} LIKE 'v1:%' LIMIT 1`,
      );
      if (sample && !decrypts(cipher, sample.value, aadOf(c.aad, sample.id))) throw new StartupError(WRONG_KEY);
    }
    await tx.query('INSERT INTO incas_data_key (fingerprint) VALUES ($1)', [cipher.keyCheck]);
    return 'recorded';
  });
}

/** Rows re-encrypted per column ("table.column"). */
export type RotationReport = Record<string, number>;

const BATCH = 500;

async function rotateColumn(tx: Queryable, c: EncryptedColumn, from: FieldCipher, to: FieldCipher): Promise<number> {
  const indexes = c.blindIndexes ?? [];
  const [idType] = await tx.query<{ type: string }>(
    `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'id'`,
    [c.table],
  );
  // the ids first, then the values batch by batch: a column of large values (files) is never read whole
  const ids = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM ${ident(c.table)} WHERE ${ident(c.column)} IS NOT NULL ORDER BY id`,
  );
  const select = `SELECT id::text AS id, ${ident(c.column)} AS value${indexes.map((x, i) => `, ${ident(x.column)} AS i${i}`).join('')}
       FROM ${ident(c.table)} WHERE id = ANY($1::${idType!.type}[]) ORDER BY id`;
  const sets = [c.column, ...indexes.map((x) => x.column)].map((col, i) => `${ident(col)} = v.c${i}`).join(', ');
  const casts = [`$1::${idType!.type}[]`, ...[c.column, ...indexes].map((_, i) => `$${i + 2}::text[]`)].join(', ');
  const names = ['id', ...[c.column, ...indexes].map((_, i) => `c${i}`)].join(', ');
  const update = `UPDATE ${ident(c.table)} AS t SET ${sets} FROM unnest(${casts}) AS v(${names}) WHERE t.id = v.id`;
  const batchRows = c.batchRows ?? BATCH;
  for (let start = 0; start < ids.length; start += batchRows) {
    const batch = await tx.query<Record<string, string | null> & { id: string; value: string }>(select, [
      ids.slice(start, start + batchRows).map((r) => r.id),
    ]);
    const values: (string | null)[][] = [batch.map((r) => r.id), [], ...indexes.map(() => [])];
    const plains: Array<{ id: string; plain: string }> = [];
    for (const r of batch) {
      const aad = aadOf(c.aad, r.id);
      let plain: string;
      if (r.value.startsWith('v1:')) {
        try {
          plain = from.decrypt(r.value, aad);
        } catch {
          throw new StartupError(
            `${c.table}.${c.column} of row ${r.id} does not decrypt with INCAS_DATA_KEY: nothing was changed.`,
          );
        }
      } else if (c.legacyPlaintext) plain = r.value;
      else throw new StartupError(`${c.table}.${c.column} of row ${r.id} is not encrypted: nothing was changed.`);
      values[1]!.push(to.encrypt(plain, aad));
      indexes.forEach((x, i) => values[i + 2]!.push(x.compute(to, plain, r[`i${i}`] ?? null)));
      plains.push({ id: r.id, plain });
    }
    await tx.query(update, values);
    await c.rebuildDerived?.(tx, to, plains);
  }
  return ids.length;
}

/**
 * Re-encrypts every declared column from one key to the other and recomputes the blind indexes
 * (and the derived rows a column declares, e.g. a search index kept in a table of its own), then keeps the new key's fingerprint, with an audit row: one transaction, all or nothing. The
 * tables are locked against writes meanwhile (reads go on). Every instance must be stopped first:
 * one still running with the old key would write under it afterwards.
 */
export async function rotateDataKey(
  db: Database,
  columns: readonly EncryptedColumn[],
  from: FieldCipher,
  to: FieldCipher,
): Promise<RotationReport> {
  if (from.keyCheck === to.keyCheck) throw new StartupError('INCAS_NEW_DATA_KEY is the key in use: nothing to do.');
  return db.ownerTx(async (tx) => {
    const [row] = await tx.query<{ fingerprint: string }>('SELECT fingerprint FROM incas_data_key FOR UPDATE');
    if (row && row.fingerprint !== from.keyCheck) throw new StartupError(WRONG_KEY);
    const tables = [...new Set(columns.map((c) => c.table))];
    if (tables.length) await tx.query(`LOCK TABLE ${tables.map(ident).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    const report: RotationReport = {};
    for (const c of columns) report[`${c.table}.${c.column}`] = await rotateColumn(tx, c, from, to);
    await tx.query(
      `INSERT INTO incas_data_key (fingerprint, rotated_at) VALUES ($1, now())
       ON CONFLICT (singleton) DO UPDATE SET fingerprint = excluded.fingerprint, rotated_at = excluded.rotated_at`,
      [to.keyCheck],
    );
    await tx.query(
      `INSERT INTO audit_log (occurred_at, action, outcome, details, prev_hash, hash)
       VALUES (now(), 'platform.data_key.rotate', 'success', $1, '', '')`,
      [JSON.stringify({ via: 'cli', rows: report })],
    );
    return report;
  });
}
