/**
 * Registrations through the API (issue 14 item 1; decision 0055): a user registers with one call
 * and queues at once; an external participant registers without login, confirms the e-mail and
 * only then queues; the seats never overbook under a burst, the waitlist keeps arrival order, a
 * freed seat promotes exactly the first waiting; tokens only through the e-mail; the organisers'
 * list is audited; the e-mails reach a real SMTP server once each; expiry and reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import {
  makeEvent,
  makeOrganiser,
  makeRegistration,
  type TestEvent,
} from '../../../../tests/support/event-factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { OrProblem, Schema } from '../../../../tests/support/schema.js';
import { plainText, startSmtp } from '../../../../tests/support/smtp.js';
import { PRIVACY_VERSION } from '../shared/vocabulary.js';
import { registrationNoticesJob } from './registrations.jobs.js';

type Mine = OrProblem<Schema<'EventMyRegistration'>>;
type MineList = Schema<'EventMyRegistrationList'>;
type OrgList = OrProblem<Schema<'EventOrganiserRegistrationList'>>;

let t: TestApp;
let organiser: TestUser;
let as: { organiser: Agent; referente: Agent; mlps: Agent; anon: Agent };
let referente: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  organiser = await makeOrganiser(t.db);
  referente = await makeUser(t.db, { roles: ['referente_comunale'] });
  as = {
    organiser: await loginAs(t, organiser),
    referente: await loginAs(t, referente),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    anon: new Agent(t.app),
  };
});
afterAll(async () => t.close());

const jobCtx = (app: TestApp) =>
  ({
    actor: null,
    db: app.db,
    clock: app.clock,
    config: app.config,
    cipher: app.cipher,
    log: app.app.log,
    requestId: 'test',
    ip: '127.0.0.1',
  }) as Ctx;

const external = (o: Record<string, unknown> = {}) => ({
  fullName: 'Maria Prova',
  email: `maria.${Math.random().toString(36).slice(2, 10)}@example.org`,
  organisationName: 'Cooperativa di prova',
  organisationType: 'terzo_settore',
  comuneIstat: '078001',
  consent: true,
  privacyVersion: PRIVACY_VERSION,
  ...o,
});

const rows = (db: TestApp['db'], eventId: string) =>
  db.ownerTx((tx) =>
    tx.query<{ id: string; status: string; queued_at: Date | null; email: string; user_id: string | null }>(
      `SELECT id, status, queued_at, email, user_id FROM evt_registrations WHERE event_id = $1 ORDER BY queued_at, id`,
      [eventId],
    ),
  );
const count = async (db: TestApp['db'], table: string) =>
  (await db.ownerTx((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

/** The token the confirmation e-mail will carry (read from the outbox, as the mail job does). */
async function tokenFor(db: TestApp['db'], email: string): Promise<string> {
  const [r] = await db.ownerTx((tx) =>
    tx.query<{ link_token: string }>(
      `SELECT n.link_token FROM evt_notices n JOIN evt_registrations r ON r.id = n.registration_id
        WHERE r.email = $1 AND n.kind = 'CONFERMA_EMAIL' ORDER BY n.created_at DESC LIMIT 1`,
      [email.toLowerCase()],
    ),
  );
  return r!.link_token;
}

async function requestAndToken(app: TestApp, agent: Agent, ev: TestEvent, o: Record<string, unknown> = {}) {
  const body = external(o);
  const res = await agent.post(`/api/v1/public/events/${ev.slug}/registrations`, body);
  expect(res.status).toBe(202);
  return { email: body.email, token: await tokenFor(app.db, body.email) };
}

describe('a user registers', () => {
  it('401 without a session; a seat at once, then the list of mine; twice is 409', async () => {
    const ev = await makeEvent(t.db, organiser, { capacity: 1 });
    expect((await as.anon.post(`/api/v1/events/${ev.id}/registrations`)).status).toBe(401);
    const res = await as.referente.post<Mine>(`/api/v1/events/${ev.id}/registrations`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'CONFERMATA', waitlistPosition: null, event: { id: ev.id } });
    expect(JSON.stringify(res.body)).not.toMatch(/token/i);
    const again = await as.referente.post<Mine>(`/api/v1/events/${ev.id}/registrations`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('events.registration.duplicate');
    // the next one waits
    const mlps = await as.mlps.post<Mine>(`/api/v1/events/${ev.id}/registrations`, {});
    expect(mlps.body).toMatchObject({ status: 'IN_ATTESA', waitlistPosition: 1 });
    const mine = await as.mlps.get<MineList>('/api/v1/event-registrations/mine');
    expect(mine.body.items.find((i) => i.event.id === ev.id)).toMatchObject({
      status: 'IN_ATTESA',
      waitlistPosition: 1,
    });
    // the registration copies the account's organisation
    const [r] = await t.db.ownerTx((tx) =>
      tx.query<{ organisation_type: string; comune_istat: string; region_code: string }>(
        'SELECT organisation_type, comune_istat, region_code FROM evt_registrations WHERE id = $1',
        [res.body.id],
      ),
    );
    expect(r).toMatchObject({ organisation_type: 'comune', comune_istat: referente.org.comuneIstat });
    expect(r!.region_code).toMatch(/^[0-9]{2}$/);
    // the seat is cancelled: the waiting one is promoted
    const cancel = await as.referente.post<Mine>(`/api/v1/event-registrations/${res.body.id}/cancel`);
    expect(cancel.body.status).toBe('ANNULLATA');
    expect(
      (await as.mlps.get<MineList>('/api/v1/event-registrations/mine')).body.items.find((i) => i.event.id === ev.id),
    ).toMatchObject({ status: 'CONFERMATA', waitlistPosition: null });
    // cancelled twice: 409
    expect((await as.referente.post<Mine>(`/api/v1/event-registrations/${res.body.id}/cancel`)).body.code).toBe(
      'events.state',
    );
  });

  it('404 for a draft or unknown event, 409 when closed, 400 for a bad body (nothing changes)', async () => {
    const draft = await makeEvent(t.db, organiser, { status: 'BOZZA' });
    expect((await as.referente.post<Mine>(`/api/v1/events/${draft.id}/registrations`, {})).body.code).toBe(
      'events.event.not_found',
    );
    const closed = await makeEvent(t.db, organiser, { closesAt: new Date('2026-01-01T00:00:00Z') });
    expect((await as.referente.post<Mine>(`/api/v1/events/${closed.id}/registrations`, {})).body.code).toBe(
      'events.state',
    );
    const ev = await makeEvent(t.db, organiser);
    const before = await count(t.db, 'evt_registrations');
    expect((await as.referente.post(`/api/v1/events/${ev.id}/registrations`, { consent: false })).status).toBe(400);
    expect((await as.referente.post(`/api/v1/events/not-a-uuid/registrations`, {})).status).toBe(400);
    expect(
      (await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, external({ email: 'x' }))).status,
    ).toBe(400);
    expect(
      (await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, external({ consent: false }))).status,
    ).toBe(400);
    expect(
      (await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, external({ privacyVersion: 'old' })))
        .status,
    ).toBe(400);
    expect(
      (await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, external({ comuneIstat: '999999' })))
        .status,
    ).toBe(400);
    expect((await as.anon.post('/api/v1/public/registrations/confirm', { token: 'short' })).status).toBe(400);
    expect(await count(t.db, 'evt_registrations')).toBe(before);
  });

  it('another person’s registration is 404 to a participant; an organiser cancels it', async () => {
    const ev = await makeEvent(t.db, organiser);
    const reg = await makeRegistration(t.db, ev);
    expect((await as.referente.post<Mine>(`/api/v1/event-registrations/${reg.id}/cancel`)).body.code).toBe(
      'events.registration.not_found',
    );
    const res = await as.organiser.post<Mine>(`/api/v1/event-registrations/${reg.id}/cancel`);
    expect(res.body.status).toBe('ANNULLATA');
    const audit = await auditRows(t.db, "action = 'events.registration.cancel' AND entity_id = $1", [reg.id]);
    expect(audit[0]!.details.by).toBe('organiser');
  });
});

describe('the organisers’ list', () => {
  it('events.manage only; every registration with its queue position and personal data; the read is audited', async () => {
    const ev = await makeEvent(t.db, organiser, { capacity: 1 });
    await makeRegistration(t.db, ev, { queuedAt: new Date('2026-05-01T10:00:00Z') });
    const w = await makeRegistration(t.db, ev, { status: 'IN_ATTESA', queuedAt: new Date('2026-05-01T11:00:00Z') });
    expect((await as.anon.get(`/api/v1/events/${ev.id}/registrations`)).status).toBe(401);
    expect((await as.referente.get(`/api/v1/events/${ev.id}/registrations`)).status).toBe(403);
    expect((await as.mlps.get(`/api/v1/events/${ev.id}/registrations`)).status).toBe(403);
    expect((await as.organiser.get<OrgList>(`/api/v1/events/${crypto.randomUUID()}/registrations`)).status).toBe(404);
    const res = await as.organiser.get<OrgList>(`/api/v1/events/${ev.id}/registrations`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ capacity: 1, confirmed: 1, waiting: 1 });
    expect(res.body.items.map((i) => [i.status, i.waitlistPosition])).toEqual([
      ['CONFERMATA', null],
      ['IN_ATTESA', 1],
    ]);
    expect(res.body.items[1]).toMatchObject({ id: w.id, email: w.email, organisationType: 'terzo_settore' });
    expect(await auditRows(t.db, "action = 'events.registration.list' AND entity_id = $1", [ev.id])).toHaveLength(1);
  });
});

describe('an external participant', () => {
  it('202 the same whether or not the e-mail is known; no seat before the e-mail is confirmed; no token in any answer', async () => {
    const ev = await makeEvent(t.db, organiser, { capacity: 1 });
    const body = external({ email: 'Anna.Prova@example.org' });
    const first = await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, body);
    const second = await as.anon.post(`/api/v1/public/events/${ev.slug}/registrations`, body);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(JSON.stringify(first.body)).not.toMatch(/token/i);
    const regs = await rows(t.db, ev.id);
    expect(regs.map((r) => r.status)).toEqual(['DA_CONFERMARE']);
    const notices = await t.db.ownerTx((tx) =>
      tx.query<{ kind: string; link_token: string }>(
        'SELECT kind, link_token FROM evt_notices WHERE registration_id = $1',
        [regs[0]!.id],
      ),
    );
    expect(notices.map((n) => n.kind)).toEqual(['CONFERMA_EMAIL']);
    const token = notices[0]!.link_token;
    // the database keeps only the hash
    const stored = await t.db.ownerTx((tx) =>
      tx.query<Record<string, unknown>>('SELECT * FROM evt_registrations WHERE id = $1', [regs[0]!.id]),
    );
    expect(JSON.stringify(stored)).not.toContain(token);
    // unknown event: 404
    expect((await as.anon.post('/api/v1/public/events/nessun-evento/registrations', body)).status).toBe(404);

    // the lookup before confirming: DA_CONFERMARE
    const look = await as.anon.post<Mine>('/api/v1/public/registrations/lookup', { token });
    expect(look.body).toMatchObject({ status: 'DA_CONFERMARE', event: { slug: ev.slug } });
    // confirm: the seat; twice: the same answer
    t.clock.minutes(5);
    const c1 = await as.anon.post<Mine>('/api/v1/public/registrations/confirm', { token });
    expect(c1.status).toBe(200);
    expect(c1.body.status).toBe('CONFERMATA');
    const c2 = await as.anon.post<Mine>('/api/v1/public/registrations/confirm', { token });
    expect(c2.body).toEqual(c1.body);
    expect(
      await auditRows(t.db, "action = 'events.registration.confirm' AND entity_id = $1", [c1.body.id]),
    ).toHaveLength(1);
    // another comes later: waitlist
    const other = await requestAndToken(t, as.anon, ev);
    const w = await as.anon.post<Mine>('/api/v1/public/registrations/confirm', { token: other.token });
    expect(w.body).toMatchObject({ status: 'IN_ATTESA', waitlistPosition: 1 });
    // the first cancels with the link: the second is promoted
    const cancel = await as.anon.post<Mine>('/api/v1/public/registrations/cancel', { token });
    expect(cancel.body.status).toBe('ANNULLATA');
    const after = await as.anon.post<Mine>('/api/v1/public/registrations/lookup', { token: other.token });
    expect(after.body.status).toBe('CONFERMATA');
    // a token that opens nothing
    expect((await as.anon.post<Mine>('/api/v1/public/registrations/lookup', { token: 'x'.repeat(32) })).body.code).toBe(
      'events.link.invalid',
    );
  });

  it('expires after CONFIRM_HOURS: confirm is 404, the job marks it SCADUTA', async () => {
    const app = await startTestApp();
    try {
      const org = await makeOrganiser(app.db);
      const ev = await makeEvent(app.db, org);
      const agent = new Agent(app.app);
      const { token } = await requestAndToken(app, agent, ev);
      app.clock.advance(49 * 3_600_000);
      const res = await agent.post<Mine>('/api/v1/public/registrations/confirm', { token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('events.link.invalid');
      await registrationNoticesJob.handler(jobCtx(app), {});
      expect((await rows(app.db, ev.id)).map((r) => r.status)).toEqual(['SCADUTA']);
      // the same e-mail may register again
    } finally {
      await app.close();
    }
  });
});

describe('the seats under a burst', () => {
  it('200 concurrent registrations (users and confirmed e-mails) for 20 seats: 20 CONFERMATA, 180 IN_ATTESA in arrival order; a cancellation promotes exactly the first waiting; concurrent cancellations leave no free seat with someone waiting', async () => {
    const ev = await makeEvent(t.db, organiser, { capacity: 20 });
    const orgs = [await makeOrg(t.db), await makeOrg(t.db), await makeOrg(t.db, { type: 'regione' })];
    const users: Agent[] = [];
    for (let i = 0; i < 60; i++)
      users.push(await loginAs(t, await makeUser(t.db, { roles: ['operatore'], org: orgs[i % 3]! })));
    const anon = new Agent(t.app);
    const tokens: string[] = [];
    for (let i = 0; i < 140; i++) tokens.push((await requestAndToken(t, anon, ev)).token);
    // interleaved: a user, two or three confirmations, …
    const calls: (() => Promise<{ status: number }>)[] = [];
    let u = 0;
    let k = 0;
    while (u < users.length || k < tokens.length) {
      if (u < users.length) {
        const a = users[u++]!;
        calls.push(() => a.post(`/api/v1/events/${ev.id}/registrations`, {}));
      }
      for (let j = 0; j < 3 && k < tokens.length; j++) {
        const tok = tokens[k++]!;
        calls.push(() => anon.post('/api/v1/public/registrations/confirm', { token: tok }));
      }
    }
    const answers = await Promise.all(calls.map((c) => c()));
    expect(answers.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    const all = await rows(t.db, ev.id);
    expect(all.filter((r) => r.status === 'CONFERMATA')).toHaveLength(20);
    expect(all.filter((r) => r.status === 'IN_ATTESA')).toHaveLength(180);
    // arrival order: the seats went to the first 20 arrivals, then the queue in order of queued_at
    expect(all.slice(0, 20).every((r) => r.status === 'CONFERMATA')).toBe(true);
    // every arrival has its own instant (to the microsecond), in the order the lock was taken
    const [distinct] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(DISTINCT queued_at)::int AS n FROM evt_registrations WHERE event_id = $1', [
        ev.id,
      ]),
    );
    expect(distinct!.n).toBe(200);
    const list = await as.organiser.get<OrgList>(`/api/v1/events/${ev.id}/registrations`);
    const waiting = list.body.items.filter((i) => i.status === 'IN_ATTESA');
    expect(waiting.map((i) => i.waitlistPosition)).toEqual(waiting.map((_, i) => i + 1));
    expect(waiting.map((i) => i.id)).toEqual(all.filter((r) => r.status === 'IN_ATTESA').map((r) => r.id));

    // one cancellation: exactly the first waiting is promoted
    const seat = all[0]!;
    const firstWaiting = waiting[0]!.id;
    await as.organiser.post(`/api/v1/event-registrations/${seat.id}/cancel`);
    const after = await rows(t.db, ev.id);
    expect(after.filter((r) => r.status === 'CONFERMATA')).toHaveLength(20);
    expect(after.find((r) => r.id === firstWaiting)!.status).toBe('CONFERMATA');
    expect(after.filter((r) => r.status === 'IN_ATTESA')).toHaveLength(179);
    const promoted = await auditRows(t.db, "action = 'events.registration.promote' AND details->>'event' = $1", [
      ev.id,
    ]);
    expect(promoted.map((p) => p.entity_id)).toEqual([firstWaiting]);

    // concurrent cancellations of seats and waiting ones: still 20 seats, the queue's head promoted
    const seats = after.filter((r) => r.status === 'CONFERMATA').slice(0, 8);
    const queued = after.filter((r) => r.status === 'IN_ATTESA').slice(5, 10);
    await Promise.all(
      [...seats, ...queued].map((r) => as.organiser.post(`/api/v1/event-registrations/${r.id}/cancel`)),
    );
    const end = await rows(t.db, ev.id);
    expect(end.filter((r) => r.status === 'CONFERMATA')).toHaveLength(20);
    expect(end.filter((r) => r.status === 'IN_ATTESA')).toHaveLength(179 - 8 - 5);
    // nobody waiting arrived before someone promoted after the burst: the seats are a prefix of the live queue
    const live = end.filter((r) => r.status === 'CONFERMATA' || r.status === 'IN_ATTESA');
    expect(live.slice(0, 20).every((r) => r.status === 'CONFERMATA')).toBe(true);
  }, 120_000);

  it('a larger capacity promotes the waitlist into the new seats in arrival order, under the lock, with registrations arriving meanwhile', async () => {
    const ev = await makeEvent(t.db, organiser, { capacity: 3 });
    const t0 = Date.now() - 3_600_000;
    for (let i = 0; i < 3; i++) await makeRegistration(t.db, ev, { queuedAt: new Date(t0 + i * 1000) });
    // queued in reverse order of creation: the promotion follows queued_at, not insertion
    const waiting: string[] = [];
    for (let i = 9; i >= 0; i--)
      waiting.unshift(
        (await makeRegistration(t.db, ev, { status: 'IN_ATTESA', queuedAt: new Date(t0 + 60_000 + i * 1000) })).id,
      );
    const detail = await as.organiser.get<Schema<'EventDetail'>>(`/api/v1/events/${ev.id}`);
    const newcomers: Agent[] = [];
    for (let i = 0; i < 6; i++) newcomers.push(await loginAs(t, await makeUser(t.db, { roles: ['operatore'] })));
    // the capacity goes from 3 to 8 while six users register at the same time
    const [patch, ...regs] = await Promise.all([
      as.organiser.patch<Schema<'EventDetail'>>(`/api/v1/events/${ev.id}`, {
        rowVersion: detail.body.rowVersion,
        capacity: 8,
      }),
      ...newcomers.map((a) => a.post(`/api/v1/events/${ev.id}/registrations`, {})),
    ]);
    expect(patch.status).toBe(200);
    expect(regs.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const all = await rows(t.db, ev.id);
    expect(all.filter((r) => r.status === 'CONFERMATA')).toHaveLength(8);
    // the five seats went to the first five waiting, in arrival order; everyone else waits
    for (const id of waiting.slice(0, 5)) expect(all.find((r) => r.id === id)!.status).toBe('CONFERMATA');
    for (const id of waiting.slice(5)) expect(all.find((r) => r.id === id)!.status).toBe('IN_ATTESA');
    expect(all.filter((r) => r.user_id !== null).every((r) => r.status === 'IN_ATTESA')).toBe(true);
    const promoted = await auditRows(t.db, "action = 'events.registration.promote' AND details->>'event' = $1", [
      ev.id,
    ]);
    expect(promoted.map((p) => p.entity_id).sort()).toEqual(waiting.slice(0, 5).sort());
    const update = await auditRows(t.db, "action = 'events.event.update' AND entity_id = $1", [ev.id]);
    expect(update[0]!.details).toMatchObject({ capacity: 8, promoted: 5 });
    const notices = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM evt_notices n JOIN evt_registrations r ON r.id = n.registration_id
          WHERE r.event_id = $1 AND n.kind = 'PROMOSSO'`,
        [ev.id],
      ),
    );
    expect(notices[0]!.n).toBe(5);
    // a smaller capacity (still above the confirmed) promotes nobody
    const again = await as.organiser.patch<Schema<'EventDetail'>>(`/api/v1/events/${ev.id}`, {
      rowVersion: patch.body.rowVersion,
      title: 'Workshop di prova: titolo nuovo',
    });
    expect(again.status).toBe(200);
    expect(again.body.confirmed).toBe(8);
  }, 60_000);
});

describe('e-mails', () => {
  it('the real SMTP server receives each once: the confirmation link (token in the fragment), the seat, the waitlist, the promotion and the reminder with the .ics', async () => {
    const smtp = await startSmtp();
    const app = await startTestApp({ INCAS_SMTP_URL: smtp.url, INCAS_PUBLIC_URL: 'https://incas.example.org' });
    try {
      const org = await makeOrganiser(app.db);
      const ev = await makeEvent(app.db, org, { capacity: 1, startsAt: new Date('2026-06-10T09:00:00Z') });
      const agent = new Agent(app.app);
      const a = await requestAndToken(app, agent, ev, { fullName: 'Anna Esempio' });
      const b = await requestAndToken(app, agent, ev, { fullName: 'Bruno Esempio' });
      await registrationNoticesJob.handler(jobCtx(app), {});
      expect(
        smtp.received
          .map((m) => m.to)
          .flat()
          .sort(),
      ).toEqual([a.email, b.email].sort());
      const first = plainText(smtp.received.find((m) => m.to.includes(a.email))!.raw);
      expect(first).toContain('Conferma la tua iscrizione');
      expect(first).toContain(`https://incas.example.org/eventi/iscrizione#t=${a.token}`);
      // the token leaves the outbox once sent
      const left = await app.db.ownerTx((tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM evt_notices WHERE link_token IS NOT NULL'),
      );
      expect(left[0]!.n).toBe(0);
      // again: nothing more
      await registrationNoticesJob.handler(jobCtx(app), {});
      expect(smtp.received).toHaveLength(2);

      await agent.post('/api/v1/public/registrations/confirm', { token: a.token });
      await agent.post('/api/v1/public/registrations/confirm', { token: b.token });
      await agent.post('/api/v1/public/registrations/cancel', { token: a.token });
      await registrationNoticesJob.handler(jobCtx(app), {});
      const subjects = smtp.received.slice(2).map((m) => `${m.to[0]} ${/Subject: (.*)/.exec(plainText(m.raw))![1]}`);
      expect(subjects).toHaveLength(3);
      expect(subjects.filter((s) => s.startsWith(b.email))).toHaveLength(2);
      // the relay's connections deliver in any order: by subject
      const promoted = smtp.received.slice(2).filter((m) => plainText(m.raw).includes('ora la tua iscrizione'));
      expect(promoted.map((m) => m.to)).toEqual([[b.email]]);

      // two days before: the reminder to the seat, with the .ics; once
      app.clock.advance(8 * 86_400_000);
      await registrationNoticesJob.handler(jobCtx(app), {});
      await registrationNoticesJob.handler(jobCtx(app), {});
      expect(smtp.received).toHaveLength(6);
      const reminder = plainText(smtp.received.at(-1)!.raw);
      expect(smtp.received.at(-1)!.to).toEqual([b.email]);
      expect(reminder).toContain(`https://incas.example.org/api/v1/public/events/${ev.slug}/event.ics`);
      expect(await auditRows(app.db, "action = 'events.registration.notice.sent'")).toHaveLength(6);
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it('a refused e-mail is sent again by the retry, with its link', async () => {
    const smtp = await startSmtp();
    const app = await startTestApp({ INCAS_SMTP_URL: smtp.url });
    try {
      const org = await makeOrganiser(app.db);
      const ev = await makeEvent(app.db, org);
      const a = await requestAndToken(app, new Agent(app.app), ev);
      smtp.refuse = true;
      await expect(registrationNoticesJob.handler(jobCtx(app), {})).rejects.toThrow(/retry/);
      smtp.refuse = false;
      await registrationNoticesJob.handler(jobCtx(app), {});
      expect(smtp.received).toHaveLength(1);
      expect(plainText(smtp.received[0]!.raw)).toContain(`#t=${a.token}`);
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
