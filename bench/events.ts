/**
 * The registration burst of the events (issue 14; decision 0055), `npm run bench:events`: BENCH_EVENTS_USERS
 * (default 500) logged-in users register at once (one request each, all in flight together) for
 * one published workshop of BENCH_EVENTS_SEATS (default 50) seats, over HTTP against the app on a
 * PostgreSQL server. Every seat decision waits for the event row's lock, so the burst is
 * serialised on one row: the bench prints p50 and p99 of the answers and checks that exactly the
 * seats are CONFERMATA and the rest IN_ATTESA, in arrival order (zero overbooking); it exits 1
 * otherwise.
 *
 * A fresh database `incas_bench_events_<pid>` is made with the app's start-up code and dropped at
 * the end. The users are written as the database owner (the demo password's hash, demo accounts)
 * and log in through the API before the burst.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { modules } from '../server/modules.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import type { Database } from '../server/platform/db/db.js';
import { admin, benchDatabase } from './surveys-scale.js';

const USERS = Number(process.env.BENCH_EVENTS_USERS || 500);
const SEATS = Number(process.env.BENCH_EVENTS_SEATS || 50);
const DEMO_PASSWORD = 'demo-incas-2026';

async function writeFixture(db: Database): Promise<{ eventId: string; emails: string[] }> {
  return db.ownerTx(async (tx) => {
    const [demo] = await tx.query<{ id: string; password_hash: string; organisation_id: string }>(
      `SELECT id, password_hash, organisation_id FROM users WHERE email = 'mlps@demo.incas.local'`,
    );
    const eventId = randomUUID();
    const starts = new Date(Date.now() + 30 * 86_400_000);
    await tx.query(
      `INSERT INTO evt_events (id, slug, kind, status, title, summary, starts_at, ends_at, place, region_code, capacity,
                               published_at, created_by, created_at, updated_at)
       VALUES ($1, 'workshop-bench', 'WORKSHOP_TERRITORIALE', 'PUBBLICATO', 'Workshop (bench)', 'Bench', $2, $3,
               'Sala (bench)', '12', $4, now(), $5, now(), now())`,
      [eventId, starts, new Date(starts.getTime() + 4 * 3_600_000), SEATS, demo!.id],
    );
    const emails: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const email = `bench.iscritto.${i}@demo.incas.local`;
      const [u] = await tx.query<{ id: string }>(
        `INSERT INTO users (email, display_name, organisation_id, password_hash, is_demo, status)
         VALUES ($1, $2, $3, $4, true, 'active') RETURNING id`,
        [email, `Iscritto bench ${i}`, demo!.organisation_id, demo!.password_hash],
      );
      await tx.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'operatore')`, [u!.id]);
      emails.push(email);
    }
    return { eventId, emails };
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function logIn(base: string, email: string): Promise<Session> {
  const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
  const { token } = (await csrfRes.json()) as { token: string };
  const jar = new Map(csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  for (const c of res.headers.getSetCookie()) {
    const [k, v] = c.split(';')[0]!.split('=') as [string, string];
    jar.set(k, v);
  }
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), csrf: token };
}

async function main(): Promise<number> {
  const { dbName, dbUrl } = benchDatabase('events');
  const drop = () => admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  process.once('SIGINT', () => void drop().finally(() => process.exit(130)));
  await admin(`CREATE DATABASE "${dbName}"`);
  let db: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: dbUrl,
      INCAS_RATE_LIMIT: '100000000',
      INCAS_LOGIN_RATE_LIMIT: '100000000',
      LOG_LEVEL: 'silent',
      INCAS_DEMO: 'true',
    });
    db = (await prepareDatabase(config, modules)).db;
    const fx = await writeFixture(db);
    app = await buildApp({ config, db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    const sessions: Session[] = [];
    for (let i = 0; i < fx.emails.length; i += 10)
      sessions.push(...(await Promise.all(fx.emails.slice(i, i + 10).map((e) => logIn(base, e)))));
    console.log(
      `InCaS events registration burst — ${new Date().toISOString()} — ${USERS} concurrent registrations, ${SEATS} seats, PostgreSQL`,
    );
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const t0 = performance.now();
    await Promise.all(
      sessions.map(async (s) => {
        const r0 = performance.now();
        const res = await fetch(`${base}/api/v1/events/${fx.eventId}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf, cookie: s.cookie },
          body: '{}',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - r0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const { rows } = await check.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM evt_registrations WHERE event_id = $1 GROUP BY status`,
      [fx.eventId],
    );
    // arrival order: no one waiting arrived before someone holding a seat
    const { rows: order } = await check.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM evt_registrations w, evt_registrations s
        WHERE w.event_id = $1 AND s.event_id = $1 AND w.status = 'IN_ATTESA' AND s.status = 'CONFERMATA'
          AND w.queued_at < s.queued_at`,
      [fx.eventId],
    );
    await check.end();
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const confirmed = by.CONFERMATA ?? 0;
    const waiting = by.IN_ATTESA ?? 0;
    console.log(`answers: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')} in ${wall.toFixed(2)} s`);
    console.log(`latency: p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms`);
    console.log(
      `seats: ${confirmed} CONFERMATA of ${SEATS}, ${waiting} IN_ATTESA, waiting ahead of a seat: ${order[0]!.bad}`,
    );
    const ok = confirmed === SEATS && waiting === USERS - SEATS && order[0]!.bad === 0 && statuses.get(201) === USERS;
    console.log(ok ? 'zero overbooking: OK' : 'FAILED');
    return ok ? 0 : 1;
  } finally {
    await app?.close();
    await db?.close();
    await drop().catch((e: unknown) => console.error(`Could not drop ${dbName}: ${String(e)}`));
  }
}

process.exit(await main());
