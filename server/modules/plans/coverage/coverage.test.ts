/**
 * The coverage of the Piano triennale (issue 13 item 2) through the API, over plans written with
 * the plan factories whose counts are known by hand: who sees what (ANCI/Cittalia and MLPS every
 * Comune, a Regione and a regional ANCI branch their own, a referente nothing); the latest plan of
 * a Comune; the counts by priority action, state and axis and the column totals; the filters; the
 * uncovered priority actions per Region; the map's categories; the XLSX read back, audited.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  makeRegionalAnciUser,
  makeRegionUser,
  type TestPlan,
} from '../../../../tests/support/plan-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Coverage = Schema<'PlanCoverage'>;
type Uncovered = Schema<'PlanCoverageUncovered'>;
type CoverageMap = Schema<'PlanCoverageMap'>;

const PIEMONTE = '01';
const CALABRIA = '18';

let t: TestApp;
let a1: TestPlan;
let a2: TestPlan;
let a3: TestPlan;
let b1: TestPlan;
let older: TestPlan;
let mlps: Agent;
let anci: Agent;
let regione: Agent;
let anciPiemonte: Agent;
let referente: Agent;

const mine = (istats: string[]) => istats.filter((i) => [a1, a2, a3, b1].some((p) => p.comune.istat === i));

beforeAll(async () => {
  t = await startTestApp();
  const cA1 = await makePlanComune(t.db, { regionCode: PIEMONTE });
  a1 = await makePlan(t.db, { comune: cA1, status: 'ADOTTATO', priorityActions: [1, 8, 9], title: 'Piano di prova A1' });
  // an older plan of the same Comune (2020–2022) with priority action 3: not the one counted
  older = await makePlan(t.db, { comune: cA1, status: 'AGGIORNATO', priorityActions: [3] });
  await t.db.ownerTx((tx) =>
    tx.query('UPDATE plm_plans SET period_from = 2020, period_to = 2022 WHERE id = $1', [older.id]),
  );
  a2 = await makePlan(t.db, { comune: await makePlanComune(t.db, { regionCode: PIEMONTE }), priorityActions: [1, 1, 5] });
  a3 = await makePlan(t.db, {
    comune: await makePlanComune(t.db, { regionCode: PIEMONTE }),
    status: 'AVVIO',
    priorityActions: [],
  });
  b1 = await makePlan(t.db, {
    comune: await makePlanComune(t.db, { regionCode: CALABRIA }),
    status: 'IN_ATTUAZIONE',
    priorityActions: [2, 10, 10],
  });
  await t.db.ownerTx(async (tx) => {
    await tx.query(`UPDATE plm_actions SET status = 'AVVIATA' WHERE id = $1`, [a2.actions[1]!.id]);
    await tx.query(`UPDATE plm_actions SET status = 'COMPLETATA' WHERE id = $1`, [b1.actions[2]!.id]);
  });
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  regione = await loginAs(t, await makeRegionUser(t.db, PIEMONTE));
  anciPiemonte = await loginAs(t, await makeRegionalAnciUser(t.db, PIEMONTE));
  referente = await loginAs(t, a1.comune.referente);
});
afterAll(async () => t.close());

const pa = (r: Coverage['rows']['items'][number], p: number) => r.priorityActions[p - 1];

describe('GET /plans-coverage', () => {
  it('401 without a session; 403 for a Comune’s referente', async () => {
    expect((await new Agent(t.app).get('/api/v1/plans-coverage')).status).toBe(401);
    for (const url of ['/plans-coverage', '/plans-coverage/uncovered', '/plans-coverage/map', '/plans-coverage.xlsx']) {
      const res = await referente.get<{ code: string }>(`/api/v1${url}`);
      expect(res.status, url).toBe(403);
    }
  });

  it('400 for a bad filter or an unknown parameter', async () => {
    for (const q of [
      'region=Piemonte',
      'band=small',
      'statusGroup=nope',
      'axis=CULTURA',
      'priorityAction=11',
      'pageSize=1001',
      'colour=red',
      'detail=actions',
    ]) {
      const res = await mlps.get<{ code: string }>(`/api/v1/plans-coverage?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('request.invalid');
    }
    expect((await mlps.get('/api/v1/plans-coverage/map?priorityAction=0')).status).toBe(400);
    expect((await mlps.get('/api/v1/plans-coverage/uncovered?axis=PREVENZIONE')).status).toBe(400);
  });

  it('MLPS and ANCI/Cittalia see every Comune with its latest plan, counted by priority action, state and axis', async () => {
    for (const agent of [mlps, anci]) {
      const res = await agent.get<Coverage>('/api/v1/plans-coverage?pageSize=1000');
      expect(res.status).toBe(200);
      const d = res.body;
      const rows = d.rows.items;
      expect(mine(rows.map((r) => r.comuneIstat)).sort()).toEqual(
        [a1, a2, a3, b1].map((p) => p.comune.istat).sort(),
      );
      expect(d.actionStatuses).toEqual(['PROGRAMMATA', 'AVVIATA', 'IN_CORSO', 'COMPLETATA', 'SOSPESA', 'ANNULLATA']);
      const r1 = rows.find((r) => r.comuneIstat === a1.comune.istat)!;
      // the 2025–2027 plan, not the 2020–2022 one
      expect(r1).toMatchObject({ planId: a1.id, status: 'ADOTTATO', statusGroup: 'adopted', actions: 3 });
      expect(r1.regionCode).toBe(PIEMONTE);
      expect(d.options.regions.find((r) => r.code === r1.regionCode)?.name).toBe('Piemonte');
      expect(r1.priorityActions).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
      expect(r1.axes).toEqual([1, 1, 1, 0]);
      const r2 = rows.find((r) => r.comuneIstat === a2.comune.istat)!;
      expect(r2).toMatchObject({ status: 'BOZZA', statusGroup: 'preparation', actions: 3 });
      expect(pa(r2, 1)).toBe(2);
      // the whole list is lean: the per-state breakdown only with detail=states
      expect(r2).not.toHaveProperty('priorityActionStatuses');
      expect(pa(r2, 5)).toBe(1);
      const r3 = rows.find((r) => r.comuneIstat === a3.comune.istat)!;
      expect(r3).toMatchObject({ status: 'AVVIO', actions: 0 });
      expect(r3.priorityActions).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      const rb = rows.find((r) => r.comuneIstat === b1.comune.istat)!;
      expect(rb.axes).toEqual([1, 0, 0, 2]);
      const detailed = await agent.get<Coverage>('/api/v1/plans-coverage?pageSize=1000&detail=states');
      expect(detailed.status).toBe(200);
      const of = (c: TestPlan) => detailed.body.rows.items.find((r) => r.comuneIstat === c.comune.istat)!;
      expect(of(a2).priorityActionStatuses?.[0]).toEqual([1, 1, 0, 0, 0, 0]);
      expect(of(b1).priorityActionStatuses?.[9]).toEqual([1, 0, 0, 1, 0, 0]);
      expect(of(a3).priorityActionStatuses).toEqual(Array.from({ length: 10 }, () => [0, 0, 0, 0, 0, 0]));
      // the same rows and counts otherwise
      const { priorityActionStatuses: _s, ...leanOfB1 } = of(b1);
      expect(leanOfB1).toEqual(rb);
      expect(detailed.body.totals).toEqual(d.totals);
      // the registry's names and band
      const [c] = await t.db.ownerTx((tx) =>
        tx.query<{ name: string; band: string; sigla: string }>(
          `SELECT c.name, c.band, p.sigla FROM comuni c JOIN provinces p ON p.code = c.province_code WHERE c.istat_code = $1`,
          [a1.comune.istat],
        ),
      );
      expect(r1).toMatchObject({ comuneName: c!.name, band: c!.band, provinceSigla: c!.sigla });
      // what the table shows, no more: the title and the province's name are on the plan's page and in the XLSX
      expect(Object.keys(r1).sort()).toEqual(
        ['actions', 'axes', 'band', 'comuneIstat', 'comuneName', 'periodFrom', 'periodTo', 'planId', 'priorityActions',
         'provinceSigla', 'regionCode', 'status', 'statusGroup'].sort(),
      );
    }
  });

  it('the column totals are of the rows of the filters', async () => {
    const d = (await mlps.get<Coverage>('/api/v1/plans-coverage')).body;
    // the test database holds only these plans
    expect(d.totals).toMatchObject({ comuni: 4, adopted: 2, preparation: 2, actions: 9 });
    const t1 = d.totals.priorityActions[0]!;
    expect(t1).toEqual({ priorityAction: 1, axis: 'PREVENZIONE', actions: 3, statuses: [2, 1, 0, 0, 0, 0], comuni: 2 });
    expect(d.totals.priorityActions[2]).toMatchObject({ actions: 0, comuni: 0 });
    expect(d.totals.priorityActions[9]).toMatchObject({ actions: 2, comuni: 1, statuses: [1, 0, 0, 1, 0, 0] });
    expect(d.totals.axes).toEqual([
      { axis: 'PREVENZIONE', actions: 5, comuni: 3 },
      { axis: 'VIGILANZA_CONTRASTO', actions: 1, comuni: 1 },
      { axis: 'PROTEZIONE_ASSISTENZA', actions: 1, comuni: 1 },
      { axis: 'REINTEGRAZIONE', actions: 2, comuni: 1 },
    ]);
    expect(d.options.regions.length).toBe(20);
  });

  it('filters by Region, band, status group, axis and priority action; pages the rows', async () => {
    const ids = async (q: string) =>
      (await mlps.get<Coverage>(`/api/v1/plans-coverage?${q}`)).body.rows.items.map((r) => r.planId).sort();
    expect(await ids(`region=${CALABRIA}`)).toEqual([b1.id]);
    expect(await ids(`region=${PIEMONTE}`)).toEqual([a1.id, a2.id, a3.id].sort());
    expect(await ids('statusGroup=adopted')).toEqual([a1.id, b1.id].sort());
    expect(await ids('statusGroup=preparation')).toEqual([a2.id, a3.id].sort());
    expect(await ids('priorityAction=1')).toEqual([a1.id, a2.id].sort());
    expect(await ids('priorityAction=3')).toEqual([]);
    expect(await ids('axis=REINTEGRAZIONE')).toEqual([b1.id]);
    expect(await ids('axis=PREVENZIONE&statusGroup=adopted')).toEqual([a1.id, b1.id].sort());
    const all = (await mlps.get<Coverage>('/api/v1/plans-coverage')).body.rows.items;
    const band = all.find((r) => r.planId === a2.id)!.band;
    const byBand = (await mlps.get<Coverage>(`/api/v1/plans-coverage?band=${band}`)).body;
    expect(byBand.rows.items.every((r) => r.band === band)).toBe(true);
    expect(byBand.rows.items.map((r) => r.planId)).toContain(a2.id);
    expect(byBand.totals.comuni).toBe(all.filter((r) => r.band === band).length);
    const filtered = (await mlps.get<Coverage>('/api/v1/plans-coverage?statusGroup=adopted')).body;
    expect(filtered.totals).toMatchObject({ comuni: 2, adopted: 2, preparation: 0, actions: 6 });
    expect(filtered.filters).toEqual({
      region: null,
      band: null,
      statusGroup: 'adopted',
      axis: null,
      priorityAction: null,
    });
    const page2 = (await mlps.get<Coverage>('/api/v1/plans-coverage?page=2&pageSize=3')).body;
    expect(page2.rows).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.rows.items).toHaveLength(1);
    expect(page2.totals.comuni).toBe(4);
  });

  it('a Regione and a regional ANCI branch see only their own Comuni; another Region is empty', async () => {
    for (const agent of [regione, anciPiemonte]) {
      const d = (await agent.get<Coverage>('/api/v1/plans-coverage')).body;
      expect(d.rows.items.map((r) => r.planId).sort()).toEqual([a1.id, a2.id, a3.id].sort());
      expect(d.totals).toMatchObject({ comuni: 3, actions: 6 });
      expect(d.options.regions).toEqual([{ code: PIEMONTE, name: 'Piemonte' }]);
      const other = (await agent.get<Coverage>(`/api/v1/plans-coverage?region=${CALABRIA}`)).body;
      expect(other.rows.total).toBe(0);
      expect(other.totals.actions).toBe(0);
    }
  });
});

describe('GET /plans-coverage/uncovered', () => {
  it('per Region, the priority actions no plan covers and how many Comuni cover the others', async () => {
    const d = (await anci.get<Uncovered>('/api/v1/plans-coverage/uncovered')).body;
    expect(d.regions).toHaveLength(20);
    const piemonte = d.regions.find((r) => r.code === PIEMONTE)!;
    expect(piemonte.comuni).toBe(3);
    // priority action 3 is only in the older plan of the first Comune
    expect(piemonte.uncovered).toEqual([2, 3, 4, 6, 7, 10]);
    expect(piemonte.covered).toEqual([
      { priorityAction: 1, comuni: 2 },
      { priorityAction: 5, comuni: 1 },
      { priorityAction: 8, comuni: 1 },
      { priorityAction: 9, comuni: 1 },
    ]);
    const calabria = d.regions.find((r) => r.code === CALABRIA)!;
    expect(calabria.uncovered).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
    expect(calabria.covered).toEqual([
      { priorityAction: 2, comuni: 1 },
      { priorityAction: 10, comuni: 1 },
    ]);
    const lazio = d.regions.find((r) => r.code === '12')!;
    expect(lazio).toMatchObject({ comuni: 0, uncovered: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], covered: [] });
    const adopted = (await anci.get<Uncovered>('/api/v1/plans-coverage/uncovered?statusGroup=adopted')).body;
    expect(adopted.regions.find((r) => r.code === PIEMONTE)!.uncovered).toEqual([2, 3, 4, 5, 6, 7, 10]);
  });

  it('a Regione gets its own Region only', async () => {
    const d = (await regione.get<Uncovered>('/api/v1/plans-coverage/uncovered')).body;
    expect(d.regions.map((r) => r.code)).toEqual([PIEMONTE]);
    expect(d.regions[0]!.uncovered).toEqual([2, 3, 4, 6, 7, 10]);
    const other = (await regione.get<Uncovered>(`/api/v1/plans-coverage/uncovered?region=${CALABRIA}`)).body;
    expect(other.regions).toEqual([]);
  });
});

describe('GET /plans-coverage/map', () => {
  it('one item per Comune with a plan: its status group, or whether it covers what is asked', async () => {
    const d = (await mlps.get<CoverageMap>('/api/v1/plans-coverage/map')).body;
    const cat = (items: CoverageMap['items']) =>
      Object.fromEntries(items.filter((i) => mine([i.code]).length).map((i) => [i.code, i.category]));
    expect(cat(d.items)).toEqual({
      [a1.comune.istat]: 'adopted',
      [a2.comune.istat]: 'preparation',
      [a3.comune.istat]: 'preparation',
      [b1.comune.istat]: 'adopted',
    });
    expect(d.items.find((i) => i.code === a1.comune.istat)!.name).toMatch(/\S/);
    const p5 = (await mlps.get<CoverageMap>('/api/v1/plans-coverage/map?priorityAction=5')).body;
    expect(cat(p5.items)).toEqual({
      [a1.comune.istat]: 'not_covered',
      [a2.comune.istat]: 'covered',
      [a3.comune.istat]: 'not_covered',
      [b1.comune.istat]: 'not_covered',
    });
    const ax = (await mlps.get<CoverageMap>('/api/v1/plans-coverage/map?axis=VIGILANZA_CONTRASTO')).body;
    expect(ax.items.filter((i) => i.category === 'covered').map((i) => i.code)).toEqual([a1.comune.istat]);
    const reg = (await regione.get<CoverageMap>('/api/v1/plans-coverage/map')).body;
    expect(reg.items.map((i) => i.code).sort()).toEqual([a1, a2, a3].map((p) => p.comune.istat).sort());
  });
});

describe('GET /plans-coverage.xlsx', () => {
  it('the matrix and the uncovered priority actions, counts as numbers; audited', async () => {
    const res = await mlps.request('GET', '/api/v1/plans-coverage.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/copertura-piani-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matrice di copertura', 'Azioni non coperte']);
    const ws = wb.getWorksheet('Matrice di copertura')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const header = ws.getRow(5).values as unknown[];
    const groups = ws.getRow(4).values as unknown[];
    const col1 = header.indexOf('1. Sistema informativo e mappatura del rischio');
    const col10 = header.indexOf('10. Reintegrazione socio-lavorativa delle vittime');
    expect(col1).toBeGreaterThan(1);
    expect(groups).toContain('Asse: Prevenzione');
    const total = header.indexOf('Totale azioni');
    const byLabel = new Map(
      [...Array(ws.rowCount).keys()].map((i) => [ws.getRow(i + 1).getCell(1).text, ws.getRow(i + 1)]),
    );
    const istatCol = header.indexOf('Codice ISTAT');
    const row2 = [...byLabel.values()].find((r) => r.getCell(istatCol).value === a2.comune.istat)!;
    expect(row2.getCell(col1).value).toBe(2);
    expect(row2.getCell(total).value).toBe(3);
    const totals = byLabel.get('Totale azioni')!;
    expect(totals.getCell(col1).value).toBe(3);
    expect(totals.getCell(col10).value).toBe(2);
    expect(totals.getCell(total).value).toBe(9);
    expect(byLabel.get('Comuni che la coprono')!.getCell(col1).value).toBe(2);
    const un = wb.getWorksheet('Azioni non coperte')!;
    const unHeader = un.getRow(5).values as unknown[];
    const piemonte = [...Array(un.rowCount).keys()].map((i) => un.getRow(i + 1)).find((r) => r.getCell(1).value === 'Piemonte')!;
    expect(piemonte.getCell(unHeader.indexOf('Comuni con un piano')).value).toBe(3);
    expect(piemonte.getCell(unHeader.indexOf('Azioni prioritarie non coperte')).value).toBe(6);
    expect(piemonte.getCell(unHeader.indexOf('Non coperte')).text).toContain('3. Rete del lavoro agricolo di qualità');
    const audit = await auditRows(t.db, `action = 'plans.coverage.export'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ format: 'xlsx', comuni: 4, statusGroup: 'all' });
  });

  it('the filters apply; a Regione’s file holds its Comuni only', async () => {
    const res = await regione.request('GET', '/api/v1/plans-coverage.xlsx?statusGroup=adopted');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Matrice di copertura')!;
    // one Comune, then the two total rows
    expect(ws.rowCount).toBe(8);
    expect(ws.getRow(6).getCell(2).value).toBe(a1.comune.istat);
    expect(wb.getWorksheet('Azioni non coperte')!.getRow(6).getCell(1).value).toBe('Piemonte');
    expect((await mlps.request('GET', '/api/v1/plans-coverage.xlsx?page=2')).status).toBe(400);
  });
});
