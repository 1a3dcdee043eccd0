/**
 * A PostgreSQL server that drops the application's busy connections (an operator's
 * pg_terminate_backend, a crashed or restarted server) must not take the process down: the
 * requests on those connections answer 503 `database.unavailable`, the next ones succeed.
 *
 * Server only: PGlite runs in this process and has no backends to lose. The test terminates only
 * backends of its own throw-away database (filtered by datname), never anyone else's.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { makeCase, makePilotComune, loginAs } from '../support/pilot-factories.js';

const tmpl = inject('dbTemplate');
const onServer = tmpl.kind === 'postgres';
const serverOnly = 'server-only failure: PGlite runs in-process and has no backend to terminate';

interface Outcome {
  status: number;
  contentType: string;
  code: string | undefined;
}

async function list(agent: Agent): Promise<Outcome> {
  const r = await agent.get<{ code?: string }>('/api/v1/pilot/cases?pageSize=50');
  return {
    status: r.status,
    contentType: String(r.headers['content-type'] ?? ''),
    code: r.status === 200 ? undefined : r.body?.code,
  };
}

describe('PostgreSQL server: backends terminated while requests run', () => {
  let t: TestApp;
  let killer: pg.Client;
  let dbName: string;
  const readers: Agent[] = [];

  beforeAll(async () => {
    if (!onServer) return;
    t = await startTestApp();
    const comune = await makePilotComune(t.db);
    for (let i = 0; i < 40; i++) await makeCase(t.db, t.cipher, { comune });
    for (let i = 0; i < 10; i++) readers.push(await loginAs(t, comune.referente));
    const [row] = (await t.db.ownerQuery('SELECT current_database() AS name')).rows;
    dbName = String(row!.name);
    killer = new pg.Client({ connectionString: tmpl.kind === 'postgres' ? tmpl.serverUrl : '' });
    await killer.connect();
  });

  afterAll(async () => {
    if (!onServer) return;
    await killer.end();
    await t.close();
  });

  it('answers 503 problem+json on the lost connections, keeps the process up and serves the next requests', async (ctx) => {
    if (!onServer) return ctx.skip(serverOnly);
    const outcomes: Outcome[] = [];
    let running = true;
    // 10 readers listing cases in a loop, as in the testers' report
    const load = readers.map(async (agent) => {
      while (running) outcomes.push(await list(agent));
    });

    // terminate one busy backend of this test's own database at a time, until several were hit and
    // at least one request saw its connection go (bounded: 20 s)
    let terminated = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (terminated < 8 || !outcomes.some((o) => o.status === 503))) {
      const r = await killer.query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = $1 AND application_name = 'incas' AND state <> 'idle' AND pid <> pg_backend_pid()
          LIMIT 1`,
        [dbName],
      );
      terminated += r.rows.filter((x) => x.ok).length;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    running = false;
    await Promise.all(load);

    expect(terminated).toBeGreaterThanOrEqual(8);
    const failed = outcomes.filter((o) => o.status !== 200);
    expect(failed.length).toBeGreaterThan(0);
    // every request answered, and the lost ones as 503 database.unavailable, never a 500
    for (const o of failed) {
      expect(o).toEqual({
        status: 503,
        contentType: 'application/problem+json; charset=utf-8',
        code: 'database.unavailable',
      });
    }

    // the next requests succeed on fresh connections, the health check too
    const after = await Promise.all(readers.flatMap((agent) => [list(agent), list(agent)]));
    expect(after.map((o) => o.status)).toEqual(after.map(() => 200));
    expect((await new Agent(t.app).get('/api/health')).status).toBe(200);
  });
});
