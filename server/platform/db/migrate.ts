import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import type { Database } from './db.js';

/** The kernel's own migrations (roles, tenancy settings, the foundation tables of release 0.1). */
export function kernelMigrationsDir(): string {
  return join(projectRoot(), 'server', 'platform', 'db', 'migrations');
}

/**
 * The migrations of the given folders (the kernel's and each module's), in one global name order:
 * a module's `0008_x.sql` runs after the kernel's `0001_…` and another module's `0007_…`. A name is
 * the migration's identity in `incas_migrations`, so it must be unique across folders and moving a
 * file between folders does not run it again.
 */
export function listMigrations(folders: readonly string[]): Array<{ name: string; path: string }> {
  const byName = new Map<string, string>();
  const nameOfNumber = new Map<string, string>();
  for (const folder of folders) {
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.sql')) continue;
      if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(name)) throw new Error(`Migration ${name} is not named NNNN_snake_case.sql`);
      const number = name.slice(0, 4);
      const other = nameOfNumber.get(number);
      if (other) throw new Error(`Migration number ${number} is used twice: ${other} and ${name}`);
      nameOfNumber.set(number, name);
      byName.set(name, join(folder, name));
    }
  }
  return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, path]) => ({ name, path }));
}

/**
 * Applies the forward-only SQL migrations not yet applied, each in its own transaction, in global
 * name order. A transaction-level advisory lock keeps two starting instances from racing.
 */
export async function migrate(db: Database, folders: readonly string[]): Promise<string[]> {
  const migrations = listMigrations(folders);
  await db.ownerExec(
    `CREATE TABLE IF NOT EXISTS incas_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  for (const { name: file, path } of migrations) {
    const sql = readFileSync(path, 'utf8');
    const done = await db.ownerTx(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7308000)');
      const rows = await tx.query('SELECT 1 FROM incas_migrations WHERE name = $1', [file]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO incas_migrations (name) VALUES ($1)', [file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/**
 * Splits a migration script into statements so that each runs as one extended-protocol query
 * inside the migration's transaction. Understands quotes, comments and $tag$ bodies.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
      cur += '\n';
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const tag = dollar[0];
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end === -1 ? sql.length : end + tag.length;
      cur += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      cur += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      i++;
      continue;
    }
    cur += ch;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
