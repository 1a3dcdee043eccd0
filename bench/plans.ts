/**
 * The coverage of the Piano triennale (issue 13 item 2), `npm run bench:plans` (also a step of
 * `npm run bench`; bench/README.md, "Plans"): the coverage matrix as MLPS over BENCH_PLANS
 * (default 800) plans of as many Comuni with 25 actions each (20,000), every Comune in one answer
 * (`GET /api/v1/plans-coverage?pageSize=1000`), and the map (`GET /api/v1/plans-coverage/map`),
 * each against a raw-SQL floor measured in the same run, closed loop, one after the other.
 *
 * One run creates a fresh database `incas_bench_plans_<pid>`, prepares it with the app's own
 * start-up code (migrations, registry, demo accounts), writes the plans and actions with
 * insertMany as the database owner, runs VACUUM ANALYZE, then loads the app (in this process, its
 * own pool) and the floor (a bare node:http server on a pg Pool of 10 that runs the coverage's own
 * grouped statement, `coverageQuery`, and the Regions' list as the database owner: no Fastify, no
 * session lookup, no zod, no row-level security, and answers the rows as JSON, gzipped when the
 * client asks as the app's @fastify/compress does). Each request runs twice: as Node's fetch asks
 * (gzip, like a browser) and uncompressed. The ratio printed is app req/s over floor req/s; the
 * target is ≥ 0.5.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import { modules } from '../server/modules.js';
import type { Database } from '../server/platform/db/db.js';
import { bulkLoadMode, insertMany, type BulkRow } from '../server/platform/db/insert-many.js';
import { coverageQuery, selectRegions } from '../server/modules/plans/coverage/coverage.repo.js';
import {
  actionStatuses,
  adoptedStatuses,
  axes,
  axisOfPriorityAction,
  planStatuses,
  type PriorityAction,
} from '../server/modules/plans/shared/vocabulary.js';
import { closedLoop, logIn } from './http.js';
import { admin, benchDatabase } from './surveys-scale.js';

const PLANS = Number(process.env.BENCH_PLANS || 800);
const ACTIONS_PER_PLAN = 25;
const CONNECTIONS = Number(process.env.BENCH_PLANS_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_PLANS_REQUESTS || 200);

const { dbName, dbUrl } = benchDatabase('plans');
const gzip = promisify(gzipCb);

// ------------------------------------------------------------------------------------------------
// The data, as the database owner

/**
 * PLANS plans over as many Comuni with no plan yet (every 9th of the registry, across the
 * Regions), in every state in turn, each with 25 actions: their priority actions skip some (so
 * that Regions have uncovered ones), most on the Piano triennale's axis, states in turn.
 */
async function writePlans(db: Database): Promise<{ plans: number; actions: number; ms: number }> {
  const t0 = performance.now();
  const out = await db.ownerTx(async (tx) => {
    await bulkLoadMode(tx);
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    const comuni = await tx.query<{ istat_code: string; region_code: string }>(
      `SELECT istat_code, region_code FROM (
         SELECT istat_code, region_code, row_number() OVER (ORDER BY istat_code) AS k FROM comuni c
          WHERE NOT EXISTS (SELECT 1 FROM plm_plans p WHERE p.comune_istat = c.istat_code)) x
        WHERE k % 9 = 0 ORDER BY istat_code LIMIT $1`,
      [PLANS],
    );
    const now = new Date().toISOString();
    const plans: BulkRow[] = [];
    const actions: BulkRow[] = [];
    for (const [n, c] of comuni.entries()) {
      const id = randomUUID();
      const status = planStatuses[n % planStatuses.length]!;
      const adopted = adoptedStatuses.includes(status);
      plans.push({
        id,
        comune_istat: c.istat_code,
        region_code: c.region_code,
        title: `Piano locale multisettoriale (bench) ${n + 1}`,
        period_from: 2023 + (n % 3),
        period_to: 2025 + (n % 3),
        status,
        adoption_organ: adopted ? 'GIUNTA' : null,
        adoption_number: adopted ? String(n + 1) : null,
        adoption_date: adopted ? '2024-03-14' : null,
        version_no: adopted ? 1 : 0,
        created_by: u!.id,
        created_at: now,
        updated_at: now,
        row_version: 1,
      });
      for (let i = 0; i < ACTIONS_PER_PLAN; i++) {
        // priority actions 1…10, some skipped by some plans (never 3 where n % 7 = 0, never 6 where n % 5 = 0)
        let p = ((i * 3 + n) % 10) + 1;
        if ((p === 3 && n % 7 === 0) || (p === 6 && n % 5 === 0)) p = 1;
        const axis = i % 11 === 0 ? axes[(n + i) % axes.length]! : axisOfPriorityAction[p as PriorityAction];
        actions.push({
          id: randomUUID(),
          plan_id: id,
          comune_istat: c.istat_code,
          region_code: c.region_code,
          code: `A${i + 1}`,
          title: `Azione di esempio ${i + 1}`,
          axis,
          priority_action: p,
          status: actionStatuses[(n + i) % actionStatuses.length]!,
          position: i,
          created_at: now,
          updated_at: now,
          row_version: 1,
        });
      }
    }
    await insertMany(tx, 'plm_plans', plans);
    await insertMany(tx, 'plm_actions', actions);
    return { plans: plans.length, actions: actions.length };
  });
  return { ...out, ms: performance.now() - t0 };
}

// ------------------------------------------------------------------------------------------------
// The floor: the same grouped statement, as the database owner, the rows answered as they are

function startFloor(): Promise<{ server: Server; pool: pg.Pool; port: number }> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, application_name: 'incas-bench-floor' });
  const q = coverageQuery({});
  const server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://floor');
      if (u.pathname !== '/api/v1/plans-coverage' && u.pathname !== '/api/v1/plans-coverage/map')
        return res.writeHead(404).end();
      const client = await pool.connect();
      try {
        const rows = (await client.query<{ counts: number[] }>(q.sql, q.params)).rows;
        const regions = await selectRegions(
          {
            async query<R>(text: string, params?: readonly unknown[]) {
              return (await client.query(text, params ? [...params] : undefined)).rows as R[];
            },
          },
          {},
        );
        const json = JSON.stringify({ total: rows.length, rows, regions });
        // compressed as the app answers it (@fastify/compress: gzip at zlib's default level when asked)
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(await gzip(json));
        else res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      } catch (err) {
        res.writeHead(500).end(String(err));
      } finally {
        client.release();
      }
    })();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, pool, port: typeof a === 'object' && a ? a.port : 0 });
    }),
  );
}

/** What both answers must agree on (proof that the floor did the same work): Comuni and actions. */
function fingerprint(body: unknown): string {
  const b = body as {
    totals?: { comuni: number; actions: number };
    items?: unknown[];
    total?: number;
    rows?: { counts: number[] }[];
  };
  if (b.totals) return `${b.totals.comuni} Comuni, ${b.totals.actions} actions`;
  if (b.items) return `${b.items.length} Comuni`;
  return `${b.total} Comuni, ${(b.rows ?? []).reduce((s, r) => s + r.counts.reduce((x, y) => x + y, 0), 0)} actions`;
}

const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<number> {
  await admin(`CREATE DATABASE "${dbName}"`);
  let db: Database | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: dbUrl,
      INCAS_RATE_LIMIT: '100000000',
      LOG_LEVEL: 'silent',
      INCAS_DEMO: 'true',
    });
    db = (await prepareDatabase(config, modules)).db;
    const fx = await writePlans(db);
    const analyze = new pg.Client({ connectionString: dbUrl });
    await analyze.connect();
    await analyze.query('VACUUM ANALYZE');
    await analyze.end();
    app = await buildApp({ config, db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const appBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    floor = await startFloor();
    const floorBase = `http://127.0.0.1:${floor.port}`;
    const cookie = await logIn(appBase, 'mlps@demo.incas.local');
    console.log(
      `InCaS plans bench — ${new Date().toISOString()} — ${fx.plans} plans × ${ACTIONS_PER_PLAN} actions = ${fx.actions} ` +
        `(written in ${f1(fx.ms / 1000)} s), ${CONNECTIONS} connections, ${REQUESTS} requests each, as MLPS`,
    );
    // as a browser asks (Node's fetch sends accept-encoding: gzip, deflate; the app and the floor
    // both compress), and uncompressed (the work of the app itself, without the encoder's)
    const identity = { 'accept-encoding': 'identity' };
    const cases = [
      {
        label: `coverage matrix, every Comune in one answer`,
        path: '/api/v1/plans-coverage?pageSize=1000',
        headers: {},
      },
      { label: `the same, uncompressed`, path: '/api/v1/plans-coverage?pageSize=1000', headers: identity },
      { label: `coverage map`, path: '/api/v1/plans-coverage/map', headers: {} },
      { label: `the same, uncompressed`, path: '/api/v1/plans-coverage/map', headers: identity },
    ];
    console.log('\n| request | app req/s | app p50 / p99 ms | floor req/s | floor p50 / p99 ms | app/floor | target |');
    console.log('|---|---|---|---|---|---|---|');
    let failed = false;
    for (const { label, path, headers } of cases) {
      const get = (base: string, withCookie: boolean) => () =>
        fetch(`${base}${path}`, { headers: withCookie ? { ...headers, cookie } : headers });
      const first = await get(appBase, true)();
      if (first.status !== 200)
        throw new Error(`${path} answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
      const appPrint = fingerprint(await first.json());
      const floorPrint = fingerprint(await (await get(floorBase, false)()).json());
      if (!floorPrint.startsWith(appPrint))
        throw new Error(`App and floor disagree on ${label}:\n  app:   ${appPrint}\n  floor: ${floorPrint}`);
      await closedLoop(CONNECTIONS * 2, CONNECTIONS, get(appBase, true));
      await closedLoop(CONNECTIONS * 2, CONNECTIONS, get(floorBase, false));
      const ap = await closedLoop(REQUESTS, CONNECTIONS, get(appBase, true));
      const fl = await closedLoop(REQUESTS, CONNECTIONS, get(floorBase, false));
      const ratio = ap.rps / fl.rps;
      const ok = ap.failures === 0 && fl.failures === 0 && ratio >= 0.5;
      failed ||= !ok;
      console.log(
        `| ${label} | ${f1(ap.rps)} | ${f1(ap.p50)} / ${f1(ap.p99)} | ${f1(fl.rps)} | ${f1(fl.p50)} / ${f1(fl.p99)} | ${ratio.toFixed(2)} | ≥ 0.50 ${ok ? 'met' : 'MISSED'}${ap.failures + fl.failures ? ` (${ap.failures} app / ${fl.failures} floor non-200)` : ''} |`,
      );
      console.log(`  (app: ${appPrint}; floor: ${floorPrint})`);
    }
    return failed ? 1 : 0;
  } finally {
    await app?.close();
    await floor?.pool.end();
    floor?.server.close();
    await db?.close();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e: unknown) =>
      console.error(`Could not drop ${dbName}: ${String(e)}`),
    );
  }
}

process.once('SIGINT', () => {
  void admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => process.exit(130));
});
process.exit(await main());
