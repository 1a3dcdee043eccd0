import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startJobs, enqueue, type JobDefinition, type Jobs } from '../../server/platform/jobs.js';
import { purgeSessionsJob } from '../../server/modules/access/index.js';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';

let t: TestApp;
let jobs: Jobs;
const seen: string[] = [];
const echoJob: JobDefinition<{ marker: string }> = {
  name: 'test.echo',
  payload: z.object({ marker: z.string() }),
  async handler(_ctx, payload) {
    seen.push(payload.marker);
  },
};

beforeAll(async () => {
  t = await startTestApp();
  jobs = await startJobs({ db: t.db, config: t.config, log: t.app.log, cipher: t.cipher, clock: t.clock }, [
    echoJob,
    purgeSessionsJob,
  ]);
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

const app = { scope: 'system' as const, tenant: null, region: null, userId: null };

describe('jobs', () => {
  it('runs a job enqueued in a committed transaction, and never one whose transaction rolled back', async () => {
    await expect(
      t.db.tx(app, async (tx) => {
        await enqueue(tx, echoJob, { marker: 'rolled-back' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await t.db.tx(app, (tx) => enqueue(tx, echoJob, { marker: 'committed' }));
    await expect.poll(() => seen, { timeout: 20_000, interval: 250 }).toContain('committed');
    expect(seen).not.toContain('rolled-back');
  });

  it('purges sessions ended more than 30 days ago, keeping recent ones', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    await a.post('/api/v1/auth/logout');
    const b = new Agent(t.app);
    await b.login(u.email, TEST_PASSWORD);
    const count = async () =>
      (
        await t.db.ownerTx((tx) =>
          tx.query<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [u.id]),
        )
      )[0]!.n;
    expect(await count()).toBe(2);
    const ctx = {
      actor: null,
      db: t.db,
      clock: t.clock,
      log: t.app.log,
      config: t.config,
      cipher: t.cipher,
      requestId: 'test',
      ip: '',
    };
    await purgeSessionsJob.handler(ctx, {});
    expect(await count()).toBe(2);
    t.clock.advance(31 * 86_400_000);
    await purgeSessionsJob.handler(ctx, {});
    expect(await count()).toBe(0);
  });
});
