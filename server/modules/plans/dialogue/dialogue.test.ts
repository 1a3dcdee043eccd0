/**
 * The Region–Comune dialogue through the API: who opens a thread with which Comune, anchors of that
 * Comune only, who reads (a Comune its own, a Region its Comuni's, ANCI/Cittalia all, MLPS and the
 * revisore nothing), mentions of participants only, attachments checked by content and their
 * audited downloads, close, reopen and due dates, the filters of the list, and the e-mail notices
 * sent once to the right people against a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  makeRegionalAnciUser,
  makeRegionUser,
  type TestPlanComune,
} from '../../../../tests/support/plan-factories.js';
import { makeProject } from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { plainText, startSmtp } from '../../../../tests/support/smtp.js';
import { threadNoticesJob } from './dialogue.jobs.js';

type Thread = Schema<'PlanThread'>;
type ThreadList = Schema<'PlanThreadList'>;
type Participants = Schema<'PlanThreadParticipantList'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');

let t: TestApp;
let cal: { a: TestPlanComune; b: TestPlanComune };
let pie: TestPlanComune;
let users: { regCal: TestUser; anciCal: TestUser; anci: TestUser; regPie: TestUser };
let as: {
  refA: Agent;
  refB: Agent;
  refP: Agent;
  regCal: Agent;
  regPie: Agent;
  anciCal: Agent;
  anci: Agent;
  mlps: Agent;
  revisore: Agent;
  amministrativo: Agent;
};

beforeAll(async () => {
  t = await startTestApp();
  cal = { a: await makePlanComune(t.db, { regionCode: '18' }), b: await makePlanComune(t.db, { regionCode: '18' }) };
  pie = await makePlanComune(t.db, { regionCode: '01' });
  users = {
    regCal: await makeRegionUser(t.db, '18'),
    anciCal: await makeRegionalAnciUser(t.db, '18'),
    anci: await makeUser(t.db, { roles: ['assistenza_tecnica'] }),
    regPie: await makeRegionUser(t.db, '01'),
  };
  as = {
    refA: await loginAs(t, cal.a.referente),
    refB: await loginAs(t, cal.b.referente),
    refP: await loginAs(t, pie.referente),
    regCal: await loginAs(t, users.regCal),
    regPie: await loginAs(t, users.regPie),
    anciCal: await loginAs(t, users.anciCal),
    anci: await loginAs(t, users.anci),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    revisore: await loginAs(t, await makeUser(t.db, { roles: ['revisore'] })),
    amministrativo: await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: cal.a.org })),
  };
});
afterAll(async () => t.close());

const open = (a: Agent, body: Record<string, unknown>) =>
  a.post<Thread & Problem>('/api/v1/plan-threads', {
    comuneIstat: cal.a.istat,
    subject: 'Tavolo sul caporalato',
    anchorKind: 'TEMA',
    topic: 'Trasporti verso i campi',
    body: 'Potete condividere il calendario del tavolo?',
    ...body,
  });
const count = async (table: string) =>
  (await t.db.ownerTx((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const notices = (messageId: string) =>
  t.db.ownerTx((tx) =>
    tx.query<{ user_id: string; reason: string; sent_at: Date | null }>(
      'SELECT user_id, reason, sent_at FROM plm_thread_notifications WHERE message_id = $1 ORDER BY user_id',
      [messageId],
    ),
  );

describe('opening a thread', () => {
  it('a Region opens one with its Comune on a topic, mentioning the referente; the notices are owed', async () => {
    const res = await open(as.regCal, { mentions: [cal.a.referente.id], dueDate: '2026-06-15' });
    expect(res.status).toBe(201);
    expect(res.body.thread).toMatchObject({
      comuneIstat: cal.a.istat,
      regionCode: '18',
      regionName: 'Calabria',
      anchorKind: 'TEMA',
      anchorLabel: 'Trasporti verso i campi',
      status: 'APERTA',
      dueDate: '2026-06-15',
      overdue: false,
      messages: 1,
      awaitingMe: false,
    });
    const [m] = res.body.messages;
    expect(m).toMatchObject({ body: 'Potete condividere il calendario del tavolo?', authorId: users.regCal.id });
    expect(m!.mentions).toEqual([{ userId: cal.a.referente.id, displayName: expect.any(String) }]);
    expect(m!.authorOrganisation).toBeTruthy();
    // the referente (mentioned); no one else of the Comune or the Region; ANCI has not joined yet
    expect((await notices(m!.id)).map((n) => [n.user_id, n.reason, n.sent_at])).toEqual([
      [cal.a.referente.id, 'MENZIONE', null],
    ]);
    const audit = await auditRows(t.db, "action = 'plans.thread.open' AND entity_id = $1", [res.body.thread.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenant_comune: cal.a.istat, actor_user_id: users.regCal.id });
    // the Comune sees it awaiting it
    const mine = await as.refA.get<ThreadList>('/api/v1/plan-threads?awaitingMe=true');
    expect(mine.body.items.map((i) => i.id)).toContain(res.body.thread.id);
  });

  it('only with a Comune in reach; MLPS, the revisore and the Comune’s other staff may not', async () => {
    const before = await count('plm_threads');
    for (const [agent, comune] of [
      [as.regCal, pie.istat],
      [as.regPie, cal.a.istat],
      [as.anciCal, pie.istat],
      [as.refA, cal.b.istat],
      [as.regCal, '999999'],
    ] as const) {
      const res = await open(agent, { comuneIstat: comune });
      expect(res.status, comune).toBe(400);
      expect(res.body.code).toBe('plans.dialogue.comune');
    }
    expect((await open(as.mlps, {})).status).toBe(403);
    expect((await open(as.revisore, {})).status).toBe(403);
    expect((await open(as.amministrativo, {})).status).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/plan-threads')).status).toBe(401);
    expect(await count('plm_threads')).toBe(before);
    // a Comune with itself, ANCI nationally with any, the regional branch with its Region's
    expect((await open(as.refA, {})).status).toBe(201);
    expect((await open(as.anci, { comuneIstat: pie.istat })).status).toBe(201);
    expect((await open(as.anciCal, { comuneIstat: cal.b.istat })).status).toBe(201);
  });

  it('anchors to the Comune’s plan, action or project, never another’s', async () => {
    const plan = await makePlan(t.db, { comune: cal.a, title: 'Piano locale di Comune A' });
    const other = await makePlan(t.db, { comune: cal.b });
    const project = await makeProject(t.db, { org: cal.a.org, title: 'Progetto di Comune A' });
    const foreignProject = await makeProject(t.db, { org: cal.b.org });
    const ok: [Record<string, unknown>, string][] = [
      [{ anchorKind: 'PIANO', planId: plan.id }, 'Piano locale di Comune A'],
      [{ anchorKind: 'AZIONE', actionId: plan.actions[0]!.id }, 'A1 – Azione di prova A1'],
      [{ anchorKind: 'PROGETTO', projectId: project.id }, 'Progetto di Comune A'],
    ];
    for (const [anchor, label] of ok) {
      const res = await open(as.regCal, { ...anchor, topic: null });
      expect(res.status, JSON.stringify(anchor)).toBe(201);
      expect(res.body.thread.anchorLabel).toContain(label);
    }
    const bad: [Record<string, unknown>, string, string][] = [
      [{ anchorKind: 'PIANO', planId: other.id }, 'body.planId', 'plans.reference'],
      [{ anchorKind: 'AZIONE', actionId: other.actions[0]!.id }, 'body.actionId', 'plans.reference'],
      [{ anchorKind: 'PROGETTO', projectId: foreignProject.id }, 'body.projectId', 'plans.reference'],
      [{ anchorKind: 'PIANO' }, 'body.planId', 'request.invalid'],
      [{ anchorKind: 'TEMA', topic: 'Tema', planId: plan.id }, 'body.planId', 'request.invalid'],
      [{ topic: 'Tema', dueDate: '2026-05-31' }, 'body.dueDate', 'request.invalid'],
    ];
    for (const [anchor, path, code] of bad) {
      const res = await open(as.regCal, { topic: null, ...anchor });
      expect(res.status, JSON.stringify(anchor)).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.errors?.map((e) => e.path)).toContain(path);
    }
    // the picker's choices: the Comune's own plans, actions and projects
    const choices = await as.regCal.get<Schema<'PlanThreadAnchorChoices'>>(
      `/api/v1/plan-threads/anchors?comuneIstat=${cal.a.istat}`,
    );
    expect(choices.body.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(choices.body.actions.map((a) => a.code)).toEqual(['A1', 'A2', 'A3']);
    expect(choices.body.projects.map((p) => p.id)).toEqual([project.id]);
    expect((await as.regPie.get(`/api/v1/plan-threads/anchors?comuneIstat=${cal.a.istat}`)).status).toBe(400);
    // the plan's page: the threads on the plan and on its actions
    const ofPlan = await as.refA.get<ThreadList>(`/api/v1/plan-threads?planId=${plan.id}`);
    expect(ofPlan.body.items.map((i) => i.anchorKind).sort()).toEqual(['AZIONE', 'PIANO']);
    expect(ofPlan.body.plan).toMatchObject({
      id: plan.id,
      title: 'Piano locale di Comune A',
      comuneIstat: cal.a.istat,
    });
    expect((await as.refB.get(`/api/v1/plan-threads?planId=${plan.id}`)).status).toBe(404);
  });
});

describe('reading and writing', () => {
  it('each reads only what is in reach: a Comune its own, a Region its Comuni’s; MLPS and the revisore nothing', async () => {
    const opened = await open(as.regCal, { subject: 'Solo per Comune A' });
    const url = `/api/v1/plan-threads/${opened.body.thread.id}`;
    for (const a of [as.refA, as.regCal, as.anciCal, as.anci]) expect((await a.get(url)).status).toBe(200);
    for (const a of [as.refB, as.refP, as.regPie]) {
      expect((await a.get(url)).status).toBe(404);
      expect((await a.post<Problem>(`${url}/messages`, { body: 'Intruso' })).status).toBe(404);
      const list = await a.get<ThreadList>('/api/v1/plan-threads');
      expect(list.body.items.map((i) => i.id)).not.toContain(opened.body.thread.id);
    }
    for (const a of [as.mlps, as.revisore, as.amministrativo]) {
      expect((await a.get(url)).status).toBe(403);
      expect((await a.get('/api/v1/plan-threads')).status).toBe(403);
    }
    const refB = await as.refB.get<ThreadList>('/api/v1/plan-threads');
    expect(refB.body.items.every((i) => i.comuneIstat === cal.b.istat)).toBe(true);
    const regPie = await as.regPie.get<ThreadList>('/api/v1/plan-threads');
    expect(regPie.body.items.every((i) => i.regionCode === '01')).toBe(true);
    const byComune = await as.regCal.get<ThreadList>(`/api/v1/plan-threads?comune=${cal.b.istat}`);
    expect(byComune.body.items.length).toBeGreaterThan(0);
    expect(byComune.body.items.every((i) => i.comuneIstat === cal.b.istat)).toBe(true);
  });

  it('participants: names, organisations and roles of those who take part, never an e-mail address', async () => {
    const res = await as.regCal.get<Participants>(`/api/v1/plan-threads/participants?comuneIstat=${cal.a.istat}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p) => p.userId);
    expect(ids).toEqual(expect.arrayContaining([cal.a.referente.id, users.regCal.id, users.anciCal.id, users.anci.id]));
    expect(ids).not.toContain(cal.b.referente.id);
    expect(ids).not.toContain(users.regPie.id);
    expect(JSON.stringify(res.body)).not.toContain('@');
    expect(res.body.items.find((p) => p.userId === users.regCal.id)!.roles).toEqual(['regione']);
    expect((await as.regPie.get<Problem>(`/api/v1/plan-threads/participants?comuneIstat=${cal.a.istat}`)).status).toBe(
      400,
    );
    expect((await as.mlps.get(`/api/v1/plan-threads/participants?comuneIstat=${cal.a.istat}`)).status).toBe(403);
  });

  it('replies with mentions of participants and real attachments; downloads are audited', async () => {
    const opened = await open(as.regCal, { subject: 'Con allegati' });
    const url = `/api/v1/plan-threads/${opened.body.thread.id}`;
    const messagesBefore = await count('plm_thread_messages');
    const strangers = await as.refA.post<Problem>(`${url}/messages`, {
      body: 'Vedi Piemonte',
      mentions: [pie.referente.id],
    });
    expect(strangers.status).toBe(400);
    expect(strangers.body.code).toBe('plans.dialogue.mention');
    const fake = await as.refA.post<Problem>(`${url}/messages`, {
      body: 'Il verbale',
      attachments: [{ fileName: 'verbale.pdf', content: Buffer.from('non sono un PDF').toString('base64') }],
    });
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe('plans.document.refused');
    const four = await as.refA.post<Problem>(`${url}/messages`, {
      body: 'Troppi',
      attachments: Array.from({ length: 4 }, (_, i) => ({ fileName: `f${i}.pdf`, content: PDF })),
    });
    expect(four.status).toBe(400);
    expect(await count('plm_thread_messages')).toBe(messagesBefore);

    t.clock.minutes(5);
    const reply = await as.refA.post<Thread>(`${url}/messages`, {
      body: 'Ecco il verbale del tavolo',
      mentions: [users.anciCal.id],
      attachments: [{ fileName: 'verbale.pdf', content: PDF }],
    });
    expect(reply.status).toBe(200);
    const m = reply.body.messages[1]!;
    expect(m.attachments).toEqual([
      { id: expect.any(String), fileName: 'verbale.pdf', mediaType: 'application/pdf', sizeBytes: expect.any(Number) },
    ]);
    expect(m.mentions.map((x) => x.userId)).toEqual([users.anciCal.id]);
    // the Region's staff and the mentioned regional ANCI branch; not the author
    expect((await notices(m.id)).map((n) => [n.user_id, n.reason]).sort()).toEqual(
      [
        [users.regCal.id, 'PARTECIPANTE'],
        [users.anciCal.id, 'MENZIONE'],
      ].sort(),
    );
    const doc = `${url}/attachments/${m.attachments[0]!.id}`;
    const dl = await as.regCal.get(doc);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment');
    const read = await auditRows(t.db, "action = 'plans.document.read' AND entity_id = $1", [m.attachments[0]!.id]);
    expect(read).toEqual([expect.objectContaining({ tenant_comune: cal.a.istat, actor_user_id: users.regCal.id })]);
    expect((await as.refB.get(doc)).status).toBe(404);
    expect((await as.regCal.get(`${url}/attachments/${opened.body.thread.id}`)).status).toBe(404);
    // the region now awaits the Comune's answer… the Comune no more
    const refA = await as.refA.get<ThreadList>('/api/v1/plan-threads?awaitingMe=true');
    expect(refA.body.items.map((i) => i.id)).not.toContain(opened.body.thread.id);
    const reg = await as.regCal.get<ThreadList>('/api/v1/plan-threads?awaitingMe=true');
    expect(reg.body.items.map((i) => i.id)).toContain(opened.body.thread.id);
    const actions = (await auditRows(t.db, 'entity_id = $1', [opened.body.thread.id])).map((a) => a.action);
    expect(actions).toEqual(['plans.thread.open', 'plans.thread.message']);
  });

  it('close, reopen and the due date; overdue threads first', async () => {
    const opened = await open(as.regCal, { subject: 'Con scadenza', dueDate: '2026-06-02' });
    const id = opened.body.thread.id;
    const url = `/api/v1/plan-threads/${id}`;
    const closed = await as.refA.post<Thread>(`${url}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.thread.status).toBe('CHIUSA');
    expect(closed.body.thread.closedAt).not.toBeNull();
    const late = await as.regCal.post<Problem>(`${url}/messages`, { body: 'Ancora' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('plans.state');
    expect((await as.regCal.post<Problem>(`${url}/close`)).body.code).toBe('plans.state');
    expect((await as.mlps.post<Problem>(`${url}/reopen`)).status).toBe(403);
    expect((await as.refB.post<Problem>(`${url}/reopen`)).status).toBe(404);
    const reopened = await as.regCal.post<Thread>(`${url}/reopen`);
    expect(reopened.body.thread.status).toBe('APERTA');
    expect((await as.regCal.post<Problem>(`${url}/reopen`)).body.code).toBe('plans.state');

    const stale = await as.regCal.patch<Problem>(url, { dueDate: '2026-07-01', rowVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('plans.stale');
    expect((await as.regCal.patch<Problem>(url, { dueDate: '2026-05-01' })).status).toBe(400);
    const moved = await as.regCal.patch<Thread>(url, {
      dueDate: '2026-06-03',
      rowVersion: reopened.body.thread.rowVersion,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.thread.dueDate).toBe('2026-06-03');

    // five days on (a new session: the old one has lapsed)
    t.clock.advance(5 * 86_400_000);
    as.regCal = await loginAs(t, users.regCal);
    const list = await as.regCal.get<ThreadList>('/api/v1/plan-threads?overdue=true');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id, overdue: true, daysOverdue: 3 });
    expect(list.body.overdue).toBe(list.body.items.length);
    const closedList = await as.regCal.get<ThreadList>('/api/v1/plan-threads?status=CHIUSA');
    expect(closedList.body.items.every((i) => i.status === 'CHIUSA')).toBe(true);
    expect((await as.regCal.get<Problem>('/api/v1/plan-threads?status=ALTRO')).status).toBe(400);

    const actions = (await auditRows(t.db, 'entity_id = $1', [id])).map((a) => a.action);
    expect(actions).toEqual([
      'plans.thread.open',
      'plans.thread.close',
      'plans.thread.reopen',
      'plans.thread.due_date',
    ]);
  });
});

describe('e-mail notices', () => {
  it('one e-mail per participant and message, sent once, without the message’s text', async () => {
    const smtp = await startSmtp();
    const app = await startTestApp({ INCAS_SMTP_URL: smtp.url });
    try {
      const comune = await makePlanComune(app.db, { regionCode: '01' });
      const region = await makeRegionUser(app.db, '01');
      const referente = await loginAs(app, comune.referente);
      const regione = await loginAs(app, region);
      const opened = await regione.post<Thread>('/api/v1/plan-threads', {
        comuneIstat: comune.istat,
        subject: 'Calendario dei tavoli',
        anchorKind: 'TEMA',
        topic: 'Tavoli',
        body: 'Testo riservato del messaggio',
        mentions: [comune.referente.id],
      });
      expect(opened.status).toBe(201);
      app.clock.minutes(3);
      await referente.post(`/api/v1/plan-threads/${opened.body.thread.id}/messages`, { body: 'Risposta riservata' });
      const ctx = {
        actor: null,
        db: app.db,
        clock: app.clock,
        config: app.config,
        cipher: app.cipher,
        log: app.app.log,
        requestId: 'test',
        ip: '127.0.0.1',
      } as Ctx;
      await threadNoticesJob.handler(ctx, {});
      expect(smtp.received.map((r) => r.to).flat()).toEqual([comune.referente.email, region.email]);
      const first = plainText(smtp.received[0]!.raw);
      expect(first).toContain('ti ha menzionato');
      expect(first).toContain('Calendario dei tavoli');
      expect(first).toContain(`/dialogo/${opened.body.thread.id}`);
      expect(first).not.toContain('Testo riservato');
      expect(plainText(smtp.received[1]!.raw)).not.toContain('Risposta riservata');
      // again: nothing more
      await threadNoticesJob.handler(ctx, {});
      expect(smtp.received).toHaveLength(2);
      const audit = await auditRows(app.db, "action = 'plans.thread.notice.sent'");
      expect(audit.map((a) => a.details.user).sort()).toEqual([comune.referente.id, region.id].sort());
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it('nothing without a relay: the notices wait', async () => {
    const ctx = {
      actor: null,
      db: t.db,
      clock: t.clock,
      config: t.config,
      cipher: t.cipher,
      log: t.app.log,
      requestId: 'test',
      ip: '127.0.0.1',
    } as Ctx;
    await threadNoticesJob.handler(ctx, {});
    const sent = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM plm_thread_notifications WHERE sent_at IS NOT NULL'),
    );
    expect(sent[0]!.n).toBe(0);
  });
});
