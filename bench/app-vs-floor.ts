/**
 * What the app-against-floor benches share (plans, projects, survey results; bench/README.md): a
 * fresh database `incas_bench_<name>_<pid>` prepared by the app's own start-up code (migrations,
 * registry, demo accounts) and filled by the bench as the database owner, then VACUUM ANALYZE; the
 * app listening in this process; a floor (a bare node:http server on a pg Pool of 10 that runs the
 * same statements as the database owner: no Fastify, no session lookup, no zod, no row-level
 * security) whose JSON is compressed as the app's @fastify/compress compresses it (gzip at zlib's
 * default level, when the client asks); and the closed-loop comparison, printed as a table of
 * app/floor ratios. The database is dropped at the end, or on Ctrl-C.
 */
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { modules } from '../server/modules.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import type { Database, Queryable } from '../server/platform/db/db.js';
import { closedLoop, logIn } from './http.js';
import { admin, benchDatabase } from './surveys-scale.js';

const gzip = promisify(gzipCb);
export const f1 = (n: number) => n.toFixed(1);

export interface Floor {
  base: string;
  close(): Promise<void>;
}

/**
 * The floor: `answer` reads the request's URL and runs its statements on one pooled connection;
 * it returns the body to send as JSON, or null for a 404.
 */
export function startFloor(dbUrl: string, answer: (u: URL, tx: Queryable) => Promise<unknown>): Promise<Floor> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, application_name: 'incas-bench-floor' });
  const server = createServer((req, res) => {
    void (async () => {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<R>(text: string, params?: readonly unknown[]) {
          return (await client.query(text, params ? [...params] : undefined)).rows as R[];
        },
      };
      try {
        const out = await answer(new URL(req.url ?? '/', 'http://floor'), tx);
        if (out === null) return void res.writeHead(404).end();
        const json = JSON.stringify(out);
        // as the app answers (@fastify/compress: gzip when asked, above 1 KB)
        if (json.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
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
      resolve({
        base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
        close: async () => {
          server.close();
          await pool.end();
        },
      });
    }),
  );
}

export interface BenchEnv<F> {
  db: Database;
  dbUrl: string;
  fx: F;
  appBase: string;
  floorBase: string;
  /** MLPS's session cookie */
  cookie: string;
}

/**
 * Runs one bench from a fresh database to its drop and exits with `run`'s code: `write` fills the
 * database (as the owner), `floor` starts the floor, `run` measures.
 */
export async function runAppVsFloor<F>(o: {
  name: string;
  write: (db: Database, dbUrl: string) => Promise<F>;
  floor: (dbUrl: string, fx: F) => Promise<Floor>;
  run: (env: BenchEnv<F>) => Promise<number>;
}): Promise<never> {
  const { dbName, dbUrl } = benchDatabase(o.name);
  const drop = () => admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  process.once('SIGINT', () => void drop().finally(() => process.exit(130)));
  await admin(`CREATE DATABASE "${dbName}"`);
  let db: Database | undefined;
  let floor: Floor | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let code = 1;
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: dbUrl,
      INCAS_RATE_LIMIT: '100000000',
      LOG_LEVEL: 'silent',
      INCAS_DEMO: 'true',
    });
    db = (await prepareDatabase(config, modules)).db;
    const fx = await o.write(db, dbUrl);
    // statistics, and the visibility map that lets index-only scans serve (as autovacuum leaves it)
    const analyze = new pg.Client({ connectionString: dbUrl });
    await analyze.connect();
    await analyze.query('VACUUM ANALYZE');
    await analyze.end();
    app = await buildApp({ config, db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const appBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    floor = await o.floor(dbUrl, fx);
    const cookie = await logIn(appBase, 'mlps@demo.incas.local');
    code = await o.run({ db, dbUrl, fx, appBase, floorBase: floor.base, cookie });
  } finally {
    await app?.close();
    await floor?.close();
    await db?.close();
    await drop().catch((e: unknown) => console.error(`Could not drop ${dbName}: ${String(e)}`));
  }
  process.exit(code);
}

export interface FloorCase {
  label: string;
  /** the request's path; `i` is its number in the run, for requests that change each time */
  path: (i: number) => string;
  headers?: Record<string, string>;
  /** the target: app/floor ≥ 0.5 unless an app p99 bound is given */
  p99?: number;
}

/**
 * Measures each case on the app and on the floor, closed loop, one after the other (a warm-up of
 * each first), after checking that both answer the same on the first requests; prints one table
 * row per case and returns whether every target was met.
 */
export async function compareWithFloor(
  env: Pick<BenchEnv<unknown>, 'appBase' | 'floorBase' | 'cookie'>,
  cases: FloorCase[],
  o: {
    connections: number;
    requests: number;
    /** what both answers must agree on (proof that the floor did the same work) */
    fingerprint: (body: unknown) => string;
    /** how many first requests to compare (default 1) */
    agreeOn?: number;
    /** floor fingerprints may carry more than the app's (it starts with the app's) */
    prefix?: boolean;
    /** for a case whose answers may differ: say it rather than fail */
    sayDisagreement?: (c: FloorCase) => boolean;
  },
): Promise<boolean> {
  console.log('\n| request | app req/s | app p50 / p99 ms | floor req/s | floor p50 / p99 ms | app/floor | target |');
  console.log('|---|---|---|---|---|---|---|');
  let met = true;
  for (const c of cases) {
    const get = (base: string, withCookie: boolean) => (i: number) =>
      fetch(`${base}${c.path(i)}`, { headers: withCookie ? { ...c.headers, cookie: env.cookie } : { ...c.headers } });
    const first = await get(env.appBase, true)(0);
    if (first.status === 404) {
      await first.arrayBuffer();
      console.log(`| ${c.label} | — | — | — | — | — | skipped: the app answers 404 (route not in this build) |`);
      continue;
    }
    if (first.status !== 200)
      throw new Error(`${c.path(0)} answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
    await first.arrayBuffer();
    const prints: string[] = [];
    for (let i = 0; i < (o.agreeOn ?? 1); i++) {
      const appPrint = o.fingerprint(await (await get(env.appBase, true)(i)).json());
      const floorPrint = o.fingerprint(await (await get(env.floorBase, false)(i)).json());
      const agree = o.prefix ? floorPrint.startsWith(appPrint) : floorPrint === appPrint;
      if (!agree && o.sayDisagreement?.(c))
        console.log(`  (${c.label}: app and floor answers differ — app ${appPrint}, floor ${floorPrint})`);
      else if (!agree)
        throw new Error(`App and floor disagree on ${c.label}:\n  app:   ${appPrint}\n  floor: ${floorPrint}`);
      prints.push(appPrint);
    }
    await closedLoop(o.connections * 2, o.connections, get(env.appBase, true));
    await closedLoop(o.connections * 2, o.connections, get(env.floorBase, false));
    const ap = await closedLoop(o.requests, o.connections, get(env.appBase, true));
    const fl = await closedLoop(o.requests, o.connections, get(env.floorBase, false));
    const ratio = ap.rps / fl.rps;
    const clean = ap.failures === 0 && fl.failures === 0;
    const ok = clean && (c.p99 === undefined ? ratio >= 0.5 : ap.p99 < c.p99);
    met &&= ok;
    const target = c.p99 === undefined ? '≥ 0.50' : `app p99 < ${c.p99} ms`;
    const failures = clean ? '' : ` (${ap.failures} app / ${fl.failures} floor non-200)`;
    console.log(
      `| ${c.label} | ${f1(ap.rps)} | ${f1(ap.p50)} / ${f1(ap.p99)} | ${f1(fl.rps)} | ${f1(fl.p50)} / ${f1(fl.p99)} | ${ratio.toFixed(2)} | ${target} ${ok ? 'met' : 'MISSED'}${failures} |`,
    );
    if ((o.agreeOn ?? 1) === 1) console.log(`  (both: ${prints[0]})`);
  }
  return met;
}
