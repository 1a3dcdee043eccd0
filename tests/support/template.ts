/**
 * One database template per test run: migrated, with the registry loaded. Each test file then
 * gets its own copy (a PGlite data-dir image, or `CREATE DATABASE … TEMPLATE` on a server), so
 * files run in parallel without seeing each other's rows.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
  }
}

export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTemplate(): Promise<{ info: TemplateInfo; dispose: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(null);
    await migrate(db, allMigrationFolders());
    await loadRegistry(db);
    const image = await db.pglite.dumpDataDir('none');
    const imagePath = join(tmpdir(), `incas-test-template-${process.pid}.tar`);
    writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
    await db.close();
    return { info: { kind: 'pglite', imagePath }, dispose: async () => undefined };
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
