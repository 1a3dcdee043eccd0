import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD, type TestUser } from '../../../../tests/support/factories.js';
import { makeCase, makePilotComune, pilotFingerprint, type PilotComune } from '../../../../tests/support/pilot-factories.js';
import { plainText as plain, startSmtp, type TestSmtp } from '../../../../tests/support/smtp.js';
import { pilotJobs } from './jobs.js';

interface Task { id: string; kind: string; dueOn: string; label: string; caseId: string; status: string; overdue: boolean }
interface Issue {
  id: string; comuneIstat: string; comuneName: string; raisedByLevel: string; category: string; title: string; description: string;
  correctiveAction: string; owner: string; dueOn: string; status: string; resolution: string | null; overdue: boolean;
}
interface PageOf<T> { items: T[]; total: number }
interface Problem { code: string; errors?: { path: string }[] }

const PUBLIC_URL = 'https://incas.esempio.it';

// a loopback MTA that keeps what it receives (no TLS, no AUTH)
let smtp: TestSmtp;
let mails: TestSmtp['received'];
let t: TestApp;
let ctx: Ctx;
let A: PilotComune;
let B: PilotComune;
let C: PilotComune;

const job = (name: string) => pilotJobs.find((j) => j.name === name)!;
const generate = () => job('pilot.generate-tasks').handler(ctx, {});
const digest = () => job('pilot.daily-digest').handler(ctx, {});

/** Moves the fake clock forward to 09:00 UTC of `day`. */
function setDay(day: string): void {
  const target = Date.parse(`${day}T09:00:00Z`);
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

async function tasksOfCase(caseId: string) {
  return t.db.ownerTx((tx) => tx.query<{ kind: string; due_on: string; dedupe_key: string; assignee_user_id: string; label: string; status: string }>(
    `SELECT kind, due_on::text AS due_on, dedupe_key, assignee_user_id, label, status FROM pilot_tasks WHERE case_id = $1 ORDER BY due_on, dedupe_key`,
    [caseId],
  ));
}

beforeAll(async () => {
  smtp = await startSmtp();
  mails = smtp.received;
  t = await startTestApp({ INCAS_SMTP_URL: smtp.url, INCAS_PUBLIC_URL: PUBLIC_URL });
  ctx = { actor: null, db: t.db, clock: t.clock, log: t.app.log, config: t.config, cipher: t.cipher, requestId: 'test', ip: '' };
  [A, B, C] = [await makePilotComune(t.db), await makePilotComune(t.db), await makePilotComune(t.db)];
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('pilot jobs', () => {
  it('declares the daily task generation and the daily digest', () => {
    expect(pilotJobs.map((j) => [j.name, j.cron])).toEqual([['pilot.generate-tasks', '10 5 * * *'], ['pilot.daily-digest', '30 6 * * *']]);
    expect(job('pilot.generate-tasks').payload.safeParse({}).success).toBe(true);
    expect(job('pilot.generate-tasks').payload.safeParse({ x: 1 }).success).toBe(false);
  });

  it('raises PAI reviews, follow-ups and late measures for the case manager, once', async () => {
    // 2026-06-01
    const pai = await makeCase(t.db, t.cipher, { comune: C, status: 'pai_attivo', withPermit: false });
    const later = await makeCase(t.db, t.cipher, { comune: C, status: 'pai_attivo', withPermit: false });
    const closed = await makeCase(t.db, t.cipher, { comune: C });
    const followedUp = await makeCase(t.db, t.cipher, { comune: C });
    const ids = await t.db.ownerTx(async (tx) => {
      const now = t.clock.now();
      const insPai = async (c: typeof pai, review: string) => (await tx.query<{ id: string }>(
        `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, approved_on, review_due_on, created_at, updated_at)
         VALUES ($1, $2, $3, 'in_corso', '2026-05-10', $4, $5, $5) RETURNING id`, [c.caseId, c.holderId, C.istat, review, now]))[0]!.id;
      const paiId = await insPai(pai, '2026-06-10');
      await insPai(later, '2026-06-30');
      const insMeasure = async (status: string, start: string, end: string | null) => (await tx.query<{ id: string }>(
        `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, cost_planned, status, created_at, updated_at)
         VALUES ($1, $2, 'formazione', 'Ente di formazione', $3, $4, 100, $5, $6, $6) RETURNING id`, [paiId, C.istat, start, end, status, now]))[0]!.id;
      const notStarted = await insMeasure('pianificata', '2026-05-20', null);
      await insMeasure('pianificata', '2026-05-28', null); // 4 days late: still within the grace
      const notEnded = await insMeasure('avviata', '2026-05-01', '2026-05-31');
      await insMeasure('avviata', '2026-05-01', '2026-06-30');
      for (const c of [closed, followedUp]) {
        await tx.query(`UPDATE pilot_cases SET status = 'chiuso', closed_on = '2025-12-10', exit_reason = 'lavoro_autonomia' WHERE id = $1`, [c.caseId]);
      }
      await tx.query(
        `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, created_at)
         VALUES ($1, $2, $3, 'follow_up_6', '2026-05-30', true, $4)`, [followedUp.holderId, followedUp.caseId, C.istat, now]);
      return { paiId, notStarted, notEnded };
    });

    await generate();
    await generate();
    const paiTasks = await tasksOfCase(pai.caseId);
    expect(paiTasks.map((x) => [x.kind, x.due_on, x.dedupe_key])).toEqual([
      ['measure_overdue', '2026-05-20', `measure:${ids.notStarted}:pianificata`],
      ['measure_overdue', '2026-05-31', `measure:${ids.notEnded}:avviata`],
      ['pai_review', '2026-06-10', `pai-review:${ids.paiId}:2026-06-10`],
    ]);
    expect(paiTasks.every((x) => x.assignee_user_id === C.operatore.id && x.status === 'aperto')).toBe(true);
    expect(paiTasks.every((x) => x.label.includes(pai.pseudonym))).toBe(true);
    expect(await tasksOfCase(later.caseId)).toEqual([]); // review in 29 days: not yet
    const followUps = await tasksOfCase(closed.caseId);
    expect(followUps.map((x) => [x.kind, x.due_on, x.dedupe_key])).toEqual([['follow_up', '2026-06-10', `follow-up:${closed.caseId}:6`]]);
    expect(await tasksOfCase(followedUp.caseId)).toEqual([]); // the 6-month follow-up is already recorded
  });

  it('raises a permit-expiry task at 90, 60 and 30 days before the expiry, idempotently', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: A, status: 'ammesso_misure', identity: { surname: 'Canarino' } });
    await generate();
    expect(await tasksOfCase(c.caseId)).toEqual([]); // 2026-06-01: 136 days before 2026-10-15
    setDay('2026-07-16');
    await generate();
    expect(await tasksOfCase(c.caseId)).toEqual([]);
    const steps: [string, number][] = [['2026-07-17', 90], ['2026-08-16', 60], ['2026-09-15', 30]];
    for (const [i, [day, daysBefore]] of steps.entries()) {
      setDay(day);
      await generate();
      await generate();
      const tasks = await tasksOfCase(c.caseId);
      expect(tasks, day).toHaveLength(i + 1);
      const last = tasks[i]!;
      expect(last).toMatchObject({ kind: 'permit_expiry', due_on: day, assignee_user_id: A.operatore.id });
      expect(last.label).toBe(`Permesso in scadenza il 2026-10-15 (${c.pseudonym}): ${daysBefore} giorni`);
      expect(last.dedupe_key).toMatch(new RegExp(`^permit:[0-9a-f-]{36}:2026-10-15:${daysBefore}$`));
    }
  });

  it('shows each case manager their own tasks only, earliest due first', async () => {
    // 2026-09-15
    expect((await new Agent(t.app).get('/api/v1/pilot/tasks')).status).toBe(401);
    const opA = await as(A.operatore);
    expect((await opA.get('/api/v1/pilot/tasks?status=chiuso')).status).toBe(400);
    expect((await opA.get('/api/v1/pilot/tasks?pageSize=0')).status).toBe(400);
    const mine = await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?status=aperto');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(3);
    expect(mine.body.items.map((x) => [x.dueOn, x.overdue])).toEqual([['2026-07-17', true], ['2026-08-16', true], ['2026-09-15', false]]);
    expect(mine.body.items.every((x) => x.kind === 'permit_expiry' && x.status === 'aperto' && !x.label.includes('Canarino'))).toBe(true);
    const paged = await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?page=2&pageSize=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items.map((x) => x.dueOn)).toEqual(['2026-09-15']);
    expect((await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?status=fatto')).body.total).toBe(0);
    // another Comune's operatore, and the referente of the same Comune (not the assignee), see none of them
    expect((await (await as(B.operatore)).get<PageOf<Task>>('/api/v1/pilot/tasks')).body.total).toBe(0);
    expect((await (await as(A.referente)).get<PageOf<Task>>('/api/v1/pilot/tasks')).body.total).toBe(0);
    expect((await (await as(A.amministrativo)).get<Problem>('/api/v1/pilot/tasks')).status).toBe(403);
  });

  it('mails each case manager a daily digest with pseudonyms and no names, once a day', async () => {
    // 2026-09-15
    await digest();
    const toA = mails.filter((m) => m.to.includes(A.operatore.email));
    expect(toA).toHaveLength(1);
    const body = plain(toA[0]!.raw);
    const [pseudonym] = (await t.db.ownerTx((tx) => tx.query<{ pseudonym: string }>(
      `SELECT p.pseudonym FROM pilot_persons p JOIN pilot_cases c ON c.holder_person_id = p.id WHERE c.comune_istat = $1`, [A.istat])));
    expect(body).toContain(`Permesso in scadenza il 2026-10-15 (${pseudonym!.pseudonym}): 30 giorni`);
    expect(body).toContain('Permessi in scadenza / Permit expiries: 3');
    expect(body).toContain(`${PUBLIC_URL}/`);
    expect(body).toContain('tasks that are overdue or due within 7 days');
    expect(body).not.toContain('Canarino');
    expect(body).not.toContain('Esempio'); // the given names of the factory's identities
    // C's case manager has overdue tasks too; B's has none
    expect(mails.filter((m) => m.to.includes(C.operatore.email))).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes(B.operatore.email))).toHaveLength(0);
    const rows = await auditRows(t.db, `action = 'pilot.digest.sent' AND entity_id = $1`, [A.operatore.id]);
    expect(rows.map((r) => r.details)).toEqual([{ tasks: 3, day: '2026-09-15' }]);

    const before = mails.length;
    await digest();
    expect(mails).toHaveLength(before);
  });

  it('lets the assignee mark a task done, and nobody else', async () => {
    const opA = await as(A.operatore);
    const [first] = (await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?status=aperto')).body.items;
    const url = `/api/v1/pilot/tasks/${first!.id}/done`;
    expect((await new Agent(t.app).post(url, {})).status).toBe(401);
    expect((await opA.post('/api/v1/pilot/tasks/x/done', {})).status).toBe(400);
    expect((await opA.post(url, { status: 'fatto' })).status).toBe(400);
    expect((await opA.post<Problem>(`/api/v1/pilot/tasks/${randomUUID()}/done`, {})).body.code).toBe('pilot.task.not_found');
    for (const other of [B.operatore, A.referente]) {
      const res = await (await as(other)).post<Problem>(url, {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('pilot.task.not_found');
    }
    const done = await opA.post<Task>(url, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: first!.id, status: 'fatto', overdue: false });
    expect((await opA.post<Task>(url, {})).body.status).toBe('fatto');
    const rows = await auditRows(t.db, `action = 'pilot.task.done' AND entity_id = $1`, [first!.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_comune: A.istat, actor_user_id: A.operatore.id, details: { kind: 'permit_expiry' } });
    expect((await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?status=aperto')).body.total).toBe(2);
    expect((await opA.get<PageOf<Task>>('/api/v1/pilot/tasks?status=fatto')).body.items.map((x) => x.id)).toEqual([first!.id]);

    // the next day's digest lists the two open tasks only
    setDay('2026-09-16');
    await digest();
    const toA = mails.filter((m) => m.to.includes(A.operatore.email));
    expect(toA).toHaveLength(2);
    expect(plain(toA[1]!.raw)).toContain('Permessi in scadenza / Permit expiries: 2');
  });
});

describe('pilot critical issues', () => {
  const body = (comuneIstat: string, over: Record<string, unknown> = {}) => ({
    comuneIstat, category: 'rete_territoriale', title: 'Tempi lunghi della Questura per i rinnovi',
    description: 'Le richieste di rinnovo attendono oltre 60 giorni.', correctiveAction: 'Tavolo con la Prefettura',
    owner: 'Referente comunale', dueOn: '2026-10-31', ...over,
  });

  it('answers 401 → 400 → 403 on raising an issue, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    expect((await new Agent(t.app).post('/api/v1/pilot/issues', body(A.istat))).status).toBe(401);
    const ref = await as(A.referente);
    const bad = await ref.post<Problem>('/api/v1/pilot/issues', body(A.istat, { title: 'x', dueOn: '2026-02-30', extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual(expect.arrayContaining(['body.dueOn', 'body.title']));
    expect((await ref.post('/api/v1/pilot/issues', body(A.istat, { category: 'nuova' }))).status).toBe(400);
    expect((await ref.post('/api/v1/pilot/issues', body(A.istat, { owner: 'x' }))).status).toBe(400);
    // another Comune's issue: forbidden for a Comune's staff
    const other = await ref.post<Problem>('/api/v1/pilot/issues', body(B.istat));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    // read-only roles
    expect((await (await as(A.amministrativo)).post('/api/v1/pilot/issues', body(A.istat))).status).toBe(403);
    const mlps = await makeUser(t.db, { roles: ['mlps'] });
    expect((await (await as(mlps)).post('/api/v1/pilot/issues', body(A.istat))).status).toBe(403);
    expect((await (await as(A.operatore)).post('/api/v1/pilot/issues', body(A.istat))).status).toBe(403);
    // ANCI, for a Comune outside the pilot
    const anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
    const [outside] = await t.db.ownerTx((tx) => tx.query<{ istat_code: string }>('SELECT istat_code FROM comuni WHERE NOT pilot_18ter LIMIT 1'));
    const notPilot = await (await as(anci)).post<Problem>('/api/v1/pilot/issues', body(outside!.istat_code));
    expect(notPilot.status).toBe(400);
    expect(notPilot.body.errors!.map((e) => e.path)).toEqual(['body.comuneIstat']);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('keeps each Comune to its own issues and lets ANCI raise and MLPS read them all', async () => {
    const refA = await as(A.referente);
    const created = await refA.post<Issue>('/api/v1/pilot/issues', body(A.istat, { dueOn: '2026-09-01' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      comuneIstat: A.istat, raisedByLevel: 'comune', status: 'aperta', resolution: null, overdue: true, owner: 'Referente comunale',
    });
    expect(created.body.comuneName.length).toBeGreaterThan(0);
    const anci = await as(await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
    const national = await anci.post<Issue>('/api/v1/pilot/issues', body(B.istat, { category: 'dati', correctiveAction: undefined }));
    expect(national.status).toBe(201);
    expect(national.body).toMatchObject({ comuneIstat: B.istat, raisedByLevel: 'national', correctiveAction: '', overdue: false });

    const idsSeenBy = async (a: Agent, query = '') =>
      (await a.get<PageOf<Issue>>(`/api/v1/pilot/issues?pageSize=100${query}`)).body.items.map((i) => i.id);
    expect(await idsSeenBy(refA)).toEqual([created.body.id]);
    expect(await idsSeenBy(await as(A.amministrativo))).toEqual([created.body.id]);
    expect(await idsSeenBy(await as(B.referente))).toEqual([national.body.id]);
    const mlps = await as(await makeUser(t.db, { roles: ['mlps'] }));
    expect(await idsSeenBy(mlps)).toEqual(expect.arrayContaining([created.body.id, national.body.id]));
    expect(await idsSeenBy(mlps, `&comune=${B.istat}`)).toEqual([national.body.id]);
    expect(await idsSeenBy(anci, '&status=risolta')).toEqual([]);
    expect((await new Agent(t.app).get('/api/v1/pilot/issues')).status).toBe(401);
    expect((await mlps.get('/api/v1/pilot/issues?comune=12')).status).toBe(400);
    expect((await (await as(A.operatore)).get('/api/v1/pilot/issues')).status).toBe(403);

    const audit = await auditRows(t.db, `action = 'pilot.issue.create' AND entity_id = ANY($1)`, [[created.body.id, national.body.id]]);
    expect(audit.map((r) => r.details)).toEqual([
      { comune: A.istat, category: 'rete_territoriale', level: 'comune' },
      { comune: B.istat, category: 'dati', level: 'national' },
    ]);
    expect(audit.map((r) => r.tenant_comune)).toEqual([A.istat, B.istat]);
  });

  it('answers 401 → 400 → 404 → 403 on updating an issue, and needs a resolution to close it', async () => {
    const refA = await as(A.referente);
    const issue = (await refA.post<Issue>('/api/v1/pilot/issues', body(A.istat))).body;
    const url = `/api/v1/pilot/issues/${issue.id}`;
    const before = await pilotFingerprint(t.db);
    expect((await new Agent(t.app).patch(url, { status: 'in_corso' })).status).toBe(401);
    expect((await refA.patch(url, {})).status).toBe(400);
    expect((await refA.patch(url, { status: 'sospesa' })).status).toBe(400);
    expect((await refA.patch(url, { title: 'Nuovo titolo' })).status).toBe(400);
    expect((await refA.patch('/api/v1/pilot/issues/x', { status: 'in_corso' })).status).toBe(400);
    expect((await refA.patch<Problem>(`/api/v1/pilot/issues/${randomUUID()}`, { status: 'in_corso' })).body.code).toBe('pilot.issue.not_found');
    // another Comune does not even see it
    const fromB = await (await as(B.referente)).patch<Problem>(url, { status: 'chiusa', resolution: 'x' });
    expect(fromB.status).toBe(404);
    expect(fromB.body.code).toBe('pilot.issue.not_found');
    // seen but read-only
    expect((await (await as(A.amministrativo)).patch(url, { status: 'in_corso' })).status).toBe(403);
    expect((await (await as(await makeUser(t.db, { roles: ['mlps'] }))).patch(url, { status: 'in_corso' })).status).toBe(403);
    const noResolution = await refA.patch<Problem>(url, { status: 'risolta' });
    expect(noResolution.status).toBe(400);
    expect(noResolution.body.errors!.map((e) => e.path)).toEqual(['body.resolution']);
    expect(await pilotFingerprint(t.db)).toEqual(before);

    const progress = await refA.patch<Issue>(url, { status: 'in_corso', owner: 'Ufficio servizi sociali', dueOn: '2026-12-15' });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: 'in_corso', owner: 'Ufficio servizi sociali', dueOn: '2026-12-15' });
    const resolved = await refA.patch<Issue>(url, { status: 'risolta', resolution: 'Accordo con la Questura: rinnovi entro 30 giorni.' });
    expect(resolved.body).toMatchObject({ status: 'risolta', resolution: 'Accordo con la Questura: rinnovi entro 30 giorni.', overdue: false });
    // ANCI follows up on the Comune's issue and closes it: the recorded resolution suffices
    const closed = await (await as(await makeUser(t.db, { roles: ['assistenza_tecnica'] }))).patch<Issue>(url, { status: 'chiusa' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('chiusa');
    // re-sending the same values changes nothing and writes no audit row
    expect((await refA.patch<Issue>(url, { status: 'chiusa' })).status).toBe(200);

    const audit = await auditRows(t.db, `action = 'pilot.issue.update' AND entity_id = $1`, [issue.id]);
    expect(audit.map((r) => r.details)).toEqual([
      { fields: ['status', 'owner', 'dueOn'], status: 'in_corso' },
      { fields: ['status', 'resolution'], status: 'risolta' },
      { fields: ['status'], status: 'chiusa' },
    ]);
    expect(audit.map((r) => r.tenant_comune)).toEqual([A.istat, A.istat, A.istat]);
    expect(JSON.stringify(audit)).not.toContain('Questura');
  });

  it('marks open issues past their due date as overdue', async () => {
    setDay('2026-11-01');
    const refA = await as(A.referente);
    const items = (await refA.get<PageOf<Issue>>('/api/v1/pilot/issues?status=aperta&pageSize=100')).body.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.overdue === i.dueOn < '2026-11-01')).toBe(true);
    expect(items.some((i) => i.overdue)).toBe(true);
  });
});
