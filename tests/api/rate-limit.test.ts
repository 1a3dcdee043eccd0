/**
 * The request limits run before anything else looks at the request: per client IP before the
 * session cookie is looked up (anonymous floods, made-up cookies and unknown paths are counted and
 * never reach the sessions table), per verified session after it, and login keeps its own
 * stricter per-IP limit. The database is the real one; the test only watches which statements
 * reach it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import type { Database, Queryable } from '../../server/platform/db/db.js';
import { FakeClock, openTestDb, TEST_DATA_KEY } from '../support/harness.js';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';

const LIMIT = 5;
const LOGIN_LIMIT = 3;

/** The real database, counting the statements that read or write the sessions table. */
function watchingSessions(db: Database): { db: Database; sessionQueries: () => number } {
  let count = 0;
  const watch = (tx: Queryable): Queryable => ({
    query: (text, params) => {
      if (/\bsessions\b/.test(text)) count++;
      return tx.query(text, params);
    },
  });
  return {
    sessionQueries: () => count,
    db: {
      engine: db.engine,
      tx: (access, fn) => db.tx(access, (tx) => fn(watch(tx))),
      ownerTx: (fn) => db.ownerTx(fn),
      ownerExec: (sql) => db.ownerExec(sql),
      ownerQuery: (text, values) => db.ownerQuery(text, values),
      exclusive: (key, fn) => db.exclusive(key, fn),
      ping: () => db.ping(),
      close: () => db.close(),
    },
  };
}

let db: Database;
let app: FastifyInstance;
let sessionQueries: () => number;

async function start(env: Record<string, string>): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    INCAS_DEMO: 'true',
    LOG_LEVEL: 'silent',
    INCAS_DATA_KEY: TEST_DATA_KEY,
    INCAS_RATE_LIMIT: String(LIMIT),
    INCAS_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    ...env,
  });
  const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
  const built = await buildApp({ config, db, clock: new FakeClock(), cipher, logger: false });
  await built.ready();
  return built;
}

beforeAll(async () => {
  const watched = watchingSessions(await openTestDb());
  db = watched.db;
  sessionQueries = watched.sessionQueries;
  app = await start({});
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** A GET from one loopback address, optionally with headers. */
function get(ip: string, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, remoteAddress: ip, headers });
}

describe('the per-IP limit', () => {
  it('answers 429 to anonymous requests to a protected route once the limit is reached', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) statuses.push((await get('127.0.0.11', '/api/v1/me')).statusCode);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429, 429, 429]);
    const limited = await get('127.0.0.11', '/api/v1/me');
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate.limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another client is not affected
    expect((await get('127.0.0.21', '/api/v1/me')).statusCode).toBe(401);
  });

  it('counts requests with a made-up session cookie per IP, and a limited one never reaches the sessions table', async () => {
    const cookie = () => ({ cookie: `incas-session=${randomBytes(32).toString('base64url')}` });
    const before = sessionQueries();
    for (let i = 0; i < LIMIT; i++) expect((await get('127.0.0.12', '/api/v1/me', cookie())).statusCode).toBe(401);
    // each unknown cookie was looked up once
    expect(sessionQueries() - before).toBe(LIMIT);
    const looked = sessionQueries();
    for (let i = 0; i < 20; i++) expect((await get('127.0.0.12', '/api/v1/me', cookie())).statusCode).toBe(429);
    expect(sessionQueries()).toBe(looked);
  });

  it('counts unknown paths too, and leaves the health checks alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await get('127.0.0.13', '/api/v1/nothing-here')).statusCode);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(404), 429, 429]);
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await get('127.0.0.13', '/api/health')).statusCode).toBe(200);
      expect((await get('127.0.0.13', '/status')).statusCode).toBe(200);
    }
    expect((await get('127.0.0.13', '/api/v1/auth/info')).statusCode).toBe(429);
  });

  it('keys on the connecting address: a made-up X-Forwarded-For buys nothing without a trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await get('127.0.0.14', '/api/v1/auth/info', { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
  });

  it('keys on the client address the trusted proxy reports when INCAS_TRUST_PROXY is on', async () => {
    const proxied = await start({ INCAS_TRUST_PROXY: 'true' });
    try {
      const from = (client: string) =>
        proxied.inject({
          method: 'GET',
          url: '/api/v1/auth/info',
          remoteAddress: '127.0.0.15',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < LIMIT; i++) expect((await from('198.51.100.1')).statusCode).toBe(200);
      expect((await from('198.51.100.1')).statusCode).toBe(429);
      expect((await from('198.51.100.2')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('the per-session and login limits', () => {
  /** A CSRF token and its cookie, fetched from `ip`. */
  async function csrfFrom(ip: string): Promise<{ token: string; cookie: string }> {
    const res = await get(ip, '/api/v1/auth/csrf');
    const c = res.cookies.find((k) => k.name.endsWith('incas-csrf'))!;
    return { token: res.json<{ token: string }>().token, cookie: `${c.name}=${c.value}` };
  }
  async function loginFrom(ip: string, email: string, password: string) {
    const csrf = await csrfFrom(ip);
    return app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token, cookie: csrf.cookie },
      payload: JSON.stringify({ email, password }),
    });
  }

  it('limits one verified session across addresses', async () => {
    const u = await makeUser(db, { roles: ['operatore'] });
    const login = await loginFrom('127.0.0.16', u.email, TEST_PASSWORD);
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'incas-session')!;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await get(`127.0.1.${i + 1}`, '/api/v1/me', { cookie: `incas-session=${session.value}` });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
  });

  it(`keeps login's own limit of ${LOGIN_LIMIT} attempts per minute per IP`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 1; i++) {
      const csrf = await csrfFrom('127.0.0.17');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.0.0.18',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token, cookie: csrf.cookie },
        payload: JSON.stringify({ email: 'nobody@test.incas.local', password: `guess-${i}` }),
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json()).toMatchObject({ code: 'rate.limited' });
    }
    // the per-IP limit (5) is not reached by 4 requests: the 429 is login's own
    expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
  });
});
