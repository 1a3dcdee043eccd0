/**
 * The write path of the national surveys, `npm run bench:surveys` (bench/README.md, "Surveys"):
 * "save one answer" and "submit a 300-question response", each against a raw-SQL floor measured
 * in the same run.
 *
 * One run creates a fresh database `incas_bench_surveys_<pid>`, prepares it with the app's own
 * start-up code, writes a survey with a published 300-question version, an open wave and
 * BENCH_SURVEY_RESPONSES Comuni in it, each with a personal link (the app's link routes: no
 * session, the token in the x-survey-link header, CSRF like every write). Then:
 *
 * - save: each request saves one integer answer (a different question each time) of one of the
 *   responses (round robin), through `PATCH /api/v1/surveys/link/response/answers`; the floor runs
 *   the same SQL on a bare pg Pool behind node:http (hash lookup of the link, lock of the row,
 *   update of the answers and versions, audit row) without Fastify, zod, the form engine nor the
 *   transaction/role wrapper;
 * - submit: each response, complete (300 answers), is sent once through
 *   `POST /api/v1/surveys/link/response/submit` (the server checks the 300 answers with the form
 *   engine); the floor locks the row, changes the state, writes the event and the audit row.
 *
 * Both servers and the load run in this one process, one after the other, at the same
 * concurrency (BENCH_SURVEY_CONNECTIONS, default 10): they share the same overheads of the client.
 * The database is dropped at the end, also on failure or Ctrl+C.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import { modules } from '../server/modules.js';
import type { Database, Queryable } from '../server/platform/db/db.js';
import { systemClock } from '../server/platform/context.js';
import { recordAudit } from '../server/modules/audit/index.js';
import { newLinkToken } from '../server/modules/surveys/shared/links.js';
import type { Form, Item } from '../server/modules/surveys/shared/form/model.js';
import { closedLoop, type LoadResult } from './http.js';
import { settings } from './settings.js';

const QUESTIONS = 300;
const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES || 400);
const CONNECTIONS = Number(process.env.BENCH_SURVEY_CONNECTIONS || 10);
const SAVES = Number(process.env.BENCH_SURVEY_SAVES || 4000);

const dbName = `incas_bench_surveys_${process.pid}`;
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

function bigForm(n: number): Form {
  const items: Item[] = [];
  for (let s = 0; s * 20 < n; s++) {
    const qs: Item[] = [];
    for (let i = s * 20; i < Math.min(n, (s + 1) * 20); i++) {
      qs.push({
        kind: 'question',
        name: `q${i}`,
        type: 'integer',
        label: { it: `Domanda ${i + 1}` },
        required: true,
        readOnly: false,
        constraint: '. >= 0',
      });
    }
    items.push({ kind: 'group', name: `s${s}`, label: { it: `Sezione ${s + 1}` }, items: qs });
  }
  return { modelVersion: 1, id: 'grande', title: { it: 'Grande' }, defaultLanguage: 'it', items, lists: [] };
}

const complete = Object.fromEntries(Array.from({ length: QUESTIONS }, (_, i) => [`q${i}`, i]));

interface Fixture {
  tokens: string[];
}

/** A survey, a published 300-question version, an open wave, RESPONSES Comuni each with a link. */
async function writeFixture(db: Database): Promise<Fixture> {
  return db.ownerTx(async (tx) => {
    const [author] = await tx.query<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1');
    const comuni = await tx.query<{ istat_code: string }>(
      'SELECT istat_code FROM comuni ORDER BY istat_code LIMIT $1',
      [RESPONSES],
    );
    const [surveyId, versionId, waveId] = [randomUUID(), randomUUID(), randomUUID()];
    const now = new Date();
    await tx.query(
      'INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, $3, $4, $5)',
      [surveyId, 'bench-grande', 'Indagine grande', author!.id, now],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $5, $6)`,
      [versionId, surveyId, JSON.stringify(bigForm(QUESTIONS)), QUESTIONS, author!.id, now],
    );
    await tx.query(
      `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                 universe_count, launched_by, launched_at, created_by, created_at)
       VALUES ($1, $2, $3, 'Rilevazione', '{}'::jsonb, '2026-01-01', '2099-12-31', 'aperta', $4, $5, $6, $5, $6)`,
      [waveId, surveyId, versionId, comuni.length, author!.id, now],
    );
    const tokens: string[] = [];
    for (const c of comuni) {
      const id = randomUUID();
      const { token, hash } = newLinkToken();
      tokens.push(token);
      await tx.query(
        `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, status_changed_at)
         VALUES ($1, $2, $3, 'in_compilazione', $4, $4)`,
        [id, waveId, c.istat_code, now],
      );
      await tx.query('INSERT INTO survey_responses (id, comune_istat, answers) VALUES ($1, $2, $3::jsonb)', [
        id,
        c.istat_code,
        JSON.stringify(complete),
      ]);
      await tx.query(
        `INSERT INTO survey_access_links (id, response_id, comune_istat, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, '2099-01-01')`,
        [randomUUID(), id, c.istat_code, hash, author!.id, now],
      );
    }
    return { tokens };
  });
}

// ------------------------------------------------------------------------------------------------
// The floor: the same SQL on a bare pg Pool behind node:http

function startFloor(): Promise<{ server: Server; pool: pg.Pool; port: number }> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, application_name: 'incas-bench-floor' });
  const ctx = { actor: null, clock: systemClock, requestId: 'floor' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const token = String(req.headers['x-survey-link'] ?? '');
        const hash = createHash('sha256').update(token, 'utf8').digest('hex');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
          answers?: Record<string, unknown>;
        };
        const client = await pool.connect();
        const tx: Queryable = {
          async query<R>(text: string, params?: readonly unknown[]) {
            const r = await client.query(text, params ? [...params] : undefined);
            return r.rows as R[];
          },
        };
        try {
          await client.query('BEGIN');
          const [link] = await tx.query<{ id: string; response_id: string; comune_istat: string }>(
            'SELECT id, response_id, comune_istat FROM survey_access_links WHERE token_hash = $1',
            [hash],
          );
          await tx.query('UPDATE survey_access_links SET last_used_at = now() WHERE id = $1', [link!.id]);
          const [row] = await tx.query<{
            answers: Record<string, unknown>;
            answer_versions: Record<string, number>;
            row_version: number;
            status: string;
          }>(
            `SELECT r.answers, r.answer_versions, r.row_version, wc.status FROM survey_wave_comuni wc
               JOIN survey_responses r ON r.id = wc.id WHERE wc.id = $1 FOR UPDATE OF wc, r`,
            [link!.response_id],
          );
          let out: unknown;
          if (req.url?.endsWith('/answers')) {
            const v = row!.row_version + 1;
            const answers = { ...row!.answers, ...body.answers };
            const versions = { ...row!.answer_versions };
            for (const k of Object.keys(body.answers ?? {})) versions[k] = v;
            await tx.query(
              `UPDATE survey_responses SET answers = $2::jsonb, answer_versions = $3::jsonb, row_version = $4,
                      updated_by_link = $5, updated_at = now() WHERE id = $1`,
              [link!.response_id, JSON.stringify(answers), JSON.stringify(versions), v, link!.id],
            );
            await recordAudit(tx, ctx, {
              action: 'surveys.response.save',
              entityType: 'survey_response',
              entityId: link!.response_id,
              tenantComune: link!.comune_istat,
            });
            out = { rowVersion: v };
          } else {
            await tx.query(
              `UPDATE survey_wave_comuni SET status = 'inviato', submitted_at = now(), status_changed_at = now() WHERE id = $1`,
              [link!.response_id],
            );
            await tx.query(
              `INSERT INTO survey_response_events (id, response_id, comune_istat, from_status, to_status, actor_link_id, at)
               VALUES ($1, $2, $3, $4, 'inviato', $5, now())`,
              [randomUUID(), link!.response_id, link!.comune_istat, row!.status, link!.id],
            );
            await recordAudit(tx, ctx, {
              action: 'surveys.response.submit',
              entityType: 'survey_response',
              entityId: link!.response_id,
              tenantComune: link!.comune_istat,
            });
            out = { state: 'inviato' };
          }
          await client.query('COMMIT');
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          res.writeHead(500).end(String(err));
        } finally {
          client.release();
        }
      })();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, pool, port: typeof a === 'object' && a ? a.port : 0 });
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// Load

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
    const fx = await writeFixture(db);
    app = await buildApp({ config, db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const appBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    floor = await startFloor();
    const floorBase = `http://127.0.0.1:${floor.port}`;
    const csrfRes = await fetch(`${appBase}/api/v1/auth/csrf`);
    const { token: csrf } = (await csrfRes.json()) as { token: string };
    const cookie = csrfRes.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = (token: string, patch: boolean) => ({
      'content-type': patch ? 'application/merge-patch+json' : 'application/json',
      'x-csrf-token': csrf,
      cookie,
      'x-survey-link': token,
    });
    const save = (base: string) => (i: number) =>
      fetch(`${base}/api/v1/surveys/link/response/answers`, {
        method: 'PATCH',
        headers: headers(fx.tokens[i % fx.tokens.length]!, true),
        // a client that read the latest version (no conflict), one answer each time
        body: JSON.stringify({ baseVersion: 1_000_000_000, answers: { [`q${i % QUESTIONS}`]: i } }),
      });
    console.log(
      `InCaS surveys write bench — ${new Date().toISOString()} — ${RESPONSES} responses of ${QUESTIONS} questions, ${CONNECTIONS} connections`,
    );
    // warm-up of both (JIT, pools, the form cache)
    await closedLoop(200, CONNECTIONS, save(appBase));
    await closedLoop(200, CONNECTIONS, save(floorBase));
    const saveApp = await closedLoop(SAVES, CONNECTIONS, save(appBase));
    const saveFloor = await closedLoop(SAVES, CONNECTIONS, save(floorBase));
    // submit: each response once; half of them to the app, the other half to the floor
    const half = Math.floor(fx.tokens.length / 2);
    const submit = (base: string, offset: number) => (i: number) =>
      fetch(`${base}/api/v1/surveys/link/response/submit`, {
        method: 'POST',
        headers: headers(fx.tokens[offset + i]!, false),
        body: JSON.stringify({ declaration: true }),
      });
    const submitApp = await closedLoop(half, CONNECTIONS, submit(appBase, 0));
    const submitFloor = await closedLoop(half, CONNECTIONS, submit(floorBase, half));
    const rows: [string, LoadResult, LoadResult][] = [
      ['save one answer', saveApp, saveFloor],
      [`submit a ${QUESTIONS}-question response`, submitApp, submitFloor],
    ];
    console.log('\n| operation | app req/s | app p50 / p99 ms | floor req/s | floor p50 / p99 ms | ratio | target |');
    console.log('|---|---|---|---|---|---|---|');
    let failed = false;
    for (const [label, ap, fl] of rows) {
      const ratio = ap.rps / fl.rps;
      const ok = ratio >= 0.5 && ap.failures === 0 && fl.failures === 0;
      failed ||= !ok;
      console.log(
        `| ${label} | ${f1(ap.rps)} | ${f1(ap.p50)} / ${f1(ap.p99)} | ${f1(fl.rps)} | ${f1(fl.p50)} / ${f1(fl.p99)} | ${ratio.toFixed(2)} | ≥ 0.50 ${ok ? 'met' : 'MISSED'}${ap.failures + fl.failures ? ` (${ap.failures} app / ${fl.failures} floor non-200)` : ''} |`,
      );
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
