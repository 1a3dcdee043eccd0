/**
 * The export of a whole wave, `npm run bench:exports` (bench/README.md, "Survey exports"): the
 * bench scale of the results bench (every Comune of the registry, 7,894, with a 300-question
 * response: 100 choice, 100 integer, 100 range questions), exported through the app as
 * ANCI/Cittalia — wide XLSX (the target), wide CSV and long CSV — each downloaded in full and
 * discarded as it arrives. Reported: rows per second (Comuni for wide, answers for long), the
 * size, the time, and the peak resident memory of this process (app and client in one process:
 * the client keeps nothing) above its level before the export.
 *
 * One run creates a fresh database `incas_bench_exports_<pid>`, prepares it with the app's own
 * start-up code and writes the wave with set-based SQL, as bench/surveys-results.ts does.
 */
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import { modules } from '../server/modules.js';
import type { Database } from '../server/platform/db/db.js';
import { logIn } from './http.js';
import { admin, benchDatabase, QUESTIONS, writeScaleWaves } from './surveys-scale.js';

const WAVES = 1;
/** Wide XLSX of the whole wave must take seconds, not minutes. */
const TARGET_SECONDS = 60;

const { dbName, dbUrl } = benchDatabase('exports');
const writeFixture = (db: Database) => writeScaleWaves(db, WAVES, 'bench-exports');

interface Run {
  status: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  baseRssMb: number;
}

/** Downloads `url` in full, discarding the bytes, sampling this process's RSS every 20 ms. */
async function download(url: string, cookie: string): Promise<Run> {
  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  let peak = baseRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie } });
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      status: res.status,
      bytes,
      seconds: (performance.now() - t0) / 1000,
      peakRssMb: peak / 2 ** 20,
      baseRssMb: baseRss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<number> {
  await admin(`CREATE DATABASE "${dbName}"`);
  let db: Database | undefined;
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
    const fx = await writeFixture(db);
    const analyze = new pg.Client({ connectionString: dbUrl });
    await analyze.connect();
    await analyze.query('ANALYZE');
    await analyze.end();
    app = await buildApp({ config, db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    const cookie = await logIn(base, 'indagini.anci@demo.incas.local');
    const waveId = fx.waveIds[0]!;
    const answers = fx.comuni * QUESTIONS;
    console.log(
      `InCaS survey exports bench — ${new Date().toISOString()} — ${fx.comuni} Comuni × ${QUESTIONS} questions ` +
        `(all sent; written in ${f1(fx.ms / 1000)} s), as ANCI/Cittalia, one download at a time`,
    );
    const cases: [string, string, number, boolean][] = [
      ['wide XLSX (codes)', 'format=xlsx&shape=wide&values=codes', fx.comuni, true],
      ['wide XLSX (labels)', 'format=xlsx&shape=wide&values=labels', fx.comuni, false],
      ['wide CSV (codes)', 'format=csv&shape=wide&values=codes', fx.comuni, false],
      ['long CSV', 'format=csv&shape=long', answers, false],
    ];
    console.log('\n| export | rows | MB | seconds | rows/s | peak RSS MB (before) | target |');
    console.log('|---|---|---|---|---|---|---|');
    let failed = false;
    for (const [label, query, rows, target] of cases) {
      const r = await download(`${base}/api/v1/surveys/waves/${waveId}/export?${query}`, cookie);
      const ok = r.status === 200 && (!target || r.seconds <= TARGET_SECONDS);
      failed ||= !ok;
      console.log(
        `| ${label} | ${rows} | ${f1(r.bytes / 2 ** 20)} | ${f1(r.seconds)} | ${Math.round(rows / r.seconds)} | ` +
          `${Math.round(r.peakRssMb)} (${Math.round(r.baseRssMb)}) | ${target ? `≤ ${TARGET_SECONDS} s ${ok ? 'met' : 'MISSED'}` : r.status === 200 ? '—' : `status ${r.status}`} |`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await app?.close();
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
