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
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import type { Queryable } from '../server/platform/db/db.js';
import { selectMe } from '../server/modules/access/access.me.repo.js';
import { selectSessionByTokenHash } from '../server/modules/access/access.repo.js';
import { selectOrganisationsOfComune } from '../server/modules/registry/organisations.repo.js';
import { selectComune, selectComuniPage } from '../server/modules/registry/registry.repo.js';
import { serveParent } from './server-side.js';

// The same type parsers as the app's driver (server/platform/db/postgres.ts): count(*) is a number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const url = process.env.BENCH_DB_URL;
const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'incas-bench-floor' });
pool.on('error', () => undefined);

/** One pooled connection for the whole request, as the app holds one per transaction. */
async function withClient<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
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

  return sendJson(res, 404, { code: 'route.not_found' });
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
  await pool.end();
});

try {
  if (!url) throw new Error('BENCH_DB_URL is not set');
  await pool.query('SELECT 1');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  parent.ready(server, { poolMax: 10 });
} catch (err) {
  parent.failed(err);
}
