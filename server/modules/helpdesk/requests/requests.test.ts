/**
 * The help desk's requests through the API, on a real database: a Comune's staff open requests of
 * their own Comune (about its project or plan only), see only their own (404 for another Comune's,
 * row-level security checked directly too); the help desk assigns, answers, writes internal notes
 * the Comune never sees, resolves; the Comune closes, reopens, rates; attachments checked by
 * content and their reads audited; stale versions refused; the escalation job idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  makeRegionUser,
  type TestPlanComune,
} from '../../../../tests/support/plan-factories.js';
import { makeProject } from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { escalationJob } from './requests.jobs.js';

type Detail = Schema<'HelpRequest'>;
type List = Schema<'HelpRequestList'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');
const DAY = 86_400_000;

let t: TestApp;
let a: TestPlanComune;
let b: TestPlanComune;
let anciUser: TestUser;
let otherAnci: TestUser;
let as: {
  refA: Agent;
  amministrativoA: Agent;
  refB: Agent;
  anci: Agent;
  mlps: Agent;
  regione: Agent;
  revisore: Agent;
  anon: Agent;
};

const jobCtx = (): Ctx => ({
  actor: null,
  db: t.db,
  clock: t.clock,
  config: t.config,
  cipher: t.cipher,
  log: t.app.log,
  requestId: 'test',
  ip: '127.0.0.1',
});

beforeAll(async () => {
  t = await startTestApp();
  a = await makePlanComune(t.db, { regionCode: '12' });
  b = await makePlanComune(t.db, { regionCode: '03' });
  anciUser = await makeUser(t.db, { roles: ['assistenza_tecnica'], displayName: 'Assistente Prova Uno' });
  otherAnci = await makeUser(t.db, { roles: ['assistenza_tecnica'], displayName: 'Assistente Prova Due' });
  as = {
    refA: await loginAs(t, a.referente),
    amministrativoA: await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: a.org })),
    refB: await loginAs(t, b.referente),
    anci: await loginAs(t, anciUser),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    regione: await loginAs(t, await makeRegionUser(t.db, '12')),
    revisore: await loginAs(t, await makeUser(t.db, { roles: ['revisore'] })),
    anon: new Agent(t.app),
  };
});
afterAll(async () => t.close());

/** Moves the clock on and logs the agents in again (their sessions end after 30 idle minutes). */
async function later(ms: number): Promise<void> {
  t.clock.advance(ms);
  as.refA = await loginAs(t, a.referente);
  as.refB = await loginAs(t, b.referente);
  as.anci = await loginAs(t, anciUser);
  as.amministrativoA = await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: a.org }));
}

const open = (agent: Agent, body: Record<string, unknown> = {}) =>
  agent.post<Detail & Problem>('/api/v1/help-requests', {
    topic: 'RENDICONTAZIONE',
    subject: 'Spese di personale: quali documenti',
    body: 'Quali documenti servono per le spese di personale interno?',
    ...body,
  });

describe('opening a request', () => {
  it("opens a request of the officer's own Comune, with due dates in Italian working days", async () => {
    // the fake clock starts on Monday 1 June 2026; 2 June is a national holiday
    const res = await open(as.refA);
    expect(res.status).toBe(201);
    const r = res.body.request;
    expect(r).toMatchObject({ comuneIstat: a.istat, regionCode: '12', status: 'NUOVA', topic: 'RENDICONTAZIONE' });
    expect(r.code).toMatch(/^AT-\d+$/);
    expect(r.firstAnswerDue).toBe('2026-06-04');
    expect(r.resolutionDue).toBe('2026-06-16');
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.messages[0]).toMatchObject({ side: 'COMUNE', internal: false });
    const audit = await auditRows(t.db, "action = 'helpdesk.request.open' AND entity_id = $1", [r.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(a.istat);
  });

  it("names one of the Comune's projects or its plan, never another Comune's (400), never a person's case", async () => {
    const project = await makeProject(t.db, { org: a.org, title: 'Progetto di prova A' });
    const plan = await makePlan(t.db, { comune: a });
    const otherProject = await makeProject(t.db, { org: b.org });
    const otherPlan = await makePlan(t.db, { comune: b });
    const choices = await as.refA.get<Schema<'HelpRequestChoices'>>('/api/v1/help-requests/choices');
    expect(choices.body.projects.map((p) => p.id)).toContain(project.id);
    expect(choices.body.plans.map((p) => p.id)).toEqual([plan.id]);
    const withProject = await open(as.refA, { projectId: project.id });
    expect(withProject.status).toBe(201);
    expect(withProject.body.request.aboutLabel).toContain('Progetto di prova A');
    expect((await open(as.refA, { planId: plan.id })).status).toBe(201);
    const foreign = await open(as.refA, { projectId: otherProject.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('helpdesk.request.reference');
    expect((await open(as.refA, { planId: otherPlan.id })).body.code).toBe('helpdesk.request.reference');
    expect((await open(as.refA, { projectId: project.id, planId: plan.id })).status).toBe(400);
    // there is no field for a person or a case
    expect((await open(as.refA, { caseId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
  });

  it('is refused to the help desk, MLPS, the Regions, the revisore (403) and without a session (401)', async () => {
    for (const agent of [as.anci, as.mlps, as.regione, as.revisore]) expect((await open(agent)).status).toBe(403);
    expect((await open(as.anon)).status).toBe(401);
  });

  it('refuses a file that is not a PDF or an image by its content', async () => {
    const res = await open(as.refA, {
      attachments: [{ filename: 'nota.pdf', content: Buffer.from('not a pdf at all').toString('base64') }],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('helpdesk.document.refused');
  });
});

describe('tenancy', () => {
  it("answers 404 for another Comune's request and lists only one's own", async () => {
    const mine = (await open(as.refA)).body.request;
    expect((await as.refB.get<Problem>(`/api/v1/help-requests/${mine.id}`)).body.code).toBe(
      'helpdesk.request.not_found',
    );
    expect((await as.refB.get(`/api/v1/help-requests/${mine.id}`)).status).toBe(404);
    expect((await as.refB.post(`/api/v1/help-requests/${mine.id}/messages`, { body: 'Ciao' })).status).toBe(404);
    const listB = await as.refB.get<List>('/api/v1/help-requests');
    expect(listB.body.items.every((i) => i.comuneIstat === b.istat)).toBe(true);
    const listA = await as.amministrativoA.get<List>('/api/v1/help-requests');
    expect(listA.body.items.map((i) => i.id)).toContain(mine.id);
    expect(listA.body.items.every((i) => i.comuneIstat === a.istat)).toBe(true);
  });

  it('holds in the database too: another tenant, MLPS and the Region read no row', async () => {
    const count = (access: Parameters<typeof t.db.tx>[0]) =>
      t.db.tx(access, async (tx) => {
        const [r] = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM hd_requests WHERE comune_istat = $1',
          [a.istat],
        );
        const [m] = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM hd_messages WHERE comune_istat = $1',
          [a.istat],
        );
        return [r!.n, m!.n];
      });
    expect(await count({ scope: 'comune', tenant: b.istat, region: null, userId: b.referente.id })).toEqual([0, 0]);
    const mlps = await t.db.ownerTx((tx) =>
      tx.query<{ id: string }>(
        `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'mlps' LIMIT 1`,
      ),
    );
    expect(await count({ scope: 'national', tenant: null, region: null, userId: mlps[0]!.id })).toEqual([0, 0]);
    expect(await count({ scope: 'regione', tenant: null, region: '12', userId: null })).toEqual([0, 0]);
    const [own] = [await count({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id })];
    expect(own[0]).toBeGreaterThan(0);
    expect(await count({ scope: 'national', tenant: null, region: null, userId: anciUser.id })).toEqual(own);
  });

  it('keeps the requests from MLPS, the Regions and the revisore (403)', async () => {
    for (const agent of [as.mlps, as.regione, as.revisore])
      expect((await agent.get('/api/v1/help-requests')).status).toBe(403);
  });
});

describe('the life of a request', () => {
  let id: string;
  const detail = async (agent: Agent) => (await agent.get<Detail>(`/api/v1/help-requests/${id}`)).body;

  it('the help desk sees it in the queue with its filters and assigns it to one of its members', async () => {
    const created = (await open(as.refA, { topic: 'PLM', subject: 'Adozione del piano' })).body.request;
    id = created.id;
    const queue = await as.anci.get<List>('/api/v1/help-requests?status=NUOVA&topic=PLM&region=12&assignee=none');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i) => i.id)).toContain(id);
    expect((await as.anci.get<List>('/api/v1/help-requests?region=03')).body.items.map((i) => i.id)).not.toContain(id);
    const staff = await as.anci.get<Schema<'HelpStaffList'>>('/api/v1/help-requests/staff');
    expect(staff.body.items.map((s) => s.displayName)).toEqual(
      expect.arrayContaining(['Assistente Prova Uno', 'Assistente Prova Due']),
    );
    expect(JSON.stringify(staff.body)).not.toContain('@');
    // not a member of the help desk
    const wrong = await as.anci.post<Problem>(`/api/v1/help-requests/${id}/assign`, { assigneeId: a.referente.id });
    expect(wrong.body.code).toBe('helpdesk.request.assignee');
    const res = await as.anci.post<Detail>(`/api/v1/help-requests/${id}/assign`, { assigneeId: otherAnci.id });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ status: 'ASSEGNATA', assigneeName: 'Assistente Prova Due' });
    const again = await as.anci.post<Detail>(`/api/v1/help-requests/${id}/assign`, {
      assigneeId: anciUser.id,
      rowVersion: res.body.request.rowVersion,
    });
    expect(again.body.request).toMatchObject({ status: 'ASSEGNATA', assigneeId: anciUser.id });
    // the Comune cannot assign
    expect((await as.refA.post(`/api/v1/help-requests/${id}/assign`, { assigneeId: anciUser.id })).status).toBe(403);
    expect(
      (await as.anci.get<List>(`/api/v1/help-requests?assignee=${anciUser.id}`)).body.items.map((i) => i.id),
    ).toContain(id);
  });

  it('an internal note stays with the help desk (API and database), its attachment too', async () => {
    const res = await as.anci.post<Detail>(`/api/v1/help-requests/${id}/messages`, {
      body: 'Nota interna: sentire il collega',
      internal: true,
      attachments: [{ filename: 'appunti.pdf', content: PDF }],
    });
    expect(res.status).toBe(200);
    expect(res.body.request.status).toBe('ASSEGNATA');
    expect(res.body.request.firstAnswerAt).toBeNull();
    const note = res.body.messages.find((m) => m.internal)!;
    const doc = note.attachments[0]!;
    const seen = await detail(as.refA);
    expect(seen.messages.some((m) => m.internal || m.body.includes('Nota interna'))).toBe(false);
    expect((await as.refA.get<Problem>(`/api/v1/help-requests/${id}/attachments/${doc.id}`)).status).toBe(404);
    expect((await as.anci.get(`/api/v1/help-requests/${id}/attachments/${doc.id}`)).status).toBe(200);
    const rows = await t.db.tx({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id }, (tx) =>
      tx.query('SELECT 1 FROM hd_messages WHERE request_id = $1 AND internal', [id]),
    );
    expect(rows).toHaveLength(0);
    // the Comune writes no internal note
    expect((await as.refA.post(`/api/v1/help-requests/${id}/messages`, { body: 'x', internal: true })).status).toBe(
      400,
    );
  });

  it('the help desk answers and asks; the Comune answers back with an attachment, read and audited', async () => {
    const asked = await as.anci.post<Detail>(`/api/v1/help-requests/${id}/messages`, {
      body: 'Quale organo ha adottato il piano?',
      awaitComune: true,
    });
    expect(asked.body.request.status).toBe('IN_ATTESA_COMUNE');
    expect(asked.body.request.firstAnswerAt).not.toBeNull();
    const back = await as.refA.post<Detail>(`/api/v1/help-requests/${id}/messages`, {
      body: 'La Giunta; alleghiamo la delibera.',
      attachments: [{ filename: 'delibera.pdf', content: PDF }],
    });
    expect(back.status).toBe(200);
    expect(back.body.request.status).toBe('IN_LAVORAZIONE');
    const doc = back.body.messages.at(-1)!.attachments[0]!;
    const file = await as.anci.get(`/api/v1/help-requests/${id}/attachments/${doc.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(await auditRows(t.db, "action = 'helpdesk.document.read' AND entity_id = $1", [doc.id])).toHaveLength(1);
    // the bytes are encrypted in the database
    const [stored] = await t.db.ownerTx((tx) =>
      tx.query<{ content: string }>('SELECT content FROM hd_document_contents WHERE id = $1', [doc.id]),
    );
    expect(stored!.content).not.toContain(PDF.slice(0, 12));
  });

  it('resolves; the Comune writes no more but closes, rates once, and cannot rate twice', async () => {
    const d = await detail(as.anci);
    const stale = await as.anci.post<Problem>(`/api/v1/help-requests/${id}/resolve`, {
      resolution: 'Risposta',
      rowVersion: d.request.rowVersion - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('helpdesk.stale');
    const res = await as.anci.post<Detail>(`/api/v1/help-requests/${id}/resolve`, {
      resolution: "L'adozione spetta alla Giunta.",
      rowVersion: d.request.rowVersion,
    });
    expect(res.body.request.status).toBe('RISOLTA');
    expect(res.body.resolution).toBe("L'adozione spetta alla Giunta.");
    expect((await as.refA.post<Problem>(`/api/v1/help-requests/${id}/messages`, { body: 'Ancora' })).body.code).toBe(
      'helpdesk.state',
    );
    expect((await as.refA.post<Problem>(`/api/v1/help-requests/${id}/satisfaction`, { score: 5 })).body.code).toBe(
      'helpdesk.state',
    );
    expect((await as.anci.post(`/api/v1/help-requests/${id}/close`, {})).status).toBe(403);
    const closed = await as.refA.post<Detail>(`/api/v1/help-requests/${id}/close`, {});
    expect(closed.body.request.status).toBe('CHIUSA');
    const rated = await as.refA.post<Detail>(`/api/v1/help-requests/${id}/satisfaction`, {
      score: 4,
      comment: 'Chiaro',
    });
    expect(rated.body.request.satisfaction).toBe(4);
    expect(rated.body.satisfactionComment).toBe('Chiaro');
    expect((await as.refA.post<Problem>(`/api/v1/help-requests/${id}/satisfaction`, { score: 5 })).body.code).toBe(
      'helpdesk.request.rated',
    );
    expect((await as.refA.post(`/api/v1/help-requests/${id}/satisfaction`, { score: 6 })).status).toBe(400);
  });

  it('reopens within the period (rating withdrawn, due again), not after it', async () => {
    const d = await detail(as.refA);
    expect(d.canReopen).toBe(true);
    const res = await as.refA.post<Detail>(`/api/v1/help-requests/${id}/reopen`, { reason: 'Manca un passaggio.' });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ status: 'IN_LAVORAZIONE', reopenedCount: 1, satisfaction: null });
    expect(res.body.messages.at(-1)!.body).toBe('Manca un passaggio.');
    await as.anci.post(`/api/v1/help-requests/${id}/resolve`, { resolution: 'Completata.' });
    await later(15 * DAY);
    const late = await as.refA.post<Problem>(`/api/v1/help-requests/${id}/reopen`, { reason: 'Ancora' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('helpdesk.request.reopen_expired');
    const actions = (await auditRows(t.db, 'entity_id = $1', [id])).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'helpdesk.request.open',
        'helpdesk.request.assign',
        'helpdesk.request.note',
        'helpdesk.request.message',
        'helpdesk.request.resolve',
        'helpdesk.request.close',
        'helpdesk.request.rate',
        'helpdesk.request.reopen',
      ]),
    );
    const events = (await detail(as.refA)).events.map((e) => e.kind);
    expect(events[0]).toBe('APERTA');
    expect(events).toContain('ASSEGNATA');
  });

  it('the help desk answering a new request takes it in charge', async () => {
    const r = (await open(as.amministrativoA)).body.request;
    const res = await as.anci.post<Detail>(`/api/v1/help-requests/${r.id}/messages`, { body: 'Ecco la risposta.' });
    expect(res.body.request).toMatchObject({ status: 'IN_LAVORAZIONE', assigneeId: anciUser.id });
    expect(res.body.request.firstAnswerAt).not.toBeNull();
  });
});

describe('escalation of late requests', () => {
  it('marks the overdue requests escalated and signals each missed due date once, however often it runs', async () => {
    const opened = await open(as.refB, { topic: 'ALTRO', priority: 'ALTA' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const r = opened.body.request;
    await escalationJob.handler(jobCtx(), {});
    expect((await as.anci.get<Detail>(`/api/v1/help-requests/${r.id}`)).body.request.escalatedAt).toBeNull();
    await later(4 * DAY);
    await escalationJob.handler(jobCtx(), {});
    await escalationJob.handler(jobCtx(), {});
    const got = await as.anci.get<Detail>(`/api/v1/help-requests/${r.id}`);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const d = got.body;
    expect(d.request.escalatedAt).not.toBeNull();
    expect(d.request.overdue).toBe(true);
    expect(d.events.filter((e) => e.kind === 'SOLLECITO')).toHaveLength(1);
    const signals = await as.anci.get<Schema<'HelpEscalationList'>>('/api/v1/help-escalations');
    const mine = signals.body.items.filter((s) => s.requestId === r.id);
    expect(mine.map((s) => s.kind)).toEqual(['PRIMA_RISPOSTA']);
    expect(await auditRows(t.db, "action = 'helpdesk.request.escalate' AND entity_id = $1", [r.id])).toHaveLength(1);
    const late = await as.anci.get<List>('/api/v1/help-requests?overdue=true&escalated=true');
    expect(late.body.items.map((i) => i.id)).toContain(r.id);
    // the Comune's view of the queue stays its own
    expect((await as.refB.get('/api/v1/help-escalations')).status).toBe(403);
    expect((await as.anci.post(`/api/v1/help-escalations/${mine[0]!.id}/acknowledge`)).status).toBe(204);
    expect((await as.anci.post(`/api/v1/help-escalations/${mine[0]!.id}/acknowledge`)).status).toBe(404);
    // past the resolution's due date too: one more signal, once
    await later(10 * DAY);
    await escalationJob.handler(jobCtx(), {});
    await escalationJob.handler(jobCtx(), {});
    const kinds = await t.db.ownerTx((tx) =>
      tx.query<{ kind: string }>('SELECT kind FROM hd_escalations WHERE request_id = $1 ORDER BY kind', [r.id]),
    );
    expect(kinds.map((k) => k.kind)).toEqual(['PRIMA_RISPOSTA', 'RISOLUZIONE']);
  });
});
