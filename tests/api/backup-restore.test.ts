/**
 * The restore drill (issue 8, item 9): a database with data is backed up with `npm run backup`
 * and restored with `npm run restore` where a data centre would restore it, then compared with the
 * original: rows of every table, the grants and row-level security policies, the audit chain's
 * head (and the whole chain verified), a decrypted identity through the API, and a login.
 *
 * On the engine of the suite: the embedded database (PGlite, a data folder) without DATABASE_URL;
 * with DATABASE_URL, a PostgreSQL server database restored into a NEW cluster made for the test
 * with initdb/pg_ctl (roles are cluster-wide, so only a new cluster has no `incas_app`). That part
 * is skipped, saying why, when the PostgreSQL 15 server binaries are not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { modules } from '../../server/modules.js';
import { verifyAuditChain } from '../../server/modules/audit/index.js';
import { prepareDatabase } from '../../server/platform/bootstrap.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import { backupDatabase, restoreDatabase } from '../../server/platform/db/backup.js';
import type { Database } from '../../server/platform/db/db.js';
import { openPglite } from '../../server/platform/db/pglite.js';
import { openPostgres } from '../../server/platform/db/postgres.js';
import { projectRoot } from '../../server/platform/paths.js';
import { StartupError } from '../../server/platform/startup.js';
import { clusterUnavailable, startCluster, type Cluster } from '../support/cluster.js';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import { Agent, openTestDb, TEST_DATA_KEY } from '../support/harness.js';
import { makeCase, makePilotComune, type MadeCase, type PilotComune } from '../support/pilot-factories.js';
import { databaseUrlWithName } from '../support/template.js';

const execFileP = promisify(execFile);
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
const serverUrl = process.env.DATABASE_URL;

/** Runs one of the CLIs as an operator would (`npm run <name>`), with only the given environment. */
async function cli(
  name: 'backup' | 'restore',
  file: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await execFileP(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, file], {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...env },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout, err: err.stderr };
  }
}

/** What must survive a restore: rows per table, grants, policies, the audit chain's head. */
async function snapshot(db: Database) {
  return db.ownerTx(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const rows: Record<string, number> = {};
    for (const { name } of tables)
      rows[name] = (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`))[0]!.n;
    const grants = await tx.query<{ relname: string; acl: string }>(
      `SELECT c.relname, array_to_string(array(SELECT unnest(c.relacl)::text ORDER BY 1), ' ') AS acl
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1`,
    );
    const policies = await tx.query<Record<string, string>>(
      `SELECT tablename, policyname, roles::text AS roles, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2`,
    );
    const [head] = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    return { rows, grants, policies, head };
  });
}

/** Data of every kind that must come back: a pilot Comune, two cases, a TOTP account, audit rows. */
async function fill(db: Database): Promise<{ comune: PilotComune; kase: MadeCase; surname: string }> {
  const comune = await makePilotComune(db);
  const surname = 'Restaurato';
  const kase = await makeCase(db, cipher, { comune, status: 'ammesso_misure', identity: { surname } });
  await makeCase(db, cipher, { comune });
  await makeUser(db, { roles: ['referente_comunale'], totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  // a start: the key's fingerprint kept, the TOTP secret sealed; then logins write audit rows
  await prepareDatabase(config(), modules, { db, cipher });
  const app = await appOn(db);
  try {
    const op = new Agent(app);
    expect((await op.login(comune.operatore.email, TEST_PASSWORD)).status).toBe(200);
    expect((await op.get(`/api/v1/pilot/cases/${kase.caseId}`)).status).toBe(200);
    expect((await new Agent(app).login(comune.operatore.email, 'wrong password!')).status).toBe(401);
  } finally {
    await app.close();
  }
  return { comune, kase, surname };
}

const config = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', INCAS_DEMO: 'false', LOG_LEVEL: 'silent', INCAS_DATA_KEY: TEST_DATA_KEY, ...env });

async function appOn(db: Database) {
  const app = await buildApp({
    config: config({ INCAS_DEMO: 'true', INCAS_RATE_LIMIT: '100000', INCAS_LOGIN_RATE_LIMIT: '100000' }),
    db,
    cipher,
    logger: false,
  });
  await app.ready();
  return app;
}

/** The restored database serves: a login (and a failed one) and the decrypted identity of the case. */
async function expectServes(db: Database, source: { comune: PilotComune; kase: MadeCase; surname: string }) {
  const app = await appOn(db);
  try {
    // a wrong password touches login_throttle: 401, not "permission denied" (500)
    expect((await new Agent(app).login(source.comune.operatore.email, 'wrong password!')).status).toBe(401);
    const op = new Agent(app);
    expect((await op.login(source.comune.operatore.email, TEST_PASSWORD)).status).toBe(200);
    const file = await op.get<{ members: { identity: { surname: string } }[] }>(
      `/api/v1/pilot/cases/${source.kase.caseId}`,
    );
    expect(file.status).toBe(200);
    expect(file.body.members[0]!.identity.surname).toBe(source.surname);
  } finally {
    await app.close();
  }
}

async function expectSameAndIntact(before: Awaited<ReturnType<typeof snapshot>>, db: Database) {
  const after = await snapshot(db);
  expect(after.rows).toEqual(before.rows);
  expect(after.grants).toEqual(before.grants);
  expect(after.policies).toEqual(before.policies);
  expect(after.head).toEqual(before.head);
  const chain = await db.ownerTx((tx) => verifyAuditChain(tx));
  expect(chain).toMatchObject({ ok: true, checked: before.rows['public.audit_log'] });
}

const work = mkdtempSync(join(tmpdir(), 'incas-restore-drill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(!serverUrl)('backup and restore of the embedded database', () => {
  it('restores into a new folder: same rows, grants, policies and audit chain; logins and identities work', async () => {
    const tmpl = inject('dbTemplate');
    if (tmpl.kind !== 'pglite') throw new Error('the embedded drill runs on the PGlite template');
    const dir = join(work, 'data');
    const restored = join(work, 'restored');
    const file = join(work, 'incas.tgz');
    let db: Database = await openPglite(dir, { loadDataDir: new Blob([readFileSync(tmpl.imagePath)]) });
    const source = await fill(db);
    const before = await snapshot(db);
    await db.close();
    // outside production the generated data key lives in the folder: it must not go into the backup
    writeFileSync(join(dir, 'incas-data.key'), `${TEST_DATA_KEY}\n`, { mode: 0o600 });

    const backup = await cli('backup', file, { INCAS_DATA_DIR: dir });
    expect(backup.err).toBe('');
    expect(backup.out).toMatch(/^Backup written: .*embedded database/);
    await expect(backupDatabase({ dataDir: dir }, file)).rejects.toThrow(/exists already: choose a new file name/);

    const restore = await cli('restore', file, { INCAS_DATA_DIR: restored });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(existsSync(join(restored, 'incas-data.key'))).toBe(false);
    expect(readFileSync(join(dir, 'incas-data.key'), 'utf8')).toBe(`${TEST_DATA_KEY}\n`);
    await expect(restoreDatabase({ dataDir: restored }, file)).rejects.toThrow(
      /is not empty: restore only into a new, empty folder/,
    );
    await expect(restoreDatabase({ databaseUrl: 'postgres://127.0.0.1:1/x' }, file)).rejects.toThrow(
      /an embedded-database backup; restore it without DATABASE_URL/,
    );

    db = await openPglite(restored);
    try {
      await expectSameAndIntact(before, db);
      await prepareDatabase(config({ INCAS_DATA_DIR: restored }), modules, { db, cipher });
      await expectServes(db, source);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe.runIf(!!serverUrl)('backup and restore of a PostgreSQL server database onto a new server', () => {
  const unavailable = clusterUnavailable();
  let cluster: Cluster | null = null;
  let admin: pg.Client;
  beforeAll(async () => {
    if (unavailable) return;
    cluster = await startCluster();
    admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await cluster?.stop();
  });

  it.skipIf(!!unavailable)(
    `restores into a new cluster with the role, grants and policies; a start without them is refused${
      unavailable ? ` (skipped: ${unavailable})` : ''
    }`,
    async () => {
      const db = await openTestDb();
      let target: Database | null = null;
      let naive: Database | null = null;
      try {
        const source = await fill(db);
        const before = await snapshot(db);
        const [current] = await db.ownerTx((tx) => tx.query<{ name: string }>('SELECT current_database() AS name'));
        const sourceUrl = databaseUrlWithName(serverUrl!, current!.name);
        const file = join(work, 'incas.dump');
        const backup = await cli('backup', file, { DATABASE_URL: sourceUrl });
        expect(backup.err).toBe('');
        expect(backup.out).toMatch(/^Backup written: .*pg_dump custom format/);

        // what the testers did: plain pg_restore onto the new server, then a start
        await admin.query('CREATE DATABASE naive');
        const plain = await execFileP('pg_restore', ['--dbname', cluster!.url('naive'), file]).catch(
          (e: { code: number; stderr: string }) => e,
        );
        expect('code' in plain && plain.code).toBe(1);
        expect('stderr' in plain && plain.stderr).toContain('role "incas_app" does not exist');
        const start = await execFileP(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
          cwd: projectRoot(),
          env: {
            PATH: process.env.PATH!,
            DATABASE_URL: cluster!.url('naive'),
            INCAS_DATA_KEY: TEST_DATA_KEY,
            LOG_LEVEL: 'silent',
          },
        }).catch((e: { code: number; stderr: string }) => e);
        expect('code' in start && start.code).toBe(1);
        const message = 'stderr' in start ? start.stderr.trim() : '';
        expect(message).toMatch(/^InCaS did not start\. The database has no role incas_app/);
        expect(message.split('\n')).toHaveLength(1);

        // the documented procedure: npm run restore into an empty database
        await admin.query('CREATE DATABASE incas');
        const restore = await cli('restore', file, { DATABASE_URL: cluster!.url('incas') });
        expect(restore.err).toBe('');
        expect(restore.out).toMatch(/role\(s\) created: incas_app/);
        await expect(restoreDatabase({ databaseUrl: cluster!.url('incas') }, file)).rejects.toThrow(
          /^The target database is not empty/,
        );

        target = await openPostgres(cluster!.url('incas'), { max: 3 });
        await expectSameAndIntact(before, target);
        await prepareDatabase(config({ DATABASE_URL: cluster!.url('incas') }), modules, { db: target, cipher });
        await expectServes(target, source);

        // the database restored without the role still lacks its grants now that the role exists
        naive = await openPostgres(cluster!.url('naive'), { max: 2 });
        await expect(prepareDatabase(config(), modules, { db: naive, cipher })).rejects.toThrow(
          new StartupError(
            'The role incas_app has lost its privileges or row-level security policies on this database ' +
              '(a restore made before the role existed?): restore the backup again with "npm run restore" into an empty database.',
          ),
        );
      } finally {
        await naive?.close();
        await target?.close();
        await db.close();
      }
    },
    120_000,
  );
});
