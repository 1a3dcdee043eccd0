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
import type { Form, Item } from '../server/modules/surveys/shared/form/model.js';
import { logIn } from './http.js';
import { settings } from './settings.js';

const QUESTIONS = 300;
const WAVES = 1;
/** Wide XLSX of the whole wave must take seconds, not minutes. */
const TARGET_SECONDS = 60;

const dbName = `incas_bench_exports_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(settings.adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: settings.adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function form(): Form {
  const items: Item[] = [];
  for (let s = 0; s * 20 < QUESTIONS; s++) {
    const qs: Item[] = [];
    for (let i = s * 20; i < Math.min(QUESTIONS, (s + 1) * 20); i++) {
      const base = {
        kind: 'question',
        name: `q${i}`,
        label: { it: `Domanda ${i + 1}` },
        required: false,
        readOnly: false,
      } as const;
      if (i < 100) qs.push({ ...base, type: 'select_one', listName: 'abc', other: false });
      else if (i < 200) qs.push({ ...base, type: 'integer' });
      else qs.push({ ...base, type: 'range_estimate', decimal: false });
    }
    items.push({ kind: 'group', name: `s${s}`, label: { it: `Sezione ${s + 1}` }, items: qs });
  }
  const choice = (name: string) => ({ name, label: { it: name.toUpperCase() }, extra: {} });
  return {
    modelVersion: 1,
    id: 'grande',
    title: { it: 'Grande' },
    defaultLanguage: 'it',
    items,
    lists: [{ name: 'abc', choices: [choice('a'), choice('b'), choice('c')] }],
  };
}

/** The waves, each over every Comune, every response sent with 300 answers; returns the wave ids. */
async function writeFixture(db: Database): Promise<{ waveIds: string[]; comuni: number; ms: number }> {
  const t0 = performance.now();
  const waveIds: string[] = [];
  let comuni = 0;
  for (let w = 0; w < WAVES; w++) {
    await db.ownerTx(async (tx) => {
      const [author] = await tx.query<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1');
      const [row] = await tx.query<{ wave_id: string }>(
        `WITH s AS (
           INSERT INTO survey_surveys (id, code, title_it, created_by, created_at)
           VALUES (gen_random_uuid(), $3, 'Indagine (benchmark)', $1, now()) RETURNING id),
         v AS (
           INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at,
                                             published_by, published_at)
           SELECT gen_random_uuid(), s.id, 1, $2::jsonb, ${QUESTIONS}, $1, now(), $1, now() FROM s RETURNING id, survey_id)
         INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                   universe_count, launched_by, launched_at, created_by, created_at)
         SELECT gen_random_uuid(), v.survey_id, v.id, 'Rilevazione (benchmark)', '{"kind":"all"}', '2026-01-01',
                '2026-03-31', 'chiusa', (SELECT count(*) FROM comuni), $1, now(), $1, now()
           FROM v RETURNING id AS wave_id`,
        [author!.id, JSON.stringify(form()), `bench-exports-${w}`],
      );
      const waveId = row!.wave_id;
      waveIds.push(waveId);
      await tx.query(
        `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, submitted_at, status_changed_at)
         SELECT gen_random_uuid(), $1, istat_code, 'inviato', now(), now(), now() FROM comuni`,
        [waveId],
      );
      // deterministic answers from a hash of (Comune, question, wave): a third each of a/b/c,
      // integers 0–999, ranges of 0–99 persons, a third exact, the rest estimated min–max
      const [n] = await tx.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO survey_responses (id, comune_istat, answers)
           SELECT wc.id, wc.comune_istat,
                  (SELECT jsonb_object_agg('q' || i, CASE
                     WHEN i < 100 THEN to_jsonb((ARRAY['a', 'b', 'c'])[1 + h % 3])
                     WHEN i < 200 THEN to_jsonb(h % 1000)
                     WHEN h % 3 = 0 THEN jsonb_build_object('value', h % 100, 'quality', 'certo')
                     ELSE jsonb_build_object('min', h % 100, 'max', h % 100 + h % 7, 'quality', 'stima') END)
                     FROM generate_series(0, ${QUESTIONS - 1}) AS i,
                          LATERAL (SELECT abs(hashtext(wc.comune_istat || ':' || i || ':' || $2)) AS h) x)
             FROM survey_wave_comuni wc WHERE wc.wave_id = $1
           RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [waveId, w],
      );
      comuni = n!.n;
    });
  }
  return { waveIds, comuni, ms: performance.now() - t0 };
}

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
