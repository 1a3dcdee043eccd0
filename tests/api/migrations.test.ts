/**
 * Upgrading a database made by the previous release (0.1, migrations 0001–0007 in one kernel
 * folder) to the module kit's layout, where each module owns its migrations: nothing runs again,
 * every row and the audit chain stay as they were. Runs on the engine of the suite (PGlite, or the
 * PostgreSQL server when DATABASE_URL is set).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allMigrationFolders } from '../../server/modules.js';
import { verifyAuditChain } from '../../server/modules/audit/index.js';
import { seedDemo } from '../../server/modules/demo/index.js';
import { loadRegistry } from '../../server/modules/registry/index.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import type { Database } from '../../server/platform/db/db.js';
import { listMigrations, migrate } from '../../server/platform/db/migrate.js';
import { openEmptyDb, TEST_DATA_KEY } from '../support/harness.js';

const previousRelease = ['0001', '0002', '0003', '0004', '0005', '0006', '0007'];

/** The previous release's layout: its migrations, all in one folder. */
function previousReleaseFolder(upTo: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'incas-release-0.1-'));
  for (const m of listMigrations(allMigrationFolders())) {
    if (previousRelease.includes(m.name.slice(0, 4)) && m.name.slice(0, 4) <= upTo)
      copyFileSync(m.path, join(dir, m.name));
  }
  return dir;
}

/** Rows of every table of the public schema, and the audit chain's head. */
async function snapshot(db: Database): Promise<Record<string, string | number>> {
  return db.ownerTx(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const out: Record<string, string | number> = {};
    for (const { name } of tables) {
      const [r] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      out[name] = r!.n;
    }
    const [head] = await tx.query<{ seq: string; hash: string }>(
      'SELECT seq::text, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    out.audit_head = `${head?.seq}:${head?.hash}`;
    return out;
  });
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function releaseDatabase(upTo: string): Promise<Database> {
  const folder = previousReleaseFolder(upTo);
  const db = await openEmptyDb();
  cleanups.push(async () => {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });
  await migrate(db, [folder]);
  return db;
}

describe('upgrading a database of the previous release', () => {
  it('applies nothing of the release again and keeps every row and the audit chain', async () => {
    const db = await releaseDatabase('0007');
    await loadRegistry(db);
    await seedDemo(db, 'demo-password-upgrade', { cipher: createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64')) });
    const before = await snapshot(db);
    expect(Number(before.audit_log)).toBeGreaterThan(0);
    expect(Number(before.pilot_cases)).toBeGreaterThan(0);

    // only what came after the release runs (views and new tables: no row of a table changes)
    const applied = await migrate(db, allMigrationFolders());
    expect(applied).toEqual(
      listMigrations(allMigrationFolders())
        .map((m) => m.name)
        .filter((n) => !previousRelease.includes(n.slice(0, 4))),
    );

    const after = await snapshot(db);
    // tables the later migrations add start empty (but for the reference data they load: the 14
    // PN FAMI common indicators, 0029); the others keep every row
    const referenceData: Record<string, number> = { project_indicator_defs: 14 };
    const added = Object.keys(after).filter((k) => !(k in before));
    expect(Object.fromEntries(added.map((k) => [k, after[k]]))).toEqual(
      Object.fromEntries(added.map((k) => [k, referenceData[k] ?? 0])),
    );
    expect(Object.fromEntries(Object.keys(before).map((k) => [k, after[k]]))).toEqual({
      ...before,
      incas_migrations: Number(before.incas_migrations) + applied.length,
    });
    const chain = await db.ownerTx((tx) => verifyAuditChain(tx));
    expect(chain).toMatchObject({ ok: true, checked: Number(before.audit_log) });
  }, 180_000);

  it('runs only the migrations a database has not seen, wherever their module keeps them', async () => {
    const db = await releaseDatabase('0006');
    const applied = await migrate(db, allMigrationFolders());
    expect(applied).toEqual(
      listMigrations(allMigrationFolders())
        .map((m) => m.name)
        .filter((n) => n >= '0007'),
    );
    expect(applied[0]).toBe('0007_audit_national_rows.sql');
  }, 60_000);
});

describe('the migrations of the modules', () => {
  it('run in one global order, each number used once', () => {
    const names = listMigrations(allMigrationFolders()).map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names.map((n) => n.slice(0, 4))).size).toBe(names.length);
    expect(names.slice(0, 7).map((n) => n.slice(0, 4))).toEqual(previousRelease);
  });

  it('refuse a number used twice by two modules', () => {
    const a = mkdtempSync(join(tmpdir(), 'incas-mig-a-'));
    const b = mkdtempSync(join(tmpdir(), 'incas-mig-b-'));
    try {
      copyFileSync(listMigrations(allMigrationFolders())[0]!.path, join(a, '0042_one.sql'));
      copyFileSync(listMigrations(allMigrationFolders())[0]!.path, join(b, '0042_two.sql'));
      expect(() => listMigrations([a, b])).toThrow(/0042 is used twice/);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
