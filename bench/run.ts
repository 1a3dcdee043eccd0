/**
 * InCaS read-path benchmark: `npm run bench`. See bench/README.md.
 *
 * One run: creates a fresh database on the PostgreSQL server, starts the real app (bench/
 * app-server.ts) and the floor (bench/floor-server.ts: the same SQL on a bare pg Pool behind
 * node:http) as child processes, fills the 18-ter pilot tables (bench/pilot-data.ts), logs in
 * through the API, loads seven read endpoints on both with autocannon at 10 and 50 connections, prints
 * the comparison and drops the database — also when something fails or on Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { cpus, hostname } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServerChild, type ServerChild } from './children.js';
import { endpoints, type Endpoint } from './endpoints.js';
import { getJson, logIn } from './http.js';
import { settings } from './settings.js';
import { f0, f2, printReport, type Row, type Side } from './report.js';
import { generatePilotData, pilotLogins } from './pilot-data.js';
import { generateFunnelData } from './surveys-funnel.js';
import { backendsCpuDelta, busyPercent, readBackendsCpu, readMachineCpu } from './probe.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The operatore of Catania: every endpoint but the comparative (they own the generated Catania cases). */
const login = pilotLogins.cases;

// ------------------------------------------------------------------------------------------------
// Lifecycle: database, children, cleanup
// ------------------------------------------------------------------------------------------------

const dbName = `incas_bench_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(settings.adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

let databaseCreated = false;
const children: ServerChild[] = [];
let probe: pg.Client | null = null;
let running: autocannon.Instance | null = null;
let cleaning: Promise<void> | null = null;
let interrupted = false;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: settings.adminUrl, application_name: 'incas-bench-admin' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    running?.stop();
    await Promise.allSettled(children.map((c) => c.stop()));
    await probe?.end().catch(() => undefined);
    if (databaseCreated) {
      // A backend whose client went away keeps running its statement until it next writes to the
      // socket (a long aggregate may run for seconds), and DROP … WITH (FORCE) gives up after 5 s:
      // end them first, and try again.
      let lastError: unknown = null;
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await adminQuery(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`,
          );
          await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
          console.log(`Dropped database ${dbName}.`);
          lastError = null;
          break;
        } catch (err) {
          lastError = err;
          await sleep(1000);
        }
      }
      if (lastError) console.error(`Could not drop database ${dbName}: ${(lastError as Error).message}`);
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------------------------
// Measuring
// ------------------------------------------------------------------------------------------------

interface Target {
  child: ServerChild;
  /** application_name of the server's pool connections, to find its backends. */
  applicationName: string;
}

function statusCodes(r: autocannon.Result): Record<string, number> {
  return Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
}

async function cannon(
  url: string,
  connections: number,
  length: { duration: number } | { amount: number },
  cookie: string,
  timeout: number,
): Promise<autocannon.Result> {
  running = autocannon({ url, connections, ...length, timeout, headers: { cookie } });
  try {
    return await running;
  } finally {
    running = null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Lets the requests still in flight when autocannon stops finish, so that counters are whole. */
const SETTLE_MS = 250;

/**
 * Waits until no backend of the server's pool is running a statement (at most 120 s): requests cut
 * off when autocannon stops still run to the end in the server and the database, and must not
 * weigh on the next measurement.
 */
async function drain(target: Target): Promise<void> {
  await sleep(SETTLE_MS);
  if (!probe) return;
  const until = performance.now() + 120_000;
  let quiet = 0;
  while (quiet < 2 && performance.now() < until) {
    const { rows } = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND state = 'active'`,
      [dbName, target.applicationName],
    );
    quiet = (rows[0]?.n ?? 0) === 0 ? quiet + 1 : 0;
    if (quiet < 2) await sleep(100);
  }
}

async function measure(target: Target, ep: Endpoint, path: string, connections: number, cookie: string): Promise<Side> {
  const url = `http://127.0.0.1:${target.child.port}${path}`;
  const timeout = ep.timeoutSeconds ?? 10;
  const perConnection = ep.requestsPerConnection;
  const warm =
    settings.warmupSeconds > 0 && !perConnection
      ? await cannon(url, connections, { duration: settings.warmupSeconds }, cookie, timeout)
      : null;
  await drain(target);

  const s0 = await target.child.stats();
  const pg0 = probe ? await readBackendsCpu(probe, dbName, target.applicationName) : null;
  const cpu0 = readMachineCpu();
  const own0 = process.cpuUsage();
  const r = await cannon(
    url,
    connections,
    perConnection ? { amount: perConnection * connections } : { duration: settings.seconds },
    cookie,
    timeout,
  );
  const own = process.cpuUsage(own0);
  const cpu1 = readMachineCpu();
  await drain(target);
  const pg1 = probe ? await readBackendsCpu(probe, dbName, target.applicationName) : null;
  const s1 = await target.child.stats();

  const completed = r.requests.total ?? r.latency.totalCount;
  // per request as the server counted them (those cut off by autocannon's stop included)
  const served = Math.max(s1.requests - s0.requests, 1);
  const pgUs = backendsCpuDelta(pg0, pg1);
  return {
    rps: r.requests.average,
    requests: completed,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, mean: r.latency.mean, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: statusCodes(r),
    warmup: warm
      ? {
          requests: warm.requests.total ?? 0,
          non2xx: warm.non2xx,
          errors: warm.errors,
          timeouts: warm.timeouts,
          statusCodes: statusCodes(warm),
        }
      : { requests: 0, non2xx: 0, errors: 0, timeouts: 0, statusCodes: {} },
    queriesPerRequest: (s1.queries - s0.queries) / served,
    serverCpuUsPerRequest: (s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / served,
    pgCpuUsPerRequest: pgUs === null ? null : pgUs / served,
    loadCpuUsPerRequest: (own.user + own.system) / Math.max(completed, 1),
    machineBusyPercent: busyPercent(cpu0, cpu1),
  };
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const started = performance.now();
  const t = () => ((performance.now() - started) / 1000).toFixed(1) + ' s';
  const selected = endpoints.filter((e) => !settings.only || settings.only.includes(e.key));
  if (selected.length === 0)
    throw new Error(`BENCH_ONLY matches no endpoint (${endpoints.map((e) => e.key).join(', ')})`);
  const plannedSeconds =
    selected
      .filter((e) => !e.requestsPerConnection)
      .reduce((sum, e) => sum + (e.connections ?? settings.connections).length, 0) *
    2 *
    (settings.seconds + settings.warmupSeconds);
  console.log(
    `InCaS benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n` +
      `${settings.seconds} s per measurement after ${settings.warmupSeconds} s warm-up, connections ${settings.connections.join(', ')}, ` +
      `about ${Math.round(plannedSeconds)} s of load${selected.some((e) => e.requestsPerConnection) ? ' plus the quadro comparativo' : ''}.\n`,
  );

  // Other work on the machine competes for the same CPUs and skews req/s and latency (the CPU-per-
  // request columns much less): say so rather than print numbers that look clean.
  const idle0 = readMachineCpu();
  await sleep(1000);
  const busyBefore = busyPercent(idle0, readMachineCpu());
  if (busyBefore !== null) {
    console.log(
      busyBefore > 15
        ? `WARNING: the machine was already ${busyBefore.toFixed(0)}% busy before the benchmark started: ` +
            'other processes compete for the CPUs, req/s and latencies will be low and noisy.\n'
        : `The machine was ${busyBefore.toFixed(0)}% busy before the benchmark started.\n`,
    );
  }

  await adminQuery(`CREATE DATABASE "${dbName}"`);
  databaseCreated = true;
  probe = new pg.Client({ connectionString: settings.adminUrl, application_name: 'incas-bench-probe' });
  await probe.connect();
  const pgVersion =
    (await probe.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  console.log(`[${t()}] Created database ${dbName} on PostgreSQL ${pgVersion}.`);

  // one data key for both servers (and the pilot data): the floor decrypts what the app encrypts
  const dataKey = randomBytes(32);
  const childEnv = { ...process.env, BENCH_DB_URL: dbUrl, INCAS_DATA_KEY: dataKey.toString('base64') };
  const childOpts = { cwd: root, env: childEnv, nodeArgs: settings.nodeArgs };
  const app = await startServerChild('app', join(root, 'bench', 'app-server.ts'), { ...childOpts, timeoutMs: 180_000 });
  children.push(app);
  console.log(
    `[${t()}] App server (pid ${app.pid}) on port ${app.port}: ${app.info.migrations} migrations, ` +
      `${app.info.notes}, ${app.info.demoAccounts} demo accounts, prepared in ${app.info.prepareMs} ms.`,
  );
  const vars = new Map<string, string>();
  if (selected.some((e) => e.pilot)) {
    const data = await generatePilotData(dbUrl, dataKey, settings.pilotCases);
    vars.set('caseId', data.detailCaseId);
    // the comparative's period: the last twelve months
    const to = new Date();
    const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
    vars.set('to', to.toISOString().slice(0, 10));
    vars.set('from', from.toISOString().slice(0, 10));
    console.log(
      `[${t()}] Pilot data: ${f0(data.cases)} cases in ${data.comuni} Comuni, ${f0(data.persons)} persons, ` +
        `${f0(data.realCiphertexts)} real ciphertexts (Catania), in ${f0(data.ms)} ms.`,
    );
  }
  if (selected.some((e) => e.surveys)) {
    const data = await generateFunnelData(dbUrl);
    vars.set('waveId', data.waveId);
    console.log(`[${t()}] Survey wave: ${f0(data.invitations)} invitations along the funnel, in ${f0(data.ms)} ms.`);
  }
  const pathOf = (ep: Endpoint) => ep.path.replace(/\{(\w+)\}/g, (_, name: string) => vars.get(name) ?? `{${name}}`);

  // Planner statistics, as autovacuum would have them on a live server (it may be off, as on a
  // fresh test server, and would otherwise kick in during the run and change plans half-way).
  const bench = new pg.Client({ connectionString: dbUrl, application_name: 'incas-bench-admin' });
  await bench.connect();
  try {
    await bench.query('ANALYZE');
  } finally {
    await bench.end();
  }
  console.log(`[${t()}] ANALYZE done.`);
  const floor = await startServerChild('floor', join(root, 'bench', 'floor-server.ts'), {
    ...childOpts,
    timeoutMs: 60_000,
  });
  children.push(floor);
  console.log(`[${t()}] Floor server (pid ${floor.pid}) on port ${floor.port}.`);

  const cookie = await logIn(`http://127.0.0.1:${app.port}`, login);
  console.log(`[${t()}] Logged in as ${login}.`);
  let comparativeCookie = '';
  if (selected.some((e) => e.comparativeSession)) {
    comparativeCookie = await logIn(`http://127.0.0.1:${app.port}`, pilotLogins.comparative);
    console.log(`[${t()}] Logged in as ${pilotLogins.comparative} (quadro comparativo).`);
  }
  const cookieOf = (ep: Endpoint) => (ep.comparativeSession ? comparativeCookie : cookie);

  // Same answer from both: the floor does the app's work, not less.
  for (const ep of selected) {
    const path = pathOf(ep);
    const a = ep.fingerprint(await getJson(`http://127.0.0.1:${app.port}${path}`, cookieOf(ep)));
    const f = ep.fingerprint(await getJson(`http://127.0.0.1:${floor.port}${path}`, cookieOf(ep)));
    if (a !== f) throw new Error(`App and floor answer ${path} differently:\n  app:   ${a}\n  floor: ${f}`);
    console.log(`[${t()}] ${ep.label}: app and floor agree (${a.length > 110 ? a.slice(0, 107) + '…' : a}).`);
  }

  const appTarget: Target = { child: app, applicationName: 'incas' };
  const floorTarget: Target = { child: floor, applicationName: 'incas-bench-floor' };
  const rows: Row[] = [];
  for (const ep of selected) {
    for (const connections of ep.connections ?? settings.connections) {
      const a = await measure(appTarget, ep, pathOf(ep), connections, cookieOf(ep));
      const f = await measure(floorTarget, ep, pathOf(ep), connections, cookieOf(ep));
      const row: Row = {
        endpoint: ep.key,
        label: ep.label,
        path: pathOf(ep),
        connections,
        app: a,
        floor: f,
        ratio: a.rps / f.rps,
      };
      rows.push(row);
      console.log(
        `[${t()}] ${ep.label} @${connections}: app ${f0(a.rps)} req/s p99 ${a.latencyMs.p99} ms · ` +
          `floor ${f0(f.rps)} req/s p99 ${f.latencyMs.p99} ms · ratio ${f2(row.ratio)}`,
      );
    }
  }

  const { checks, bad, failed } = printReport(rows, settings.maxNon2xx);

  const wallSeconds = (performance.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    machine: {
      hostname: hostname(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      postgres: pgVersion,
      busyPercentBefore: busyBefore,
    },
    settings: {
      ...settings,
      adminUrl: undefined,
      database: dbName,
      targets: Object.fromEntries(selected.map((e) => [e.key, e.targets])),
    },
    setup: { app: app.info, floor: floor.info },
    rows,
    checks,
    errors: bad,
    failed,
    wallSeconds,
  };
  mkdirSync(settings.resultsDir, { recursive: true });
  const file = join(settings.resultsDir, 'latest.json');
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`Results written to ${file}`);
  console.log(`Wall time ${wallSeconds.toFixed(1)} s.`);
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  // after Ctrl+C the run breaks off with errors of its own: not worth printing
  if (!interrupted)
    console.error(`\nBenchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(interrupted ? 130 : exitCode);
