/**
 * Invitations and reminders against a real SMTP server on loopback, with a fixed clock: a wave
 * opening on Thursday 24 December 2026, reminders at +5 and +10 working days (4 and 12 January
 * 2027, over Christmas, St Stephen, New Year and the Epiphany), the stop on submission, idempotent
 * runs, a relay failure and its retry, personal links, the phone list, bounces, and who may do what.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../../../../tests/support/factories.js';
import type { Problem, Schema } from '../../../../tests/support/schema.js';
import { plainText, startSmtp, type ReceivedMail, type TestSmtp } from '../../../../tests/support/smtp.js';
import {
  makeSurveyComune,
  makeSurveyContact,
  makeSurveyWave,
  setResponseStatus,
  type MadeWave,
} from '../../../../tests/support/survey-factories.js';
import { hashLinkToken } from '../shared/links.js';
import { surveysJobs } from './messages.jobs.js';

type Message = Schema<'SurveyMessage'>;
type MessagePage = Schema<'SurveyMessagePage'>;
type PhonePage = Schema<'SurveyPhoneListPage'>;
type Dispatch = Schema<'SurveyDispatchResult'>;

const PUBLIC_URL = 'https://incas.esempio.it';

let smtp: TestSmtp;
let t: TestApp;
let ctx: Ctx;
/** Every line the job wrote to its log. */
const logLines: string[] = [];

const job = surveysJobs.find((j) => j.name === 'surveys.dispatch-messages')!;
const runJob = () => job.handler(ctx, {});

/** Moves the fake clock forward to `hh:mm` UTC of `day`. */
function setTime(day: string, time = '09:00'): void {
  const target = Date.parse(`${day}T${time}:00Z`);
  const now = t.clock.now().getTime();
  expect(target, `the clock only moves forward (${day})`).toBeGreaterThanOrEqual(now);
  t.clock.advance(target - now);
}

/** A fresh session (sessions time out when the clock jumps). */
async function as(user: TestUser): Promise<Agent> {
  const a = new Agent(t.app);
  expect((await a.login(user.email, TEST_PASSWORD)).status).toBe(200);
  return a;
}

/** The mails received since `from`, as [recipient, plain text]. */
function mailsSince(from: number): { to: string; text: string; raw: string }[] {
  return smtp.received.slice(from).map((m: ReceivedMail) => ({ to: m.to[0]!, text: plainText(m.raw), raw: m.raw }));
}

async function messagesOf(responseId: string) {
  return t.db.ownerTx((tx) =>
    tx.query<{ step: number; kind: string; to_address: string; status: string; error: string | null; due_on: string }>(
      `SELECT step, kind, to_address, status, error, due_on::text AS due_on FROM survey_messages
        WHERE response_id = $1 ORDER BY step, to_address`,
      [responseId],
    ),
  );
}

async function ladderOf(responseId: string) {
  const [row] = await t.db.ownerTx((tx) =>
    tx.query<{ status: string; invited_at: Date | null; reminders_sent: number }>(
      'SELECT status, invited_at, reminders_sent FROM survey_wave_comuni WHERE id = $1',
      [responseId],
    ),
  );
  return row!;
}

/** The token a personal-link mail carries (the fragment of `/q#…`). */
function tokenIn(text: string): string {
  const m = /\/q#([A-Za-z0-9_-]{43})/.exec(text);
  expect(m, 'a personal link in the mail').not.toBeNull();
  return m![1]!;
}

let anci: TestUser;
let wave: MadeWave;
/** A: a validatore and a PEC; B: two contacts, no user (personal link); C: no address; D: submits; E: starts. */
const C: Record<'A' | 'B' | 'C' | 'D' | 'E', { istat: string; regionCode: string }> = {} as never;
let validatore: TestUser;
const R = (k: keyof typeof C) => wave.responses[C[k].istat]!;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ INCAS_SMTP_URL: smtp.url, INCAS_PUBLIC_URL: PUBLIC_URL });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  ctx = {
    actor: null,
    db: t.db,
    clock: t.clock,
    log: pino({ level: 'debug' }, sink),
    config: t.config,
    cipher: t.cipher,
    requestId: 'test-job',
    ip: '',
  };
  anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  await t.db.ownerTx((tx) => tx.query("UPDATE organisations SET name = 'ANCI Nazionale' WHERE id = $1", [anci.org.id]));
  for (const k of ['A', 'B', 'C', 'D', 'E'] as const) C[k] = await makeSurveyComune(t.db);
  const orgA = await t.db.ownerTx((tx) =>
    tx.query<{ id: string }>("SELECT id FROM organisations WHERE comune_istat = $1 AND type = 'comune'", [C.A.istat]),
  );
  validatore = await makeUser(t.db, {
    roles: ['validatore_indagine'],
    org: { id: orgA[0]!.id, type: 'comune', comuneIstat: C.A.istat, regionCode: null },
  });
  await makeSurveyContact(t.db, { comune: C.A.istat, kind: 'pec', email: 'protocollo@pec.comune-a.test' });
  await makeSurveyContact(t.db, { comune: C.B.istat, kind: 'email_istituzionale', email: 'info@comune-b.test' });
  await makeSurveyContact(t.db, {
    comune: C.B.istat,
    kind: 'referente',
    email: 'Servizi.Sociali@comune-b.test',
    name: 'Maria Rossi',
    role: 'Responsabile servizi sociali',
  });
  await makeSurveyContact(t.db, { comune: C.D.istat, kind: 'email_istituzionale', email: 'info@comune-d.test' });
  await makeSurveyContact(t.db, { comune: C.E.istat, kind: 'email_istituzionale', email: 'info@comune-e.test' });
  wave = await makeSurveyWave(t.db, {
    createdBy: anci.id,
    comuni: [C.A.istat, C.B.istat, C.C.istat, C.D.istat, C.E.istat],
    opensOn: '2026-12-24',
    closesOn: '2027-02-26',
    reminderDays: [5, 10],
    surveyTitle: 'Le condizioni abitative dei migranti',
    title: 'Rilevazione 2026',
    launchedAt: new Date('2026-06-01T08:00:00Z'),
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the job', () => {
  it('is declared every 5 minutes and at start, with an empty payload', () => {
    expect(surveysJobs.map((j) => [j.name, j.cron, j.runAtStart])).toEqual([
      ['surveys.dispatch-messages', '*/5 * * * *', true],
    ]);
    expect(job.payload.safeParse({}).success).toBe(true);
    expect(job.payload.safeParse({ x: 1 }).success).toBe(false);
  });
});

describe('the ladder over Christmas, with a real SMTP server', () => {
  it('sends nothing before the wave opens', async () => {
    setTime('2026-12-23', '22:00'); // 23:00 in Rome: still the 23rd
    await runJob();
    expect(smtp.received).toHaveLength(0);
    expect(await messagesOf(R('A'))).toEqual([]);
  });

  it('invites every Comune with an address on the opening day, to its contacts and survey users', async () => {
    setTime('2026-12-24', '08:00');
    const before = smtp.received.length;
    await runJob();
    const mails = mailsSince(before);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [
        'info@comune-b.test',
        'info@comune-d.test',
        'info@comune-e.test',
        'protocollo@pec.comune-a.test',
        'servizi.sociali@comune-b.test',
        validatore.email,
      ].sort(),
    );
    // A has a survey user: everyone of A gets the questionnaire's page, no personal link
    const toA = mails.find((m) => m.to === 'protocollo@pec.comune-a.test')!;
    expect(toA.raw).toMatch(/^Subject: =\?UTF-8\?|^Subject: Invito/m);
    expect(toA.text).toContain(`${PUBLIC_URL}/questionari/${R('A')}`);
    expect(toA.text).not.toMatch(/\/q#/);
    expect(toA.text).toContain('Le condizioni abitative dei migranti');
    expect(toA.text).toContain('Rilevazione 2026');
    expect(toA.text).toContain('entro il 26/02/2027');
    expect(toA.text).toContain('ANCI Nazionale');
    for (const k of ['A', 'B', 'D', 'E'] as const) {
      const rows = await messagesOf(R(k));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.step === 0 && r.kind === 'invito' && r.status === 'inviato')).toBe(true);
      expect(rows.every((r) => r.due_on === '2026-12-24')).toBe(true);
      const l = await ladderOf(R(k));
      expect(l).toEqual({ status: 'invitato', invited_at: t.clock.now(), reminders_sent: 0 });
    }
    // C has no address: no message, not invited, on the phone list (below)
    expect(await messagesOf(R('C'))).toEqual([]);
    expect((await ladderOf(R('C'))).invited_at).toBeNull();
  });

  it('gives a Comune without a survey user a personal link that opens its response', async () => {
    const mails = smtp.received.filter((m) => m.to[0] === 'info@comune-b.test').map((m) => plainText(m.raw));
    const token = tokenIn(mails[0]!);
    const links = await t.db.ownerTx((tx) =>
      tx.query<{ response_id: string; comune_istat: string; created_by: string; expires_at: Date }>(
        'SELECT response_id, comune_istat, created_by, expires_at FROM survey_access_links WHERE token_hash = $1',
        [hashLinkToken(token)],
      ),
    );
    expect(links).toHaveLength(1);
    expect(links[0]!.response_id).toBe(R('B'));
    expect(links[0]!.comune_istat).toBe(C.B.istat);
    // issued in the name of whoever launched the wave (there is no system user)
    expect(links[0]!.created_by).toBe(anci.id);
    // both addresses of B got the same link, shown once; only its hash is stored
    const other = smtp.received.find((m) => m.to[0] === 'servizi.sociali@comune-b.test')!;
    expect(tokenIn(plainText(other.raw))).toBe(token);
    const stored = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM survey_access_links WHERE token_hash = $1 OR token_hash = $2',
        [token, hashLinkToken(token)],
      ),
    );
    expect(stored[0]!.n).toBe(1);
  });

  it('sends nothing new when the job runs again (and again the next day)', async () => {
    const before = smtp.received.length;
    await runJob();
    await runJob();
    setTime('2026-12-28');
    await runJob();
    expect(smtp.received.length).toBe(before);
  });

  it('reminds at +5 working days (Monday 4 January), only the Comuni that have not submitted', async () => {
    await setResponseStatus(t.db, R('D'), 'inviato');
    await setResponseStatus(t.db, R('E'), 'in_compilazione');
    setTime('2027-01-01');
    await runJob();
    setTime('2027-01-03', '22:59'); // 23:59 in Rome on Sunday the 3rd
    const before = smtp.received.length;
    await runJob();
    expect(smtp.received.length).toBe(before);
    setTime('2027-01-04', '07:00');
    await runJob();
    const mails = mailsSince(before);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [
        'info@comune-b.test',
        'info@comune-e.test',
        'protocollo@pec.comune-a.test',
        'servizi.sociali@comune-b.test',
        validatore.email,
      ].sort(),
    );
    expect(mails.every((m) => /Sollecito n\. 1/.test(m.text))).toBe(true);
    // E started: told its answers are kept, linked to the same draft; its state stays
    const toE = mails.find((m) => m.to === 'info@comune-e.test')!;
    expect(toE.text).toContain('senza ricominciare');
    expect(tokenIn(toE.text)).toBeTruthy();
    expect(await ladderOf(R('E'))).toMatchObject({ status: 'in_compilazione', reminders_sent: 1 });
    // A was only invited: now reminded
    expect(await ladderOf(R('A'))).toMatchObject({ status: 'sollecitato', reminders_sent: 1 });
    const events = await t.db.ownerTx((tx) =>
      tx.query<{ from_status: string; to_status: string }>(
        'SELECT from_status, to_status FROM survey_response_events WHERE response_id = $1',
        [R('A')],
      ),
    );
    expect(events).toEqual([{ from_status: 'invitato', to_status: 'sollecitato' }]);
    // D submitted: nothing after the invitation
    expect((await messagesOf(R('D'))).map((m) => m.step)).toEqual([0]);
    expect(await ladderOf(R('D'))).toMatchObject({ status: 'inviato', reminders_sent: 0 });
    // the new reminder to B carries a new personal link to the same response
    const token = tokenIn(mails.find((m) => m.to === 'info@comune-b.test')!.text);
    const [link] = await t.db.ownerTx((tx) =>
      tx.query<{ response_id: string }>('SELECT response_id FROM survey_access_links WHERE token_hash = $1', [
        hashLinkToken(token),
      ]),
    );
    expect(link!.response_id).toBe(R('B'));
  });

  it('turns a relay refusal into fallito, visible, and retries it an hour later', async () => {
    setTime('2027-01-11');
    await runJob();
    setTime('2027-01-12', '08:00');
    const before = smtp.received.length;
    smtp.refuse = true;
    try {
      await runJob();
    } finally {
      smtp.refuse = false;
    }
    expect(smtp.received.length).toBe(before);
    const failedA = await messagesOf(R('A'));
    const step2 = failedA.filter((m) => m.step === 2);
    expect(step2).toHaveLength(2);
    expect(step2.every((m) => m.status === 'fallito' && /550/.test(m.error ?? ''))).toBe(true);
    expect(await ladderOf(R('A'))).toMatchObject({ reminders_sent: 2 });
    const mgr = await as(anci);
    const failed = await mgr.get<MessagePage>(`/api/v1/surveys/waves/${wave.waveId}/messages?status=fallito`);
    expect(failed.status).toBe(200);
    expect(failed.body.total).toBe(5);
    expect(failed.body.items.every((m) => m.step === 2 && m.kind === 'sollecito' && m.error!.includes('550'))).toBe(
      true,
    );
    // while no copy of their latest reminder is delivered, they are on the phone list as unreachable
    const phones = await mgr.get<PhonePage>(`/api/v1/surveys/waves/${wave.waveId}/phone-list`);
    expect(Object.fromEntries(phones.body.items.map((e) => [e.comuneIstat, e.reason]))).toEqual({
      [C.A.istat]: 'non_raggiungibile',
      [C.B.istat]: 'non_raggiungibile',
      [C.C.istat]: 'senza_indirizzo',
      [C.E.istat]: 'non_raggiungibile',
    });
    const audit = await auditRows(t.db, "action = 'surveys.message.failed' AND entity_id = $1", [R('A')]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'failure', tenant_comune: C.A.istat });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('@');

    // not before an hour
    t.clock.minutes(30);
    await runJob();
    expect(smtp.received.length).toBe(before);
    t.clock.minutes(31);
    await runJob();
    const retried = mailsSince(before);
    expect(retried).toHaveLength(5);
    expect(retried.every((m) => /Sollecito n\. 2/.test(m.text))).toBe(true);
    expect(
      (await messagesOf(R('A'))).filter((m) => m.step === 2).every((m) => m.status === 'inviato' && m.error === null),
    ).toBe(true);
    t.clock.minutes(120);
    await runJob();
    expect(smtp.received.length).toBe(before + 5);
  });

  it('never writes an address or a token to the log', async () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).not.toMatch(/@/);
    for (const m of smtp.received) {
      const token = /\/q#([A-Za-z0-9_-]{43})/.exec(plainText(m.raw));
      if (token) expect(log).not.toContain(token[1]);
    }
    // the audit trail neither
    const rows = await auditRows(t.db, "action LIKE 'surveys.%'");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@|\/q#/);
  });

  it('sends nothing once the wave is closed', async () => {
    await t.db.ownerTx((tx) => tx.query("UPDATE survey_waves SET status = 'chiusa' WHERE id = $1", [wave.waveId]));
    await setResponseStatus(t.db, R('E'), 'in_compilazione');
    await t.db.ownerTx((tx) =>
      tx.query("UPDATE survey_waves SET reminder_days = '{5,10,15}' WHERE id = $1", [wave.waveId]),
    );
    setTime('2027-01-25');
    const before = smtp.received.length;
    await runJob();
    expect(smtp.received.length).toBe(before);
    await t.db.ownerTx((tx) =>
      tx.query("UPDATE survey_waves SET status = 'aperta', reminder_days = '{5,10}' WHERE id = $1", [wave.waveId]),
    );
  });
});

describe('the phone list', () => {
  it('lists the Comuni past the last reminder or without an address, not those that submitted', async () => {
    const mgr = await as(anci);
    const res = await mgr.get<PhonePage>(`/api/v1/surveys/waves/${wave.waveId}/phone-list`);
    expect(res.status).toBe(200);
    const byComune = Object.fromEntries(res.body.items.map((e) => [e.comuneIstat, e]));
    expect(Object.keys(byComune).sort()).toEqual([C.A.istat, C.B.istat, C.C.istat, C.E.istat].sort());
    expect(res.body.total).toBe(4);
    expect(byComune[C.C.istat]).toMatchObject({
      reason: 'senza_indirizzo',
      invitedAt: null,
      remindersSent: 0,
      contacts: [],
    });
    expect(byComune[C.A.istat]).toMatchObject({
      reason: 'solleciti_esauriti',
      status: 'sollecitato',
      remindersSent: 2,
    });
    expect(byComune[C.E.istat]).toMatchObject({ status: 'in_compilazione' });
    expect(byComune[C.A.istat]!.contacts.map((c) => [c.kind, c.email])).toEqual([
      ['pec', 'protocollo@pec.comune-a.test'],
      ['utente', validatore.email],
    ]);
    expect(byComune[C.B.istat]!.contacts).toContainEqual({
      kind: 'referente',
      email: 'Servizi.Sociali@comune-b.test',
      name: 'Maria Rossi',
      role: 'Responsabile servizi sociali',
    });
    expect(byComune[C.A.istat]!.regionName.length).toBeGreaterThan(0);

    const one = await mgr.get<PhonePage>(`/api/v1/surveys/waves/${wave.waveId}/phone-list?region=${C.B.regionCode}`);
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(one.body.items.every((e) => e.regionCode === C.B.regionCode)).toBe(true);
    const paged = await mgr.get<PhonePage>(`/api/v1/surveys/waves/${wave.waveId}/phone-list?pageSize=1&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    expect((await mgr.get(`/api/v1/surveys/waves/${wave.waveId}/phone-list?region=abc`)).status).toBe(400);
  });

  it('downloads as XLSX, one row per Comune', async () => {
    const mgr = await as(anci);
    const res = await mgr.get(`/api/v1/surveys/waves/${wave.waveId}/phone-list.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('contatti-telefonici.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Comune');
    expect(ws.rowCount).toBe(5);
    const texts = [2, 3, 4, 5].map((r) => ws.getRow(r).values as unknown[]);
    const rowB = texts.find((v) => v.includes(C.B.istat))!;
    expect(rowB).toContain('Solleciti esauriti');
    expect(String(rowB[10])).toContain('Maria Rossi');
    const rowC = texts.find((v) => v.includes(C.C.istat))!;
    expect(rowC).toContain('Nessun indirizzo e-mail');
  });
});

describe('bounces and the messages log', () => {
  it('lists the messages by Comune, filtered', async () => {
    const mgr = await as(anci);
    const all = await mgr.get<MessagePage>(`/api/v1/surveys/waves/${wave.waveId}/messages?pageSize=100`);
    expect(all.status).toBe(200);
    // 6 invitations, 5 first reminders, 5 second reminders
    expect(all.body.total).toBe(16);
    const ofB = await mgr.get<MessagePage>(`/api/v1/surveys/waves/${wave.waveId}/messages?comune=${C.B.istat}`);
    expect(ofB.body.items.map((m) => [m.step, m.toAddress])).toEqual([
      [2, 'info@comune-b.test'],
      [2, 'servizi.sociali@comune-b.test'],
      [1, 'info@comune-b.test'],
      [1, 'servizi.sociali@comune-b.test'],
      [0, 'info@comune-b.test'],
      [0, 'servizi.sociali@comune-b.test'],
    ]);
    expect(ofB.body.items.every((m) => m.comuneName.length > 0 && m.status === 'inviato')).toBe(true);
    expect((await mgr.get(`/api/v1/surveys/waves/${wave.waveId}/messages?status=perso`)).status).toBe(400);
  });

  it('marks a delivered message as bounced, once, audited', async () => {
    const mgr = await as(anci);
    const page = await mgr.get<MessagePage>(`/api/v1/surveys/waves/${wave.waveId}/messages?comune=${C.B.istat}`);
    const target = page.body.items.find((m) => m.toAddress === 'servizi.sociali@comune-b.test' && m.step === 2)!;
    const res = await mgr.post<Message>(`/api/v1/surveys/messages/${target.id}/bounce`, {
      reason: 'Casella inesistente (550 5.1.1)',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, status: 'rimbalzato', error: 'Casella inesistente (550 5.1.1)' });
    const again = await mgr.post<Problem>(`/api/v1/surveys/messages/${target.id}/bounce`, { reason: 'di nuovo' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('surveys.message.state');
    const bounced = await mgr.get<MessagePage>(`/api/v1/surveys/waves/${wave.waveId}/messages?status=rimbalzato`);
    expect(bounced.body.items.map((m) => m.id)).toEqual([target.id]);
    const audit = await auditRows(t.db, "action = 'surveys.message.failed' AND details->>'message' = $1", [target.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ bounced: true, step: 2 });
    expect((await mgr.post(`/api/v1/surveys/messages/${target.id}/bounce`, { reason: '' })).status).toBe(400);
    expect(
      (
        await mgr.post<Problem>('/api/v1/surveys/messages/00000000-0000-4000-8000-000000000000/bounce', {
          reason: 'boh!',
        })
      ).body.code,
    ).toBe('surveys.message.not_found');
  });
});

describe('manual dispatch', () => {
  it('sends what is due for one wave, idempotently; 404 for an unknown wave', async () => {
    const F = await makeSurveyComune(t.db);
    await makeSurveyContact(t.db, { comune: F.istat, kind: 'email_istituzionale', email: 'info@comune-f.test' });
    const today = '2027-01-25';
    const w2 = await makeSurveyWave(t.db, {
      createdBy: anci.id,
      comuni: [F.istat],
      opensOn: today,
      closesOn: '2027-03-31',
      launchedAt: t.clock.now(),
    });
    const mgr = await as(anci);
    const before = smtp.received.length;
    const first = await mgr.post<Dispatch>(`/api/v1/surveys/waves/${w2.waveId}/messages/dispatch`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ comuni: 1, sent: 1, failed: 0, linksIssued: 1 });
    const second = await mgr.post<Dispatch>(`/api/v1/surveys/waves/${w2.waveId}/messages/dispatch`);
    expect(second.body).toEqual({ comuni: 0, sent: 0, failed: 0, linksIssued: 0 });
    await runJob();
    expect(mailsSince(before).map((m) => m.to)).toEqual(['info@comune-f.test']);
    // the link of a manual dispatch is issued by whoever pressed the button
    const [link] = await t.db.ownerTx((tx) =>
      tx.query<{ created_by: string }>('SELECT created_by FROM survey_access_links WHERE response_id = $1', [
        w2.responses[F.istat],
      ]),
    );
    expect(link!.created_by).toBe(anci.id);
    const missing = await mgr.post<Problem>(
      '/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/messages/dispatch',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('surveys.wave.not_found');
    expect((await mgr.post(`/api/v1/surveys/waves/${w2.waveId}/messages/dispatch`, { now: true })).status).toBe(400);
  });

  it('answers 503 without an SMTP relay', async () => {
    const bare = await startTestApp();
    try {
      const u = await makeUser(bare.db, { roles: ['assistenza_tecnica'] });
      const Z = await makeSurveyComune(bare.db);
      const w = await makeSurveyWave(bare.db, {
        createdBy: u.id,
        comuni: [Z.istat],
        opensOn: '2026-06-01',
        closesOn: '2026-07-01',
      });
      const a = new Agent(bare.app);
      await a.login(u.email, TEST_PASSWORD);
      const res = await a.post<Problem>(`/api/v1/surveys/waves/${w.waveId}/messages/dispatch`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('surveys.message.no_relay');
    } finally {
      await bare.close();
    }
  });
});

describe('who may do what', () => {
  it('lets MLPS and the administrator read, a Regione read its own Comuni, and nobody else', async () => {
    const list = `/api/v1/surveys/waves/${wave.waveId}/messages`;
    const phones = `/api/v1/surveys/waves/${wave.waveId}/phone-list`;
    for (const role of ['mlps', 'amministratore'] as const) {
      const a = await as(await makeUser(t.db, { roles: [role] }));
      expect((await a.get<MessagePage>(list)).body.total, role).toBe(16);
      expect((await a.get(phones)).status, role).toBe(200);
      expect((await a.get(`${phones}.xlsx`)).status, role).toBe(200);
      expect((await a.post(`/api/v1/surveys/waves/${wave.waveId}/messages/dispatch`)).status, role).toBe(403);
      const any = (await a.get<MessagePage>(list)).body.items[0]!;
      expect((await a.post(`/api/v1/surveys/messages/${any.id}/bounce`, { reason: 'prova' })).status, role).toBe(403);
    }
    const regionOrg = await makeOrg(t.db, { type: 'regione', regionCode: C.A.regionCode });
    const regione = await as(await makeUser(t.db, { roles: ['regione'], org: regionOrg }));
    const seen = await regione.get<MessagePage>(`${list}?pageSize=100`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.length).toBeGreaterThan(0);
    expect(
      seen.body.items.every(
        (m) =>
          m.comuneIstat === C.A.istat ||
          Object.values(C).some((c) => c.istat === m.comuneIstat && c.regionCode === C.A.regionCode),
      ),
    ).toBe(true);
    const regionPhones = await regione.get<PhonePage>(phones);
    expect(regionPhones.body.items.every((e) => e.regionCode === C.A.regionCode)).toBe(true);

    const comuneUser = await as(validatore);
    expect((await comuneUser.get(list)).status).toBe(403);
    expect((await comuneUser.get(phones)).status).toBe(403);
    expect((await comuneUser.post(`/api/v1/surveys/waves/${wave.waveId}/messages/dispatch`)).status).toBe(403);
    const unknown = await comuneUser.get<Problem>(
      '/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/messages',
    );
    expect(unknown.status).toBe(404);
  });
});
