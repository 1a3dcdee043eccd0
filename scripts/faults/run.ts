/**
 * Fault-injection suite: `npm run test:faults` (or `-- a b` for some scenarios, `--no-build` to
 * reuse dist/). Builds the server, makes a throw-away PostgreSQL cluster, starts the application
 * as production does (`node dist/server/main.js`, demo mode) on a loopback port, and injects:
 *   a. kill -9 of the application during concurrent writes, then a restart (several rounds);
 *   b. pg_terminate_backend of the application's busy backends under load;
 *   c. a PostgreSQL restart under load (pg_ctl restart -m immediate; kill -9 of the postmaster + start);
 *   (the load of b and c includes the surveys: answers saved, a response and the funnel read)
 *   d. a decompression-bomb XLSX upload while other users read.
 * Prints one table; exits 1 when an acknowledged write was lost, the application exited without
 * being told to, or a scenario's own check failed (a 5xx other than 503, no recovery).
 * Loopback only; every scenario is bounded in time, and the whole run stops after 8 minutes.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AppProcess, buildServer } from './app.js';
import { loginAll, surveyTarget, type Session } from './client.js';
import { freePort, makeCluster, type Cluster } from './cluster.js';
import {
  decompressionBomb,
  killAppDuringWrites,
  restartDatabase,
  terminateBackends,
  type Ctx,
  type Result,
} from './scenarios.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const wanted = new Set(args.filter((a) => /^[abcd]$/.test(a)));
const runs = (s: string) => wanted.size === 0 || wanted.has(s);
// the defaults keep a run under 5 minutes on 2 busy cores; raise them for a longer soak
const ROUNDS = Number(process.env.FAULTS_ROUNDS ?? 3);
const ROUNDS_C = Number(process.env.FAULTS_ROUNDS_C ?? 1);
const WRITERS = Number(process.env.FAULTS_WRITERS ?? 8);
const BOMB_MB = Number(process.env.FAULTS_BOMB_MB ?? 240);
const BOMB_TIMEOUT_MS = Number(process.env.FAULTS_BOMB_TIMEOUT_S ?? 45) * 1000;
const TOTAL_LIMIT_MS = Number(process.env.FAULTS_LIMIT_MIN ?? 8) * 60_000;

const pilotPlaces = [
  'catania',
  'cuneo',
  'genova',
  'latina',
  'milano',
  'perugia',
  'pescara',
  'prato',
  'ravenna',
  'treviso',
];
const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** The settings a "no acknowledged write lost" figure depends on, as the server reports them. */
async function durability(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
    );
    return r.rows.map((x) => `${x.name}=${x.setting}`).join(', ');
  } finally {
    await c.end();
  }
}

function fmt(n: number | null | undefined, digits = 0): string {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);
}

function table(results: Result[]): string {
  const header = [
    'scenario',
    'rounds',
    'writes acked',
    'lost',
    'unexpected exits',
    '503',
    'other 5xx',
    'no answer',
    'p50 ms',
    'p99 ms',
    'max ms',
    'p99 after ms',
    'recovery s',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.rounds),
    fmt(r.acked),
    fmt(r.lost),
    String(r.exits),
    String(r.during.s503),
    String(r.during.other5xx),
    String(r.during.noAnswer),
    fmt(r.during.p50),
    fmt(r.during.p99),
    fmt(r.during.max),
    fmt(r.afterP99),
    fmt(r.recoveryS, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'incas-faults-'));
  let cluster: Cluster | null = null;
  let app: AppProcess | null = null;
  const stopEverything = async () => {
    await app?.stop().catch(() => undefined);
    await cluster?.destroy().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    console.error(`fault suite: over ${TOTAL_LIMIT_MS / 60_000} minutes, stopping`);
    void stopEverything().finally(() => process.exit(2));
  }, TOTAL_LIMIT_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopEverything().finally(() => process.exit(130)));

  try {
    if (build)
      log(`built the server (tsc -p tsconfig.server.json) in ${((await buildServer(root)) / 1000).toFixed(0)} s`);
    cluster = await makeCluster();
    log(`database: ${cluster.note}; ${await durability(cluster.adminUrl)}`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: cluster.appUrl,
      INCAS_DATA_DIR: join(work, 'data'),
      INCAS_DEMO: 'true',
      INCAS_SECRET: randomBytes(32).toString('hex'),
      INCAS_DATA_KEY: randomBytes(32).toString('base64'),
      INCAS_API_DOCS: 'false',
      INCAS_RATE_LIMIT: '10000000',
      INCAS_LOGIN_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
    };
    app = new AppProcess(root, port, env, join(work, 'app.log'));
    const live = app;
    log(`first start (migrations, registry, demo data): ${((await live.start(240_000)) / 1000).toFixed(1)} s`);
    const base = live.base;
    const readers: Session[] = await loginAll(
      base,
      pilotPlaces.map((p) => `referente.${p}@demo.incas.local`),
    );
    // WRITERS concurrent write loops over the 10 operatori's sessions
    const operatori = await loginAll(
      base,
      pilotPlaces.map((p) => `operatore.${p}@demo.incas.local`),
    );
    const writers: Session[] = Array.from({ length: WRITERS }, (_, i) => operatori[i % operatori.length]!);
    const [observer] = await loginAll(base, ['admin@demo.incas.local']);
    // the surveys' demo accounts: two users of Saluzzo answer its response in the open wave, ANCI reads
    const [compilatore, validatore, anci] = await loginAll(base, [
      'compilatore.saluzzo@demo.incas.local',
      'validatore.saluzzo@demo.incas.local',
      'indagini.anci@demo.incas.local',
    ]);
    const survey = {
      target: await surveyTarget(compilatore!),
      writers: [compilatore!, validatore!] as [Session, Session],
      reader: anci!,
    };
    const ctx: Ctx = {
      app: live,
      cluster,
      readers,
      writers,
      observer: observer!,
      survey,
      log,
      async revive() {
        if (live.running) return;
        log(`  the application exited by itself; its log says:\n${live.whyItEnded()}`);
        await live.start(120_000);
      },
    };

    const results: Result[] = [];
    const skipped: string[] = [];
    const scenario = async (key: string, label: string, fn: () => Promise<Result>) => {
      if (!runs(key)) return;
      log(`${label}…`);
      const r = await fn();
      results.push(r);
      log(`  ${r.name}: ${r.notes.join('; ')}`);
    };
    await scenario('a', 'a. kill -9 of the application during writes', () => killAppDuringWrites(ctx, ROUNDS));
    await scenario('b', 'b. pg_terminate_backend of busy backends', () => terminateBackends(ctx, ROUNDS));
    if (cluster.ours) {
      await scenario('c', 'c. pg_ctl restart -m immediate', () => restartDatabase(ctx, 'immediate', ROUNDS_C));
      await scenario('c', 'c. kill -9 of the postmaster, then start', () => restartDatabase(ctx, 'kill', ROUNDS_C));
    } else if (runs('c')) {
      skipped.push('c (server restarts): no throw-away cluster, and the shared server is not ours to stop');
    }
    await scenario('d', 'd. decompression bomb', () =>
      decompressionBomb(ctx, { megabytes: BOMB_MB, timeoutMs: BOMB_TIMEOUT_MS }),
    );

    console.log('\nFault-injection suite — latency columns: every user during the fault window (ms)\n');
    console.log(table(results));
    console.log('');
    for (const r of results) for (const n of r.notes) console.log(`${r.name}: ${n}`);
    for (const s of skipped) console.log(`skipped: ${s}`);
    const failures = results.flatMap((r) => [
      ...(r.lost ? [`${r.name}: ${r.lost} acknowledged writes lost`] : []),
      ...(r.exits ? [`${r.name}: the application exited ${r.exits} time(s) unexpectedly`] : []),
      ...r.failures.map((f) => `${r.name}: ${f}`),
    ]);
    console.log(`\n${failures.length ? 'FAILED' : 'OK'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const f of failures) console.log(`  - ${f}`);
    // the application's own log (warnings and errors only) goes with the temporary folder unless asked for
    const keep =
      process.env.FAULTS_KEEP_LOG || (failures.length ? join(tmpdir(), `incas-faults-app-${Date.now()}.log`) : '');
    if (keep) {
      copyFileSync(live.logFile, keep);
      console.log(`the application's log: ${keep}`);
    }
    return failures.length ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await stopEverything();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('fault suite could not run:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
