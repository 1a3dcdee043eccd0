/**
 * The fault scenarios. Each one runs load through the real API, injects its fault, and returns
 * its figures; every loop and wait in it is bounded in time.
 */
import pg from 'pg';
import type { AppProcess } from './app.js';
import { xlsxBomb } from '../../tests/support/zip-files.js';
import {
  between,
  createReferral,
  figures,
  health,
  listCases,
  Load,
  saveSurveyAnswer,
  surveyFunnel,
  surveyResponse,
  type AnswerAcks,
  type SurveyTarget,
  type Figures,
  type Sample,
  type Session,
} from './client.js';
import type { Cluster } from './cluster.js';

export interface Result {
  name: string;
  rounds: number;
  acked: number | null;
  lost: number | null;
  /** Exits of the application that the suite did not cause. */
  exits: number;
  /** Answers of every user during the fault window. */
  during: Figures;
  /** p99 of the readers in the seconds after the fault (ms). */
  afterP99: number | null;
  /** From the fault to the first 200 of /api/health after a failure (s). */
  recoveryS: number | null;
  notes: string[];
  /** Scenario-specific failure (beyond lost writes and exits), e.g. a 500 where 503 is due. */
  failures: string[];
}

export interface Ctx {
  app: AppProcess;
  cluster: Cluster;
  readers: Session[];
  writers: Session[];
  observer: Session;
  /** The surveys' users: two of a Comune who save answers, one of ANCI who reads the funnel and the response. */
  survey: { target: SurveyTarget; writers: [Session, Session]; reader: Session };
  /** Starts the application again after an exit the suite did not cause. */
  revive(): Promise<void>;
  log(line: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many of the acknowledged referrals are in the database. */
async function found(cluster: Cluster, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const c = new pg.Client({ connectionString: cluster.appUrl });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pilot_referrals WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return r.rows[0]!.n;
  } finally {
    await c.end();
  }
}

/**
 * The survey answers whose last acknowledged save is not in the database: each writer saves its
 * own question with a rising number, so the stored number must be at least the last acknowledged.
 */
async function answersLost(cluster: Cluster, t: SurveyTarget, acked: AnswerAcks): Promise<number> {
  if (!acked.last.size) return 0;
  const c = new pg.Client({ connectionString: cluster.appUrl });
  await c.connect();
  try {
    const r = await c.query<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM survey_responses WHERE id = $1',
      [t.responseId],
    );
    const answers = r.rows[0]?.answers ?? {};
    let lost = 0;
    for (const [question, n] of acked.last) {
      const value = answers[question];
      const stored = typeof value === 'string' ? /^Prova (\d+)$/.exec(value) : null;
      // a save sent after the last acknowledged one may have committed unacknowledged: never lower
      if (!stored || Number(stored[1]) < n) lost++;
    }
    return lost;
  } finally {
    await c.end();
  }
}

/**
 * When the application answered again: the end of the first /api/health 200 sent once the database
 * was back. (Counting from the first failure instead was fooled by a 200 answered while an
 * immediate shutdown was still under way.)
 */
function recoveredAt(healthSamples: Sample[], dbBack: number): number | null {
  const ok = healthSamples.filter((s) => s.at >= dbBack && s.status === 200).sort((a, b) => a.at - b.at)[0];
  return ok ? ok.at + ok.ms : null;
}

/** a. kill -9 of the application during concurrent writes, then a restart; every acknowledged write must be there. */
export async function killAppDuringWrites(ctx: Ctx, rounds: number): Promise<Result> {
  const exitsBefore = ctx.app.crashes;
  const acked: string[] = [];
  const samples: Sample[] = [];
  const restarts: number[] = [];
  let lost = 0;
  for (let round = 1; round <= rounds; round++) {
    const roundAcked: string[] = [];
    const writers = new Load(ctx.writers, createReferral(roundAcked));
    await sleep(1500 + Math.random() * 1500);
    await ctx.app.kill();
    await sleep(300);
    await writers.stop();
    samples.push(...writers.samples);
    restarts.push(await ctx.app.start(120_000));
    const there = await found(ctx.cluster, roundAcked);
    lost += roundAcked.length - there;
    acked.push(...roundAcked);
    ctx.log(`  a. round ${round}: ${roundAcked.length} acknowledged, ${there} found, restart ${restarts.at(-1)} ms`);
  }
  return {
    name: 'a. kill -9 app during writes',
    rounds,
    acked: acked.length,
    lost,
    exits: ctx.app.crashes - exitsBefore,
    during: figures(samples),
    afterP99: null,
    recoveryS: Math.max(...restarts) / 1000,
    notes: [
      `${ctx.writers.length} writers (POST /pilot/referrals); latency: the writers'; recovery: slowest restart to /api/health 200`,
    ],
    failures: [],
  };
}

async function terminateBusy(admin: pg.Client, dbName: string): Promise<number> {
  const r = await admin.query<{ ok: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'incas' AND state <> 'idle' AND pid <> pg_backend_pid() LIMIT 1`,
    [dbName],
  );
  return r.rows.filter((x) => x.ok).length;
}

/**
 * Load shared by b and c: 10 readers listing cases, 2 writers, /api/health polled every 100 ms,
 * and the surveys: two users of a Comune saving answers of its response, one of ANCI reading the
 * wave's funnel and that response.
 */
function startLoad(ctx: Ctx, acked: string[], answersAcked: AnswerAcks) {
  const sv = ctx.survey;
  return {
    readers: new Load(ctx.readers, listCases),
    writers: new Load(ctx.writers.slice(0, 2), createReferral(acked), 20),
    health: new Load([ctx.observer], health, 100),
    surveyReaders: [
      new Load([sv.reader], surveyFunnel(sv.target), 50),
      new Load([sv.reader], surveyResponse(sv.target), 50),
    ],
    surveyWriters: [
      new Load([sv.writers[0]], saveSurveyAnswer(sv.target, 'a2_nome', answersAcked), 20),
      new Load([sv.writers[1]], saveSurveyAnswer(sv.target, 'a3b_ufficio', answersAcked), 20),
    ],
    async stop() {
      await Promise.all(
        [this.readers, this.writers, this.health, ...this.surveyReaders, ...this.surveyWriters].map((l) => l.stop()),
      );
    },
    /** Every reader's samples: the cases, the funnel, the response. */
    reads(): Sample[] {
      return [...this.readers.samples, ...this.surveyReaders.flatMap((l) => l.samples)];
    },
    all(): Sample[] {
      return [
        ...this.reads(),
        ...this.writers.samples,
        ...this.health.samples,
        ...this.surveyWriters.flatMap((l) => l.samples),
      ];
    },
  };
}

/**
 * b. pg_terminate_backend of the application's busy backends while 10 readers list cases: per
 * round 2 s of load, 3 s of terminations (one busy backend every 100 ms), 3 s after.
 */
export async function terminateBackends(ctx: Ctx, rounds: number): Promise<Result> {
  const exitsBefore = ctx.app.crashes;
  const admin = new pg.Client({ connectionString: ctx.cluster.adminUrl, application_name: 'incas-faults' });
  await admin.connect();
  const acked: string[] = [];
  const answersAcked: AnswerAcks = { count: 0, last: new Map(), sent: new Map() };
  const during: Sample[] = [];
  const after: Sample[] = [];
  let terminated = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      const load = startLoad(ctx, acked, answersAcked);
      let faultStart = 0;
      let faultEnd = 0;
      try {
        await sleep(2000);
        faultStart = Date.now();
        while (Date.now() - faultStart < 3000) {
          terminated += await terminateBusy(admin, ctx.cluster.dbName);
          await sleep(100);
        }
        faultEnd = Date.now();
        await sleep(3000);
      } finally {
        await load.stop();
      }
      during.push(...between(load.all(), faultStart, faultEnd));
      after.push(...between(load.reads(), faultEnd, Date.now()));
      if (!ctx.app.running) await ctx.revive();
    }
  } finally {
    await admin.end();
  }
  const exits = ctx.app.crashes - exitsBefore;
  const d = figures(during);
  const a = figures(after);
  const lost =
    acked.length -
    (await found(ctx.cluster, acked)) +
    (await answersLost(ctx.cluster, ctx.survey.target, answersAcked));
  return {
    name: 'b. pg_terminate_backend under load',
    rounds,
    acked: acked.length + answersAcked.count,
    lost,
    exits,
    during: d,
    afterP99: a.p99,
    recoveryS: null,
    notes: [
      `${terminated} busy backends terminated; ${ctx.readers.length} readers + 2 writers + health poller + surveys (2 answer savers, funnel and response readers); after: ${a.n} reads, ${a.n - a.ok} not 200`,
    ],
    failures: [
      ...(d.other5xx ? [`${d.other5xx} answers 5xx other than 503`] : []),
      ...(a.ok < a.n ? [`${a.n - a.ok} reads failed after the fault`] : []),
    ],
  };
}

/**
 * c. the PostgreSQL server restarted under load, `rounds` times: `pg_ctl restart -m immediate`, or
 * kill -9 of the postmaster, 1 s down, then start. Recovery: from the fault to the first /api/health
 * 200 sent once the database is back (at most 30 s after), then 5 s more of load.
 */
export async function restartDatabase(ctx: Ctx, how: 'immediate' | 'kill', rounds: number): Promise<Result> {
  const exitsBefore = ctx.app.crashes;
  const acked: string[] = [];
  const answersAcked: AnswerAcks = { count: 0, last: new Map(), sent: new Map() };
  const during: Sample[] = [];
  const after: Sample[] = [];
  const recoveries: (number | null)[] = [];
  const dbDown: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const load = startLoad(ctx, acked, answersAcked);
    let faultStart = 0;
    let recovered: number | null = null;
    try {
      await sleep(3000);
      faultStart = Date.now();
      if (how === 'immediate') {
        await ctx.cluster.restartImmediate();
      } else {
        ctx.cluster.killPostmaster();
        await sleep(1000);
        await ctx.cluster.start();
      }
      const dbBack = Date.now();
      dbDown.push(dbBack - faultStart);
      const deadline = dbBack + 30_000;
      while (Date.now() < deadline) {
        recovered = recoveredAt(load.health.samples, dbBack);
        if (recovered !== null) break;
        await sleep(100);
      }
      await sleep(5000);
    } finally {
      await load.stop();
    }
    const end = recovered ?? Date.now();
    during.push(...between(load.all(), faultStart, end));
    after.push(...between(load.reads(), end, Date.now()));
    recoveries.push(recovered === null ? null : recovered - faultStart);
    if (!ctx.app.running) await ctx.revive();
  }
  const exits = ctx.app.crashes - exitsBefore;
  const d = figures(during);
  const a = figures(after);
  const lost =
    acked.length -
    (await found(ctx.cluster, acked)) +
    (await answersLost(ctx.cluster, ctx.survey.target, answersAcked));
  const unrecovered = recoveries.filter((r) => r === null).length;
  const slowest = Math.max(...recoveries.map((r) => r ?? 0));
  return {
    name: how === 'immediate' ? 'c. pg_ctl restart -m immediate' : 'c. kill -9 postmaster + start',
    rounds,
    acked: acked.length + answersAcked.count,
    lost,
    exits,
    during: d,
    afterP99: a.p99,
    recoveryS: unrecovered ? null : slowest / 1000,
    notes: [
      `database back after ${dbDown.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s (its own crash recovery); ` +
        `after recovery: ${a.n} reads, ${a.n - a.ok} not 200`,
    ],
    failures: [
      ...(d.other5xx ? [`${d.other5xx} answers 5xx other than 503`] : []),
      ...(unrecovered ? [`${unrecovered} round(s): /api/health not 200 within 30 s of the database coming back`] : []),
      ...(a.ok < a.n ? [`${a.n - a.ok} reads failed after recovery`] : []),
    ],
  };
}

/** d. a decompression-bomb XLSX posted to the import (dry run) while other users read. */
export async function decompressionBomb(ctx: Ctx, opts: { megabytes: number; timeoutMs: number }): Promise<Result> {
  const exitsBefore = ctx.app.crashes;
  const unzippedBytes = opts.megabytes * 1024 * 1024;
  const header = ['cognome', 'nomi', 'data_nascita', 'sesso', 'paese_nascita'];
  // one bomb whose zip directory tells its real size, and three that declare 1 KiB (they reach the
  // parsing worker, which must stop them by counting what it inflates)
  const honest = await xlsxBomb({ unzippedBytes, header, row: ['x'] });
  const lying = await xlsxBomb({ unzippedBytes, header, row: ['x'], lie: true });
  const others = {
    health: new Load([ctx.observer], health, 200),
    list: new Load([ctx.readers[0]!], listCases, 200),
  };
  const memBefore = ctx.app.memory();
  let peakRss = memBefore?.rssMiB ?? 0;
  const sampler = setInterval(() => {
    const m = ctx.app.memory();
    if (m) peakRss = Math.max(peakRss, m.rssMiB);
  }, 100);
  await sleep(2000);
  const start = Date.now();
  const post = (file: Buffer) =>
    ctx.writers[0]!.send(
      'POST',
      '/api/v1/pilot/import',
      { format: 'xlsx', content: file.toString('base64'), mode: 'dry_run' },
      opts.timeoutMs,
    );
  const answers = await Promise.all([post(honest), post(lying), post(lying), post(lying)]);
  const end = Date.now();
  await sleep(1000);
  clearInterval(sampler);
  await Promise.all([others.health.stop(), others.list.stop()]);
  const memAfter = ctx.app.memory();
  const exits = ctx.app.crashes - exitsBefore;
  const all = [...others.health.samples, ...others.list.samples];
  // the other users' requests from the first bomb to one second after the last answer
  const during = figures(between(all, start, end + 1000));
  const verdict = answers
    .map((a) => (a.status === 0 ? `no answer within ${opts.timeoutMs / 1000} s` : `${a.status} ${a.code ?? ''}`.trim()))
    .join(', ');
  // a server still chewing on the bomb would skew whatever runs next: start it afresh
  if (ctx.app.running) {
    await ctx.app.kill();
    await ctx.app.start(120_000);
  } else {
    await ctx.revive();
  }
  return {
    name: 'd. XLSX decompression bomb (dry run)',
    rounds: 1,
    acked: null,
    lost: null,
    exits,
    during,
    afterP99: null,
    recoveryS: null,
    notes: [
      `1 honest + 3 lying bombs at once, ${(honest.length / 1024).toFixed(0)} KiB zipped, ${opts.megabytes} MiB unzipped each; ` +
        `answers: ${verdict}; all answered after ${((end - start) / 1000).toFixed(1)} s; ` +
        `server RSS ${memBefore ? memBefore.rssMiB.toFixed(0) : '?'} MiB before, peak ${peakRss.toFixed(0)} MiB ` +
        `(VmHWM ${memAfter ? memAfter.peakMiB.toFixed(0) : '?'} MiB); others: /api/health + case list every 200 ms`,
    ],
    failures: [],
  };
}
