import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD, type TestUser } from '../../../../tests/support/factories.js';
import {
  makeCase,
  makePilotComune,
  makeTask,
  pilotFingerprint,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';
import type { Problem, Schema } from '../../../../tests/support/schema.js';
import { plainText as plain, startSmtp, type TestSmtp } from '../../../../tests/support/smtp.js';
import { pilotJobs } from './jobs.js';

type Issue = Schema<'PilotIssue'>;

const PUBLIC_URL = 'https://incas.esempio.it';

// a loopback MTA that keeps what it receives (no TLS, no AUTH)
let smtp: TestSmtp;
let mails: TestSmtp['received'];
let t: TestApp;
let ctx: Ctx;

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

const DAY = 86_400_000;
const today = () => t.clock.now().toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(t.clock.now().getTime() + n * DAY).toISOString().slice(0, 10);

/** A fresh Comune whose operatore has three permit reminders for one case: two overdue, one due today. */
async function comuneWithTasks() {
  const comune = await makePilotComune(t.db);
  const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure', identity: { surname: 'Canarino' } });
  const reminder = (daysBefore: number, dueOn: string) =>
    makeTask(t.db, {
      comune,
      kase,
      dueOn,
      label: `Permesso in scadenza il 2026-10-15 (${kase.pseudonym}): ${daysBefore} giorni`,
    });
  const tasks = [
    await reminder(90, daysFromToday(-60)),
    await reminder(60, daysFromToday(-30)),
    await reminder(30, today()),
  ];
  return { comune, kase, tasks };
}

async function tasksOfCase(caseId: string) {
  return t.db.ownerTx((tx) =>
    tx.query<{
      kind: string;
      due_on: string;
      dedupe_key: string;
      assignee_role: string;
      label: string;
      status: string;
    }>(
      `SELECT kind, due_on::text AS due_on, dedupe_key, assignee_role, label, status FROM pilot_tasks WHERE case_id = $1 ORDER BY due_on, dedupe_key`,
      [caseId],
    ),
  );
}

beforeAll(async () => {
  smtp = await startSmtp();
  mails = smtp.received;
  t = await startTestApp({ INCAS_SMTP_URL: smtp.url, INCAS_PUBLIC_URL: PUBLIC_URL });
  ctx = {
    actor: null,
    db: t.db,
    clock: t.clock,
    log: t.app.log,
    config: t.config,
    cipher: t.cipher,
    requestId: 'test',
    ip: '',
  };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('pilot jobs', () => {
  it('declares the nightly task generation, the daily digest and the refresh at start', () => {
    expect(pilotJobs.map((j) => [j.name, j.cron, j.runAtStart ?? false])).toEqual([
      ['pilot.generate-tasks', '10 5 * * *', false],
      ['pilot.daily-digest', '30 6 * * *', false],
      ['pilot.refresh-tasks', undefined, true],
    ]);
    expect(job('pilot.generate-tasks').payload.safeParse({}).success).toBe(true);
    expect(job('pilot.generate-tasks').payload.safeParse({ x: 1 }).success).toBe(false);
  });

  it('raises PAI reviews, follow-ups and late measures for the case manager, once', async () => {
    // 2026-06-01
    const C = await makePilotComune(t.db);
    const pai = await makeCase(t.db, t.cipher, { comune: C, status: 'pai_attivo', withPermit: false });
    const later = await makeCase(t.db, t.cipher, { comune: C, status: 'pai_attivo', withPermit: false });
    const closed = await makeCase(t.db, t.cipher, { comune: C });
    const followedUp = await makeCase(t.db, t.cipher, { comune: C });
    const ids = await t.db.ownerTx(async (tx) => {
      const now = t.clock.now();
      const insPai = async (c: typeof pai, review: string) =>
        (
          await tx.query<{ id: string }>(
            `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, approved_on, review_due_on, created_at, updated_at)
         VALUES ($1, $2, $3, 'in_corso', '2026-05-10', $4, $5, $5) RETURNING id`,
            [c.caseId, c.holderId, C.istat, review, now],
          )
        )[0]!.id;
      const paiId = await insPai(pai, '2026-06-10');
      await insPai(later, '2026-06-30');
      const insMeasure = async (status: string, start: string, end: string | null) =>
        (
          await tx.query<{ id: string }>(
            `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, cost_planned, status, created_at, updated_at)
         VALUES ($1, $2, 'formazione', 'Ente di formazione', $3, $4, 100, $5, $6, $6) RETURNING id`,
            [paiId, C.istat, start, end, status, now],
          )
        )[0]!.id;
      const notStarted = await insMeasure('pianificata', '2026-05-20', null);
      await insMeasure('pianificata', '2026-05-28', null); // 4 days late: still within the grace
      const notEnded = await insMeasure('avviata', '2026-05-01', '2026-05-31');
      await insMeasure('avviata', '2026-05-01', '2026-06-30');
      for (const c of [closed, followedUp]) {
        await tx.query(
          `UPDATE pilot_cases SET status = 'chiuso', closed_on = '2025-12-10', exit_reason = 'lavoro_autonomia' WHERE id = $1`,
          [c.caseId],
        );
      }
      await tx.query(
        `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, created_at)
         VALUES ($1, $2, $3, 'follow_up_6', '2026-05-30', true, $4)`,
        [followedUp.holderId, followedUp.caseId, C.istat, now],
      );
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
    expect(paiTasks.every((x) => x.assignee_role === 'case_manager' && x.status === 'aperto')).toBe(true);
    expect(paiTasks.every((x) => x.label.includes(pai.pseudonym))).toBe(true);
    expect(await tasksOfCase(later.caseId)).toEqual([]); // review in 29 days: not yet
    const followUps = await tasksOfCase(closed.caseId);
    expect(followUps.map((x) => [x.kind, x.due_on, x.dedupe_key])).toEqual([
      ['follow_up', '2026-06-10', `follow-up:${closed.caseId}:6`],
    ]);
    expect(await tasksOfCase(followedUp.caseId)).toEqual([]); // the 6-month follow-up is already recorded
  });

  it('raises a permit-expiry task at 90, 60 and 30 days before the expiry, idempotently', async () => {
    const A = await makePilotComune(t.db);
    const c = await makeCase(t.db, t.cipher, {
      comune: A,
      status: 'ammesso_misure',
      identity: { surname: 'Canarino' },
    });
    await generate();
    expect(await tasksOfCase(c.caseId)).toEqual([]); // 2026-06-01: 136 days before 2026-10-15
    setDay('2026-07-16');
    await generate();
    expect(await tasksOfCase(c.caseId)).toEqual([]);
    const steps: [string, number][] = [
      ['2026-07-17', 90],
      ['2026-08-16', 60],
      ['2026-09-15', 30],
    ];
    for (const [i, [day, daysBefore]] of steps.entries()) {
      setDay(day);
      await generate();
      await generate();
      const tasks = await tasksOfCase(c.caseId);
      expect(tasks, day).toHaveLength(i + 1);
      const last = tasks[i]!;
      expect(last).toMatchObject({
        kind: 'permit_expiry',
        due_on: day,
        assignee_role: 'case_manager',
        status: 'aperto',
      });
      expect(last.label).toBe(
        `Il permesso di soggiorno di ${c.pseudonym} scade il 15/10/2026 (promemoria a ${daysBefore} giorni): verificare il rinnovo`,
      );
      // the reminder it replaces is no longer needed
      expect(tasks.slice(0, i).every((x) => x.status === 'superato')).toBe(true);
      expect(last.dedupe_key).toMatch(new RegExp(`^permit:[0-9a-f-]{36}:2026-10-15:${daysBefore}$`));
    }
  });

  it('shows a case manager their open tasks, earliest due first, page by page', async () => {
    const { comune, tasks } = await comuneWithTasks();
    const op = await as(comune.operatore);
    const mine = await op.get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks?status=aperto');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(3);
    expect(mine.body.items.map((x) => [x.id, x.overdue])).toEqual([
      [tasks[0]!.id, true],
      [tasks[1]!.id, true],
      [tasks[2]!.id, false],
    ]);
    const paged = await op.get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks?page=2&pageSize=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items.map((x) => x.id)).toEqual([tasks[2]!.id]);
    expect((await op.get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks?status=fatto')).body.total).toBe(0);
  });

  it('answers 401 without a session and 400 to a bad filter on the work list', async () => {
    expect((await new Agent(t.app).get('/api/v1/pilot/tasks')).status).toBe(401);
    const op = await as((await makePilotComune(t.db)).operatore);
    expect((await op.get('/api/v1/pilot/tasks?status=chiuso')).status).toBe(400);
    expect((await op.get('/api/v1/pilot/tasks?pageSize=0')).status).toBe(400);
  });

  it("shows a case manager's tasks to nobody else: not another Comune, not their referente", async () => {
    const { comune } = await comuneWithTasks();
    const other = await makePilotComune(t.db);
    expect((await (await as(other.operatore)).get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks')).body.total).toBe(0);
    expect((await (await as(comune.referente)).get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks')).body.total).toBe(0);
  });

  it("shows the responsabile amministrativo none of the case manager's tasks", async () => {
    const { comune } = await comuneWithTasks();
    const res = await (await as(comune.amministrativo)).get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    const mlps = await makeUser(t.db, { roles: ['mlps'] });
    expect((await (await as(mlps)).get<Problem>('/api/v1/pilot/tasks')).status).toBe(403);
  });

  it('mails a case manager a daily digest of what is due, in words, with pseudonyms and no names', async () => {
    const { comune, kase, tasks } = await comuneWithTasks();
    await digest();
    const toOp = mails.filter((m) => m.to.includes(comune.operatore.email));
    expect(toOp).toHaveLength(1);
    const body = plain(toOp[0]!.raw);
    for (const task of tasks) expect(body).toContain(task.label);
    expect(body).toContain('Permesso in scadenza: 3');
    expect(body).toContain(`${PUBLIC_URL}/casi/${kase.caseId}`);
    expect(body).toContain('scadute o in scadenza entro 7 giorni');
    expect(body).not.toContain('permit_expiry');
    expect(body).not.toContain('Canarino');
    expect(body).not.toContain('Esempio'); // the given names of the factory's identities
    const rows = await auditRows(t.db, `action = 'pilot.digest.sent' AND entity_id = $1`, [comune.operatore.id]);
    expect(rows.map((r) => r.details)).toEqual([{ tasks: 3, day: today() }]);
  });

  it('mails no digest to a case manager with nothing due', async () => {
    const idle = await makePilotComune(t.db);
    await digest();
    expect(mails.filter((m) => m.to.includes(idle.operatore.email))).toHaveLength(0);
  });

  it('mails the digest once a day', async () => {
    const { comune } = await comuneWithTasks();
    await digest();
    await digest();
    expect(mails.filter((m) => m.to.includes(comune.operatore.email))).toHaveLength(1);
  });

  it('mails each user one digest, with one audit row, when two runs overlap (two instances at once)', async () => {
    const comuni = [await comuneWithTasks(), await comuneWithTasks(), await comuneWithTasks()];
    await Promise.all([digest(), digest()]);
    for (const { comune } of comuni) {
      expect(mails.filter((m) => m.to.includes(comune.operatore.email))).toHaveLength(1);
      const rows = await auditRows(t.db, `action = 'pilot.digest.sent' AND entity_id = $1`, [comune.operatore.id]);
      expect(rows).toHaveLength(1);
    }
  });

  it('gives a refused digest back to the retry: sent once the relay takes it', async () => {
    const { comune } = await comuneWithTasks();
    smtp.refuse = true;
    try {
      await expect(digest()).rejects.toThrow(/e-mail\(s\) not sent; the job will retry them/);
    } finally {
      smtp.refuse = false;
    }
    expect(mails.filter((m) => m.to.includes(comune.operatore.email))).toHaveLength(0);
    await digest();
    expect(mails.filter((m) => m.to.includes(comune.operatore.email))).toHaveLength(1);
    const rows = await auditRows(t.db, `action LIKE 'pilot.digest.%' AND entity_id = $1`, [comune.operatore.id]);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['pilot.digest.sent', 'success'],
      ['pilot.digest.failed', 'failure'],
      ['pilot.digest.sent', 'success'],
    ]);
  });

  it('creates each task once when two generations overlap', async () => {
    const C = await makePilotComune(t.db);
    const newCase = () => makeCase(t.db, t.cipher, { comune: C, status: 'pai_attivo', withPermit: false });
    const cases = [await newCase(), await newCase(), await newCase()];
    await t.db.ownerTx(async (tx) => {
      for (const c of cases)
        await tx.query(
          `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, approved_on, review_due_on, created_at, updated_at)
           VALUES ($1, $2, $3, 'in_corso', $4, $5, $6, $6)`,
          [c.caseId, c.holderId, C.istat, daysFromToday(-20), daysFromToday(3), t.clock.now()],
        );
    });
    await Promise.all([generate(), generate(), generate()]);
    for (const c of cases) expect((await tasksOfCase(c.caseId)).map((x) => x.kind)).toEqual(['pai_review']);
  });

  it('answers 401 → 400 → 404 on marking a task done', async () => {
    const { comune, tasks } = await comuneWithTasks();
    const op = await as(comune.operatore);
    const url = `/api/v1/pilot/tasks/${tasks[0]!.id}/done`;
    expect((await new Agent(t.app).post(url, {})).status).toBe(401);
    expect((await op.post('/api/v1/pilot/tasks/x/done', {})).status).toBe(400);
    expect((await op.post(url, { status: 'fatto' })).status).toBe(400);
    expect((await op.post<Problem>(`/api/v1/pilot/tasks/${randomUUID()}/done`, {})).body.code).toBe(
      'pilot.task.not_found',
    );
  });

  it('lets nobody but the assignee mark a task done (404 to another Comune and to the referente)', async () => {
    const { comune, tasks } = await comuneWithTasks();
    const other = await makePilotComune(t.db);
    const before = await pilotFingerprint(t.db);
    for (const someone of [other.operatore, comune.referente]) {
      const res = await (await as(someone)).post<Problem>(`/api/v1/pilot/tasks/${tasks[0]!.id}/done`, {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('pilot.task.not_found');
    }
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('lets the assignee mark a task done, once, audited', async () => {
    const { comune, tasks } = await comuneWithTasks();
    const op = await as(comune.operatore);
    const url = `/api/v1/pilot/tasks/${tasks[0]!.id}/done`;
    const done = await op.post<Schema<'PilotTask'>>(url, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: tasks[0]!.id, status: 'fatto', overdue: false });
    expect((await op.post<Schema<'PilotTask'>>(url, {})).body.status).toBe('fatto');
    const rows = await auditRows(t.db, `action = 'pilot.task.done' AND entity_id = $1`, [tasks[0]!.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenant_comune: comune.istat,
      actor_user_id: comune.operatore.id,
      details: { kind: 'permit_expiry' },
    });
  });

  it('moves a task done from the open list to the done list', async () => {
    const { comune, tasks } = await comuneWithTasks();
    const op = await as(comune.operatore);
    expect((await op.post(`/api/v1/pilot/tasks/${tasks[0]!.id}/done`, {})).status).toBe(200);
    expect((await op.get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks?status=aperto')).body.total).toBe(2);
    expect(
      (await op.get<Schema<'PilotTaskPage'>>('/api/v1/pilot/tasks?status=fatto')).body.items.map((x) => x.id),
    ).toEqual([tasks[0]!.id]);
  });

  it('leaves the tasks done out of the next digest', async () => {
    const { comune, tasks } = await comuneWithTasks();
    expect((await (await as(comune.operatore)).post(`/api/v1/pilot/tasks/${tasks[0]!.id}/done`, {})).status).toBe(200);
    setDay(daysFromToday(1));
    await digest();
    const toOp = mails.filter((m) => m.to.includes(comune.operatore.email));
    expect(toOp).toHaveLength(1);
    expect(plain(toOp[0]!.raw)).toContain('Permesso in scadenza: 2');
    expect(plain(toOp[0]!.raw)).not.toContain(tasks[0]!.label);
  });
});

describe('pilot critical issues', () => {
  // two fresh pilot Comuni for every test, so each sees only the issues it raised
  let A: PilotComune;
  let B: PilotComune;
  beforeEach(async () => {
    [A, B] = [await makePilotComune(t.db), await makePilotComune(t.db)];
  });

  const body = (comuneIstat: string, over: Record<string, unknown> = {}) => ({
    comuneIstat,
    category: 'rete_territoriale',
    title: 'Tempi lunghi della Questura per i rinnovi',
    description: 'Le richieste di rinnovo attendono oltre 60 giorni.',
    correctiveAction: 'Tavolo con la Prefettura',
    owner: 'Referente comunale',
    dueOn: '2026-10-31',
    ...over,
  });

  it('answers 401 → 400 → 403 on raising an issue, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    expect((await new Agent(t.app).post('/api/v1/pilot/issues', body(A.istat))).status).toBe(401);
    const ref = await as(A.referente);
    const bad = await ref.post<Problem>(
      '/api/v1/pilot/issues',
      body(A.istat, { title: 'x', dueOn: '2026-02-30', extra: 1 }),
    );
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
    const [outside] = await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>('SELECT istat_code FROM registry_comuni_v WHERE NOT pilot_18ter LIMIT 1'),
    );
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
      comuneIstat: A.istat,
      raisedByLevel: 'comune',
      status: 'aperta',
      resolution: null,
      overdue: true,
      owner: 'Referente comunale',
    });
    expect(created.body.comuneName.length).toBeGreaterThan(0);
    const anci = await as(await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
    const national = await anci.post<Issue>(
      '/api/v1/pilot/issues',
      body(B.istat, { category: 'dati', correctiveAction: undefined }),
    );
    expect(national.status).toBe(201);
    expect(national.body).toMatchObject({
      comuneIstat: B.istat,
      raisedByLevel: 'national',
      correctiveAction: '',
      overdue: false,
    });

    const idsSeenBy = async (a: Agent, query = '') =>
      (await a.get<Schema<'PilotIssuePage'>>(`/api/v1/pilot/issues?pageSize=100${query}`)).body.items.map((i) => i.id);
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

    const audit = await auditRows(t.db, `action = 'pilot.issue.create' AND entity_id = ANY($1)`, [
      [created.body.id, national.body.id],
    ]);
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
    expect((await refA.patch<Problem>(`/api/v1/pilot/issues/${randomUUID()}`, { status: 'in_corso' })).body.code).toBe(
      'pilot.issue.not_found',
    );
    // another Comune does not even see it
    const fromB = await (await as(B.referente)).patch<Problem>(url, { status: 'chiusa', resolution: 'x' });
    expect(fromB.status).toBe(404);
    expect(fromB.body.code).toBe('pilot.issue.not_found');
    // seen but read-only
    expect((await (await as(A.amministrativo)).patch(url, { status: 'in_corso' })).status).toBe(403);
    expect(
      (await (await as(await makeUser(t.db, { roles: ['mlps'] }))).patch(url, { status: 'in_corso' })).status,
    ).toBe(403);
    const noResolution = await refA.patch<Problem>(url, { status: 'risolta' });
    expect(noResolution.status).toBe(400);
    expect(noResolution.body.errors!.map((e) => e.path)).toEqual(['body.resolution']);
    expect(await pilotFingerprint(t.db)).toEqual(before);

    const progress = await refA.patch<Issue>(url, {
      status: 'in_corso',
      owner: 'Ufficio servizi sociali',
      dueOn: '2026-12-15',
    });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: 'in_corso', owner: 'Ufficio servizi sociali', dueOn: '2026-12-15' });
    const resolved = await refA.patch<Issue>(url, {
      status: 'risolta',
      resolution: 'Accordo con la Questura: rinnovi entro 30 giorni.',
    });
    expect(resolved.body).toMatchObject({
      status: 'risolta',
      resolution: 'Accordo con la Questura: rinnovi entro 30 giorni.',
      overdue: false,
    });
    // ANCI follows up on the Comune's issue and closes it: the recorded resolution suffices
    const closed = await (
      await as(await makeUser(t.db, { roles: ['assistenza_tecnica'] }))
    ).patch<Issue>(url, { status: 'chiusa' });
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
    const refA = await as(A.referente);
    const late = (await refA.post<Issue>('/api/v1/pilot/issues', body(A.istat, { dueOn: '2026-10-31' }))).body;
    const onTime = (await refA.post<Issue>('/api/v1/pilot/issues', body(A.istat, { dueOn: '2026-12-31' }))).body;
    setDay('2026-11-01');
    const items = (
      await (await as(A.referente)).get<Schema<'PilotIssuePage'>>('/api/v1/pilot/issues?status=aperta&pageSize=100')
    ).body.items;
    expect(items.map((i) => [i.id, i.overdue]).sort()).toEqual(
      [
        [late.id, true],
        [onTime.id, false],
      ].sort(),
    );
  });
});
