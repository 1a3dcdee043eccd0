/**
 * Query threads through the API: ANCI/Cittalia and MLPS open a query anchored to a line of the
 * project (checked to be the project's), the Comune answers, the asking side replies and resolves;
 * the work lists (overdue first, with the days overdue), a Comune never sees another's threads, the
 * revisore none; and the daily e-mail digest of overdue threads against a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { addClaim, addExpense, makeQuery, makeReport } from '../../../../tests/support/monitoring-factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { plainText, startSmtp, type TestSmtp } from '../../../../tests/support/smtp.js';
import { queryDigestJob } from './queries.jobs.js';

type Query = Schema<'ProjectQuery'>;
type QueryList = Schema<'ProjectQueryList'>;
type WorkList = Schema<'ProjectQueryWorkList'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let p: TestProject;
let users: { anci: TestUser; mlps: TestUser; referente: TestUser };
let as: {
  referente: Agent;
  amministrativo: Agent;
  anci: Agent;
  mlps: Agent;
  regione: Agent;
  revisore: Agent;
  other: Agent;
};

beforeAll(async () => {
  t = await startTestApp();
  p = await makeProject(t.db, { title: 'Accoglienza diffusa' });
  const staff = await projectStaff(t, p);
  const [c] = await t.db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [p.comuneIstat]),
  );
  const regione = await makeUser(t.db, {
    roles: ['regione'],
    org: await makeOrg(t.db, { type: 'regione', regionCode: c!.region_code }),
  });
  users = {
    anci: await makeUser(t.db, { roles: ['assistenza_tecnica'] }),
    mlps: await makeUser(t.db, { roles: ['mlps'] }),
    referente: staff.users.referente,
  };
  as = {
    referente: staff.referente,
    amministrativo: staff.amministrativo,
    anci: await loginAs(t, users.anci),
    mlps: await loginAs(t, users.mlps),
    regione: await loginAs(t, regione),
    revisore: await loginAs(t, (await assignRevisore(t.db, p)).user),
    other: await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'] })),
  };
});
afterAll(async () => t.close());

const url = (project: TestProject, rest = '') => `/api/v1/projects/${project.id}/queries${rest}`;
const open = (a: Agent, project: TestProject, body: Record<string, unknown>) =>
  a.post<Query & Problem>(url(project), { subject: 'Chiarimento', message: 'Potete chiarire?', ...body });
const queryCount = async () =>
  (await t.db.ownerTx((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM project_queries')))[0]!.n;

describe('opening a query anchored to a line', () => {
  it('checks the anchor is a line of this project, the due date and who asks', async () => {
    const before = await queryCount();
    const otherProject = await makeProject(t.db);
    const foreignExpense = await addExpense(t.db, otherProject, {
      lineKey: otherProject.lines[0]!.lineKey,
      chargedCents: 10_00,
      docDate: '2025-02-01',
    });
    const bad: [Record<string, unknown>, string][] = [
      [{ anchorType: 'SPESA', anchorId: foreignExpense }, 'body.anchorId'],
      [{ anchorType: 'RIGA_BUDGET', anchorId: otherProject.lines[0]!.lineKey }, 'body.anchorId'],
      [{ anchorType: 'SPESA' }, 'body.anchorId'],
      [{ anchorType: 'PROGETTO', anchorId: p.lines[0]!.lineKey }, 'body.anchorId'],
      [{ anchorType: 'RIGA_BUDGET', anchorId: p.lines[0]!.lineKey, anchorField: 'x' }, 'body.anchorField'],
      [{ anchorType: 'PROGETTO', dueOn: '2026-05-31' }, 'body.dueOn'],
      [{ anchorType: 'ALTRO' }, 'body.anchorType'],
    ];
    for (const [body, path] of bad) {
      const res = await open(as.anci, p, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toContain(path);
    }
    expect((await open(as.referente, p, { anchorType: 'PROGETTO' })).status).toBe(403);
    expect((await open(as.regione, p, { anchorType: 'PROGETTO' })).status).toBe(403);
    expect((await open(as.revisore, p, { anchorType: 'PROGETTO' })).status).toBe(403);
    expect(await queryCount()).toBe(before);
  });

  it('anchors to the project, a budget line, an expense, a claim and a field of a scheda, with their labels', async () => {
    const project = await makeProject(t.db, { org: p.org });
    const line = project.lines.find((l) => l.categoryCode === 'A2')!;
    const expense = await addExpense(t.db, project, {
      lineKey: line.lineKey,
      chargedCents: 300_00,
      docDate: '2025-03-03',
      docNumber: '12/A',
    });
    const claim = await addClaim(t.db, project, {
      claimNo: 1,
      status: 'INVIATA',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      expenses: [{ id: expense, chargedCents: 300_00 }],
    });
    const report = await makeReport(t.db, project, { status: 'INVIATA', year: 2025, quarter: 1 });
    const cases: [Record<string, unknown>, string | null][] = [
      [{ anchorType: 'PROGETTO' }, null],
      [{ anchorType: 'RIGA_BUDGET', anchorId: line.lineKey }, 'A2 – '],
      [{ anchorType: 'SPESA', anchorId: expense }, 'FATTURA 12/A – Fornitore di prova srl (2025-03-03)'],
      [{ anchorType: 'DOMANDA', anchorId: claim }, 'Domanda n. 1 v1'],
      [
        { anchorType: 'MONITORAGGIO', anchorId: report, anchorField: 'procurements.0.cig' },
        'Scheda 2025 T1 – procurements.0.cig',
      ],
    ];
    for (const [body, label] of cases) {
      const res = await open(as.mlps, project, { ...body, dueOn: '2026-06-15' });
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'APERTA', openedLevel: 'MLPS', dueOn: '2026-06-15', messages: 1 });
      if (label === null) expect(res.body.anchorLabel).toBeNull();
      else expect(res.body.anchorLabel).toContain(label);
      expect(res.body.thread).toEqual([expect.objectContaining({ body: 'Potete chiarire?', side: 'MLPS' })]);
      const audit = await auditRows(t.db, "action = 'projects.query.open' AND entity_id = $1", [res.body.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.tenant_comune).toBe(project.comuneIstat);
    }
    const list = await as.referente.get<QueryList>(url(project));
    expect(list.body.items).toHaveLength(5);
  });
});

describe('the thread', () => {
  it('the Comune answers, the asking side replies and resolves; the other level may not', async () => {
    const opened = await open(as.anci, p, { anchorType: 'PROGETTO', subject: 'Cronoprogramma', dueOn: '2026-06-10' });
    const q = url(p, `/${opened.body.id}`);
    // the other asking level and the Regione do not write in ANCI's thread
    expect((await as.mlps.post<Problem>(`${q}/messages`, { body: 'Anche MLPS' })).body.code).toBe(
      'projects.query.not_asker',
    );
    expect((await as.regione.post<Problem>(`${q}/messages`, { body: 'Nota' })).status).toBe(403);
    expect((await as.other.post<Problem>(`${q}/messages`, { body: 'Nota' })).status).toBe(404);
    expect((await as.revisore.get<Problem>(q)).status).toBe(403);
    expect((await as.referente.post<Problem>(`${q}/messages`, { body: '' })).status).toBe(400);

    t.clock.minutes(5);
    const answered = await as.referente.post<Query>(`${q}/messages`, { body: 'Allegato il cronoprogramma aggiornato' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('RISPOSTA');
    expect((await as.referente.post<Problem>(`${q}/resolve`, {})).status).toBe(403);
    expect((await as.mlps.post<Problem>(`${q}/resolve`, {})).body.code).toBe('projects.query.not_asker');
    t.clock.minutes(5);
    const replied = await as.anci.post<Query>(`${q}/messages`, { body: 'Manca la fase 2' });
    expect(replied.body.status).toBe('APERTA');
    t.clock.minutes(5);
    await as.amministrativo.post(`${q}/messages`, { body: 'Fase 2 aggiunta' });
    const resolved = await as.anci.post<Query>(`${q}/resolve`, {});
    expect(resolved.body.status).toBe('RISOLTA');
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect(resolved.body.thread.map((m) => m.side)).toEqual(['ANCI', 'COMUNE', 'ANCI', 'COMUNE']);
    const closed = await as.referente.post<Problem>(`${q}/messages`, { body: 'Ancora' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('projects.state');
    expect((await as.anci.post<Problem>(`${q}/resolve`, {})).body.code).toBe('projects.state');
    const reopened = await as.anci.post<Query>(`${q}/resolve`, { reopen: true });
    expect(reopened.body.status).toBe('APERTA');
    expect((await as.anci.get<Query>(q)).body.thread).toHaveLength(4);

    const actions = (await auditRows(t.db, 'entity_id = $1', [opened.body.id])).map((a) => a.action);
    expect(actions).toEqual([
      'projects.query.open',
      'projects.query.message',
      'projects.query.message',
      'projects.query.message',
      'projects.query.resolve',
      'projects.query.reopen',
    ]);
    expect((await as.regione.get<Query>(q)).status).toBe(200);
  });

  it('a Comune never sees another Comune’s threads, nor the revisore any', async () => {
    const project = await makeProject(t.db);
    const id = await makeQuery(t.db, project, { by: users.anci, subject: 'Di un altro Comune' });
    expect((await as.referente.get(url(project))).status).toBe(404);
    expect((await as.referente.get(url(project, `/${id}`))).status).toBe(404);
    expect((await as.referente.get(url(p, `/${id}`))).status).toBe(404);
    expect((await as.revisore.get(url(p))).status).toBe(403);
    expect((await as.revisore.get('/api/v1/project-queries')).status).toBe(403);
    const mine = await as.referente.get<WorkList>('/api/v1/project-queries');
    expect(mine.body.items.map((i) => i.subject)).not.toContain('Di un altro Comune');
    expect((await new Agent(t.app).get('/api/v1/project-queries')).status).toBe(401);
  });
});

describe('work lists and the digest', () => {
  it('overdue first with the days overdue; each side sees what awaits it', async () => {
    // the test clock: 2026-06-01
    const org = await makeOrg(t.db, { type: 'comune' });
    const project = await makeProject(t.db, { org, title: 'Progetto con scadenze' });
    const staff = await projectStaff(t, project);
    const anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
    const ids = {
      late10: await makeQuery(t.db, project, { by: users.anci, subject: 'Scaduta da 10 giorni', dueOn: '2026-05-22' }),
      late1: await makeQuery(t.db, project, {
        by: users.mlps,
        level: 'MLPS',
        subject: 'Scaduta ieri',
        dueOn: '2026-05-31',
      }),
      today: await makeQuery(t.db, project, { by: users.anci, subject: 'Scade oggi', dueOn: '2026-06-01' }),
      none: await makeQuery(t.db, project, { by: users.anci, subject: 'Senza scadenza' }),
      answered: await makeQuery(t.db, project, {
        by: users.anci,
        status: 'RISPOSTA',
        subject: 'Risposta ricevuta',
        dueOn: '2026-05-01',
      }),
      resolved: await makeQuery(t.db, project, {
        by: users.anci,
        status: 'RISOLTA',
        subject: 'Risolta',
        dueOn: '2026-05-01',
      }),
    };
    const comune = await staff.referente.get<WorkList>('/api/v1/project-queries');
    expect(comune.status).toBe(200);
    expect(comune.body.items.map((i) => [i.subject, i.daysOverdue])).toEqual([
      ['Scaduta da 10 giorni', 10],
      ['Scaduta ieri', 1],
      ['Scade oggi', null],
      ['Senza scadenza', null],
    ]);
    expect(comune.body.overdue).toBe(2);
    expect(comune.body.items[0]).toMatchObject({
      projectTitle: 'Progetto con scadenze',
      comuneIstat: project.comuneIstat,
    });

    // ANCI: its answered thread, and its own overdue ones to chase; not MLPS's
    const a = await anci.get<WorkList>('/api/v1/project-queries');
    const mineOnly = a.body.items.filter((i) => i.projectId === project.id).map((i) => i.id);
    expect(mineOnly).toEqual([ids.late10, ids.answered]);
    const m = await as.mlps.get<WorkList>('/api/v1/project-queries');
    expect(m.body.items.filter((i) => i.projectId === project.id).map((i) => i.id)).toEqual([ids.late1]);

    // the project's own list: open threads first, overdue first, resolved last
    const list = await staff.referente.get<QueryList>(url(project));
    expect(list.body.items.map((i) => i.id)).toEqual([
      ids.late10,
      ids.late1,
      ids.answered,
      ids.today,
      ids.none,
      ids.resolved,
    ]);
    expect(
      (await staff.referente.get<QueryList>(`${url(project)}?status=RISOLTA`)).body.items.map((i) => i.id),
    ).toEqual([ids.resolved]);
    expect((await staff.referente.get<Problem>(`${url(project)}?status=CHIUSA`)).status).toBe(400);
  });

  it('e-mails the lead Comune staff their overdue threads once a day', async () => {
    const smtp: TestSmtp = await startSmtp();
    const app = await startTestApp({ INCAS_SMTP_URL: smtp.url });
    try {
      const org = await makeOrg(app.db, { type: 'comune' });
      const project = await makeProject(app.db, { org, title: 'Progetto del digest', cup: null });
      const staff = await projectStaff(app, project);
      const anci = await makeUser(app.db, { roles: ['assistenza_tecnica'] });
      await makeQuery(app.db, project, { by: anci, subject: 'Relazione trimestrale', dueOn: '2026-05-25' });
      await makeQuery(app.db, project, { by: anci, subject: 'Non ancora scaduta', dueOn: '2026-06-20' });
      await makeQuery(app.db, project, { by: anci, status: 'RISPOSTA', subject: 'Già risposta', dueOn: '2026-05-01' });
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
      await queryDigestJob.handler(ctx, {});
      const to = smtp.received.flatMap((r) => r.to).sort();
      expect(to).toEqual([staff.users.amministrativo.email, staff.users.referente.email].sort());
      const text = plainText(smtp.received[0]!.raw);
      expect(text).toContain('Progetto del digest');
      expect(text).toContain('Relazione trimestrale');
      expect(text).toContain('25/05/2026');
      expect(text).toContain('7 giorni di ritardo');
      expect(text).not.toContain('Non ancora scaduta');
      expect(text).not.toContain('Già risposta');
      // the same day again: nothing more
      await queryDigestJob.handler(ctx, {});
      expect(smtp.received).toHaveLength(2);
      const audit = await auditRows(app.db, "action = 'projects.query.digest.sent'");
      expect(audit.map((r) => r.entity_id).sort()).toEqual(
        [staff.users.amministrativo.id, staff.users.referente.id].sort(),
      );
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
