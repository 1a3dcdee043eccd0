/**
 * The coverage of the Piano triennale (issue 13 item 2), `npm run bench:plans` (also a step of
 * `npm run bench`; bench/README.md, "Plans"): the coverage matrix as MLPS over BENCH_PLANS
 * (default 800) plans of as many Comuni with 25 actions each (20,000), every Comune in one answer
 * (`GET /api/v1/plans-coverage?pageSize=1000`), and the map (`GET /api/v1/plans-coverage/map`),
 * each against a raw-SQL floor measured in the same run, closed loop, one after the other.
 *
 * The harness (bench/app-vs-floor.ts) makes a fresh database `incas_bench_plans_<pid>` with the
 * app's start-up code; this file writes the plans and actions with insertMany as the database
 * owner, and its floor runs the coverage's own grouped statement (`coverageQuery`) and the
 * Regions' list. Each request runs twice: as Node's fetch asks (gzip, like a browser; the floor
 * compresses as the app does) and uncompressed. The ratio printed is app req/s over floor req/s;
 * the target is ≥ 0.5.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../server/platform/db/db.js';
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
import { compareWithFloor, f1, runAppVsFloor, startFloor } from './app-vs-floor.js';

const PLANS = Number(process.env.BENCH_PLANS || 800);
const ACTIONS_PER_PLAN = 25;
const CONNECTIONS = Number(process.env.BENCH_PLANS_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_PLANS_REQUESTS || 200);

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
// The floor: the same grouped statement and the Regions' list, answered as they come

const floorAnswer = async (u: URL, tx: Queryable) => {
  if (u.pathname !== '/api/v1/plans-coverage' && u.pathname !== '/api/v1/plans-coverage/map') return null;
  const q = coverageQuery({});
  const rows = await tx.query<{ counts: number[] }>(q.sql, q.params);
  return { total: rows.length, rows, regions: await selectRegions(tx, {}) };
};

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

// as a browser asks (Node's fetch sends accept-encoding: gzip, deflate; the app and the floor both
// compress), and uncompressed (the app's own work, without the encoder's)
const identity = { 'accept-encoding': 'identity' };

await runAppVsFloor({
  name: 'plans',
  write: writePlans,
  floor: (dbUrl) => startFloor(dbUrl, floorAnswer),
  run: async (env) => {
    console.log(
      `InCaS plans bench — ${new Date().toISOString()} — ${env.fx.plans} plans × ${ACTIONS_PER_PLAN} actions = ${env.fx.actions} ` +
        `(written in ${f1(env.fx.ms / 1000)} s), ${CONNECTIONS} connections, ${REQUESTS} requests each, as MLPS`,
    );
    const matrix = '/api/v1/plans-coverage?pageSize=1000';
    const map = '/api/v1/plans-coverage/map';
    const met = await compareWithFloor(
      env,
      [
        { label: 'coverage matrix, every Comune in one answer', path: () => matrix },
        { label: 'the same, uncompressed', path: () => matrix, headers: identity },
        { label: 'coverage map', path: () => map },
        { label: 'the same, uncompressed', path: () => map, headers: identity },
      ],
      { connections: CONNECTIONS, requests: REQUESTS, fingerprint, prefix: true },
    );
    return met ? 0 : 1;
  },
});
