/**
 * Things that happen once at start (issue 8, items 11 and 13): two instances started at once on a
 * fresh database both start, and the migrations, the registry and the demo data happen once;
 * `create-admin` never loads demo data. On the engine of the suite: on a PostgreSQL server the two
 * starts are two connection pools, as two instances would be; PGlite is owned by one process, so
 * there the two starts share it.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { modules } from '../../server/modules.js';
import { prepareDatabase, type PreparedDatabase } from '../../server/platform/bootstrap.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import { startJobs, type Jobs } from '../../server/platform/jobs.js';
import { jobsOf } from '../../server/platform/module.js';
import type { Database } from '../../server/platform/db/db.js';
import { openPglite } from '../../server/platform/db/pglite.js';
import { openPostgres } from '../../server/platform/db/postgres.js';
import { projectRoot } from '../../server/platform/paths.js';
import { openEmptyDb, TEST_DATA_KEY } from '../support/harness.js';
import { databaseUrlWithName } from '../support/template.js';

const execFileP = promisify(execFile);
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
const work = mkdtempSync(join(tmpdir(), 'incas-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A new database the way the CLIs reach it: an empty one on the server (URL), else a data folder
 * holding a copy of the migrated template (a fresh embedded database takes PGlite long to make).
 */
async function newDatabase(): Promise<Record<string, string>> {
  const tmpl = inject('dbTemplate');
  if (tmpl.kind === 'pglite') {
    const dir = mkdtempSync(join(work, 'data-'));
    await (await openPglite(dir, { loadDataDir: new Blob([readFileSync(tmpl.imagePath)]) })).close();
    return { INCAS_DATA_DIR: dir };
  }
  // named like the harness's copies, so the run drops it at the end
  const name = `${tmpl.template.replace('_tmpl_', '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { DATABASE_URL: databaseUrlWithName(tmpl.serverUrl, name) };
}

async function counts(db: Database) {
  const [r] = await db.ownerTx((tx) =>
    tx.query<{ demo_users: number; users: number; organisations: number; persons: number; seeds: number }>(
      `SELECT (SELECT count(*)::int FROM users WHERE email LIKE '%@demo.incas.local') AS demo_users,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM organisations) AS organisations,
              (SELECT count(*)::int FROM pilot_persons) AS persons,
              (SELECT count(*)::int FROM audit_log WHERE action = 'demo.pilot_seed') AS seeds`,
    ),
  );
  return r!;
}

describe('two instances started at once on a fresh database', () => {
  it('both start, their job queues too; the migrations, the registry and the demo data happen once', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      INCAS_DEMO: 'true',
      LOG_LEVEL: 'silent',
      INCAS_DATA_KEY: TEST_DATA_KEY,
    });
    const started: PreparedDatabase[] = [];
    const jobs: Jobs[] = [];
    let shared: Database | null = null;
    try {
      const tmpl = inject('dbTemplate');
      let url: string | null = null;
      if (tmpl.kind === 'pglite') shared = await openEmptyDb();
      else url = (await newDatabase()).DATABASE_URL!;
      // two pools on a server (two instances); the one PGlite of this process otherwise
      const open = async () => (url ? openPostgres(url, { max: 3 }) : shared!);
      const results = await Promise.allSettled([
        open().then((db) => prepareDatabase(config, modules, { db, cipher })),
        open().then((db) => prepareDatabase(config, modules, { db, cipher })),
      ]);
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started'))).toEqual([
        'started',
        'started',
      ]);
      const [a, b] = started as [PreparedDatabase, PreparedDatabase];
      // one of them migrated, the other found it done; both report the same demo accounts
      expect([a.migrations.length, b.migrations.length].sort((x, y) => x - y)[0]).toBe(0);
      expect(Math.max(a.migrations.length, b.migrations.length)).toBeGreaterThan(10);
      expect(a.demoAccounts.map((x) => x.email).sort()).toEqual(b.demoAccounts.map((x) => x.email).sort());
      const c = await counts(a.db);
      expect(c.demo_users).toBe(a.demoAccounts.length);
      expect(c.seeds).toBe(1);
      expect(c.persons).toBeGreaterThan(0);

      // then both start their job queue at once (pg-boss's schema, the grants, the schedules)
      const queues = await Promise.allSettled(
        started.map((s) => startJobs({ db: s.db, config, log: pino({ level: 'silent' }), cipher }, jobsOf(modules))),
      );
      for (const q of queues) if (q.status === 'fulfilled') jobs.push(q.value);
      expect(queues.map((q) => (q.status === 'rejected' ? String(q.reason) : 'started'))).toEqual([
        'started',
        'started',
      ]);
    } finally {
      for (const j of jobs) await j.stop();
      for (const s of started) if (s.db !== shared) await s.db.close();
      await shared?.close();
    }
    // a blow-up guard: two demos seeded at once took over 120 s on 2 loaded cores
  }, 300_000);
});

describe('create-admin', () => {
  it('creates the administrator and never loads demo data, even without NODE_ENV=production', async () => {
    const target = await newDatabase();
    const email = 'amministratore@comune.example.it';
    const run = () =>
      execFileP(process.execPath, ['--import', 'tsx', 'server/cli/create-admin.ts'], {
        cwd: projectRoot(),
        // as the README showed it: no NODE_ENV, so demo mode would be on by default
        env: {
          PATH: process.env.PATH!,
          ...target,
          INCAS_ADMIN_EMAIL: email,
          INCAS_ADMIN_PASSWORD: 'una-password-lunga',
        },
      });
    expect((await run()).stdout.trim()).toBe(`Administrator ${email} created.`);
    const db = target.DATABASE_URL
      ? await openPostgres(target.DATABASE_URL, { max: 2 })
      : await openPglite(target.INCAS_DATA_DIR!);
    try {
      expect(await counts(db)).toEqual({ demo_users: 0, users: 1, organisations: 1, persons: 0, seeds: 0 });
      const [admin] = await db.ownerTx((tx) =>
        tx.query<{ roles: string[]; is_demo: boolean }>(
          `SELECT array_agg(r.role) AS roles, bool_or(u.is_demo) AS is_demo
             FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.email = $1`,
          [email],
        ),
      );
      expect(admin).toEqual({ roles: ['amministratore'], is_demo: false });
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe('the start banner', () => {
  it('in production names the public URL, and no API docs (they are off)', async () => {
    const target = await newDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: projectRoot(),
      env: {
        PATH: process.env.PATH!,
        ...target,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        INCAS_SECRET: 's'.repeat(40),
        INCAS_DATA_KEY: TEST_DATA_KEY,
        INCAS_PUBLIC_URL: 'https://incas.comune.example.it',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => out, { timeout: 60_000, interval: 250 }).toMatch(/Database: /);
      expect(out).toContain('InCaS is running at https://incas.comune.example.it  (listening on 127.0.0.1:0)');
      expect(out).not.toContain('/api/docs');
      expect(out).not.toContain('localhost');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
