/**
 * Child process of bench/run.ts: the FLOOR against which the app is measured. A bare node:http
 * server and a pg Pool of the app's size (10) that run, per request, the same SQL the app runs for
 * it — by calling the app's own repository functions — and answer JSON. What it leaves out is
 * exactly what the ratio app/floor prices: Fastify and its plugins (cookies, CSRF, helmet, rate
 * limit), zod validation and response serialisation, session checks and the transaction/role/
 * tenancy wrapper (BEGIN, set_config, COMMIT) around every query. No caching.
 *
 *   GET /api/v1/comuni?q=&page=&pageSize=  selectComuniPage (count query + page query)
 *   GET /api/v1/comuni/:istatCode          selectComune + selectOrganisationsOfComune
 *   GET /api/v1/me                         selectSessionByTokenHash (sha256 of the cookie) + selectMe
 *   GET /api/v1/pilot/cases?status=&q=&page=&pageSize=
 *                                          with q, the search by name (queryGrams, selectNameCandidates, the
 *                                          candidates decrypted and verified); selectCasePage (the operatore's own
 *                                          cases), the holders' names decrypted, one audit row, rows mapped as the app does
 *   GET /api/v1/pilot/cases/:caseId        loadCase + selectCaseFile (the app's case-file reads), identities
 *                                          and permit numbers decrypted, one audit row (recordAudit)
 *   GET /api/v1/surveys/waves/:waveId/funnel?groupBy=
 *                                          selectFunnelCounts (one GROUPING SETS aggregate over the wave's
 *                                          7,894 Comuni) mapped by funnelOf, as the app does
 *   GET /api/v1/pilot/comparative?from=&to=
 *                                          pilot_comparative_counts + the pilot Comuni, one audit row,
 *                                          disclosure control (publishTable) for the viewer
 *
 * The pilot endpoints act for fixed demo accounts (bench/pilot-data.ts: the operatore of Catania
 * for the cases, the MLPS for the comparative), looked up once at start: like the Comune
 * endpoints, the floor does not authenticate. The MLPS account's tenancy settings (app.scope,
 * app.user_id), which `pilot_comparative_counts` checks, are set once per connection at connect
 * time instead of in a transaction per request.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { systemClock, type Actor, type Ctx } from '../server/platform/context.js';
import { createFieldCipher } from '../server/platform/crypto.js';
import type { Queryable } from '../server/platform/db/db.js';
import { AppError } from '../server/platform/errors.js';
import { permissionsOf } from '../server/platform/policy.js';
import { selectMe } from '../server/modules/access/access.me.repo.js';
import { selectSessionByTokenHash } from '../server/modules/access/access.repo.js';
import { scopeOf } from '../server/modules/access/access.rules.js';
import { recordAudit } from '../server/modules/audit/index.js';
import { loadCase } from '../server/modules/pilot/shared/access.js';
import { selectCaseFile, selectCasePage } from '../server/modules/pilot/cases/cases.repo.js';
import { toCaseSummary } from '../server/modules/pilot/cases/cases.mapper.js';
import type { CaseQuery } from '../server/modules/pilot/cases/cases.schema.js';
import { comparativeColumns } from '../server/modules/pilot/comparative/comparative.columns.js';
import {
  DISCLOSURE_NOTE_EN,
  DISCLOSURE_NOTE_IT,
  publishTable,
  type RawCell,
  type RawRow,
} from '../server/modules/pilot/comparative/disclosure.js';
import { nameIndex, openIdentity, openPermitNumber } from '../server/modules/pilot/shared/identity.js';
import { nameMatches, queryGrams } from '../server/modules/pilot/shared/name-search.js';
import { selectNameCandidates } from '../server/modules/pilot/shared/name-grams.repo.js';
import { caseStatuses } from '../server/modules/pilot/shared/vocab.js';
import { selectOrganisationsOfComune } from '../server/modules/registry/organisations.repo.js';
import { selectComune, selectComuniPage } from '../server/modules/registry/registry.repo.js';
import { pilotLogins } from './pilot-data.js';
import { floorFunnel } from './surveys-funnel.js';
import { serveParent } from './server-side.js';

// The same type parsers as the app's driver (server/platform/db/postgres.ts): count(*) is a number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const url = process.env.BENCH_DB_URL;
const dataKey = process.env.INCAS_DATA_KEY;
const cipher = dataKey ? createFieldCipher(Buffer.from(dataKey, 'base64')) : null;
/** Created at start, once the MLPS account's id (a tenancy setting) is known. */
let pool: pg.Pool | undefined;

/** A demo account as the app's authentication would see it (roles, permissions, scope). */
async function actorOf(client: pg.Client, email: string): Promise<Actor> {
  const { rows } = await client.query<{
    id: string;
    organisation_id: string;
    org_type: string;
    comune_istat: string | null;
    region_code: string | null;
    roles: string[];
  }>(
    `SELECT u.id, u.organisation_id, o.type AS org_type, o.comune_istat, o.region_code,
            ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
    [email],
  );
  const u = rows[0];
  if (!u) throw new Error(`No account ${email} (demo data missing?)`);
  return {
    userId: u.id,
    email,
    organisationId: u.organisation_id,
    roles: u.roles,
    permissions: permissionsOf(u.roles),
    scope: scopeOf({ type: u.org_type, comuneIstat: u.comune_istat, regionCode: u.region_code }, u.roles),
    sessionId: 'floor',
    secondFactor: true,
    mustEnrolTotp: false,
  };
}
let casesActor: Actor | undefined;
let comparativeActor: Actor | undefined;

/** What loadCase and recordAudit read of the context: the actor, the clock, the request id. */
function ctxOf(actor: Actor): Ctx {
  return { actor, clock: systemClock, requestId: randomUUID() } as Pick<Ctx, 'actor' | 'clock' | 'requestId'> as Ctx;
}

/** One pooled connection for the whole request, as the app holds one per transaction. */
async function withClient<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool!.connect();
  try {
    return await fn({
      async query<R>(text: string, params?: readonly unknown[]) {
        const res = await client.query(text, params ? [...params] : undefined);
        return res.rows as R[];
      },
    });
  } finally {
    client.release();
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function intParam(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function sessionToken(req: IncomingMessage): string | null {
  const m = /(?:^|;\s*)(?:__Host-)?incas-session=([A-Za-z0-9_-]{43})(?:;|$)/.exec(req.headers.cookie ?? '');
  return m?.[1] ?? null;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const u = new URL(req.url ?? '/', 'http://floor');
  if (req.method !== 'GET') return sendJson(res, 405, { code: 'method' });

  if (u.pathname === '/api/v1/comuni') {
    const q = u.searchParams.get('q') ?? undefined;
    const page = intParam(u.searchParams.get('page'), 1);
    const pageSize = Math.min(intParam(u.searchParams.get('pageSize'), 20), 100);
    const result = await withClient((tx) => selectComuniPage(tx, { q, page, pageSize }));
    return sendJson(res, 200, { items: result.items, total: result.total, page, pageSize });
  }

  const detail = /^\/api\/v1\/comuni\/(\d{6})$/.exec(u.pathname);
  if (detail?.[1]) {
    const istatCode = detail[1];
    const body = await withClient(async (tx) => {
      const comune = await selectComune(tx, istatCode);
      if (!comune) return null;
      return { ...comune, organisations: await selectOrganisationsOfComune(tx, istatCode) };
    });
    return body ? sendJson(res, 200, body) : sendJson(res, 404, { code: 'comune.not_found' });
  }

  if (u.pathname === '/api/v1/me') {
    const token = sessionToken(req);
    if (!token) return sendJson(res, 401, { code: 'auth.required' });
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const body = await withClient(async (tx) => {
      const session = await selectSessionByTokenHash(tx, tokenHash);
      if (!session) return null;
      const me = await selectMe(tx, session.user_id);
      return me ? { ...me, roles: session.roles } : null;
    });
    return body ? sendJson(res, 200, body) : sendJson(res, 401, { code: 'auth.required' });
  }

  if (u.pathname === '/api/v1/pilot/cases') return pilotCases(res, u.searchParams);
  const pilotCase = /^\/api\/v1\/pilot\/cases\/([0-9a-f-]{36})$/.exec(u.pathname);
  if (pilotCase?.[1]) return pilotCaseFile(res, pilotCase[1]);
  if (u.pathname === '/api/v1/pilot/comparative') return pilotComparative(res, u.searchParams);
  const funnel = /^\/api\/v1\/surveys\/waves\/([0-9a-f-]{36})\/funnel$/.exec(u.pathname);
  if (funnel?.[1]) {
    const waveId = funnel[1];
    return sendJson(res, 200, await withClient((tx) => floorFunnel(tx, waveId, u.searchParams.get('groupBy'))));
  }

  return sendJson(res, 404, { code: 'route.not_found' });
}

/** The operatore's own cases, filtered by status, one page (as findCases). */
async function pilotCases(res: ServerResponse, params: URLSearchParams): Promise<void> {
  const actor = casesActor!;
  const status = params.get('status');
  const q = {
    status: (caseStatuses as readonly string[]).includes(status ?? '') ? status : undefined,
    page: intParam(params.get('page'), 1),
    pageSize: Math.min(intParam(params.get('pageSize'), 20), 100),
  } as CaseQuery;
  const today = systemClock.now().toISOString().slice(0, 10);
  const comune = actor.scope.comuneIstat!;
  const text = params.get('q');
  if (text) q.q = text;
  const words = text?.trim().split(/\s+/) ?? [];
  const nameIdx = words.length >= 2 ? nameIndex(cipher!, words[0]!, words.slice(1).join(' ')) : null;
  const rows = await withClient(async (tx) => {
    // the app's search by name: keyed trigrams → candidates → decrypted and verified
    let matches: string[] | null = null;
    const grams = text ? queryGrams(cipher!, comune, text) : null;
    if (text && grams) {
      const candidates = await selectNameCandidates(tx, comune, grams, actor.userId);
      matches = candidates
        .filter((p) => {
          const id = openIdentity(cipher!, p.id, p.identity_enc);
          return nameMatches(text, id.surname, id.givenNames);
        })
        .map((p) => p.id);
    }
    const scope = { comune, ownerOnly: actor.userId, nameIdx, cfIdx: null, nameMatches: matches, today };
    const page = await selectCasePage(tx, q, scope);
    if (page.length)
      await recordAudit(tx, ctxOf(actor), {
        action: 'pilot.case.list',
        entityType: 'pilot_case_list',
        tenantComune: comune,
        details: { cases: page.map((r) => r.id), identity: true, byName: matches !== null },
      });
    return page;
  });
  return sendJson(res, 200, {
    items: rows.map((r) => toCaseSummary(r, today, openIdentity(cipher!, r.holder_id, r.identity_enc))),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  });
}

/** The case file: the same reads as readCaseFile (selectCaseFile), identities and permit numbers decrypted, audited. */
async function pilotCaseFile(res: ServerResponse, caseId: string): Promise<void> {
  const ctx = ctxOf(casesActor!);
  const body = await withClient(async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    // the app's own sequence of case-file reads (one after the other on one connection)
    const {
      members,
      admissions,
      pais,
      events,
      ownerName,
      comuneName,
      permits: permitRows,
    } = await selectCaseFile(tx, c);
    const permits = permitRows.map((p) => ({
      ...p,
      number_enc: undefined,
      number: p.number_enc ? openPermitNumber(cipher!, p.id, p.number_enc) : null,
    }));
    const file = {
      ...c,
      comuneName: comuneName ?? '',
      ownerName,
      members: members.map((m) => ({
        ...m,
        identity_enc: undefined,
        identity: openIdentity(cipher!, m.id, m.identity_enc),
        permits: permits.filter((p) => p.person_id === m.id),
        admissions: admissions.filter((a) => a.person_id === m.id),
        pais: pais.filter((p) => p.person_id === m.id),
      })),
      events,
    };
    await recordAudit(tx, ctx, {
      action: 'pilot.case.read',
      entityType: 'pilot_case',
      entityId: c.id,
      tenantComune: c.comune_istat,
      details: { members: members.length, identity: true },
    });
    return file;
  }).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  return body ? sendJson(res, 200, body) : sendJson(res, 404, { code: 'pilot.case.not_found' });
}

interface CountRow {
  comune_istat: string | null;
  metric: string;
  value: number | null;
  base: number | null;
}
const kindOf = new Map(comparativeColumns.map((c) => [c.key, c.kind]));

/** The quadro comparativo for the MLPS: aggregates, pilot Comuni, audit row, disclosure control. */
async function pilotComparative(res: ServerResponse, params: URLSearchParams): Promise<void> {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) {
    return sendJson(res, 400, { code: 'pilot.invalid' });
  }
  const ctx = ctxOf(comparativeActor!);
  const { counts, names } = await withClient(async (tx) => {
    const counts = await tx.query<CountRow>(
      'SELECT comune_istat, metric, value, base FROM pilot_comparative_counts($1::date, $2::date)',
      [from, to],
    );
    const names = await tx.query<{ istat_code: string; name: string }>(
      'SELECT istat_code, name FROM comuni WHERE pilot_18ter ORDER BY name, istat_code',
    );
    await recordAudit(tx, ctx, { action: 'pilot.comparative.read', details: { from, to, format: 'json' } });
    return { counts, names };
  });
  const rawCell = (row: CountRow): RawCell => {
    const kind = kindOf.get(row.metric);
    const value = row.value === null ? null : Number(row.value);
    return kind === 'ratio' || kind === 'days' ? { value, base: Number(row.base ?? 0) } : { value };
  };
  const byComune = new Map<string, RawRow>();
  const total: RawRow = { comuneIstat: '', comuneName: '', cells: {} };
  for (const { istat_code: code, name } of names)
    byComune.set(code, { comuneIstat: code, comuneName: name, cells: {} });
  for (const row of counts) {
    if (!kindOf.has(row.metric)) continue;
    if (row.comune_istat === null) total.cells[row.metric] = rawCell(row);
    else {
      const r = byComune.get(row.comune_istat) ?? {
        comuneIstat: row.comune_istat,
        comuneName: row.comune_istat,
        cells: {},
      };
      byComune.set(row.comune_istat, r);
      r.cells[row.metric] = rawCell(row);
    }
  }
  return sendJson(res, 200, {
    from,
    to,
    generatedAt: new Date().toISOString(),
    note: { it: DISCLOSURE_NOTE_IT, en: DISCLOSURE_NOTE_EN },
    columns: comparativeColumns.map(({ key, block, kind, labelIt, labelEn }) => ({
      key,
      block,
      kind,
      labelIt,
      labelEn,
    })),
    rows: publishTable(comparativeColumns, [...byComune.values()], total, { exactFor: 'none' }),
    viewer: 'controlled',
  });
}

const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    sendJson(res, 500, { code: 'internal', message: err instanceof Error ? err.message : String(err) });
  });
});
// Fastify's default, so that both servers keep autocannon's connections alike
server.keepAliveTimeout = 72_000;

const parent = serveParent(async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  await pool?.end();
});

try {
  if (!url) throw new Error('BENCH_DB_URL is not set');
  if (!cipher) throw new Error('INCAS_DATA_KEY is not set');
  const setup = new pg.Client({ connectionString: url, application_name: 'incas-bench-admin' });
  await setup.connect();
  try {
    casesActor = await actorOf(setup, pilotLogins.cases);
    comparativeActor = await actorOf(setup, pilotLogins.comparative);
  } finally {
    await setup.end();
  }
  pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: 'incas-bench-floor',
    // the MLPS account's tenancy settings, as accessOf() gives them, for the whole session
    options: `-c app.scope=${comparativeActor.scope.level} -c app.user_id=${comparativeActor.userId}`,
  });
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  parent.ready(server, { poolMax: 10 });
} catch (err) {
  parent.failed(err);
}
