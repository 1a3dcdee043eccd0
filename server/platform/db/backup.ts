/**
 * Backup and restore of the whole database, for both engines (decision 0020):
 * - PostgreSQL server: `pg_dump -Fc` and `pg_restore` from the PATH. Roles are cluster-wide and
 *   not in a dump, so the restore first creates the application role `incas_app` (NOLOGIN, as
 *   migration 0001 does) and refuses when the dump names another role the server lacks; then it
 *   restores in one transaction, stopping at the first error, into an empty database only.
 * - Embedded PGlite: the data folder as a gzipped tarball (`dumpDataDir`), loaded into an empty
 *   folder (`loadDataDir`). The server must be stopped: one process owns the folder.
 * The data key is never in a backup: keep INCAS_DATA_KEY apart.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { APP_ROLE } from './db.js';

/** A backup or restore refused or failed; the message says why and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export type Target = { databaseUrl: string } | { dataDir: string };

export interface BackupResult {
  file: string;
  bytes: number;
  engine: 'postgres' | 'pglite';
}

export interface RestoreResult {
  engine: 'postgres' | 'pglite';
  /** Roles this restore created on the server (e.g. incas_app on a new server). */
  createdRoles: string[];
  tables: number;
}

const PG_MAGIC = 'PGDMP';
/** The data key generated outside production (crypto.ts, resolveDataKey). */
const KEY_FILE = 'incas-data.key';

/** The first bytes of a file: a pg_dump custom archive starts with PGDMP, a gzip with 1f 8b. */
function headOf(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(5);
    const n = readSync(fd, buf, 0, 5, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** libpq connection settings from a URL, the password kept out of the command line (ps). */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found on the PATH: install the PostgreSQL client tools (postgresql-client).`,
            )
          : e,
      ),
    );
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** The first lines of a tool's error output, for a one-screen report. */
const firstLines = (text: string, n = 5) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, n)
    .join('\n');

/** Writes a backup of the database to `file` (which must not exist yet). */
export async function backupDatabase(target: Target, file: string): Promise<BackupResult> {
  if (existsSync(file))
    throw new BackupError(`${file} exists already: choose a new file name (a backup is never overwritten).`);
  if ('databaseUrl' in target) {
    const { dbname, env } = libpq(target.databaseUrl);
    const res = await run('pg_dump', ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${dbname}`], env);
    if (res.code !== 0) {
      rmSync(file, { force: true });
      throw new BackupError(`pg_dump failed (exit code ${res.code}):\n${firstLines(res.stderr)}`);
    }
    // the archive must be readable by the restore tool
    const list = await run('pg_restore', ['--list', file], env);
    if (list.code !== 0)
      throw new BackupError(`pg_restore cannot read the archive just written:\n${firstLines(list.stderr)}`);
    return { file, bytes: statSync(file).size, engine: 'postgres' };
  }
  const dir = target.dataDir;
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new BackupError(`${dir} holds no embedded database.`);
  if (existsSync(join(dir, 'postmaster.pid')))
    throw new BackupError(
      `The embedded database in ${dir} is open (postmaster.pid): stop the InCaS server first. ` +
        `If no InCaS process is running, it was not shut down cleanly: start and stop it once.`,
    );
  // the key generated outside production lives in the folder: it stays out of the backup, moved
  // aside (one rename) while the folder is archived, and back even when that fails
  const key = join(dir, KEY_FILE);
  const aside = `${dir.replace(/\/+$/, '')}.${KEY_FILE}.during-backup`;
  if (existsSync(aside) && !existsSync(key)) renameSync(aside, key); // left by an interrupted backup
  const moved = existsSync(key);
  if (moved) renameSync(key, aside);
  try {
    const pglite = await PGlite.create({ dataDir: dir });
    try {
      const image = await pglite.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await image.arrayBuffer()), { flag: 'wx' });
    } finally {
      await pglite.close();
    }
  } finally {
    if (moved) renameSync(aside, key);
  }
  return { file, bytes: statSync(file).size, engine: 'pglite' };
}

/** Role names in the dump's SQL: owners, grantees, revokees and the roles of policies. */
export function rolesNamedIn(sql: string): string[] {
  const name = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
  const list = String.raw`(${name}(?:\s*,\s*${name})*)`;
  const patterns = [
    new RegExp(String.raw`^ALTER .* OWNER TO ${list};$`, 'gm'),
    new RegExp(String.raw`^GRANT .* TO ${list}(?: WITH GRANT OPTION)?;$`, 'gm'),
    new RegExp(String.raw`^REVOKE .* FROM ${list};$`, 'gm'),
    new RegExp(String.raw`^CREATE POLICY .*? TO ${list}(?: USING| WITH CHECK|;|$)`, 'gm'),
  ];
  const found = new Set<string>();
  for (const re of patterns) {
    for (const m of sql.matchAll(re)) {
      for (const raw of m[1]!.split(/\s*,\s*/)) {
        const role = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw.toLowerCase();
        if (!['public', 'current_user', 'session_user', 'current_role'].includes(role) && !role.startsWith('pg_'))
          found.add(role);
      }
    }
  }
  return [...found].sort();
}

/** Restores a backup into an empty database (server) or an empty folder (embedded). */
export async function restoreDatabase(target: Target, file: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const head = headOf(file);
  const isPgDump = head.toString('latin1') === PG_MAGIC;
  const isGzip = head[0] === 0x1f && head[1] === 0x8b;
  if ('databaseUrl' in target) {
    if (!isPgDump)
      throw new BackupError(
        `${file} is not a PostgreSQL server backup (pg_dump custom format)` +
          (isGzip ? ': it is an embedded-database backup; restore it without DATABASE_URL.' : '.'),
      );
    return restorePostgres(target.databaseUrl, file);
  }
  if (!isGzip)
    throw new BackupError(
      `${file} is not an embedded-database backup` +
        (isPgDump ? ': it is a PostgreSQL server backup; restore it with DATABASE_URL set.' : '.'),
    );
  const dir = target.dataDir;
  if (existsSync(dir) && readdirSync(dir).length)
    throw new BackupError(`${dir} is not empty: restore only into a new, empty folder (INCAS_DATA_DIR).`);
  mkdirSync(dir, { recursive: true });
  try {
    const pglite = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await readFile(file)]) });
    try {
      const res = await pglite.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      );
      return { engine: 'pglite', createdRoles: [], tables: res.rows[0]!.n };
    } finally {
      await pglite.close();
    }
  } catch (err) {
    // leave no half-loaded folder behind
    rmSync(dir, { recursive: true, force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The embedded backup could not be loaded: ${(err as Error).message}`);
  }
}

async function restorePostgres(url: string, file: string): Promise<RestoreResult> {
  const { dbname, env } = libpq(url);
  const client = new pg.Client({ connectionString: url, application_name: 'incas-restore' });
  await client.connect();
  const createdRoles: string[] = [];
  try {
    const [used] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
          WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg\\_%'`,
      )
    ).rows;
    if (used!.n > 0)
      throw new BackupError(
        `The target database is not empty (${used!.n} relations): restore only into a new, empty database ` +
          `(CREATE DATABASE … OWNER …), never over one in use.`,
      );

    // roles are cluster-wide, not in the dump: create the application role, name any other missing one
    const schema = await run('pg_restore', ['--schema-only', '--file=-', file], env);
    if (schema.code !== 0) throw new BackupError(`pg_restore cannot read ${file}:\n${firstLines(schema.stderr)}`);
    const named = rolesNamedIn(schema.stdout);
    const existing = new Set(
      (
        await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [named])
      ).rows.map((r) => r.rolname),
    );
    const missing = named.filter((r) => !existing.has(r) && r !== APP_ROLE);
    if (missing.length)
      throw new BackupError(
        `The backup names role(s) this server does not have: ${missing.join(', ')}. Create them first ` +
          `(e.g. the owner role of the original database, CREATE ROLE … LOGIN), or restore connected as a role of that name.`,
      );
    if (!existing.has(APP_ROLE)) {
      await client.query(`DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
            CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
          END IF;
        END
        $$`);
      createdRoles.push(APP_ROLE);
    }
    // the connecting role switches to incas_app in every request transaction
    const [me] = (
      await client.query<{ member: boolean; name: string }>(
        `SELECT pg_has_role(current_user, $1, 'MEMBER') AS member, current_user AS name`,
        [APP_ROLE],
      )
    ).rows;
    if (!me!.member) await client.query(`GRANT ${APP_ROLE} TO ${client.escapeIdentifier(me!.name)}`);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The restore could not prepare the server: ${(err as Error).message}`);
  } finally {
    await client.end();
  }

  const res = await run(
    'pg_restore',
    ['--single-transaction', '--exit-on-error', '--no-password', `--dbname=${dbname}`, file],
    env,
  );
  if (res.code !== 0)
    throw new BackupError(
      `pg_restore failed (exit code ${res.code}); nothing was restored (one transaction):\n${firstLines(res.stderr)}`,
    );
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const [t] = (
      await check.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      )
    ).rows;
    return { engine: 'postgres', createdRoles, tables: t!.n };
  } finally {
    await check.end();
  }
}
