/**
 * The event itself through the API: the organisers (ANCI's assistenza tecnica) create a draft,
 * change it (row_version; never a capacity below the seats confirmed), publish and cancel it (each
 * live registration gets its e-mail), every write audited; nobody else reaches these routes. The
 * public site (no login) lists and shows the published events, never a draft nor a registration's
 * personal data, and gives each as an iCalendar file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, fingerprint, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import {
  makeEvent,
  makeOrganiser,
  makeRegistration,
  type TestEvent,
} from '../../../../tests/support/event-factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { foldLine, icsText } from './events.ics.js';
import { concludeEndedEventsJob } from './events.jobs.js';
import { concludeEndedEvents } from './events.service.js';
import { freeSlug, slugOf } from './events.rules.js';

type Event = Schema<'EventDetail'>;
type EventPage = Schema<'EventPage'>;
type PublicEvent = Schema<'PublicEvent'>;
type PublicPage = Schema<'PublicEventPage'>;
type Problem = { code: string; context?: { status?: string; confirmed?: number }; errors?: { path: string }[] };

let t: TestApp;
let organiser: TestUser;
let as: { organiser: Agent; referente: Agent; mlps: Agent; anonymous: Agent };

beforeAll(async () => {
  t = await startTestApp();
  organiser = await makeOrganiser(t.db);
  as = {
    organiser: await loginAs(t, organiser),
    referente: await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'] })),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    anonymous: new Agent(t.app),
  };
});
afterAll(async () => t.close());

const inDays = (d: number, hour = 9) => {
  const x = new Date(t.clock.now().getTime() + d * 86_400_000);
  x.setUTCHours(hour, 0, 0, 0);
  return x.toISOString();
};
const draftBody = (o: Record<string, unknown> = {}) => ({
  kind: 'WORKSHOP_TERRITORIALE',
  title: 'Workshop di Città di Castello: l’attività più utile, perché sì',
  summary: 'Una giornata di lavoro, con esempi; testo di prova.',
  programme: '10:00 Apertura\n11:00 Gruppi',
  audience: 'Comuni',
  startsAt: inDays(40),
  endsAt: inDays(40, 15),
  place: 'Sala del Consiglio, piazza Gabriotti',
  regionCode: '10',
  capacity: 25,
  ...o,
});

describe('the rules of the address and the calendar file', () => {
  it('makes the address from the title, Italian letters without accents, unique', () => {
    expect(slugOf('Città, è già l’ora: perché?')).toBe('citta-e-gia-l-ora-perche');
    expect(slugOf('Ü')).toBe('evento-u');
    expect(slugOf('x'.repeat(30) + ' ' + 'y'.repeat(60)).length).toBeLessThanOrEqual(70);
    expect(freeSlug('a-b', ['a-b', 'a-b-2'])).toBe('a-b-3');
    expect(freeSlug('a-b', [])).toBe('a-b');
  });

  it('escapes text and folds lines at 75 octets without breaking a character', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'à'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'à'.repeat(80)}`);
  });
});

describe('the organisers create, change, publish and cancel an event', () => {
  let ev: Event;

  it('creates a draft with an address made from the title; audited', async () => {
    const res = await as.organiser.post<Event>('/api/v1/events', draftBody());
    expect(res.status).toBe(201);
    ev = res.body;
    expect(ev).toMatchObject({
      status: 'BOZZA',
      slug: 'workshop-di-citta-di-castello-l-attivita-piu-utile-perche-si',
      regionName: 'Umbria',
      capacity: 25,
      seatsLeft: 25,
      confirmed: 0,
      rowVersion: 1,
      publishedAt: null,
    });
    const again = await as.organiser.post<Event>('/api/v1/events', draftBody());
    expect(again.body.slug).toBe(`${ev.slug}-2`);
    expect((await auditRows(t.db, "action = 'events.event.create'")).map((r) => r.entity_id)).toContain(ev.id);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await fingerprint(t.db);
    const cases = [
      draftBody({ endsAt: inDays(39) }),
      draftBody({ place: null }),
      draftBody({ onlineUrl: 'http://insecure.example.org' }),
      draftBody({ capacity: 0 }),
      draftBody({ regionCode: '99' }),
      draftBody({ kind: 'CENA' }),
      draftBody({ title: 'x' }),
      draftBody({ registrationClosesAt: inDays(41) }),
    ];
    for (const body of cases) {
      const res = await as.organiser.post<Problem>('/api/v1/events', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const patch = await as.organiser.patch<Problem>(`/api/v1/events/${ev.id}`, {
      rowVersion: ev.rowVersion,
      endsAt: inDays(1),
    });
    expect(patch.status).toBe(400);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('hides every organiser route from a referente comunale, MLPS (403) and the anonymous (401)', async () => {
    for (const agent of [as.referente, as.mlps]) {
      expect((await agent.get('/api/v1/events')).status).toBe(403);
      expect((await agent.get(`/api/v1/events/${ev.id}`)).status).toBe(403);
      expect((await agent.post('/api/v1/events', draftBody())).status).toBe(403);
      expect((await agent.patch(`/api/v1/events/${ev.id}`, { rowVersion: 1, capacity: 3 })).status).toBe(403);
      expect((await agent.post(`/api/v1/events/${ev.id}/publish`, {})).status).toBe(403);
      expect((await agent.post(`/api/v1/events/${ev.id}/cancel`, { reason: 'Nessuno' })).status).toBe(403);
    }
    expect((await as.anonymous.get('/api/v1/events')).status).toBe(401);
    expect((await as.anonymous.get(`/api/v1/events/${ev.id}`)).status).toBe(401);
    expect((await as.organiser.get('/api/v1/events/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('keeps a draft off the public site, for everyone (404)', async () => {
    for (const agent of [as.anonymous, as.referente, as.organiser]) {
      expect((await agent.get(`/api/v1/public/events/${ev.slug}`)).status).toBe(404);
      expect((await agent.get(`/api/v1/public/events/${ev.slug}/event.ics`)).status).toBe(404);
      const list = await agent.get<PublicPage>('/api/v1/public/events?pageSize=100');
      expect(list.body.items.map((e) => e.slug)).not.toContain(ev.slug);
    }
  });

  it('changes it with the current row version; a stale one is 409 and changes nothing', async () => {
    const res = await as.organiser.patch<Event>(`/api/v1/events/${ev.id}`, {
      rowVersion: ev.rowVersion,
      capacity: 30,
      title: 'Workshop di Città di Castello: titolo cambiato',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ capacity: 30, rowVersion: 2, slug: ev.slug });
    const stale = await as.organiser.patch<Problem>(`/api/v1/events/${ev.id}`, { rowVersion: 1, capacity: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('events.stale');
    expect((await as.organiser.get<Event>(`/api/v1/events/${ev.id}`)).body.capacity).toBe(30);
    ev = res.body;
    expect((await auditRows(t.db, "action = 'events.event.update' AND entity_id = $1", [ev.id])).length).toBe(1);
  });

  it('publishes a draft once (BOZZA → PUBBLICATO); then the public sees it', async () => {
    const res = await as.organiser.post<Event>(`/api/v1/events/${ev.id}/publish`, { rowVersion: ev.rowVersion });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PUBBLICATO');
    expect(res.body.publishedAt).toBe(t.clock.now().toISOString());
    const twice = await as.organiser.post<Problem>(`/api/v1/events/${ev.id}/publish`, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'events.state', context: { status: 'PUBBLICATO' } });
    ev = res.body;
    const pub = await as.anonymous.get<PublicEvent>(`/api/v1/public/events/${ev.slug}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({
      title: ev.title,
      kind: 'WORKSHOP_TERRITORIALE',
      regionName: 'Umbria',
      programme: '10:00 Apertura\n11:00 Gruppi',
      capacity: 30,
      seatsLeft: 30,
      online: false,
      registration: { open: true, closedReason: null, waitlist: false, closesAt: ev.startsAt },
    });
    expect(await auditRows(t.db, "action = 'events.event.publish' AND entity_id = $1", [ev.id])).toHaveLength(1);
  });

  it('never lowers the capacity below the seats confirmed (409)', async () => {
    const target: TestEvent = { id: ev.id, slug: ev.slug, capacity: 30, startsAt: new Date(ev.startsAt) };
    for (let i = 0; i < 3; i++) await makeRegistration(t.db, target);
    await makeRegistration(t.db, target, { status: 'IN_ATTESA' });
    await makeRegistration(t.db, target, { status: 'DA_CONFERMARE' });
    await makeRegistration(t.db, target, { status: 'ANNULLATA' });
    const list = await as.organiser.get<EventPage>('/api/v1/events?status=PUBBLICATO&region=10');
    expect(list.body.items.find((e) => e.id === ev.id)).toMatchObject({
      confirmed: 3,
      waiting: 1,
      toConfirm: 1,
      seatsLeft: 27,
    });
    const low = await as.organiser.patch<Problem>(`/api/v1/events/${ev.id}`, {
      rowVersion: ev.rowVersion,
      capacity: 2,
    });
    expect(low.status).toBe(409);
    expect(low.body).toMatchObject({ code: 'events.events.capacity_below_confirmed', context: { confirmed: 3 } });
    const ok = await as.organiser.patch<Event>(`/api/v1/events/${ev.id}`, { rowVersion: ev.rowVersion, capacity: 3 });
    expect(ok.status).toBe(200);
    expect(ok.body.seatsLeft).toBe(0);
    ev = ok.body;
    const pub = await as.anonymous.get<PublicEvent>(`/api/v1/public/events/${ev.slug}`);
    expect(pub.body).toMatchObject({ seatsLeft: 0, registration: { open: true, waitlist: true } });
    // no personal data of a registration on the public page
    expect(JSON.stringify(pub.body)).not.toMatch(/@example\.org|Partecipante/);
  });

  it('cancels a published event with a reason: each live registration gets an e-mail; audited', async () => {
    const noReason = await as.organiser.post<Problem>(`/api/v1/events/${ev.id}/cancel`, {});
    expect(noReason.status).toBe(400);
    const res = await as.organiser.post<Event>(`/api/v1/events/${ev.id}/cancel`, {
      reason: 'Maltempo: la sala non è agibile',
      rowVersion: ev.rowVersion,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ANNULLATO', cancelledReason: 'Maltempo: la sala non è agibile' });
    const notices = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM evt_notices n JOIN evt_registrations r ON r.id = n.registration_id
          WHERE r.event_id = $1 AND n.kind = 'ANNULLATO'`,
        [ev.id],
      ),
    );
    expect(notices[0]!.n).toBe(5);
    const again = await as.organiser.post<Problem>(`/api/v1/events/${ev.id}/cancel`, { reason: 'Di nuovo' });
    expect(again.status).toBe(409);
    const edit = await as.organiser.patch<Problem>(`/api/v1/events/${ev.id}`, {
      rowVersion: res.body.rowVersion,
      capacity: 50,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('events.state');
    const pub = await as.anonymous.get<PublicEvent>(`/api/v1/public/events/${ev.slug}`);
    expect(pub.body).toMatchObject({ status: 'ANNULLATO', registration: { open: false, closedReason: 'ANNULLATO' } });
    const audit = await auditRows(t.db, "action = 'events.event.cancel' AND entity_id = $1", [ev.id]);
    expect(audit[0]!.details).toMatchObject({ notified: 5 });
  });

  it('cannot cancel a draft (409)', async () => {
    const draft = await makeEvent(t.db, organiser, { status: 'BOZZA' });
    const res = await as.organiser.post<Problem>(`/api/v1/events/${draft.id}/cancel`, { reason: 'Non serve' });
    expect(res.status).toBe(409);
    expect(res.body.context?.status).toBe('BOZZA');
  });
});

describe('the organisers list every event', () => {
  it('lists drafts too, with filters and pages', async () => {
    const draft = await makeEvent(t.db, organiser, { status: 'BOZZA', kind: 'WEBINAR', regionCode: null });
    const all = await as.organiser.get<EventPage>('/api/v1/events?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((e) => e.id)).toContain(draft.id);
    const webinars = await as.organiser.get<EventPage>('/api/v1/events?kind=WEBINAR&status=BOZZA');
    expect(webinars.body.items.every((e) => e.kind === 'WEBINAR' && e.status === 'BOZZA')).toBe(true);
    const later = await as.organiser.get<EventPage>(`/api/v1/events?from=${encodeURIComponent(inDays(3650))}`);
    expect(later.body.total).toBe(0);
    const page = await as.organiser.get<EventPage>('/api/v1/events?pageSize=1&page=2');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    expect((await as.organiser.get('/api/v1/events?region=ab')).status).toBe(400);
  });
});

describe('the public site', () => {
  let past: TestEvent;
  let soon: TestEvent;
  let later: TestEvent;

  beforeAll(async () => {
    const now = t.clock.now().getTime();
    past = await makeEvent(t.db, organiser, { status: 'CONCLUSO', startsAt: new Date(now - 20 * 86_400_000) });
    later = await makeEvent(t.db, organiser, { startsAt: new Date(now + 90 * 86_400_000), regionCode: '01' });
    soon = await makeEvent(t.db, organiser, {
      startsAt: new Date(now + 5 * 86_400_000),
      kind: 'WEBINAR',
      title: 'Webinar, con virgole; punti e virgola\ne a capo',
      capacity: 10,
    });
    await makeRegistration(t.db, soon);
  });

  it('lists the coming events first (soonest first), then the past ones; filters by kind and Region', async () => {
    const res = await as.anonymous.get<PublicPage>('/api/v1/public/events?pageSize=100');
    expect(res.status).toBe(200);
    const slugs = res.body.items.map((e) => e.slug);
    expect(slugs.indexOf(soon.slug)).toBeLessThan(slugs.indexOf(later.slug));
    expect(slugs.indexOf(later.slug)).toBeLessThan(slugs.indexOf(past.slug));
    expect(res.body.items.every((e) => e.status !== 'BOZZA')).toBe(true);
    expect(res.body.items.find((e) => e.slug === soon.slug)).toMatchObject({ seatsLeft: 9, capacity: 10 });
    expect(res.body.items.find((e) => e.slug === past.slug)?.registration).toMatchObject({
      open: false,
      closedReason: 'CONCLUSO',
    });
    const webinars = await as.anonymous.get<PublicPage>('/api/v1/public/events?kind=WEBINAR');
    expect(webinars.body.items.map((e) => e.slug)).toEqual([soon.slug]);
    const piemonte = await as.anonymous.get<PublicPage>('/api/v1/public/events?region=01');
    expect(piemonte.body.items.map((e) => e.slug)).toEqual([later.slug]);
    // the Region filter's choices: the Regions of published events, with how many; never a draft's alone
    const regions = await as.anonymous.get<Schema<'PublicEventRegionList'>>('/api/v1/public/event-regions');
    expect(regions.status).toBe(200);
    expect(regions.body.items.find((r) => r.code === '01')).toMatchObject({ name: 'Piemonte', events: 1 });
    const names = regions.body.items.map((r) => r.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    const onlyDrafts = await t.db.ownerTx((tx) =>
      tx.query<{ code: string }>(
        `SELECT region_code::text AS code FROM evt_events GROUP BY region_code
          HAVING bool_and(status = 'BOZZA') AND region_code IS NOT NULL`,
      ),
    );
    for (const d of onlyDrafts) expect(regions.body.items.map((r) => r.code)).not.toContain(d.code);
    expect((await as.anonymous.get('/api/v1/public/events?kind=CENA')).status).toBe(400);
    // a logged-in user sees the same (no drafts either)
    expect((await as.referente.get<PublicPage>('/api/v1/public/events?kind=WEBINAR')).body.items).toHaveLength(1);
  });

  it('closes registrations at the deadline', async () => {
    const closed = await makeEvent(t.db, organiser, { closesAt: new Date(t.clock.now().getTime() - 3_600_000) });
    const res = await as.anonymous.get<PublicEvent>(`/api/v1/public/events/${closed.slug}`);
    expect(res.body.registration).toMatchObject({ open: false, closedReason: 'TERMINE_SCADUTO' });
    expect((await as.anonymous.get('/api/v1/public/events/non-esiste')).status).toBe(404);
    expect((await as.anonymous.get('/api/v1/public/events/NOT_A_SLUG')).status).toBe(400);
  });

  it('gives a valid iCalendar file: CRLF, folded lines, escaped text, UTC times', async () => {
    const res = await as.anonymous.get<string>(`/api/v1/public/events/${soon.slug}/event.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toContain(`${soon.slug}.ics`);
    const raw = res.raw.body;
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = raw.split('\r\n').slice(0, -1);
    for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const lines = raw.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('END:VCALENDAR');
    const prop = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
    expect(prop('UID')).toMatch(new RegExp(`^${soon.id}@`));
    expect(prop('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(prop('DTSTART')).toBe(
      soon.startsAt
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
    );
    expect(prop('DTEND')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(prop('SUMMARY')).toBe('Webinar\\, con virgole\\; punti e virgola\\ne a capo');
    expect(prop('LOCATION')).toBe('Sala di prova');
    expect(prop('URL')).toMatch(new RegExp(`/eventi/${soon.slug}$`));
    expect(prop('DESCRIPTION')).toContain('\\n\\n');
  });
});

describe('the job that concludes ended events', () => {
  it('a published event whose end has passed becomes CONCLUSO once, audited; future, draft and cancelled ones stay', async () => {
    const now = t.clock.now().getTime();
    const ended = await makeEvent(t.db, organiser, { startsAt: new Date(now - 2 * 86_400_000) });
    // ends exactly now (4 hours after the start): ended
    const endsNow = await makeEvent(t.db, organiser, { startsAt: new Date(now - 4 * 3_600_000) });
    // still running (ends in an hour)
    const running = await makeEvent(t.db, organiser, { startsAt: new Date(now - 3 * 3_600_000) });
    const draft = await makeEvent(t.db, organiser, { status: 'BOZZA', startsAt: new Date(now - 5 * 86_400_000) });
    const cancelled = await makeEvent(t.db, organiser, {
      status: 'ANNULLATO',
      startsAt: new Date(now - 5 * 86_400_000),
    });
    const ctx = {
      actor: null,
      db: t.db,
      clock: t.clock,
      config: t.config,
      cipher: t.cipher,
      log: t.app.log,
      requestId: 'test',
      ip: '127.0.0.1',
    } as unknown as Ctx;
    const statusOf = async (id: string) =>
      (
        await t.db.ownerTx((tx) =>
          tx.query<{ status: string; row_version: number }>(
            'SELECT status, row_version FROM evt_events WHERE id = $1',
            [id],
          ),
        )
      )[0]!;
    await concludeEndedEventsJob.handler(ctx, {});
    expect((await statusOf(ended.id)).status).toBe('CONCLUSO');
    expect((await statusOf(endsNow.id)).status).toBe('CONCLUSO');
    expect((await statusOf(running.id)).status).toBe('PUBBLICATO');
    expect((await statusOf(draft.id)).status).toBe('BOZZA');
    expect((await statusOf(cancelled.id)).status).toBe('ANNULLATO');
    // idempotent: a second run changes nothing, writes no second audit row
    const again = await concludeEndedEvents(ctx);
    expect(again.concluded).toBe(0);
    expect((await statusOf(ended.id)).row_version).toBe(2);
    for (const e of [ended, endsNow]) {
      const rows = await auditRows(t.db, "action = 'events.event.conclude' AND entity_id = $1", [e.id]);
      expect(rows).toHaveLength(1);
    }
    // the public page shows it concluded; after its end the running one follows
    expect((await as.anonymous.get<PublicEvent>(`/api/v1/public/events/${ended.slug}`)).body.status).toBe('CONCLUSO');
    t.clock.advance(3_600_000);
    expect((await concludeEndedEvents(ctx)).concluded).toBeGreaterThanOrEqual(1);
    expect((await statusOf(running.id)).status).toBe('CONCLUSO');
  });
});
