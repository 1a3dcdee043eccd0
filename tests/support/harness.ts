/**
 * Test harness: a fresh database copy per test file, the real application on it, a settable
 * clock, and an HTTP agent that keeps cookies and sends the CSRF token like the web client does.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Clock } from '../../server/platform/context.js';
import { createFieldCipher, type FieldCipher } from '../../server/platform/crypto.js';
import type { Database } from '../../server/platform/db/db.js';
import { openPglite } from '../../server/platform/db/pglite.js';
import { openPostgres } from '../../server/platform/db/postgres.js';
import { closePdfRenderer } from '../../server/platform/pdf.js';
import { databaseUrlWithName, type TemplateInfo } from './template.js';

/** A fixed data key for tests (never used outside them). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

export class FakeClock implements Clock {
  private t: number;
  constructor(start = Date.parse('2026-06-01T09:00:00Z')) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  minutes(n: number): void {
    this.advance(n * 60_000);
  }
}

/**
 * A private copy of the migrated template database (with the registry loaded), or of another
 * template of the run (the browser journeys' demo data).
 */
export async function openTestDb(tmpl: TemplateInfo = inject('dbTemplate')): Promise<Database> {
  if (tmpl.kind === 'pglite') {
    return openPglite(null, { loadDataDir: new Blob([readFileSync(tmpl.imagePath)]) });
  }
  return openPostgres(await copyServerTemplate(tmpl), { max: 5 });
}

async function copyServerTemplate(tmpl: { serverUrl: string; template: string }): Promise<string> {
  const name = `${tmpl.template.replace('_tmpl_', '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tmpl.template}`);
        break;
      } catch (err) {
        // another worker copying the template at the same moment: wait and retry
        if (attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
  } finally {
    await admin.end();
  }
  return databaseUrlWithName(tmpl.serverUrl, name);
}

/**
 * A private copy that another process (a CLI under test) can open too: on PGlite a data folder in
 * `dir` (open it from one process at a time), on a server a database of its own. Returns the
 * environment that names it to `loadConfig`, and a way to open it here.
 */
export async function makeSharedTestDb(
  dir: string,
): Promise<{ env: Record<string, string>; open(): Promise<Database> }> {
  const tmpl = inject('dbTemplate');
  if (tmpl.kind === 'pglite') {
    const db = await openPglite(dir, { loadDataDir: new Blob([readFileSync(tmpl.imagePath)]) });
    await db.close();
    return { env: { INCAS_DATA_DIR: dir }, open: () => openPglite(dir) };
  }
  const url = await copyServerTemplate(tmpl);
  return { env: { DATABASE_URL: url }, open: () => openPostgres(url, { max: 2 }) };
}

/** An empty database, not migrated (for upgrade tests); dropped with the other copies at the end. */
export async function openEmptyDb(): Promise<Database> {
  const tmpl = inject('dbTemplate');
  if (tmpl.kind === 'pglite') return openPglite(null);
  const name = `${tmpl.template.replace('_tmpl_', '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openPostgres(databaseUrlWithName(tmpl.serverUrl, name), { max: 5 });
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  clock: FakeClock;
  config: Config;
  cipher: FieldCipher;
  close(): Promise<void>;
}

/**
 * The application on a fresh database. Demo mode is on by default so that the factories' demo
 * accounts log in without TOTP; tests of the second factor start an app with INCAS_DEMO=false.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await openTestDb();
  const clock = new FakeClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    INCAS_DEMO: 'true',
    LOG_LEVEL: 'silent',
    INCAS_DATA_KEY: TEST_DATA_KEY,
    INCAS_COMPARATIVE_CACHE_SECONDS: '0',
    INCAS_RATE_LIMIT: '100000',
    INCAS_LOGIN_RATE_LIMIT: '100000',
    ...env,
  });
  const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
  const app = await buildApp({ config, db, clock, cipher, logger: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    cipher,
    async close() {
      await app.close();
      await db.close();
      // the process's shared Chromium, if a test printed a PDF; the next print launches another
      await closePdfRenderer();
    },
  };
}

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Plays a browser: keeps cookies, fetches and sends the CSRF token on state-changing requests. */
export class Agent {
  readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = unknown>(
    method: Method,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Res<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (method !== 'GET' && opts.csrf !== false) {
      if (!this.csrf) await this.refreshCsrf();
      headers['x-csrf-token'] = this.csrf!;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // PATCH bodies are JSON merge patches, the media type the API documents (it also takes application/json)
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res };
  }

  async refreshCsrf(): Promise<void> {
    const r = await this.request<{ token: string }>('GET', '/api/v1/auth/csrf');
    this.csrf = r.body.token;
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }

  async login(email: string, password: string, totp?: string): Promise<Res<Record<string, unknown>>> {
    return this.post('/api/v1/auth/login', { email, password, ...(totp ? { totp } : {}) });
  }

  sessionCookie(): string | undefined {
    return this.cookies.get('incas-session');
  }
}
