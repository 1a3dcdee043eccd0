/**
 * A plan's actions and monitorings through the API (issue 13 item 1): who reads (the Comune, its
 * Region, ANCI/Cittalia, MLPS) and who writes (the Comune's referente only); another Comune's or
 * Region's plan is 404; the validation of organisations, projects, codes, priority actions, axes and
 * periods (400 or 409 with nothing changed); the plan's state (409 `plans.state`); stale versions;
 * the monitoring's rules (one per period, the plan's own indicators, the actions' states in the
 * same transaction) and the indicators' progress; the audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser } from '../../../../tests/support/factories.js';
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

type ActionList = Schema<'PlanActionList'>;
type Action = Schema<'PlanAction'>;
type MonitoringList = Schema<'PlanMonitoringList'>;
type Monitoring = Schema<'PlanMonitoring'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let comune: TestPlanComune;
let as: {
  referente: Agent;
  amministrativo: Agent;
  regione: Agent;
  otherRegione: Agent;
  anciRegionale: Agent;
  anci: Agent;
  mlps: Agent;
  other: Agent;
};

beforeAll(async () => {
  t = await startTestApp();
  comune = await makePlanComune(t.db);
  const otherRegion = comune.region === '18' ? '12' : '18';
  const other = await makePlanComune(t.db);
  as = {
    referente: await loginAs(t, comune.referente),
    amministrativo: await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: comune.org })),
    regione: await loginAs(t, await makeRegionUser(t.db, comune.region)),
    otherRegione: await loginAs(t, await makeRegionUser(t.db, otherRegion)),
    anciRegionale: await loginAs(t, await makeRegionalAnciUser(t.db, comune.region)),
    anci: await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] })),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    other: await loginAs(t, other.referente),
  };
});
afterAll(async () => t.close());

const url = (plan: { id: string }, rest = '') => `/api/v1/plans/${plan.id}/actions${rest}`;
const murl = (plan: { id: string }, rest = '') => `/api/v1/plans/${plan.id}/monitorings${rest}`;
const count = async (table: string, planId: string) =>
  (
    await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1`, [planId]),
    )
  )[0]!.n;
const newAction = (over: Record<string, unknown> = {}) => ({
  code: 'B1',
  title: 'Sportello informativo per i lavoratori stagionali',
  priorityAction: 7,
  ...over,
});
const readers = () => [as.referente, as.regione, as.anciRegionale, as.anci, as.mlps];
const nonWriters = () => [as.regione, as.anciRegionale, as.anci, as.mlps];

describe('reading the actions', () => {
  it('the Comune, its Region, ANCI (national and regional) and MLPS read; the others not', async () => {
    const plan = await makePlan(t.db, { comune });
    for (const a of readers()) {
      const r = await a.get<ActionList>(url(plan));
      expect(r.status).toBe(200);
      expect(r.body.items.map((x) => [x.code, x.axis, x.priorityAction])).toEqual([
        ['A1', 'PREVENZIONE', 1],
        ['A2', 'VIGILANZA_CONTRASTO', 8],
        ['A3', 'PROTEZIONE_ASSISTENZA', 9],
      ]);
      expect(r.body.plan).toMatchObject({ id: plan.id, status: 'BOZZA', periodFrom: 2025, periodTo: 2027 });
      expect(r.body.totals.all.actions).toBe(3);
      expect(r.body.canEdit).toBe(a === as.referente);
      expect(r.body.editBlockedBy).toBe(a === as.referente ? null : 'ROLE');
    }
    expect((await new Agent(t.app).get(url(plan))).status).toBe(401);
    expect((await as.other.get<Problem>(url(plan))).body.code).toBe('plans.plan.not_found');
    expect((await as.otherRegione.get(url(plan))).status).toBe(404);
    const amm = await as.amministrativo.get<Problem>(url(plan));
    expect(amm.status).toBe(403);
    for (const a of [...readers()]) expect((await a.get<MonitoringList>(murl(plan))).status).toBe(200);
    expect((await as.other.get(murl(plan))).status).toBe(404);
    expect((await as.otherRegione.get(murl(plan))).status).toBe(404);
  });

  it('an adopted plan being implemented: the actions are read-only (STATE) for the Comune', async () => {
    const plan = await makePlan(t.db, { comune, status: 'IN_ATTUAZIONE' });
    const r = await as.referente.get<ActionList>(url(plan));
    expect(r.body.canEdit).toBe(false);
    expect(r.body.editBlockedBy).toBe('STATE');
    const m = await as.referente.get<MonitoringList>(murl(plan));
    expect(m.body.canRecord).toBe(true);
    expect((await as.regione.get<MonitoringList>(murl(plan))).body.recordBlockedBy).toBe('ROLE');
  });
});

describe('adding, changing and removing actions', () => {
  it('the referente adds an action with lead, partners, budget, funding and a project of the Comune; the axis defaults', async () => {
    const plan = await makePlan(t.db, { comune, priorityActions: [] });
    const lead = await makeOrg(t.db, { type: 'ente_gestore', comuneIstat: comune.istat });
    const partner = await makeOrg(t.db, { type: 'terzo_settore' });
    const project = await makeProject(t.db, { org: comune.org, title: 'Progetto collegato di prova', cup: null });
    const r = await as.referente.post<Action>(
      url(plan),
      newAction({
        leadOrganisationId: lead.id,
        partners: [
          { organisationId: partner.id, role: 'ATTUATORE' },
          { organisationId: comune.org.id, role: 'FINANZIATORE' },
        ],
        budgetCents: 1_250_050,
        fundingSource: 'PN_INCLUSIONE',
        projectId: project.id,
        startDate: '2025-03-01',
        endDate: '2026-06-30',
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      code: 'B1',
      axis: 'PREVENZIONE',
      priorityAction: 7,
      lead: { id: lead.id },
      budgetCents: 1_250_050,
      fundingSource: 'PN_INCLUSIONE',
      project: { id: project.id, title: 'Progetto collegato di prova' },
      status: 'PROGRAMMATA',
      startDate: '2025-03-01',
      rowVersion: 1,
    });
    expect(r.body.partners.map((p) => [p.organisationId, p.role]).sort()).toEqual(
      [
        [partner.id, 'ATTUATORE'],
        [comune.org.id, 'FINANZIATORE'],
      ].sort(),
    );
    const chosen = await as.referente.post<Action>(
      url(plan),
      newAction({ code: 'B2', priorityAction: 5, axis: 'PROTEZIONE_ASSISTENZA' }),
    );
    expect(chosen.body.axis).toBe('PROTEZIONE_ASSISTENZA');
    const audit = await auditRows(t.db, "action = 'plans.action.create' AND entity_id = $1", [r.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(comune.istat);
    expect(audit[0]!.details).toMatchObject({ plan: plan.id, code: 'B1', axis: 'PREVENZIONE', priorityAction: 7 });

    const list = await as.mlps.get<ActionList>(url(plan));
    expect(list.body.totals.all).toEqual({ actions: 2, budgetCents: 1_250_050 });
    expect(list.body.totals.byAxis.find((x) => x.axis === 'PREVENZIONE')).toMatchObject({
      actions: 1,
      budgetCents: 1_250_050,
    });
    expect(list.body.totals.cells).toEqual([
      { axis: 'PREVENZIONE', priorityAction: 7, actions: 1, budgetCents: 1_250_050 },
      { axis: 'PROTEZIONE_ASSISTENZA', priorityAction: 5, actions: 1, budgetCents: 0 },
    ]);
  });

  it('the Region, ANCI and MLPS may not write (403); another Comune gets 404; nothing changes', async () => {
    const plan = await makePlan(t.db, { comune });
    const a1 = plan.actions[0]!;
    for (const a of nonWriters()) {
      expect((await a.post(url(plan), newAction())).status).toBe(403);
      expect((await a.patch(url(plan, `/${a1.id}`), { title: 'Nuovo titolo', rowVersion: 1 })).status).toBe(403);
      expect((await a.request('DELETE', url(plan, `/${a1.id}`))).status).toBe(403);
      expect((await a.request('PUT', url(plan, `/${a1.id}/indicators`), { indicators: [] })).status).toBe(403);
    }
    expect((await as.amministrativo.post(url(plan), newAction())).status).toBe(403);
    const other = await as.other.post<Problem>(url(plan), newAction());
    expect(other.status).toBe(404);
    expect((await as.other.request('DELETE', url(plan, `/${a1.id}`))).status).toBe(404);
    expect(await count('plm_actions', plan.id)).toBe(3);
  });

  it('refuses unknown organisations, another Comune’s project, bad priority actions and axes, duplicate codes', async () => {
    const plan = await makePlan(t.db, { comune });
    const strangerProject = await makeProject(t.db);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ leadOrganisationId: unknown }, 400, 'plans.reference', 'body.leadOrganisationId'],
      [
        { partners: [{ organisationId: unknown, role: 'PARTNER' }] },
        400,
        'plans.reference',
        'body.partners.0.organisationId',
      ],
      [{ projectId: strangerProject.id }, 400, 'plans.reference', 'body.projectId'],
      [{ priorityAction: 11 }, 400, 'request.invalid'],
      [{ priorityAction: 0 }, 400, 'request.invalid'],
      [{ axis: 'ALTRO' }, 400, 'request.invalid'],
      [{ fundingSource: 'BANCA' }, 400, 'request.invalid'],
      [{ budgetCents: -5 }, 400, 'request.invalid'],
      [{ code: 'con spazio' }, 400, 'request.invalid'],
      [{ startDate: '2026-01-01', endDate: '2025-01-01' }, 400, 'request.invalid'],
      [{ code: 'A1' }, 409, 'plans.actions.duplicate_code'],
    ];
    for (const [over, status, code, path] of cases) {
      const r = await as.referente.post<Problem>(url(plan), newAction(over));
      expect([JSON.stringify(over), r.status, r.body.code]).toEqual([JSON.stringify(over), status, code]);
      if (path) expect(r.body.errors?.[0]?.path).toBe(path);
    }
    expect(await count('plm_actions', plan.id)).toBe(3);
    expect(await count('plm_action_partners', plan.id)).toBe(0);
    expect(await auditRows(t.db, "action = 'plans.action.create' AND details->>'plan' = $1", [plan.id])).toHaveLength(
      0,
    );
  });

  it('changes an action with its row version: partners replaced, the default axis of a new priority action, stale 409', async () => {
    const plan = await makePlan(t.db, { comune });
    const a1 = plan.actions[0]!;
    const p1 = await makeOrg(t.db, { type: 'terzo_settore' });
    const p2 = await makeOrg(t.db, { type: 'terzo_settore' });
    const first = await as.referente.patch<Action>(url(plan, `/${a1.id}`), {
      rowVersion: 1,
      partners: [
        { organisationId: p1.id, role: 'PARTNER' },
        { organisationId: p2.id, role: 'ALTRO' },
      ],
      budgetCents: 500_000,
    });
    expect(first.status).toBe(200);
    expect(first.body.rowVersion).toBe(2);
    expect(first.body.partners).toHaveLength(2);
    const second = await as.referente.patch<Action>(url(plan, `/${a1.id}`), {
      rowVersion: 2,
      priorityAction: 10,
      partners: [{ organisationId: p2.id, role: 'ATTUATORE' }],
    });
    expect(second.body).toMatchObject({ axis: 'REINTEGRAZIONE', priorityAction: 10, budgetCents: 500_000 });
    expect(second.body.partners).toEqual([expect.objectContaining({ organisationId: p2.id, role: 'ATTUATORE' })]);
    const axisKept = await as.referente.patch<Action>(url(plan, `/${a1.id}`), {
      rowVersion: 3,
      priorityAction: 5,
      axis: 'PROTEZIONE_ASSISTENZA',
      code: 'A1.1',
    });
    expect(axisKept.body).toMatchObject({ axis: 'PROTEZIONE_ASSISTENZA', priorityAction: 5, code: 'A1.1' });

    const stale = await as.referente.patch<Problem>(url(plan, `/${a1.id}`), { rowVersion: 2, title: 'Vecchio' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('plans.stale');
    const dup = await as.referente.patch<Problem>(url(plan, `/${a1.id}`), { rowVersion: 4, code: 'A2' });
    expect(dup.body.code).toBe('plans.actions.duplicate_code');
    const missing = await as.referente.patch<Problem>(url(plan, `/${plan.id}`), { rowVersion: 1, title: 'Nessuna' });
    expect(missing.body.code).toBe('plans.actions.not_found');
    const audit = await auditRows(t.db, "action = 'plans.action.update' AND entity_id = $1", [a1.id]);
    expect(audit).toHaveLength(3);
    expect(audit[0]!.details.fields).toEqual(['budgetCents', 'partners']);
  });

  it('removes an action while editable; refuses to touch the actions of a plan being implemented (409)', async () => {
    const plan = await makePlan(t.db, { comune });
    const gone = await as.referente.request<ActionList>('DELETE', url(plan, `/${plan.actions[2]!.id}`));
    expect(gone.status).toBe(200);
    expect(gone.body.items.map((a) => a.code)).toEqual(['A1', 'A2']);
    expect(
      await auditRows(t.db, "action = 'plans.action.delete' AND entity_id = $1", [plan.actions[2]!.id]),
    ).toHaveLength(1);

    const running = await makePlan(t.db, { comune, status: 'IN_ATTUAZIONE' });
    const a1 = running.actions[0]!;
    const refusals = [
      await as.referente.post<Problem>(url(running), newAction()),
      await as.referente.patch<Problem>(url(running, `/${a1.id}`), { rowVersion: 1, title: 'Titolo nuovo' }),
      await as.referente.request<Problem>('DELETE', url(running, `/${a1.id}`)),
      await as.referente.request<Problem>('PUT', url(running, `/${a1.id}/indicators`), { indicators: [] }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('plans.state');
    }
    expect(await count('plm_actions', running.id)).toBe(3);
    // MONITORATO prepares an update: editable again
    const monitored = await makePlan(t.db, { comune, status: 'MONITORATO' });
    expect((await as.referente.post(url(monitored), newAction())).status).toBe(201);
  });
});

describe('indicators and targets', () => {
  it('sets the full list with targets per period within the plan’s years; keeps an indicator by its id', async () => {
    const plan = await makePlan(t.db, { comune });
    const a1 = plan.actions[0]!;
    const put = (body: unknown) =>
      as.referente.request<Action & Problem>('PUT', url(plan, `/${a1.id}/indicators`), body);
    const bad = [
      { name: 'Persone raggiunte', unit: 'persone', targets: [{ period: '2024', target: 10 }] },
      { name: 'Persone raggiunte', unit: 'persone', targets: [{ period: '2025-S3', target: 10 }] },
      { name: 'Persone raggiunte', unit: 'persone', targets: [{ period: '2028-S1', target: 10 }] },
      {
        name: 'Persone raggiunte',
        unit: 'persone',
        targets: [
          { period: '2025', target: 1 },
          { period: '2025', target: 2 },
        ],
      },
      { name: 'P', unit: 'persone', targets: [] },
    ];
    for (const indicator of bad) {
      const r = await put({ indicators: [indicator] });
      expect(r.status).toBe(400);
    }
    expect(await count('plm_indicators', plan.id)).toBe(0);

    const first = await put({
      rowVersion: 1,
      indicators: [
        {
          name: 'Lavoratori informati',
          unit: 'persone',
          baseline: 0,
          targets: [
            { period: '2025', target: 200 },
            { period: '2026-S1', target: 150 },
          ],
        },
        { name: 'Sportelli aperti', unit: 'sportelli', targets: [{ period: '2025', target: 2 }] },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.rowVersion).toBe(2);
    expect(first.body.indicators.map((i) => [i.name, i.targets.length, i.latest])).toEqual([
      ['Lavoratori informati', 2, null],
      ['Sportelli aperti', 1, null],
    ]);
    const keep = first.body.indicators[0]!;
    const second = await put({
      rowVersion: 2,
      indicators: [
        { id: keep.id, name: 'Lavoratori informati', unit: 'persone', targets: [{ period: '2027', target: 300 }] },
      ],
    });
    expect(second.body.indicators).toEqual([
      expect.objectContaining({ id: keep.id, targets: [{ period: '2027', target: 300 }] }),
    ]);
    const stale = await put({ rowVersion: 2, indicators: [] });
    expect(stale.body.code).toBe('plans.stale');
    const stranger = await put({
      indicators: [{ id: '00000000-0000-4000-8000-000000000002', name: 'Altro', unit: 'n', targets: [] }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('plans.reference');
    expect(await count('plm_indicators', plan.id)).toBe(1);
    expect(await auditRows(t.db, "action = 'plans.action.indicators' AND entity_id = $1", [a1.id])).toHaveLength(2);
  });
});

describe('monitorings', () => {
  /** A plan in BOZZA with indicators set, then moved (as the plans part would) to `status`. */
  async function planWithIndicators(status: 'IN_ATTUAZIONE' | 'BOZZA' | 'ADOTTATO' = 'IN_ATTUAZIONE') {
    const plan = await makePlan(t.db, { comune });
    const r = await as.referente.request<Action>('PUT', url(plan, `/${plan.actions[0]!.id}/indicators`), {
      indicators: [
        {
          name: 'Lavoratori informati',
          unit: 'persone',
          targets: [
            { period: '2025', target: 200 },
            { period: '2026', target: 400 },
          ],
        },
      ],
    });
    await t.db.ownerTx((tx) => tx.query('UPDATE plm_plans SET status = $2 WHERE id = $1', [plan.id, status]));
    return { plan, indicatorId: r.body.indicators[0]!.id };
  }

  it('records the values and the actions’ states in one go; the progress is the latest value against its target', async () => {
    const { plan, indicatorId } = await planWithIndicators();
    const [a1, a2] = plan.actions;
    const body = {
      period: '2025',
      referenceDate: '2025-12-31',
      note: 'Primo monitoraggio',
      values: [{ indicatorId, value: 150, note: 'Dati dello sportello' }],
      actionStatuses: [
        { actionId: a1!.id, status: 'IN_CORSO' },
        { actionId: a2!.id, status: 'AVVIATA' },
      ],
    };
    for (const a of nonWriters()) expect((await a.post(murl(plan), body)).status).toBe(403);
    expect((await as.other.post(murl(plan), body)).status).toBe(404);
    const r = await as.referente.post<Monitoring>(murl(plan), body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ period: '2025', referenceDate: '2025-12-31', values: 1 });
    expect(r.body.items).toEqual([
      expect.objectContaining({ indicatorId, value: 150, target: 200, percent: 75, actionCode: 'A1' }),
    ]);
    const actions = await as.regione.get<ActionList>(url(plan));
    expect(actions.body.items.map((a) => a.status)).toEqual(['IN_CORSO', 'AVVIATA', 'PROGRAMMATA']);
    expect(actions.body.items[0]!.indicators[0]!.latest).toMatchObject({
      period: '2025',
      value: 150,
      target: 200,
      percent: 75,
    });

    const dup = await as.referente.post<Problem>(murl(plan), { ...body, actionStatuses: [] });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('plans.monitoring.duplicate');

    // a semester of 2026: its year's target applies; it becomes the latest
    const s1 = await as.referente.post<Monitoring>(murl(plan), {
      period: '2026-S1',
      referenceDate: '2026-06-30',
      values: [{ indicatorId, value: 300 }],
    });
    expect(s1.body.items[0]).toMatchObject({ target: 400, percent: 75 });
    const after = await as.anci.get<ActionList>(url(plan));
    expect(after.body.items[0]!.indicators[0]!.latest).toMatchObject({ period: '2026-S1', value: 300, target: 400 });

    for (const a of readers()) {
      const list = await a.get<MonitoringList>(murl(plan));
      expect(list.body.items.map((m) => m.period)).toEqual(['2026-S1', '2025']);
      const one = await a.get<Monitoring>(murl(plan, `/${r.body.id}`));
      expect(one.status).toBe(200);
      expect(one.body.note).toBe('Primo monitoraggio');
    }
    expect((await as.other.get(murl(plan, `/${r.body.id}`))).status).toBe(404);
    const unknown = await as.referente.get<Problem>(murl(plan, `/${plan.id}`));
    expect(unknown.body.code).toBe('plans.monitoring.not_found');

    const audit = await auditRows(t.db, "action = 'plans.monitoring.create' AND entity_id = $1", [r.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      plan: plan.id,
      period: '2025',
      values: 1,
      statuses: ['A1: PROGRAMMATA → IN_CORSO', 'A2: PROGRAMMATA → AVVIATA'],
    });
    // values were reported: the action (and its indicator) stay, even when the plan is editable again
    await t.db.ownerTx((tx) => tx.query("UPDATE plm_plans SET status = 'MONITORATO' WHERE id = $1", [plan.id]));
    const del = await as.referente.request<Problem>('DELETE', url(plan, `/${a1!.id}`));
    expect(del.body.code).toBe('plans.actions.reported');
    const drop = await as.referente.request<Problem>('PUT', url(plan, `/${a1!.id}/indicators`), { indicators: [] });
    expect(drop.body.code).toBe('plans.actions.reported');
  });

  it('refuses a monitoring before implementation, out of the plan’s years, or with another plan’s indicators or actions', async () => {
    const draft = await planWithIndicators('BOZZA');
    const early = await as.referente.post<Problem>(murl(draft.plan), { period: '2025', referenceDate: '2025-12-31' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('plans.state');

    const { plan, indicatorId } = await planWithIndicators();
    const other = await planWithIndicators();
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ period: '2024' }, 'request.invalid', 'body.period'],
      [{ period: '2025-S4' }, 'request.invalid'],
      [{ referenceDate: '31/12/2025' }, 'request.invalid'],
      [{ values: [{ indicatorId: other.indicatorId, value: 3 }] }, 'plans.reference', 'body.values.0.indicatorId'],
      [{ actionStatuses: [{ actionId: other.plan.actions[0]!.id, status: 'AVVIATA' }] }, 'plans.reference'],
      [{ actionStatuses: [{ actionId: plan.actions[0]!.id, status: 'FINITA' }] }, 'request.invalid'],
      [
        {
          values: [
            { indicatorId, value: 1 },
            { indicatorId, value: 2 },
          ],
        },
        'request.invalid',
      ],
    ];
    for (const [over, code, path] of cases) {
      const r = await as.referente.post<Problem>(murl(plan), { period: '2025', referenceDate: '2025-12-31', ...over });
      expect([JSON.stringify(over), r.status, r.body.code]).toEqual([JSON.stringify(over), 400, code]);
      if (path) expect(r.body.errors?.[0]?.path).toBe(path);
    }
    expect(await count('plm_monitorings', plan.id)).toBe(0);
    expect(await count('plm_indicator_values', plan.id)).toBe(0);
    const list = await as.referente.get<ActionList>(url(plan));
    expect(list.body.items.every((a) => a.status === 'PROGRAMMATA')).toBe(true);
    expect(await count('plm_monitoring_actions', plan.id)).toBe(0);
  });

  it('keeps the state every action of the plan was in at the monitoring, changed or not, in the actions’ order', async () => {
    const { plan, indicatorId } = await planWithIndicators();
    const [a1, a2, a3] = plan.actions;
    const r = await as.referente.post<Monitoring>(murl(plan), {
      period: '2025',
      referenceDate: '2025-12-31',
      values: [{ indicatorId, value: 80 }],
      actionStatuses: [{ actionId: a2!.id, status: 'IN_CORSO' }],
    });
    expect(r.status).toBe(201);
    const expected = [
      { actionId: a1!.id, actionCode: 'A1', axis: a1!.axis, priorityAction: 1, status: 'PROGRAMMATA' },
      { actionId: a2!.id, actionCode: 'A2', axis: a2!.axis, priorityAction: 8, status: 'IN_CORSO' },
      { actionId: a3!.id, actionCode: 'A3', axis: a3!.axis, priorityAction: 9, status: 'PROGRAMMATA' },
    ];
    expect(r.body.actions).toEqual(expected.map((e) => ({ ...e, actionTitle: expect.any(String) })));
    for (const a of readers())
      expect((await a.get<Monitoring>(murl(plan, `/${r.body.id}`))).body.actions.map((x) => x.status)).toEqual([
        'PROGRAMMATA',
        'IN_CORSO',
        'PROGRAMMATA',
      ]);
    expect(await count('plm_monitoring_actions', plan.id)).toBe(3);
  });

  it('a later change of an action leaves the states a monitoring recorded as they were; a recorded action stays', async () => {
    const { plan } = await planWithIndicators();
    const [a1, a2, a3] = plan.actions;
    const first = await as.referente.post<Monitoring>(murl(plan), {
      period: '2025',
      referenceDate: '2025-12-31',
      actionStatuses: [{ actionId: a1!.id, status: 'AVVIATA' }],
    });
    expect(first.status).toBe(201);
    // the plan prepares its update: the actions change, one is added
    await t.db.ownerTx((tx) => tx.query("UPDATE plm_plans SET status = 'MONITORATO' WHERE id = $1", [plan.id]));
    const before = await as.referente.get<ActionList>(url(plan));
    const changed = await as.referente.patch<Action>(url(plan, `/${a1!.id}`), {
      status: 'COMPLETATA',
      title: 'Sportello mobile nei campi',
      rowVersion: before.body.items[0]!.rowVersion,
    });
    expect(changed.status).toBe(200);
    const added = await as.referente.post<Action>(url(plan), newAction({ code: 'A4' }));
    expect(added.status).toBe(201);
    // the actions it recorded cannot go (the one added after it can)
    const del = await as.referente.request<Problem>('DELETE', url(plan, `/${a3!.id}`));
    expect([del.status, del.body.code]).toEqual([409, 'plans.actions.reported']);

    const again = await as.regione.get<Monitoring>(murl(plan, `/${first.body.id}`));
    expect(again.body.actions.map((a) => [a.actionCode, a.status])).toEqual([
      ['A1', 'AVVIATA'],
      ['A2', 'PROGRAMMATA'],
      ['A3', 'PROGRAMMATA'],
    ]);
    // the action's words are today's, its state the monitoring's
    expect(again.body.actions[0]!.actionTitle).toBe('Sportello mobile nei campi');

    const second = await as.referente.post<Monitoring>(murl(plan, ''), {
      period: '2026',
      referenceDate: '2026-12-31',
      actionStatuses: [{ actionId: a2!.id, status: 'SOSPESA' }],
    });
    expect(second.body.actions.map((a) => [a.actionCode, a.status])).toEqual([
      ['A1', 'COMPLETATA'],
      ['A2', 'SOSPESA'],
      ['A3', 'PROGRAMMATA'],
      ['A4', 'PROGRAMMATA'],
    ]);
    expect((await as.referente.request('DELETE', url(plan, `/${added.body.id}`))).status).toBe(409);
    expect((await as.anci.get<Monitoring>(murl(plan, `/${first.body.id}`))).body.actions).toHaveLength(3);
  });

  it('an older monitoring (recorded before the states were kept) answers an empty list', async () => {
    const { plan } = await planWithIndicators();
    const r = await as.referente.post<Monitoring>(murl(plan), { period: '2025', referenceDate: '2025-12-31' });
    await t.db.ownerTx((tx) => tx.query('DELETE FROM plm_monitoring_actions WHERE monitoring_id = $1', [r.body.id]));
    const one = await as.mlps.get<Monitoring>(murl(plan, `/${r.body.id}`));
    expect([one.status, one.body.actions]).toEqual([200, []]);
  });

  it('another Comune, another Region and the revisore cannot read the recorded states; no one changes them', async () => {
    const { plan } = await planWithIndicators();
    const r = await as.referente.post<Monitoring>(murl(plan), { period: '2025', referenceDate: '2025-12-31' });
    expect(r.body.actions).toHaveLength(3);
    for (const a of [as.other, as.otherRegione]) expect((await a.get(murl(plan, `/${r.body.id}`))).status).toBe(404);

    // row-level security, as the application role
    const neighbour = await makePlanComune(t.db, { regionCode: comune.region });
    const revisore = await makeUser(t.db, { roles: ['revisore'] });
    const otherRegion = comune.region === '18' ? '12' : '18';
    const seen = (access: Parameters<typeof t.db.tx>[0]) =>
      t.db.tx(access, (tx) =>
        tx.query('SELECT status FROM plm_monitoring_actions WHERE monitoring_id = $1', [r.body.id]),
      );
    const asComune = (istat: string, userId: string) =>
      ({ scope: 'comune', tenant: istat, region: null, userId }) as const;
    expect(await seen(asComune(comune.istat, comune.referente.id))).toHaveLength(3);
    expect(await seen({ scope: 'regione', tenant: null, region: comune.region, userId: null })).toHaveLength(3);
    expect(await seen(asComune(neighbour.istat, neighbour.referente.id))).toHaveLength(0);
    expect(await seen({ scope: 'regione', tenant: null, region: otherRegion, userId: null })).toHaveLength(0);
    expect(await seen({ scope: 'national', tenant: null, region: null, userId: revisore.id })).toHaveLength(0);
    // the neighbour cannot write a state into it; the Comune itself cannot rewrite one (history)
    await expect(
      t.db.tx(asComune(neighbour.istat, neighbour.referente.id), (tx) =>
        tx.query(
          `INSERT INTO plm_monitoring_actions (monitoring_id, action_id, plan_id, comune_istat, region_code, status)
           VALUES ($1, $2, $3, $4, $5, 'COMPLETATA')`,
          [r.body.id, plan.actions[0]!.id, plan.id, comune.istat, comune.region],
        ),
      ),
    ).rejects.toThrow(/row-level security|violates/);
    await expect(
      t.db.tx(asComune(comune.istat, comune.referente.id), (tx) =>
        tx.query("UPDATE plm_monitoring_actions SET status = 'COMPLETATA' WHERE monitoring_id = $1", [r.body.id]),
      ),
    ).rejects.toThrow(/permission denied/);
    expect((await as.referente.get<Monitoring>(murl(plan, `/${r.body.id}`))).body.actions.map((a) => a.status)).toEqual(
      ['PROGRAMMATA', 'PROGRAMMATA', 'PROGRAMMATA'],
    );
  });
});
