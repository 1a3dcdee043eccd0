/**
 * The scheda trimestrale through the API: who reads and writes it, one per quarter within the
 * project's dates, the content's validation, the financial progress computed in cents from the
 * expenses and claims, the computed indicators, the review chain ANCI/Cittalia → MLPS with returns
 * and comments on fields, the figures frozen at submission and the lock after approval (API and
 * database trigger).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import {
  addActivity,
  addClaim,
  addExpense,
  addIndicator,
  makeReport,
} from '../../../../tests/support/monitoring-factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Report = Schema<'ProjectMonitoringReport'>;
type ReportList = Schema<'ProjectMonitoringReportList'>;
type CommentList = Schema<'ProjectMonitoringCommentList'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let p: TestProject;
let as: {
  referente: Agent;
  amministrativo: Agent;
  anci: Agent;
  mlps: Agent;
  regione: Agent;
  revisore: Agent;
  other: Agent;
};
let revisoreUser: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  p = await makeProject(t.db);
  const staff = await projectStaff(t, p);
  const [c] = await t.db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [p.comuneIstat]),
  );
  const regione = await makeUser(t.db, {
    roles: ['regione'],
    org: await makeOrg(t.db, { type: 'regione', regionCode: c!.region_code }),
  });
  const other = await makeUser(t.db, { roles: ['referente_comunale'] });
  revisoreUser = (await assignRevisore(t.db, p)).user;
  as = {
    referente: staff.referente,
    amministrativo: staff.amministrativo,
    anci: await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] })),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    regione: await loginAs(t, regione),
    revisore: await loginAs(t, revisoreUser),
    other: await loginAs(t, other),
  };
});
afterAll(async () => t.close());

const url = (project: TestProject, rest = '') => `/api/v1/projects/${project.id}/monitoring-reports${rest}`;
const put = (a: Agent, reportUrl: string, rowVersion: number, content: unknown) =>
  a.request<Report & Problem>('PUT', `${reportUrl}/content`, { rowVersion, content });
const reportCount = async (projectId: string) =>
  (
    await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM project_monitoring_reports WHERE project_id = $1', [
        projectId,
      ]),
    )
  )[0]!.n;

describe('who reads and starts a scheda', () => {
  it('401 without a session; 404 for another Comune and an unassigned revisore; 403 for the assigned revisore', async () => {
    expect((await new Agent(t.app).get(url(p))).status).toBe(401);
    expect((await as.other.get<Problem>(url(p))).body.code).toBe('projects.project.not_found');
    const stranger = await loginAs(t, await makeUser(t.db, { roles: ['revisore'] }));
    expect((await stranger.get(url(p))).status).toBe(404);
    // the revisore verifies claims: monitoring is not theirs to read
    const r = await as.revisore.get<Problem>(url(p));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('forbidden');
  });

  it('the Comune starts the scheda of a quarter within the dates, once; ANCI and the Regione may not', async () => {
    const project = await makeProject(t.db, { org: p.org, startDate: '2025-02-15', endDate: '2026-12-31' });
    const bad = await as.referente.post<Problem>(url(project), { year: 2025, quarter: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.invalid');
    const outside = await as.referente.post<Problem>(url(project), { year: 2024, quarter: 4 });
    expect(outside.status).toBe(400);
    expect(outside.body.errors?.[0]?.path).toBe('body.quarter');
    expect(await reportCount(project.id)).toBe(0);

    const created = await as.referente.post<Report>(url(project), { year: 2025, quarter: 1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2025, quarter: 1, status: 'BOZZA', rowVersion: 1, frozen: false });
    expect(created.body.computed.asOf).toBe('2025-03-31');
    expect(created.body.computed.project.startDate).toBe('2025-02-15');
    const audit = await auditRows(t.db, "action = 'projects.monitoring.create' AND entity_id = $1", [created.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(project.comuneIstat);

    const dup = await as.amministrativo.post<Problem>(url(project), { year: 2025, quarter: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('projects.monitoring.duplicate');
    expect((await as.anci.post<Problem>(url(project), { year: 2025, quarter: 2 })).status).toBe(403);
    expect((await as.regione.post<Problem>(url(project), { year: 2025, quarter: 2 })).status).toBe(403);
    expect((await as.other.post<Problem>(url(project), { year: 2025, quarter: 2 })).status).toBe(404);
    expect(await reportCount(project.id)).toBe(1);

    // the list: newest first, with the quarters up to today (2026 Q2 by the test clock) still missing
    for (const a of [as.referente, as.anci, as.mlps, as.regione]) {
      const list = await a.get<ReportList>(url(project));
      expect(list.status).toBe(200);
      expect(list.body.items.map((r) => [r.year, r.quarter, r.status])).toEqual([[2025, 1, 'BOZZA']]);
      expect(list.body.missingQuarters).toEqual([
        { year: 2025, quarter: 2 },
        { year: 2025, quarter: 3 },
        { year: 2025, quarter: 4 },
        { year: 2026, quarter: 1 },
        { year: 2026, quarter: 2 },
      ]);
    }
  });
});

describe('the content', () => {
  it('validates procurements, activities and hand-entered indicators; stale versions are refused', async () => {
    const project = await makeProject(t.db, { org: p.org });
    const activityId = await addActivity(t.db, project, { code: '1.1' });
    await addIndicator(t.db, project, { code: 'O.2.7' });
    await addIndicator(t.db, project, { code: `TEST.MAN.${randomUUID().slice(0, 6)}`, target: 40 });
    const created = await as.referente.post<Report>(url(project), { year: 2025, quarter: 3 });
    const r = url(project, `/${created.body.id}`);
    const manual = created.body.computed.indicators.find((i) => i.indicatorCode.startsWith('TEST.MAN'))!;
    const valid = {
      general: { referenteName: 'Maria Rossi', summary: 'Avviate le attività di orientamento' },
      procurements: [
        {
          object: 'Servizio di mediazione',
          procedure: 'PROCEDURA_NEGOZIATA',
          cig: 'a1b2c3d4e5',
          amountCents: 25_000_00,
          steps: [{ step: 'AGGIUDICAZIONE', plannedOn: '2025-07-01', doneOn: '2025-07-10' }],
        },
      ],
      activities: [{ activityId, progressPct: 30, note: 'In linea' }],
      indicators: [{ indicatorCode: manual.indicatorCode, value: 12, source: 'Registro presenze' }],
      financialNotes: '',
      criticalIssues: 'Ritardo nella selezione del personale',
    };
    const cases: [unknown, string][] = [
      [{ ...valid, procurements: [{ ...valid.procurements[0], cig: 'ABC' }] }, 'body.content.procurements.0.cig'],
      [
        { ...valid, activities: [{ activityId: randomUUID(), progressPct: 10 }] },
        'body.content.activities.0.activityId',
      ],
      [{ ...valid, activities: [{ activityId, progressPct: 101 }] }, 'body.content.activities.0.progressPct'],
      [
        { ...valid, indicators: [{ indicatorCode: 'O.2.7', value: 1, source: 'Calcolo a mano' }] },
        'body.content.indicators.0.indicatorCode',
      ],
      [
        { ...valid, indicators: [{ indicatorCode: manual.indicatorCode, value: 3 }] },
        'body.content.indicators.0.source',
      ],
    ];
    for (const [content, path] of cases) {
      const res = await put(as.referente, r, 1, content);
      expect(res.status, path).toBe(400);
      expect(
        res.body.errors?.map((e) => e.path),
        path,
      ).toContain(path);
    }
    const saved = await put(as.referente, r, 1, valid);
    expect(saved.status).toBe(200);
    expect(saved.body.rowVersion).toBe(2);
    expect(saved.body.content.procurements[0]!.cig).toBe('A1B2C3D4E5');
    // committed: the procurement awarded within the quarter
    expect(saved.body.computed.financial.committedCents).toBe(25_000_00);
    const stale = await put(as.amministrativo, r, 1, valid);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('projects.stale');
    expect((await put(as.anci, r, 2, valid)).status).toBe(403);
    expect((await put(as.other, r, 2, valid)).status).toBe(404);
    expect(
      await auditRows(t.db, "action = 'projects.monitoring.update' AND entity_id = $1", [created.body.id]),
    ).toHaveLength(1);

    // the indicators: O.2.7 computed by the platform (1 for the project), the other entered, with its target
    const o27 = saved.body.computed.indicators.find((i) => i.indicatorCode === 'O.2.7')!;
    expect(o27.computedValue).toBe(1);
    const m = saved.body.computed.indicators.find((i) => i.indicatorCode === manual.indicatorCode)!;
    expect(m).toMatchObject({ computedValue: null, target: 40 });
    expect(saved.body.computed.activities).toEqual([
      expect.objectContaining({ activityId, code: '1.1', progressPct: 0 }),
    ]);
  });
});

describe('the financial progress, in cents', () => {
  it('planned from the budget in force; spent, claimed, verified and paid cumulative to the quarter', async () => {
    const project = await makeProject(t.db, { org: p.org });
    const [a2, f] = [
      project.lines.find((l) => l.categoryCode === 'A2')!,
      project.lines.find((l) => l.categoryCode === 'F')!,
    ];
    // a rimodulazione approved: version 2 moves 5.000,00 € from F to A2 (the budget in force)
    await t.db.ownerTx(async (tx) => {
      const v2 = randomUUID();
      const [u] = await tx.query<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1');
      await tx.query(
        `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, created_by, created_at)
         VALUES ($1, $2, $3, 2, 'BOZZA', 'RIMODULAZIONE', $4, now())`,
        [v2, project.id, project.comuneIstat, u!.id],
      );
      for (const l of project.lines)
        await tx.query(
          `INSERT INTO project_budget_lines (id, budget_version_id, project_id, comune_istat, line_key, category_code,
                                             description, amount_cents)
           VALUES ($1, $2, $3, $4, $5, $6, 'Linea ' || $6, $7)`,
          [
            randomUUID(),
            v2,
            project.id,
            project.comuneIstat,
            l.lineKey,
            l.categoryCode,
            l.amountCents + (l === a2 ? 5_000_00 : l === f ? -5_000_00 : 0),
          ],
        );
      await tx.query(`UPDATE project_budget_versions SET status = 'APPROVATA' WHERE id = $1`, [v2]);
      // a later proposal, not approved, does not count
      await tx.query(
        `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, created_by, created_at)
         VALUES ($1, $2, $3, 3, 'BOZZA', 'RIMODULAZIONE', $4, now())`,
        [randomUUID(), project.id, project.comuneIstat, u!.id],
      );
    });
    const e1 = await addExpense(t.db, project, { lineKey: a2.lineKey, chargedCents: 1_234_56, docDate: '2025-02-10' });
    const e2 = await addExpense(t.db, project, {
      lineKey: f.lineKey,
      chargedCents: 500_00,
      docDate: '2025-03-31',
      status: 'VERIFICATA',
    });
    await addExpense(t.db, project, {
      lineKey: a2.lineKey,
      chargedCents: 999_99,
      docDate: '2025-03-01',
      status: 'BOZZA',
    });
    const e4 = await addExpense(t.db, project, { lineKey: a2.lineKey, chargedCents: 10_00, docDate: '2025-04-01' });
    await addClaim(t.db, project, {
      claimNo: 1,
      status: 'LIQUIDATA',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      expenses: [
        { id: e1, chargedCents: 1_234_56 },
        { id: e2, chargedCents: 500_00 },
      ],
      verifiedCents: 1_700_00,
      verbaleOn: '2025-03-20',
      paidCents: 1_650_00,
      paidOn: '2025-03-30',
    });
    // a draft and a claim of the next quarter do not count for Q1
    await addClaim(t.db, project, {
      claimNo: 2,
      status: 'BOZZA',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      expenses: [{ id: e1, chargedCents: 1_234_56 }],
    });
    await addClaim(t.db, project, {
      claimNo: 3,
      status: 'INVIATA',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      expenses: [{ id: e4, chargedCents: 10_00 }],
    });
    const q1 = await as.referente.post<Report>(url(project), { year: 2025, quarter: 1 });
    const fin = q1.body.computed.financial;
    expect(fin).toMatchObject({
      plannedCents: 114_000_00,
      committedCents: 0,
      spentCents: 1_734_56,
      claimedCents: 1_734_56,
      verifiedCents: 1_700_00,
      paidCents: 1_650_00,
      spentShareBp: 152, // 1.734,56 of 114.000,00 = 1,52%
    });
    expect(fin.byCategory.find((c) => c.categoryCode === 'A2')).toEqual({
      categoryCode: 'A2',
      plannedCents: 65_000_00,
      spentCents: 1_234_56,
      claimedCents: 1_234_56,
    });
    expect(fin.byCategory.find((c) => c.categoryCode === 'F')).toMatchObject({
      plannedCents: 25_000_00,
      spentCents: 500_00,
    });

    const q2 = await as.referente.post<Report>(url(project), { year: 2025, quarter: 2 });
    expect(q2.body.computed.financial).toMatchObject({ spentCents: 1_744_56, claimedCents: 1_744_56 });
  });
});

describe('the review chain', () => {
  it('ANCI returns with comments, validates; MLPS returns, approves; the figures freeze; approval locks', async () => {
    const project = await makeProject(t.db, { org: p.org });
    const line = project.lines[0]!;
    const created = await as.referente.post<Report>(url(project), { year: 2025, quarter: 4 });
    const r = url(project, `/${created.body.id}`);
    const reviewAs = (a: Agent, body: unknown) => a.post<Report & Problem>(`${r}/review`, body);

    // nothing to review in a draft
    expect((await reviewAs(as.anci, { decision: 'validate' })).body.code).toBe('projects.state');
    expect((await as.anci.post<Problem>(`${r}/submit`, {})).status).toBe(403);
    await addExpense(t.db, project, { lineKey: line.lineKey, chargedCents: 100_00, docDate: '2025-10-01' });
    const sent = await as.referente.post<Report>(`${r}/submit`, { rowVersion: 1 });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'INVIATA', frozen: true });
    expect(sent.body.computed.financial.spentCents).toBe(100_00);
    // the figures are frozen: a later expense of the quarter does not change the scheda sent
    await addExpense(t.db, project, { lineKey: line.lineKey, chargedCents: 50_00, docDate: '2025-11-01' });
    expect((await as.anci.get<Report>(r)).body.computed.financial.spentCents).toBe(100_00);
    expect((await put(as.referente, r, sent.body.rowVersion, {})).body.code).toBe('projects.state');

    // ANCI first: MLPS may not act yet; ANCI may not approve; a return needs a comment on a field
    expect((await reviewAs(as.mlps, { decision: 'approve' })).body.code).toBe('projects.monitoring.not_your_level');
    expect((await reviewAs(as.anci, { decision: 'approve' })).body.code).toBe('projects.monitoring.not_your_level');
    const noComment = await reviewAs(as.anci, { decision: 'return', comments: [] });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors?.[0]?.path).toBe('body.comments');
    expect((await reviewAs(as.anci, { decision: 'return', comments: [{ field: 'budget', text: 'x y' }] })).status).toBe(
      400,
    );
    expect((await reviewAs(as.referente, { decision: 'validate' })).status).toBe(403);
    expect((await reviewAs(as.regione, { decision: 'validate' })).status).toBe(403);

    const returned = await reviewAs(as.anci, {
      decision: 'return',
      comments: [
        { field: 'procurements.0.cig', text: 'Manca il CIG della procedura' },
        { field: 'criticalIssues', text: 'Descrivere le azioni correttive' },
      ],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('RESTITUITA');
    expect(returned.body.frozen).toBe(false);
    // back to the Comune: live figures again, comments beside their fields
    expect(returned.body.computed.financial.spentCents).toBe(150_00);
    const comments = await as.referente.get<CommentList>(`${r}/comments`);
    // in the order of the review rounds, and by field within one
    expect(comments.body.items.map((c) => [c.level, c.field, c.resolvedAt])).toEqual([
      ['ANCI', 'criticalIssues', null],
      ['ANCI', 'procurements.0.cig', null],
    ]);

    const edited = await put(as.amministrativo, r, returned.body.rowVersion, {
      criticalIssues: 'Azioni correttive avviate',
    });
    expect(edited.status).toBe(200);
    const again = await as.referente.post<Report>(`${r}/submit`, {});
    expect(again.body.status).toBe('INVIATA');
    expect(again.body.openComments).toBe(0);
    expect(again.body.comments.every((c) => c.resolvedAt !== null)).toBe(true);

    const validated = await reviewAs(as.anci, { decision: 'validate' });
    expect(validated.body.status).toBe('VALIDATA_ANCI');
    expect((await reviewAs(as.anci, { decision: 'validate' })).body.code).toBe('projects.monitoring.not_your_level');
    const mlpsReturn = await reviewAs(as.mlps, {
      decision: 'return',
      comments: [{ field: 'financial', text: 'Allineare la spesa alla domanda di rimborso' }],
    });
    expect(mlpsReturn.body.status).toBe('RESTITUITA');
    expect(mlpsReturn.body.comments.filter((c) => c.resolvedAt === null).map((c) => c.level)).toEqual(['MLPS']);
    await as.referente.post(`${r}/submit`, {});
    await reviewAs(as.anci, { decision: 'validate' });
    const approved = await reviewAs(as.mlps, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVATA', locked: true, frozen: true });
    expect(approved.body.approvedAt).not.toBeNull();
    expect(approved.body.computed.financial.spentCents).toBe(150_00);

    // locked for ever: the API answers 409, the database refuses
    expect((await put(as.referente, r, approved.body.rowVersion, {})).body.code).toBe('projects.monitoring.locked');
    expect((await as.referente.post<Problem>(`${r}/submit`, {})).body.code).toBe('projects.monitoring.locked');
    const late = await reviewAs(as.mlps, { decision: 'return', comments: [{ field: 'general', text: 'Ancora' }] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('projects.monitoring.locked');
    await expect(
      t.db.ownerTx((tx) =>
        tx.query(`UPDATE project_monitoring_reports SET content = '{}' WHERE id = $1`, [created.body.id]),
      ),
    ).rejects.toThrow(/approved monitoring report cannot change/);
    await expect(
      t.db.ownerTx((tx) => tx.query(`DELETE FROM project_monitoring_reports WHERE id = $1`, [created.body.id])),
    ).rejects.toThrow(/cannot change/);
    // …and readable for ever, by everyone who reads monitoring
    for (const a of [as.referente, as.anci, as.mlps, as.regione]) {
      const read = await a.get<Report>(r);
      expect(read.status).toBe(200);
      expect(read.body.content.criticalIssues).toBe('Azioni correttive avviate');
    }

    const actions = (
      await auditRows(t.db, "entity_id = $1 AND action LIKE 'projects.monitoring.%'", [created.body.id])
    ).map((a) => [a.action, a.details.level ?? null]);
    expect(actions).toEqual([
      ['projects.monitoring.create', null],
      ['projects.monitoring.submit', null],
      ['projects.monitoring.return', 'ANCI'],
      ['projects.monitoring.update', null],
      ['projects.monitoring.submit', null],
      ['projects.monitoring.validate', 'ANCI'],
      ['projects.monitoring.return', 'MLPS'],
      ['projects.monitoring.submit', null],
      ['projects.monitoring.validate', 'ANCI'],
      ['projects.monitoring.approve', 'MLPS'],
    ]);
  });

  it('a scheda of a project the actor does not reach answers 404; a review comment cannot be rewritten', async () => {
    const project = await makeProject(t.db);
    const id = await makeReport(t.db, project, { status: 'INVIATA' });
    expect((await as.other.get(url(project, `/${id}`))).status).toBe(404);
    expect((await as.referente.get(url(project, `/${id}`))).status).toBe(404);
    expect((await as.referente.get(url(p, `/${id}`))).status).toBe(404);
    const res = await as.anci.post<Report>(url(project, `/${id}/review`), {
      decision: 'return',
      comments: [{ field: 'general.summary', text: 'Troppo sintetico' }],
    });
    expect(res.status).toBe(200);
    await expect(
      t.db.ownerTx((tx) =>
        tx.query(`UPDATE project_monitoring_comments SET text = 'altro' WHERE report_id = $1`, [id]),
      ),
    ).rejects.toThrow(/review comment cannot change/);
  });
});
