/**
 * One database template per test run: migrated, with the registry loaded. Each test file then
 * gets its own copy (a PGlite data-dir image, or `CREATE DATABASE … TEMPLATE` on a server), so
 * files run in parallel without seeing each other's rows.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../server/platform/db/db.js';
import { openPglite } from '../../server/platform/db/pglite.js';
import { openPostgres } from '../../server/platform/db/postgres.js';
import { migrate } from '../../server/platform/db/migrate.js';
import { loadRegistry } from '../../server/modules/registry/index.js';
import { allMigrationFolders } from '../../server/modules.js';

export type TemplateInfo =
  | { kind: 'pglite'; imagePath: string }
  | { kind: 'postgres'; serverUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: TemplateInfo;
    /** the browser journeys' templates: the pilot's demo, and the pilot's and the surveys' demos */
    demoTemplate: TemplateInfo;
    surveysDemoTemplate: TemplateInfo;
  }
}

export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A template made from another one and filled by `seed` (the browser journeys' demo data, seeded
 * once per run instead of once per file). On a server it is a database of its own, dropped with
 * the other copies at the end of the run.
 */
export async function createSeededTemplate(
  base: TemplateInfo,
  name: string,
  seed: (db: Database) => Promise<void>,
): Promise<TemplateInfo> {
  if (base.kind === 'pglite') {
    const db = await openPglite(null, { loadDataDir: new Blob([readFileSync(base.imagePath)]) });
    await seed(db);
    const image = await db.pglite.dumpDataDir('none');
    const imagePath = join(tmpdir(), `incas-test-template-${process.pid}-${name}.tar`);
    writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
    await db.close();
    return { kind: 'pglite', imagePath };
  }
  // named like the per-file copies, so that the run's dispose drops it with them
  const template = `incas_test_${process.pid}_tmpl_${name}`;
  const admin = new pg.Client({ connectionString: base.serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template} TEMPLATE ${base.template}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(databaseUrlWithName(base.serverUrl, template), { max: 2 });
  try {
    await seed(db);
  } finally {
    await db.close();
  }
  return { kind: 'postgres', serverUrl: base.serverUrl, template };
}

/**
 * Drops a seeded template made on a server and every copy of it (`incas_test_<pid>_…`, the pid of
 * the process that seeded it: the browser journeys seed theirs in a child process, whose names the
 * run's dispose would not match).
 */
export async function dropSeededTemplate(info: TemplateInfo): Promise<void> {
  if (info.kind !== 'postgres') return;
  const prefix = /^(incas_test_\d+_)tmpl_/.exec(info.template)?.[1];
  if (prefix === undefined) return;
  const admin = new pg.Client({ connectionString: info.serverUrl });
  await admin.connect();
  try {
    const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${prefix}%`,
    ]);
    // the copies first: a template cannot be dropped while a copy is being made from it
    const names = rows.rows
      .map((r) => r.datname)
      .sort((a, b) => Number(a.includes('_tmpl_')) - Number(b.includes('_tmpl_')));
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Removes a PGlite template's image (a server's copies are dropped by the run's dispose). */
export function removeTemplateImage(info: TemplateInfo): void {
  if (info.kind === 'pglite') rmSync(info.imagePath, { force: true });
}

/**
 * The run's template: on the PostgreSQL server at `serverUrl` when given (the API suite passes
 * DATABASE_URL), else an embedded PGlite image in the temporary folder, removed at the end.
 */
export async function createTemplate(
  serverUrl: string | undefined,
): Promise<{ info: TemplateInfo; dispose: () => Promise<void> }> {
  if (!serverUrl) {
    const db = await openPglite(null);
    await migrate(db, allMigrationFolders());
    await loadRegistry(db);
    const image = await db.pglite.dumpDataDir('none');
    const imagePath = join(tmpdir(), `incas-test-template-${process.pid}.tar`);
    writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
    await db.close();
    const info: TemplateInfo = { kind: 'pglite', imagePath };
    return { info, dispose: async () => removeTemplateImage(info) };
  }
  const template = `incas_test_tmpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const db = await openPostgres(databaseUrlWithName(serverUrl, template), { max: 2 });
  await migrate(db, allMigrationFolders());
  await loadRegistry(db);
  await db.close();
  return {
    info: { kind: 'postgres', serverUrl, template },
    dispose: async () => {
      // drop every per-file copy and the template
      const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `incas_test_${process.pid}_%`,
      ]);
      for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    },
  };
}
