/**
 * Check-in, attendance, certificates, verification, figures and retention through the API (issue
 * 14 item 1): a check-in twice records one attendance; a certificate verifies and a forged code
 * does not; the external participants' data goes at the end of retention and nothing else;
 * every route by role; validation changes nothing; the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { makeRegionUser } from '../../../../tests/support/plan-factories.js';
import {
  makeEvent,
  makeOrganiser,
  makeRegistration,
  type TestEvent,
} from '../../../../tests/support/event-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { checkInCode } from './attendance.rules.js';
import { eraseExpiredRegistrations } from './attendance.service.js';

type CheckIn = Schema<'EventCheckInResult'>;
type AttendanceList = Schema<'EventAttendanceList'>;
type Verification = Schema<'EventCertificateVerification'>;
type Figures = Schema<'EventParticipationFigures'>;
type Problem = { code: string; context?: Record<string, unknown> };

const DAY = 86_400_000;
let t: TestApp;
let organiser: TestUser;
let as: { organiser: Agent; referente: Agent; mlps: Agent; regione: Agent; otherRegione: Agent; anonymous: Agent };
let upcoming: TestEvent;
let past: TestEvent;
let calabrianComune: string;

const code = (id: string) => checkInCode(t.cipher, id);
const reg = async (id: string) =>
  (
    await t.db.ownerTx((tx) =>
      tx.query<{
        attended_at: Date | null;
        checked_in_by: string | null;
        certificate_code: string | null;
        full_name: string | null;
        email: string | null;
        organisation_name: string | null;
        organisation_type: string | null;
        region_code: string | null;
        erased_at: Date | null;
      }>(`SELECT * FROM evt_registrations WHERE id = $1`, [id]),
    )
  )[0]!;

function ctxOf(): Ctx {
  return {
    actor: null,
    db: t.db,
    clock: t.clock,
    log: t.app.log,
    config: t.config,
    cipher: t.cipher,
    requestId: 'test-retention',
    ip: '127.0.0.1',
  };
}

beforeAll(async () => {
  t = await startTestApp();
  // the factories date the events from the real time: the clock starts there
  t.clock.advance(Date.now() - t.clock.now().getTime());
  organiser = await makeOrganiser(t.db);
  const referente = await makeUser(t.db, { roles: ['referente_comunale'] });
  const mlps = await makeUser(t.db, { roles: ['mlps'], org: await makeOrg(t.db, { type: 'mlps' }) });
  as = {
    organiser: await loginAs(t, organiser),
    referente: await loginAs(t, referente),
    mlps: await loginAs(t, mlps),
    regione: await loginAs(t, await makeRegionUser(t.db, '18')),
    otherRegione: await loginAs(t, await makeRegionUser(t.db, '12')),
    anonymous: new Agent(t.app),
  };
  upcoming = await makeEvent(t.db, organiser, { startsAt: new Date(Date.now() + 2 * 3_600_000) });
  past = await makeEvent(t.db, organiser, { startsAt: new Date(Date.now() - 10 * DAY), title: 'Workshop concluso' });
  calabrianComune = (
    await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni WHERE region_code = '18' ORDER BY istat_code LIMIT 1`,
      ),
    )
  )[0]!.istat_code;
});
afterAll(async () => t.close());

describe('check-in', () => {
  it('records one attendance for two scans of the same QR, with the first time', async () => {
    const r = await makeRegistration(t.db, upcoming);
    const first = await as.organiser.post<CheckIn>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: r.id,
      code: code(r.id),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ attended: true, already: false, registrationId: r.id });
    expect(first.body.fullName).toMatch(/^Partecipante Prova/);
    t.clock.advance(60_000);
    const second = await as.organiser.post<CheckIn>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: r.id,
      code: code(r.id),
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ already: true, attendedAt: first.body.attendedAt });
    const row = await reg(r.id);
    expect(row.attended_at?.toISOString()).toBe(first.body.attendedAt);
    expect(row.checked_in_by).toBe(organiser.id);
    const audits = await auditRows(t.db, `action = 'events.check_in' AND entity_id = $1`, [r.id]);
    expect(audits).toHaveLength(1);
  });

  it('works from the QR alone, as the phone’s page sends it', async () => {
    const r = await makeRegistration(t.db, upcoming);
    const res = await as.organiser.post<CheckIn>('/api/v1/event-check-ins', { registrationId: r.id, code: code(r.id) });
    expect(res.body).toMatchObject({ attended: true, already: false });
    const again = await as.organiser.post<CheckIn>('/api/v1/event-check-ins', {
      registrationId: r.id,
      code: code(r.id),
    });
    expect(again.body).toMatchObject({ already: true });
    const wrong = await as.organiser.post<Problem>('/api/v1/event-check-ins', {
      registrationId: '00000000-0000-4000-8000-000000000000',
      code: code(r.id),
    });
    expect(wrong.status).toBe(404);
    expect((await as.mlps.post('/api/v1/event-check-ins', { registrationId: r.id, code: code(r.id) })).status).toBe(
      403,
    );
  });

  it('answers 404 for a wrong code or another event’s registration, 409 without a seat', async () => {
    const r = await makeRegistration(t.db, upcoming);
    const wrong = await as.organiser.post<Problem>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: r.id,
      code: '0123456789abcdef',
    });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'events.attendance.not_found']);
    const other = await as.organiser.post<Problem>(`/api/v1/events/${past.id}/check-ins`, {
      registrationId: r.id,
      code: code(r.id),
    });
    expect([other.status, other.body.code]).toEqual([404, 'events.attendance.not_found']);
    const waiting = await makeRegistration(t.db, upcoming, { status: 'IN_ATTESA' });
    const res = await as.organiser.post<Problem>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: waiting.id,
      code: code(waiting.id),
    });
    expect([res.status, res.body.code, res.body.context?.status]).toEqual([409, 'events.state', 'IN_ATTESA']);
    expect((await reg(r.id)).attended_at).toBeNull();
  });

  it('lets an organiser mark a presence by hand and take it back', async () => {
    const r = await makeRegistration(t.db, upcoming);
    const on = await as.organiser.post<CheckIn>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: r.id,
      manual: true,
    });
    expect(on.body).toMatchObject({ attended: true, already: false });
    const off = await as.organiser.post<CheckIn>(`/api/v1/events/${upcoming.id}/check-ins`, {
      registrationId: r.id,
      manual: true,
      attended: false,
    });
    expect(off.body).toMatchObject({ attended: false, already: false, attendedAt: null });
    expect((await reg(r.id)).attended_at).toBeNull();
    expect(await auditRows(t.db, `action = 'events.check_in_undo' AND entity_id = $1`, [r.id])).toHaveLength(1);
  });

  it('refuses a malformed body with 400 and changes nothing', async () => {
    const r = await makeRegistration(t.db, upcoming);
    for (const body of [
      { registrationId: r.id },
      { registrationId: 'nope', code: code(r.id) },
      { registrationId: r.id, code: 'XYZ' },
      { registrationId: r.id, manual: false },
      { registrationId: r.id, code: code(r.id), extra: 1 },
    ]) {
      const res = await as.organiser.post(`/api/v1/events/${upcoming.id}/check-ins`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await reg(r.id)).attended_at).toBeNull();
  });

  it('is for the organisers only', async () => {
    const r = await makeRegistration(t.db, upcoming);
    const body = { registrationId: r.id, code: code(r.id) };
    expect((await as.anonymous.post(`/api/v1/events/${upcoming.id}/check-ins`, body)).status).toBe(401);
    for (const a of [as.referente, as.mlps, as.regione])
      expect((await a.post(`/api/v1/events/${upcoming.id}/check-ins`, body)).status).toBe(403);
    expect((await reg(r.id)).attended_at).toBeNull();
  });
});

describe('the list of attendance', () => {
  it('shows the organisers who came, and audits the read', async () => {
    const ev = await makeEvent(t.db, organiser);
    const a = await makeRegistration(t.db, ev, { attended: true });
    await makeRegistration(t.db, ev);
    await makeRegistration(t.db, ev, { status: 'ANNULLATA' });
    const res = await as.organiser.get<AttendanceList>(`/api/v1/events/${ev.id}/attendance`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body).toMatchObject({ confirmed: 2, attended: 1, certified: 0 });
    expect(res.body.items.find((i) => i.registrationId === a.id)).toMatchObject({ attended: true });
    expect(await auditRows(t.db, `action = 'events.attendance.read' AND entity_id = $1`, [ev.id])).toHaveLength(1);
    for (const agent of [as.referente, as.mlps, as.regione])
      expect((await agent.get(`/api/v1/events/${ev.id}/attendance`)).status).toBe(403);
    expect((await as.anonymous.get(`/api/v1/events/${ev.id}/attendance`)).status).toBe(401);
    expect((await as.organiser.get(`/api/v1/events/00000000-0000-4000-8000-000000000000/attendance`)).status).toBe(404);
  });
});

describe('certificates', () => {
  it('are issued once the event has ended, once each, verify, and a forged code does not', async () => {
    const came = await makeRegistration(t.db, past, { attended: true });
    const absent = await makeRegistration(t.db, past);
    expect((await as.organiser.post<Problem>(`/api/v1/events/${upcoming.id}/certificates`)).body.code).toBe(
      'events.attendance.not_ended',
    );
    expect((await as.referente.post(`/api/v1/events/${past.id}/certificates`)).status).toBe(403);
    const issued = await as.organiser.post<{ issued: number; total: number }>(`/api/v1/events/${past.id}/certificates`);
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({ issued: 1, total: 1 });
    const again = await as.organiser.post<{ issued: number; total: number }>(`/api/v1/events/${past.id}/certificates`);
    expect(again.body).toEqual({ issued: 0, total: 1 });
    const certCode = (await reg(came.id)).certificate_code!;
    expect(certCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect((await reg(absent.id)).certificate_code).toBeNull();
    expect(await auditRows(t.db, `action = 'events.certificates.issue' AND entity_id = $1`, [past.id])).toHaveLength(1);

    const typed = certCode.toLowerCase().replaceAll('-', ' ');
    const ok = await as.anonymous.post<Verification>('/api/v1/public/certificates/verify', { code: typed });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, code: certCode, eventTitle: 'Workshop concluso', hours: 4 });
    expect(ok.body.holder).toMatch(/^Partecipante Prova/);

    const forged = certCode.slice(0, -1) + (certCode.endsWith('A') ? 'B' : 'A');
    for (const c of [forged, 'AAAA-BBBB-CCCC-DDDD', 'short']) {
      const res = await as.anonymous.post<Problem>('/api/v1/public/certificates/verify', { code: c });
      expect([res.status, res.body.code]).toEqual([404, 'events.link.invalid']);
    }
    expect((await as.anonymous.post('/api/v1/public/certificates/verify', {})).status).toBe(400);
  });

  it('prints a tagged PDF with the code, for the participant by their link and for the organisers', async () => {
    const came = await makeRegistration(t.db, past, { certificate: true });
    const res = await as.anonymous.post('/api/v1/public/registrations/certificate', { token: came.manageToken });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.raw.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
    const byOrganiser = await as.organiser.get(`/api/v1/events/${past.id}/registrations/${came.id}/certificate.pdf`);
    expect(byOrganiser.status).toBe(200);
    expect(
      (await as.anonymous.post<Problem>('/api/v1/public/registrations/certificate', { token: 'x'.repeat(32) })).body
        .code,
    ).toBe('events.link.invalid');
    const none = await makeRegistration(t.db, past);
    expect(
      (await as.anonymous.post<Problem>('/api/v1/public/registrations/certificate', { token: none.manageToken })).body
        .code,
    ).toBe('events.attendance.no_certificate');
    expect(await auditRows(t.db, `action = 'events.certificate.download' AND entity_id = $1`, [came.id])).toHaveLength(
      2,
    );
  }, 60_000);

  it('has the code inside the PDF (the text layer)', async () => {
    const came = await makeRegistration(t.db, past, { certificate: true });
    const { certificateHtml } = await import('./certificate.js');
    const html = certificateHtml({
      holder: 'Anna Prova',
      title: 'Workshop',
      kind: 'WEBINAR',
      startsAt: new Date('2026-05-04T08:00:00Z'),
      endsAt: new Date('2026-05-04T12:00:00Z'),
      place: null,
      online: true,
      hours: 3.5,
      code: came.certificateCode!,
      verificationUrl: `https://incas.example/verifica-attestato#${came.certificateCode}`,
    });
    expect(html).toContain('Attestato di partecipazione');
    expect(html).toContain(came.certificateCode);
    expect(html).toContain('3,5');
    expect(html).toContain('<html lang="it">');
  });
});

describe('the participant’s QR', () => {
  it('is served to the user for their own confirmed registration only, and to an external participant by token', async () => {
    const user = await makeUser(t.db, { roles: ['referente_comunale'] });
    const agent = await loginAs(t, user);
    const mine = await makeRegistration(t.db, upcoming, { user });
    const res = await agent.get(`/api/v1/event-registrations/${mine.id}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.raw.body).toContain('<svg');
    const someoneElse = await makeRegistration(t.db, upcoming);
    expect((await agent.get(`/api/v1/event-registrations/${someoneElse.id}/qr.svg`)).status).toBe(404);
    expect((await as.organiser.get(`/api/v1/event-registrations/${mine.id}/qr.svg`)).status).toBe(404);
    expect((await as.anonymous.get(`/api/v1/event-registrations/${mine.id}/qr.svg`)).status).toBe(401);
    const ext = await as.anonymous.post('/api/v1/public/registrations/qr', { token: someoneElse.manageToken });
    expect(ext.status).toBe(200);
    expect(ext.raw.body).toContain('<svg');
    const waiting = await makeRegistration(t.db, upcoming, { status: 'IN_ATTESA' });
    expect((await as.anonymous.post('/api/v1/public/registrations/qr', { token: waiting.manageToken })).status).toBe(
      409,
    );
    expect((await as.anonymous.post('/api/v1/public/registrations/qr', { token: 'short' })).status).toBe(400);
  });
});

describe('participation figures', () => {
  it('count by Region, organisation type and Comune, no names; a Regione sees only its own', async () => {
    const ev = await makeEvent(t.db, organiser, { startsAt: new Date(Date.now() - 40 * DAY), kind: 'WEBINAR' });
    await makeRegistration(t.db, ev, { attended: true, orgType: 'comune', comuneIstat: calabrianComune });
    await makeRegistration(t.db, ev, { orgType: 'comune', comuneIstat: calabrianComune });
    await makeRegistration(t.db, ev, { attended: true, orgType: 'asl', regionCode: '12' });
    const q = '?kind=WEBINAR';
    const all = await as.organiser.get<Figures>(`/api/v1/event-figures${q}`);
    expect(all.status).toBe(200);
    expect(all.body.totals).toMatchObject({ registrations: 3, confirmed: 3, attended: 2 });
    expect(all.body.byRegion.find((r) => r.regionCode === '12')).toMatchObject({ attended: 1 });
    expect(all.body.byOrganisationType.find((r) => r.organisationType === 'comune')).toMatchObject({
      registrations: 2,
      attended: 1,
      events: 1,
    });
    expect(all.body.byComune).toEqual([expect.objectContaining({ comuneIstat: calabrianComune, registrations: 2 })]);
    expect(JSON.stringify(all.body)).not.toContain('Partecipante');
    const mlps = await as.mlps.get<Figures>(`/api/v1/event-figures${q}`);
    expect(mlps.body.totals.registrations).toBe(3);
    const regione = await as.regione.get<Figures>(`/api/v1/event-figures${q}&region=12`);
    expect(regione.status).toBe(200);
    expect(regione.body.totals).toMatchObject({ registrations: 2, attended: 1 });
    expect(regione.body.byRegion.map((r) => r.regionCode)).toEqual(['18']);
    const other = await as.otherRegione.get<Figures>(`/api/v1/event-figures${q}`);
    expect(other.body.totals).toMatchObject({ registrations: 1 });
    expect((await as.referente.get(`/api/v1/event-figures`)).status).toBe(403);
    expect((await as.anonymous.get(`/api/v1/event-figures`)).status).toBe(401);
    expect((await as.organiser.get(`/api/v1/event-figures?kind=NOPE`)).status).toBe(400);
  });
});

describe('retention', () => {
  it('erases the external participants’ data of events ended over 24 months ago, and nothing else', async () => {
    const old = await makeEvent(t.db, organiser, { startsAt: new Date(Date.now() - 25 * 30 * DAY) });
    const recent = await makeEvent(t.db, organiser, { startsAt: new Date(Date.now() - 23 * 30 * DAY) });
    const user = await makeUser(t.db, { roles: ['operatore'] });
    const ext = await makeRegistration(t.db, old, { certificate: true, orgType: 'comune' });
    const own = await makeRegistration(t.db, old, { user });
    const young = await makeRegistration(t.db, recent);
    const erased = await eraseExpiredRegistrations(ctxOf());
    expect(erased).toBeGreaterThanOrEqual(1);
    const e = await reg(ext.id);
    expect(e).toMatchObject({ full_name: null, email: null, organisation_name: null, organisation_type: 'comune' });
    expect(e.region_code).toBe('18');
    expect(e.erased_at).not.toBeNull();
    expect((await reg(own.id)).full_name).not.toBeNull();
    expect((await reg(young.id)).email).not.toBeNull();
    expect(await eraseExpiredRegistrations(ctxOf())).toBe(0);
    expect((await auditRows(t.db, `action = 'events.registrations.erase'`)).length).toBeGreaterThanOrEqual(1);

    // the certificate stays verifiable, without its holder's name
    const v = await as.anonymous.post<Verification>('/api/v1/public/certificates/verify', {
      code: ext.certificateCode,
    });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ valid: true, holder: null });
    // and the participant's link opens nothing any more
    expect((await as.anonymous.post('/api/v1/public/registrations/qr', { token: ext.manageToken })).status).toBe(404);
  });
});
