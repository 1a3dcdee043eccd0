/**
 * The projects' dashboards (issue 12 item 8) through the API, over projects whose figures are
 * computed by hand from the rows inserted: the plan of the budget version in force, spent,
 * claimed, verified and paid in cents; who sees what (MLPS and ANCI/Cittalia all, a Regione its
 * own Comuni, a Comune its own projects, a revisore nothing); the filters; the claims waiting and
 * the critical issues; the Comune's deadlines; the XLSX read back with exceljs, audited.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestOrg } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { DbAccess } from '../../../platform/db/db.js';
import {
  assignRevisore,
  makeCall,
  makeProject,
  projectStaff,
  type TestCall,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import {
  addBudgetVersion,
  makeClaim,
  makeExpense,
  makeMonitoringReport,
  makeQuery,
} from '../../../../tests/support/dashboard-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type National = Schema<'ProjectNationalDashboard'>;
type ComuneView = Schema<'ProjectComuneDashboard'>;

const REGION_A = '12'; // Lazio
const REGION_B = '16'; // Puglia

let t: TestApp;
let call1: TestCall;
let call2: TestCall;
let p1: TestProject;
let p2: TestProject;
let p3: TestProject;
let p4: TestProject;
let mlps: Agent;
let anci: Agent;
let regione: Agent;
let revisore: Agent;
let staff1: { referente: Agent; amministrativo: Agent };
let staff2: { referente: Agent };
let claimWaiting: string;

/** Comuni of a Region that no organisation holds yet. */
async function freeComuni(region: string, n: number): Promise<string[]> {
  const rows = await t.db.ownerTx((tx) =>
    tx.query<{ istat_code: string }>(
      `SELECT istat_code FROM comuni c WHERE region_code = $1
          AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
        ORDER BY istat_code LIMIT $2`,
      [region, n],
    ),
  );
  return rows.map((r) => r.istat_code);
}

const DEFAULT_PLAN = 11_400_000; // 114.000,00 € (project-factories' default lines)

beforeAll(async () => {
  t = await startTestApp();
  const [a1, a2] = await freeComuni(REGION_A, 2);
  const [b1] = await freeComuni(REGION_B, 1);
  const orgA1: TestOrg = await makeOrg(t.db, { type: 'comune', comuneIstat: a1! });
  const orgA2 = await makeOrg(t.db, { type: 'comune', comuneIstat: a2! });
  const orgB1 = await makeOrg(t.db, { type: 'comune', comuneIstat: b1! });
  call1 = await makeCall(t.db);
  call2 = await makeCall(t.db);

  // P1: a rimodulazione approved (v2, 120.000,00 €) and a later one proposed, not in force
  p1 = await makeProject(t.db, { org: orgA1, call: call1, title: 'Accoglienza diffusa' });
  await addBudgetVersion(t.db, p1, { versionNo: 2, status: 'APPROVATA', amountsCents: [10_000_000, 2_000_000] });
  await addBudgetVersion(t.db, p1, { versionNo: 3, status: 'PROPOSTA', amountsCents: [99_999_900] });
  const e1 = await makeExpense(t.db, p1, { chargedCents: 100_000, status: 'CARICATA' });
  const e2 = await makeExpense(t.db, p1, { chargedCents: 250_050, status: 'VALIDATA', warnings: ['fuori_periodo'] });
  const e3 = await makeExpense(t.db, p1, { chargedCents: 300_000, status: 'IN_DOMANDA' });
  const e4 = await makeExpense(t.db, p1, {
    chargedCents: 400_000,
    status: 'VERIFICATA',
    warnings: ['doppio_finanziamento', 'quietanza_mancante'],
  });
  // a draft: neither spent nor a critical issue
  await makeExpense(t.db, p1, { chargedCents: 999_999, status: 'BOZZA', warnings: ['fuori_periodo'] });
  await makeClaim(t.db, p1, {
    status: 'LIQUIDATA',
    claimNo: 1,
    expenses: [{ id: e4, chargedCents: 400_000 }],
    verifiedCents: 390_000,
    paidCents: 380_000,
  });
  claimWaiting = await makeClaim(t.db, p1, {
    status: 'INVIATA',
    claimNo: 2,
    expenses: [{ id: e3, chargedCents: 300_000 }],
    submittedAt: '2026-03-01T10:00:00Z',
  });
  // a draft and a superseded claim count for nothing
  await makeClaim(t.db, p1, {
    status: 'BOZZA',
    claimNo: 3,
    expenses: [{ id: e1, chargedCents: 100_000 }],
    submittedAt: null,
  });
  await makeClaim(t.db, p1, {
    status: 'SOSTITUITA',
    claimNo: 4,
    expenses: [{ id: e2, chargedCents: 250_050 }],
    verifiedCents: 1_000,
  });
  await makeQuery(t.db, p1, { dueOn: '2026-05-01', subject: 'Chiarimento sulla riga A2' });
  await makeQuery(t.db, p1, { dueOn: '2026-04-01', status: 'RISOLTA' });
  await makeQuery(t.db, p1, { dueOn: '2026-07-01', status: 'RISPOSTA', subject: 'Chiarimento sul cronoprogramma' });
  await makeMonitoringReport(t.db, p1, { year: 2025, quarter: 1 });
  await makeMonitoringReport(t.db, p1, { year: 2025, quarter: 2, status: 'BOZZA' });

  // P2: ends in 60 days having spent 8,77% of its plan; integrations asked of the Comune
  p2 = await makeProject(t.db, {
    org: orgA2,
    call: call2,
    title: 'Sportello lavoro',
    startDate: '2025-06-01',
    endDate: '2026-07-31',
  });
  const e21 = await makeExpense(t.db, p2, { chargedCents: 1_000_000 });
  await makeClaim(t.db, p2, {
    status: 'RICHIESTA_INTEGRAZIONI',
    claimNo: 1,
    expenses: [{ id: e21, chargedCents: 1_000_000 }],
    submittedAt: '2026-05-20T10:00:00Z',
    statusAt: '2026-05-25T10:00:00Z',
  });

  // P3: another Region; P4: concluded
  p3 = await makeProject(t.db, { org: orgB1, call: call1, status: 'APPROVATO', title: 'Mediazione culturale' });
  await makeExpense(t.db, p3, { chargedCents: 500_000 });
  p4 = await makeProject(t.db, { org: orgA1, call: call1, status: 'CONCLUSO', title: 'Borse lavoro' });

  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  const regioneOrg = await makeOrg(t.db, { type: 'regione', regionCode: REGION_A });
  regione = await loginAs(t, await makeUser(t.db, { roles: ['regione'], org: regioneOrg }));
  revisore = await loginAs(t, await makeUser(t.db, { roles: ['revisore'] }));
  staff1 = await projectStaff(t, p1);
  staff2 = await projectStaff(t, p2);
});
afterAll(async () => t.close());

const P1_PLAN = 12_000_000;
const P1_SPENT = 100_000 + 250_050 + 300_000 + 400_000;
const TOTAL_PLAN = P1_PLAN + 3 * DEFAULT_PLAN;
const TOTAL_SPENT = P1_SPENT + 1_000_000 + 500_000;

describe('GET /project-dashboards/national', () => {
  it('401 without a session; 403 for a Comune’s staff and a revisore', async () => {
    expect((await new Agent(t.app).get('/api/v1/project-dashboards/national')).status).toBe(401);
    const denied = await staff1.referente.get<{ code: string }>('/api/v1/project-dashboards/national');
    expect(denied.status).toBe(403);
    expect((await revisore.get('/api/v1/project-dashboards/national')).status).toBe(403);
  });

  it('400 for a bad filter, an unknown parameter or a page size over 200', async () => {
    for (const q of ['region=Lazio', 'status=APERTO', 'callId=nope', 'colour=red', 'pageSize=201']) {
      const res = await mlps.get<{ code: string }>(`/api/v1/project-dashboards/national?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('request.invalid');
    }
  });

  it('MLPS sees every project with its figures in cents, summed by Region, call and status', async () => {
    const res = await mlps.get<National>('/api/v1/project-dashboards/national');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.today).toBe('2026-06-01');
    expect(d.totals.projects).toBe(4);
    expect(d.totals.figures).toMatchObject({
      planCents: TOTAL_PLAN,
      spentCents: TOTAL_SPENT,
      claimedCents: 400_000 + 300_000 + 1_000_000,
      verifiedCents: 390_000,
      paidCents: 380_000,
    });
    const row1 = d.projects.items.find((p) => p.id === p1.id)!;
    expect(row1.figures).toEqual({
      planCents: P1_PLAN,
      spentCents: P1_SPENT,
      claimedCents: 700_000,
      verifiedCents: 390_000,
      paidCents: 380_000,
      // 517 of 730 days elapsed: 70,82%
      expectedCents: 8_498_400,
      spentShareBp: 875,
      expectedShareBp: 7_082,
    });
    expect(row1).toMatchObject({ warnedExpenses: 2, waitingClaims: 1, overdueQueries: 1, callId: call1.callId });
    expect(row1.regionCode).toBe(REGION_A);

    const a = d.byRegion.find((r) => r.code === REGION_A)!;
    const b = d.byRegion.find((r) => r.code === REGION_B)!;
    expect(a.projects).toBe(3);
    expect(a.figures.planCents).toBe(P1_PLAN + 2 * DEFAULT_PLAN);
    expect(a.figures.spentCents).toBe(P1_SPENT + 1_000_000);
    expect(b).toMatchObject({ projects: 1, name: 'Puglia' });
    expect(b.figures.spentCents).toBe(500_000);
    expect(d.byCall.find((c) => c.id === call2.callId)!.figures.planCents).toBe(DEFAULT_PLAN);
    expect(d.byCall.find((c) => c.id === call1.callId)!.projects).toBe(3);
    expect(d.byStatus.map((s) => [s.status, s.projects])).toEqual([
      ['APPROVATO', 1],
      ['IN_CORSO', 2],
      ['CONCLUSO', 1],
    ]);
    expect(d.options.regions.map((r) => r.code).sort()).toEqual([REGION_A, REGION_B]);
    expect(d.options.calls.map((c) => c.id)).toEqual(expect.arrayContaining([call1.callId, call2.callId]));
  });

  it('lists the claims waiting with their age and the critical issues, the most pressing first', async () => {
    const d = (await anci.get<National>('/api/v1/project-dashboards/national')).body;
    expect(d.claimsWaiting.total).toBe(2);
    expect(d.claimsWaiting.items.map((c) => [c.id === claimWaiting, c.status, c.ageDays, c.claimedCents])).toEqual([
      [true, 'INVIATA', 92, 300_000],
      [false, 'RICHIESTA_INTEGRAZIONI', 12, 1_000_000],
    ]);
    const issues = d.criticalIssues.items.map((i) => [i.kind, i.projectId, i.code, i.count, i.cents, i.days, i.date]);
    expect(issues).toEqual([
      ['claim_waiting', p1.id, null, 1, 300_000, 92, null],
      ['ending_underspent', p2.id, null, 1, 1_000_000, 60, '2026-07-31'],
      ['query_overdue', p1.id, null, 1, null, 31, '2026-05-01'],
      ['expense_warning', p1.id, 'doppio_finanziamento', 1, 400_000, null, null],
      ['expense_warning', p1.id, 'fuori_periodo', 1, 250_050, null, null],
      ['expense_warning', p1.id, 'quietanza_mancante', 1, 400_000, null, null],
    ]);
    expect(d.criticalIssues.items[1]!.shareBp).toBe(877);
    expect(d.criticalIssues.byKind).toEqual({
      claim_waiting: 1,
      ending_underspent: 1,
      query_overdue: 1,
      expense_warning: 3,
    });
    expect(d.criticalIssues.items[0]).toMatchObject({ projectTitle: 'Accoglienza diffusa', claimNo: 2 });
  });

  it('filters by Region, call and status; pages the project rows', async () => {
    const byRegion = (await mlps.get<National>(`/api/v1/project-dashboards/national?region=${REGION_B}`)).body;
    expect(byRegion.projects.items.map((p) => p.id)).toEqual([p3.id]);
    expect(byRegion.totals.figures.planCents).toBe(DEFAULT_PLAN);
    expect(byRegion.claimsWaiting.total).toBe(0);
    const byCall = (await mlps.get<National>(`/api/v1/project-dashboards/national?callId=${call2.callId}`)).body;
    expect(byCall.projects.items.map((p) => p.id)).toEqual([p2.id]);
    expect(byCall.criticalIssues.items.map((i) => i.kind)).toEqual(['ending_underspent']);
    const byStatus = (await mlps.get<National>('/api/v1/project-dashboards/national?status=CONCLUSO')).body;
    expect(byStatus.projects.items.map((p) => p.id)).toEqual([p4.id]);
    expect(byStatus.totals.figures.spentCents).toBe(0);
    const page2 = (await mlps.get<National>('/api/v1/project-dashboards/national?page=2&pageSize=3')).body;
    expect(page2.projects).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.projects.items).toHaveLength(1);
    expect(page2.totals.projects).toBe(4);
  });

  it('a Regione sees only its own Comuni’s projects, and its totals are theirs', async () => {
    const d = (await regione.get<National>('/api/v1/project-dashboards/national')).body;
    expect(d.projects.items.map((p) => p.id).sort()).toEqual([p1.id, p2.id, p4.id].sort());
    expect(d.totals.figures.planCents).toBe(P1_PLAN + 2 * DEFAULT_PLAN);
    expect(d.totals.figures.spentCents).toBe(P1_SPENT + 1_000_000);
    expect(d.byRegion.map((r) => r.code)).toEqual([REGION_A]);
    expect(d.options.regions.map((r) => r.code)).toEqual([REGION_A]);
    const other = (await regione.get<National>(`/api/v1/project-dashboards/national?region=${REGION_B}`)).body;
    expect(other.totals.projects).toBe(0);
    expect(other.totals.figures.planCents).toBe(0);
  });
});

describe('GET /project-dashboards/national.xlsx', () => {
  it('a workbook whose sums match the dashboard, amounts in euro; audited', async () => {
    const res = await mlps.request('GET', '/api/v1/project-dashboards/national.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('cruscotto-progetti-2026-06-01.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Progetti',
      'Per Regione',
      'Per avviso',
      'Per stato',
      'Domande in attesa',
      'Criticità',
    ]);
    const ws = wb.getWorksheet('Progetti')!;
    const header = ws.getRow(5).values as unknown[];
    const planCol = header.indexOf('Piano');
    const spentCol = header.indexOf('Spesa sostenuta');
    let plan = 0;
    let spent = 0;
    let rows = 0;
    for (let r = 6; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).getCell(planCol).value;
      if (typeof v !== 'number') continue;
      rows++;
      plan += v * 100;
      spent += (ws.getRow(r).getCell(spentCol).value as number) * 100;
    }
    expect(rows).toBe(4);
    expect(Math.round(plan)).toBe(TOTAL_PLAN);
    expect(Math.round(spent)).toBe(TOTAL_SPENT);
    const p1Row = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(1).value === 'Accoglienza diffusa')!;
    expect(p1Row.getCell(spentCol).value).toBe(10_500.5);
    const byRegion = wb.getWorksheet('Per Regione')!;
    const last = byRegion.getRow(byRegion.rowCount);
    expect(last.getCell(1).value).toBe('Totale');
    expect(last.getCell(3).value).toBe(TOTAL_PLAN / 100);
    const issues = wb.getWorksheet('Criticità')!;
    const kinds = [...Array(issues.rowCount - 5).keys()].map((i) => issues.getRow(i + 6).getCell(4).value);
    expect(kinds).toContain('Possibile doppio finanziamento (stesso documento su un altro progetto)');
    const audit = await auditRows(t.db, `action = 'projects.dashboards.export'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ format: 'xlsx', projects: 4, claimsWaiting: 2, criticalIssues: 6 });
  });

  it('the filters apply; a Comune’s staff is refused', async () => {
    const res = await regione.request('GET', `/api/v1/project-dashboards/national.xlsx?callId=${call2.callId}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Progetti')!.getRow(6).getCell(1).value).toBe('Sportello lavoro');
    expect(wb.getWorksheet('Progetti')!.rowCount).toBe(6);
    expect((await staff1.amministrativo.request('GET', '/api/v1/project-dashboards/national.xlsx')).status).toBe(403);
    expect((await mlps.request('GET', '/api/v1/project-dashboards/national.xlsx?status=NO')).status).toBe(400);
  });
});

describe('GET /project-dashboards/comune', () => {
  it('401 without a session; 403 for MLPS, a Regione and a revisore', async () => {
    expect((await new Agent(t.app).get('/api/v1/project-dashboards/comune')).status).toBe(401);
    for (const a of [mlps, regione, revisore])
      expect((await a.get('/api/v1/project-dashboards/comune')).status).toBe(403);
  });

  it('the Comune’s own projects only, with figures, deadlines and critical issues', async () => {
    const res = await staff1.amministrativo.get<ComuneView>('/api/v1/project-dashboards/comune');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.comune.istat).toBe(p1.comuneIstat);
    expect(d.projects.map((p) => p.id).sort()).toEqual([p1.id, p4.id].sort());
    expect(d.totals.figures).toMatchObject({
      planCents: P1_PLAN + DEFAULT_PLAN,
      spentCents: P1_SPENT,
      paidCents: 380_000,
    });
    const one = d.projects.find((p) => p.id === p1.id)!;
    expect(one.elapsedShareBp).toBe(7_082);
    expect(one.deadlines.map((x) => [x.kind, x.date, x.overdue, x.year, x.quarter])).toEqual([
      ['monitoring_missing', '2025-06-30', true, 2025, 2],
      ['monitoring_missing', '2025-09-30', true, 2025, 3],
      ['monitoring_missing', '2025-12-31', true, 2025, 4],
      ['monitoring_missing', '2026-03-31', true, 2026, 1],
      ['query_due', '2026-05-01', true, null, null],
      ['query_due', '2026-07-01', false, null, null],
      ['project_end', '2026-12-31', false, null, null],
    ]);
    expect(one.issues.map((i) => i.kind)).toEqual([
      'claim_waiting',
      'query_overdue',
      'expense_warning',
      'expense_warning',
      'expense_warning',
    ]);
    // a concluded project: only its open queries would be deadlines
    expect(d.projects.find((p) => p.id === p4.id)!.deadlines).toEqual([]);
  });

  it('another Comune sees only its project, with the claim waiting for its integrations', async () => {
    const d = (await staff2.referente.get<ComuneView>('/api/v1/project-dashboards/comune')).body;
    expect(d.projects.map((p) => p.id)).toEqual([p2.id]);
    const deadlines = d.projects[0]!.deadlines;
    expect(deadlines.find((x) => x.kind === 'claim_integrations')).toMatchObject({ date: '2026-05-25', claimNo: 1 });
    expect(d.projects[0]!.issues.map((i) => [i.kind, i.days, i.shareBp])).toEqual([['ending_underspent', 60, 877]]);
  });
});

describe('project_dashboard_sums (0033)', () => {
  it('sums the projects the caller sees by the projects’ row-level security, and nothing else', async () => {
    const all = [p1.id, p2.id, p3.id, p4.id];
    const { user: rev } = await assignRevisore(t.db, p3);
    const revoked = await assignRevisore(t.db, p2, { user: rev });
    await t.db.ownerTx((tx) =>
      tx.query(`UPDATE project_revisore_assignments SET revoked_at = now(), revoked_by = user_id WHERE id = $1`, [
        revoked.assignmentId,
      ]),
    );
    const accesses: DbAccess[] = [
      { scope: 'national', tenant: null, region: null, userId: null },
      { scope: 'regione', tenant: null, region: REGION_A, userId: null },
      { scope: 'regione', tenant: null, region: REGION_B, userId: null },
      { scope: 'comune', tenant: p1.comuneIstat, region: null, userId: null },
      { scope: 'comune', tenant: p3.comuneIstat, region: null, userId: null },
      { scope: 'national', tenant: null, region: null, userId: rev.id },
      { scope: 'anonymous', tenant: null, region: null, userId: null },
    ];
    for (const access of accesses) {
      const { rls, sums } = await t.db.tx(access, async (tx) => ({
        rls: (await tx.query<{ id: string }>('SELECT id FROM projects WHERE id = ANY ($1) ORDER BY id', [all])).map(
          (r) => r.id,
        ),
        sums: (
          await tx.query<{ project_id: string }>(
            'SELECT project_id FROM project_dashboard_sums($1, $2) ORDER BY project_id',
            [all, '2026-06-01'],
          )
        ).map((r) => r.project_id),
      }));
      expect(sums, JSON.stringify(access)).toEqual(rls);
    }
    // the revisore: only the project assigned and not revoked
    const revisoreSees = await t.db.tx({ scope: 'national', tenant: null, region: null, userId: rev.id }, (tx) =>
      tx.query<{ project_id: string }>('SELECT project_id FROM project_dashboard_sums($1, $2)', [all, '2026-06-01']),
    );
    expect(revisoreSees.map((r) => r.project_id)).toEqual([p3.id]);
  });
});
