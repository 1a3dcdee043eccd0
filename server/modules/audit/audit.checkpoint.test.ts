import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAccess, type Database } from '../../platform/db/db.js';
import { startJobs } from '../../platform/jobs.js';
import { makeSharedTestDb, startTestApp, TEST_DATA_KEY, type TestApp } from '../../../tests/support/harness.js';
import { checkpointKey, signCheckpoint, type AuditCheckpoint } from './audit.checkpoint.js';
import { auditCheckpointJob } from './audit.jobs.js';
import { verifyAuditChain } from './audit.repo.js';
import type { AuditAction, AuditEntityType } from '../../platform/audit-actions.js';
import { recordAudit, verifyAuditTrail, writeAuditCheckpoint, type CheckpointOutcome } from './audit.service.js';

// Test-only names, declared by no module: cast here so that no production code can write them.
const TEST_EVENT = 'test.event' as AuditAction;
const TEST_ENTITY = 'test' as AuditEntityType;

let t: TestApp;
let dir: string;
const dataKey = Buffer.from(TEST_DATA_KEY, 'base64');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incas-audit-cp-'));
  t = await startTestApp({ INCAS_AUDIT_CHECKPOINT_FILE: join(dir, 'default.jsonl') });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Appends n audit rows the normal way: the application role, the chain trigger. */
async function writeRows(n: number, tag = 'original'): Promise<void> {
  await t.db.tx(systemAccess, async (tx) => {
    for (let i = 0; i < n; i++)
      await recordAudit(
        tx,
        { actor: null, clock: t.clock, requestId: 'test' },
        {
          action: TEST_EVENT,
          entityType: TEST_ENTITY,
          entityId: `${tag}-${i}`,
          tenantComune: null,
        },
      );
  });
}

/** A checkpoint job run writing to `file`. */
async function checkpoint(file: string): Promise<CheckpointOutcome> {
  t.clock.minutes(10);
  return writeAuditCheckpoint({
    db: t.db,
    clock: t.clock,
    log: t.app.log,
    config: { ...t.config, auditCheckpointFile: file },
  });
}

function written(o: CheckpointOutcome): AuditCheckpoint {
  if (!('written' in o)) throw new Error(`no checkpoint written: ${JSON.stringify(o)}`);
  return o.written;
}

const verify = (file: string | null, heads: Array<{ seq: number; hash: string }> = []) =>
  verifyAuditTrail(t.db, {
    dataKey,
    checkpointFile: file,
    heads: heads.map((h) => ({ ...h, source: '--head' })),
    now: t.clock.now(),
  });

/** The superuser at work: switches the append-only trigger off around a statement. */
const asSuperuser = (sql: string) =>
  t.db.ownerExec(`
    ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
    ${sql};
    ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);

const lastSeq = async () =>
  (await t.db.ownerTx((tx) => tx.query<{ s: number }>('SELECT max(seq) AS s FROM audit_log')))[0]!.s;

// The tests run in order on one database: each leaves a chain that is internally consistent.
describe('audit checkpoints kept outside the database', () => {
  it('a growing chain with checkpoints verifies, and an unchanged head writes no new line', async () => {
    const file = join(dir, 'growing.jsonl');
    await writeRows(5);
    const first = written(await checkpoint(file));
    expect(first).toMatchObject({ v: 1, seq: await lastSeq(), rows: await lastSeq() });
    await writeRows(3);
    const second = written(await checkpoint(file));
    expect(second.seq).toBe(first.seq + 3);
    expect(await checkpoint(file)).toEqual({ skipped: 'unchanged' });
    expect(
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditCheckpoint),
    ).toEqual([first, second]);

    await writeRows(2);
    const r = await verify(file, [{ seq: first.seq, hash: first.hash }]);
    expect(r).toMatchObject({ ok: true, chain: { ok: true }, keptHeads: 3, contradictions: [] });
    expect(r.file).toMatchObject({ found: true, checkpoints: 2, refused: [], latest: second });
    // the head to keep elsewhere: the current last row, signed like a checkpoint
    expect(r.head).toEqual(signCheckpoint(checkpointKey(dataKey), { ...r.head!, seq: second.seq + 2 }));
  });

  it('refuses a checkpoint file whose line was altered or re-signed without the data key', async () => {
    const file = join(dir, 'forged.jsonl');
    const genuine = written(await checkpoint(file));
    await writeRows(1);
    const forgedHash = 'f'.repeat(64);
    // an attacker who can write the file but has no data key: a key of their own, or the old signature
    const reSigned = signCheckpoint(checkpointKey(randomBytes(32)), { ...genuine, hash: forgedHash });
    appendFileSync(
      file,
      `${JSON.stringify(reSigned)}\n${JSON.stringify({ ...genuine, hash: forgedHash })}\nnot json\n`,
    );
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.chain.ok).toBe(true);
    expect(r.file?.refused.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(r.file?.refused[0]?.reason).toMatch(/signature does not verify/);
    // only the genuine line is compared with the chain, and it matches
    expect(r).toMatchObject({ keptHeads: 1, contradictions: [] });

    // the job names the bad last line and goes on from the last genuine checkpoint
    const next = written(await checkpoint(file));
    expect(next.seq).toBe(genuine.seq + 1);
  });

  it('detects a truncated tail that the chain alone shows as intact, and the job refuses to seal it', async () => {
    const file = join(dir, 'truncated.jsonl');
    await writeRows(4);
    const cp = written(await checkpoint(file));
    await writeRows(2);
    // the superuser deletes the last rows, including the checkpointed one
    await asSuperuser(`DELETE FROM audit_log WHERE seq > ${cp.seq - 2}`);

    expect(await t.db.ownerTx((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true }); // the hole this closes
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.contradictions).toEqual([
      expect.objectContaining({
        kind: 'truncated',
        seq: cp.seq,
        message: expect.stringContaining(`ends at seq ${cp.seq - 2}`),
      }),
    ]);
    expect(r.head?.seq).toBe(cp.seq - 2);
    // a head kept by hand catches it too
    expect((await verify(null, [{ seq: cp.seq, hash: cp.hash }])).contradictions).toMatchObject([
      { kind: 'truncated' },
    ]);

    expect(await checkpoint(file)).toEqual({
      refused: expect.stringContaining(`row seq ${cp.seq} of the last checkpoint is gone`),
    });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('detects a trail deleted from a point on and re-chained through the normal trigger', async () => {
    const file = join(dir, 'rechained.jsonl');
    await writeRows(3);
    const early = written(await checkpoint(file));
    await writeRows(5);
    const late = written(await checkpoint(file));
    // the superuser deletes from a point between the two checkpoints, then re-inserts rows of
    // their choosing through the trigger: the chain is rebuilt consistently, past the checkpoint
    const from = early.seq + 2;
    await asSuperuser(`DELETE FROM audit_log WHERE seq >= ${from}`);
    await writeRows(late.seq - from + 3, 'rewritten');

    expect(await t.db.ownerTx((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true }); // the hole this closes
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(r.contradictions).toEqual([
      expect.objectContaining({
        kind: 'rewritten',
        seq: late.seq,
        message: expect.stringContaining(`rewritten after seq ${early.seq} and at or before seq ${late.seq}`),
      }),
    ]);
    expect(await checkpoint(file)).toEqual({ refused: expect.stringContaining('no longer has the checkpointed hash') });
  });

  it('writes a checkpoint when the worker starts', async () => {
    const file = t.config.auditCheckpointFile;
    expect(existsSync(file)).toBe(false);
    const jobs = await startJobs({ db: t.db, config: t.config, log: t.app.log, cipher: t.cipher, clock: t.clock }, [
      auditCheckpointJob,
    ]);
    try {
      await expect.poll(() => existsSync(file), { timeout: 30_000, interval: 250 }).toBe(true);
    } finally {
      await jobs.stop();
    }
    const r = await verify(file);
    expect(r).toMatchObject({ ok: true, keptHeads: 1, file: { latest: { seq: await lastSeq() } } });
  });
});

// each run is a new process that compiles the CLI and opens the database: seconds each, more on PGlite
describe('npm run audit:verify', { timeout: 120_000 }, () => {
  let shared: { env: Record<string, string>; open(): Promise<Database> };
  let cliDir: string;
  beforeAll(async () => {
    cliDir = mkdtempSync(join(tmpdir(), 'incas-audit-cli-'));
    shared = await makeSharedTestDb(join(cliDir, 'db'));
  });
  afterAll(() => rmSync(cliDir, { recursive: true, force: true }));

  async function cli(
    env: Record<string, string>,
    ...args: string[]
  ): Promise<{ code: number; out: string; err: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'server/cli/verify-audit.ts', ...args],
        {
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'test',
            TZ: 'UTC',
            LOG_LEVEL: 'silent',
            INCAS_DATA_KEY: TEST_DATA_KEY,
            INCAS_AUDIT_CHECKPOINT_FILE: join(cliDir, 'checkpoints.jsonl'),
            ...shared.env,
            ...env,
          },
        },
        (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      );
    });
  }

  it('prints the head to keep, then exits 1 naming the cut tail; 2 on a malformed head', async () => {
    let db = await shared.open();
    const config = { ...t.config, auditCheckpointFile: join(cliDir, 'checkpoints.jsonl') };
    try {
      await db.tx(systemAccess, async (tx) => {
        for (let i = 0; i < 4; i++)
          await recordAudit(tx, { actor: null, clock: t.clock, requestId: 'test' }, { action: TEST_EVENT });
      });
      written(await writeAuditCheckpoint({ db, clock: t.clock, log: t.app.log, config }));
    } finally {
      await db.close();
    }

    const ok = await cli({});
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Checkpoints: 1 signed in .*checkpoints\.jsonl/);
    const head = /Head: seq (\d+), hash ([0-9a-f]{64}), rows \d+, at \S+, signed [0-9a-f]{64}/.exec(ok.out);
    expect(head).not.toBeNull();
    expect(ok.out).toContain('Result: OK.');

    db = await shared.open();
    try {
      await db.ownerExec(`
        ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
        DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    } finally {
      await db.close();
    }
    const cut = await cli({}, '--head', `${head![1]}:${head![2]}`);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('Hash chain consistent');
    expect(cut.err).toContain(
      `TRUNCATED: row seq ${head![1]} is gone: the chain now ends at seq ${Number(head![1]) - 1}`,
    );
    expect(cut.err).toMatch(/Kept head: --head \d+\.\n/);
    expect(cut.err).toMatch(/Kept head: .*checkpoints\.jsonl line 1, written /);
    expect(cut.out).toContain('do not keep this head');
    expect(cut.err).toContain('Result: FAILED');

    const bad = await cli({}, '--head', '12:nothex');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected <seq>:<hash>');
  });

  it('warns when there is no checkpoints file to compare with; exits 2 when a named one is missing', async () => {
    const none = await cli({ INCAS_AUDIT_CHECKPOINT_FILE: join(cliDir, 'absent.jsonl') });
    expect(none.code).toBe(0);
    expect(none.err).toMatch(
      /WARNING: no checkpoints file at .*absent\.jsonl: a cut tail or a re-chained trail cannot be detected/,
    );
    const missing = await cli({}, '--checkpoints', join(cliDir, 'missing.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--checkpoints');
    expect(missing.err).toContain('no such file');
  });
});
