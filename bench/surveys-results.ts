/**
 * The read path of a wave's results, `npm run bench:results` (bench/README.md, "Survey results"):
 * one question aggregated by Region (`GET …/results/areas?level=regione`, as MLPS, disclosure-
 * controlled), one question's result (`GET …/results?question=`), the Comune-level map data
 * (`GET …/results/areas?level=comune`, a different question each request; target p99 < 300 ms) and
 * a cross-tab (`GET …/results/crosstab`, a different pair each request), each against a raw-SQL
 * floor measured in the same run. Maps and cross-tabs read the projection survey_answer_values
 * (decision 0046), which the fixture fills through its triggers as the app's writes do.
 *
 * One run creates a fresh database `incas_bench_results_<pid>`, prepares it with the app's own
 * start-up code (migrations, the registry of 7,894 Comuni, the demo accounts), then writes, with
 * set-based SQL, BENCH_RESULTS_WAVES waves (default 2) of a 300-question questionnaire (100 choice,
 * 100 integer, 100 range questions) with every Comune of the registry answered and sent: 7,894 ×
 * 300 answers per wave, one jsonb document per Comune, as the app stores them.
 *
 * The floor is a bare node:http server on a pg Pool of the same size (10) that runs the app's own
 * repository functions (results.repo.ts) and mapping (results.rules.ts) as the database owner:
 * no Fastify, no session lookup, no zod, no row-level security, no audit row. Both are loaded one
 * after the other at BENCH_RESULTS_CONNECTIONS (default 10), in this one process.
 */
import type { Database, Queryable } from '../server/platform/db/db.js';
import { selectBase, selectRangeStats, countRespondents } from '../server/modules/surveys/results/results.repo.js';
import { areaValue, personsFigure, plainFigure } from '../server/modules/surveys/results/results.rules.js';
import { selectAreasProjected, selectCrosstabProjected } from '../server/modules/surveys/results/answer-values.repo.js';
import { compareWithFloor, f1, runAppVsFloor, startFloor, type FloorCase } from './app-vs-floor.js';
import { QUESTIONS, writeScaleWaves } from './surveys-scale.js';

const WAVES = Number(process.env.BENCH_RESULTS_WAVES || 2);
const CONNECTIONS = Number(process.env.BENCH_RESULTS_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_RESULTS_REQUESTS || 200);
/** the requests to measure (default all): regione, national, comune, crosstab, comma-separated */
const ONLY = (process.env.BENCH_RESULTS_CASES || 'regione,national,comune,crosstab').split(',');
/** The question measured: a range (a count of persons), so disclosure control runs too. */
const QUESTION = 'q250';

const writeFixture = (db: Database) => writeScaleWaves(db, WAVES, 'bench-results');

// ------------------------------------------------------------------------------------------------
// The floor: the app's repository functions on a bare pg Pool behind node:http

const floorAnswer = async (u: URL, tx: Queryable): Promise<unknown> => {
  const spec = { name: QUESTION, repeats: [] as string[] };
  const m = /^\/api\/v1\/surveys\/waves\/([0-9a-f-]{36})\/results(\/areas|\/crosstab)?$/.exec(u.pathname);
  if (!m?.[1]) return null;
  const waveId = m[1];
  let out: unknown;
  const level = u.searchParams.get('level');
  if (m[2] === '/crosstab') {
    const rows = await selectCrosstabProjected(tx, waveId, {}, u.searchParams.get('row')!, u.searchParams.get('col')!);
    const base = rows.find((r) => r.rc === null && r.cc === null)?.n ?? 0;
    out = {
      base,
      cells: rows.filter((r) => r.rc !== null && r.cc !== null).map((r) => ({ row: r.rc, col: r.cc, count: r.n })),
    };
  } else if (m[2] && level === 'comune') {
    // the Comune-level map data: the projection, as the app reads it (decision 0046)
    const q = u.searchParams.get('question')!;
    const choice = u.searchParams.get('choice');
    const n = Number(q.slice(1));
    const rows = await selectAreasProjected(tx, waveId, {}, q, 'comune', choice, null);
    out = {
      items: rows.map((r) => {
        const raw = choice ? (r.answered ? r.hits / r.answered : null) : n < 200 ? r.mean : r.sum_min;
        return { code: r.code, name: r.name, base: r.base, ...areaValue(raw, r.base, n >= 200, false) };
      }),
    };
  } else if (m[2]) {
    const rows = await selectAreasProjected(tx, waveId, {}, spec.name, 'regione', null, null);
    out = {
      items: rows.map((r) => ({
        code: r.code,
        name: r.name,
        base: r.base,
        ...areaValue(r.sum_min, r.base, true, false),
      })),
    };
  } else {
    const respondents = await countRespondents(tx, waveId, {});
    const { base } = await selectBase(tx, waveId, {}, spec);
    const s = await selectRangeStats(tx, waveId, {}, spec);
    out = {
      respondents,
      questions: [
        {
          base,
          range: {
            n: s.n,
            sumMin: personsFigure(s.sum_min, false),
            sumMax: personsFigure(s.sum_max, false),
            estimateShare: s.n ? plainFigure(s.estimated / s.n, 4) : null,
          },
        },
      ],
    };
  }
  return out;
};

// ------------------------------------------------------------------------------------------------

/** The figures both answers must agree on (proof that the floor did the same work). */
function fingerprint(body: unknown): string {
  const b = body as {
    items?: { code: string; value: number | null; base: number }[];
    cells?: { row: string; col: string; count: number }[];
    base?: number;
    respondents?: number;
    questions?: { base: number; range: { n: number; sumMin: unknown; sumMax: unknown; estimateShare: unknown } }[];
  };
  if (b.cells)
    return `${b.base} ${b.cells
      .map((c) => `${c.row}/${c.col}:${c.count}`)
      .sort()
      .join(' ')}`;
  if (b.items) return b.items.map((i) => `${i.code}:${i.base}:${String(i.value)}`).join(' ');
  const q = b.questions![0]!;
  return `${b.respondents} ${q.base} ${q.range.n} ${String(q.range.sumMin)} ${String(q.range.sumMax)} ${String(q.range.estimateShare)}`;
}

await runAppVsFloor({
  name: 'results',
  write: writeFixture,
  floor: (dbUrl) => startFloor(dbUrl, floorAnswer),
  run: async (env) => {
    const waveId = env.fx.waveIds[0]!;
    console.log(
      `InCaS survey results bench — ${new Date().toISOString()} — ${WAVES} waves × ${env.fx.comuni} Comuni × ${QUESTIONS} questions ` +
        `(all sent; written in ${f1(env.fx.ms / 1000)} s), ${CONNECTIONS} connections, ${REQUESTS} requests each, as MLPS`,
    );
    // the Comune-level map data: a different question each request (choice, number, range in turn)
    const comunePath = (i: number) => {
      const k = (i * 37) % QUESTIONS;
      const choice = k < 100 ? `&choice=${'abc'[i % 3]}` : '';
      return `/api/v1/surveys/waves/${waveId}/results/areas?question=q${k}&level=comune${choice}`;
    };
    const cases: (FloorCase & { key: string })[] = [
      {
        key: 'regione',
        label: 'one range question by Region (areas, level=regione)',
        path: () => `/api/v1/surveys/waves/${waveId}/results/areas?question=${QUESTION}&level=regione`,
      },
      {
        key: 'national',
        label: 'one range question, national (results)',
        path: () => `/api/v1/surveys/waves/${waveId}/results?question=${QUESTION}`,
      },
      {
        key: 'comune',
        label: `Comune-level map data (areas, level=comune, ${env.fx.comuni} Comuni), a different question each request`,
        path: comunePath,
        p99: 300,
      },
      {
        key: 'crosstab',
        label: 'cross-tab of two choice questions (crosstab), a different pair each request',
        path: (i) => `/api/v1/surveys/waves/${waveId}/results/crosstab?row=q${i % 100}&col=q${(i + 1) % 100}`,
      },
    ];
    const met = await compareWithFloor(
      env,
      cases.filter((c) => ONLY.includes(c.key)),
      // the same answer from both on a few requests (they change from one request to the next)
      { connections: CONNECTIONS, requests: REQUESTS, fingerprint, agreeOn: 3 },
    );
    return met ? 0 : 1;
  },
});
