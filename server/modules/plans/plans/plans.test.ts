/**
 * A Comune's plan through the API: every route for every role (the referente writes only their own
 * Comune's plan; the Region reads its own Comuni's; ANCI/Cittalia and MLPS read all; another
 * Comune's plan is 404), the state machine with the adoption rules and the versions it freezes, what
 * changed between versions, the resolution (a PDF by content), the context analysis beside the
 * Comune's survey answers and settlements, and the audit rows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { type Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  makeRegionUser,
  type TestPlanComune,
} from '../../../../tests/support/plan-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { makeResultsWave } from '../../../../tests/support/survey-results-factories.js';

type Plan = Schema<'PlanDetail'>;
type PlanPage = Schema<'PlanPage'>;
type Context = Schema<'PlanContext'>;
type Versions = Schema<'PlanVersionList'>;
type Version = Schema<'PlanVersion'>;
type Changes = Schema<'PlanChanges'>;
type Problem = { code: string; context?: { allowed?: { status: string }[] }; errors?: { path: string }[] };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

let t: TestApp;
let comune: TestPlanComune;
let other: TestPlanComune;
let as: {
  referente: Agent;
  otherReferente: Agent;
  regione: Agent;
  otherRegione: Agent;
  anci: Agent;
  mlps: Agent;
  revisore: Agent;
  operatore: Agent;
};
let anciUser: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  comune = await makePlanComune(t.db, { regionCode: '01' });
  other = await makePlanComune(t.db, { regionCode: '18' });
  anciUser = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  as = {
    referente: await loginAs(t, comune.referente),
    otherReferente: await loginAs(t, other.referente),
    regione: await loginAs(t, await makeRegionUser(t.db, '01')),
    otherRegione: await loginAs(t, await makeRegionUser(t.db, '12')),
    anci: await loginAs(t, anciUser),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    revisore: await loginAs(t, await makeUser(t.db, { roles: ['revisore'] })),
    operatore: await loginAs(t, await makeUser(t.db, { roles: ['operatore'], org: comune.org })),
  };
});
afterAll(async () => t.close());

const url = (id: string, rest = '') => `/api/v1/plans/${id}${rest}`;
const owner = <T>(sql: string, params: unknown[] = []) => t.db.ownerTx((tx) => tx.query<T>(sql, params));
const addAction = (planId: string, c: TestPlanComune, code = 'A1', budget = 1_000_000) =>
  owner(
    `INSERT INTO plm_actions (id, plan_id, comune_istat, region_code, code, title, axis, priority_action, budget_cents,
                              status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'Sportello informativo', 'PREVENZIONE', 7, $6, 'PROGRAMMATA', now(), now())`,
    [randomUUID(), planId, c.istat, c.region, code, budget],
  );

describe('creating and reading a plan', () => {
  let planId: string;

  it('the referente starts their Comune plan (AVVIO with its first event); a second is refused', async () => {
    const res = await as.referente.post<Plan>('/api/v1/plans', {
      title: 'Piano locale di Esempio',
      periodFrom: 2025,
      periodTo: 2027,
    });
    expect(res.status).toBe(201);
    planId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'AVVIO',
      comuneIstat: comune.istat,
      canEdit: true,
      allowedSteps: ['ANALISI_CONTESTO'],
      rowVersion: 1,
      actions: 0,
    });
    expect(res.body.events).toEqual([
      expect.objectContaining({ from: null, to: 'AVVIO', by: expect.stringContaining('referente') }),
    ]);
    expect((await auditRows(t.db, "action = 'plans.plan.create'")).map((r) => r.entity_id)).toContain(planId);
    const again = await as.referente.post<Problem>('/api/v1/plans', {
      title: 'Altro',
      periodFrom: 2025,
      periodTo: 2026,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('plans.plans.exists');
  });

  it('refuses bad input (400) and every role but the referente (403)', async () => {
    const bad = await as.otherReferente.post<Problem>('/api/v1/plans', {
      title: 'Piano',
      periodFrom: 2027,
      periodTo: 2025,
    });
    expect(bad.status).toBe(400);
    const long = await as.otherReferente.post<Problem>('/api/v1/plans', {
      title: 'Piano',
      periodFrom: 2020,
      periodTo: 2035,
    });
    expect(long.status).toBe(400);
    for (const a of [as.regione, as.anci, as.mlps, as.revisore, as.operatore])
      expect((await a.post('/api/v1/plans', { title: 'Piano', periodFrom: 2025, periodTo: 2026 })).status).toBe(403);
    const [n] = await owner<{ n: number }>('SELECT count(*)::int AS n FROM plm_plans WHERE comune_istat = $1', [
      other.istat,
    ]);
    expect(n!.n).toBe(0);
  });

  it('reads: the Comune, its Region, ANCI, MLPS; another Comune and another Region 404; no role 403', async () => {
    for (const a of [as.regione, as.anci, as.mlps]) {
      const r = await a.get<Plan>(url(planId));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ canEdit: false, allowedSteps: [] });
    }
    expect((await as.otherReferente.get(url(planId))).status).toBe(404);
    expect((await as.otherRegione.get(url(planId))).status).toBe(404);
    expect((await as.revisore.get(url(planId))).status).toBe(403);
    expect((await as.operatore.get(url(planId))).status).toBe(403);
  });

  it('lists the plans in reach with filters', async () => {
    const otherPlan = await makePlan(t.db, { comune: other, status: 'ADOTTATO', title: 'Piano di Esempio calabrese' });
    const mine = await as.referente.get<PlanPage>('/api/v1/plans');
    expect(mine.body.items.map((p) => p.id)).toEqual([planId]);
    const region = await as.regione.get<PlanPage>('/api/v1/plans');
    expect(region.body.items.map((p) => p.id)).toContain(planId);
    expect(region.body.items.map((p) => p.id)).not.toContain(otherPlan.id);
    const national = await as.mlps.get<PlanPage>('/api/v1/plans?region=18&status=ADOTTATO');
    expect(national.body.items.map((p) => p.id)).toContain(otherPlan.id);
    expect(national.body.items.every((p) => p.regionCode === '18' && p.status === 'ADOTTATO')).toBe(true);
    const found = national.body.items.find((p) => p.id === otherPlan.id)!;
    expect(found).toMatchObject({ actions: 3, adoptionDate: '2025-03-14', periodFrom: 2025, periodTo: 2027 });
    expect(found.comuneName.length).toBeGreaterThan(1);
    expect(found.regionName).toBe('Calabria');
    const q = await as.anci.get<PlanPage>(`/api/v1/plans?q=${encodeURIComponent('calabrese')}`);
    expect(q.body.items.map((p) => p.id)).toEqual([otherPlan.id]);
    expect((await as.revisore.get('/api/v1/plans')).status).toBe(403);
    expect((await as.mlps.get('/api/v1/plans?status=NOPE')).status).toBe(400);
  });

  it('changes the header with the row version; others 403/404; stale 409', async () => {
    const res = await as.referente.patch<Plan>(url(planId), { rowVersion: 1, title: 'Piano locale aggiornato' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Piano locale aggiornato', rowVersion: 2 });
    expect((await as.referente.patch<Problem>(url(planId), { rowVersion: 1, title: 'Vecchio' })).body.code).toBe(
      'plans.stale',
    );
    expect((await as.referente.patch(url(planId), { rowVersion: 2, periodTo: 2040 })).status).toBe(400);
    expect((await as.regione.patch(url(planId), { rowVersion: 2, title: 'Regione' })).status).toBe(403);
    expect((await as.anci.patch(url(planId), { rowVersion: 2, title: 'Anci' })).status).toBe(403);
    expect((await as.otherReferente.patch(url(planId), { rowVersion: 2, title: 'Altro' })).status).toBe(404);
    expect((await as.referente.get<Plan>(url(planId))).body.title).toBe('Piano locale aggiornato');
    expect(await auditRows(t.db, "action = 'plans.plan.update' AND entity_id = $1", [planId])).toHaveLength(1);
  });
});

describe('the state machine, the adoption act and the versions', () => {
  it('walks to BOZZA, refuses a wrong step with the allowed ones, adopts with act and action', async () => {
    const c = await makePlanComune(t.db, { regionCode: '01' });
    const a = await loginAs(t, c.referente);
    let plan = (await a.post<Plan>('/api/v1/plans', { title: 'Piano in cammino', periodFrom: 2025, periodTo: 2027 }))
      .body;
    const step = (to: string, rowVersion = plan.rowVersion, note?: string) =>
      a.post<Plan & Problem>(url(plan.id, '/transitions'), { to, rowVersion, ...(note ? { note } : {}) });

    const wrong = await step('BOZZA');
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('plans.state');
    expect(wrong.body.context?.allowed).toEqual([{ status: 'ANALISI_CONTESTO' }]);
    expect(
      (await as.regione.post(url(plan.id, '/transitions'), { to: 'ANALISI_CONTESTO', rowVersion: 1 })).status,
    ).toBe(403);
    expect(
      (await as.otherRegione.post(url(plan.id, '/transitions'), { to: 'ANALISI_CONTESTO', rowVersion: 1 })).status,
    ).toBe(404);
    for (const to of ['ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA']) {
      const r = await step(to);
      expect(r.status).toBe(200);
      plan = r.body;
    }
    expect(plan.allowedSteps).toEqual(['ADOTTATO', 'TAVOLI_TEMATICI']);
    expect((await step('ADOTTATO', 1)).body.code).toBe('plans.stale');

    // no act yet
    expect((await step('ADOTTATO')).body.code).toBe('plans.plans.adoption_missing');
    // the act: a date in the future is refused
    const future = await a.request<Problem>('PUT', url(plan.id, '/adoption'), {
      organ: 'GIUNTA',
      number: '45',
      date: '2999-01-01',
      rowVersion: plan.rowVersion,
    });
    expect(future.status).toBe(400);
    expect(
      (
        await a.request('PUT', url(plan.id, '/adoption'), {
          organ: 'SINDACO',
          number: '1',
          date: '2025-01-01',
          rowVersion: plan.rowVersion,
        })
      ).status,
    ).toBe(400);
    const act = await a.request<Plan>('PUT', url(plan.id, '/adoption'), {
      organ: 'GIUNTA',
      number: '45',
      date: '2025-02-10',
      rowVersion: plan.rowVersion,
    });
    expect(act.status).toBe(200);
    expect(act.body.adoption).toMatchObject({ organ: 'GIUNTA', number: '45', date: '2025-02-10', document: null });
    plan = act.body;
    // no action yet
    expect((await step('ADOTTATO')).body.code).toBe('plans.plans.no_actions');
    await addAction(plan.id, c, 'A1', 1_000_000);

    const adopted = await step('ADOTTATO', plan.rowVersion, 'Delibera di Giunta n. 45');
    expect(adopted.status).toBe(200);
    plan = adopted.body;
    expect(plan).toMatchObject({ status: 'ADOTTATO', versionNo: 1, allowedSteps: ['IN_ATTUAZIONE'] });
    expect(plan.events.map((e) => e.to)).toEqual(['AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA', 'ADOTTATO']);
    expect(plan.events.at(-1)).toMatchObject({
      from: 'BOZZA',
      by: expect.stringContaining('referente'),
      note: 'Delibera di Giunta n. 45',
    });
    // the act is frozen now
    expect(
      (
        await a.request<Problem>('PUT', url(plan.id, '/adoption'), {
          organ: 'CONSIGLIO',
          number: '2',
          date: '2025-02-11',
          rowVersion: plan.rowVersion,
        })
      ).body.code,
    ).toBe('plans.state');

    const v1 = await a.get<Version>(url(plan.id, '/versions/1'));
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({
      no: 1,
      reason: 'ADOZIONE',
      actions: 1,
      createdBy: expect.stringContaining('referente'),
    });
    expect(v1.body.snapshot.header).toMatchObject({ adoptionOrgan: 'GIUNTA', adoptionNumber: '45' });
    expect(v1.body.snapshot.actions[0]).toMatchObject({ code: 'A1', budgetCents: 1_000_000 });

    // implementation, monitoring (needs one), update (version 2)
    plan = (await step('IN_ATTUAZIONE')).body;
    expect((await step('MONITORATO')).body.code).toBe('plans.plans.no_monitoring');
    await owner(
      `INSERT INTO plm_monitorings (id, plan_id, comune_istat, region_code, period, reference_date, created_by, created_at)
       VALUES ($1, $2, $3, $4, '2025', '2025-12-31', $5, now())`,
      [randomUUID(), plan.id, c.istat, c.region, c.referente.id],
    );
    plan = (await step('MONITORATO')).body;
    expect(plan.status).toBe('MONITORATO');
    await owner(`UPDATE plm_actions SET budget_cents = 1250000 WHERE plan_id = $1`, [plan.id]);
    await addAction(plan.id, c, 'A2', 500_000);
    const updated = await step('AGGIORNATO', plan.rowVersion, 'Aggiornamento dopo il monitoraggio');
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'AGGIORNATO', versionNo: 2 });

    const list = await as.regione.get<Versions>(url(plan.id, '/versions'));
    expect(list.body.currentVersionNo).toBe(2);
    expect(list.body.items.map((v) => [v.no, v.reason])).toEqual([
      [2, 'AGGIORNAMENTO'],
      [1, 'ADOZIONE'],
    ]);
    const changes = await as.anci.get<Changes>(url(plan.id, '/versions/2/changes'));
    expect(changes.status).toBe(200);
    expect(changes.body.from.no).toBe(1);
    expect(changes.body.to.no).toBe(2);
    expect(changes.body.actions).toEqual([
      expect.objectContaining({
        code: 'A1',
        change: 'CHANGED',
        fields: [{ field: 'budgetCents', period: null, before: 1_000_000, after: 1_250_000 }],
      }),
      expect.objectContaining({ code: 'A2', change: 'ADDED' }),
    ]);
    // against the plan as it is now: nothing changed since version 2
    const now = await a.get<Changes>(url(plan.id, '/versions/2/changes?against=current'));
    expect(now.body).toMatchObject({ to: { no: null, label: 'current' }, header: [], actions: [] });
    // the other way round reads older → newer too
    expect((await a.get<Changes>(url(plan.id, '/versions/1/changes?against=2'))).body.actions).toHaveLength(2);
    expect((await a.get<Problem>(url(plan.id, '/versions/9'))).body.code).toBe('plans.plans.version_not_found');
    expect((await a.get(url(plan.id, '/versions/1/changes?against=9'))).status).toBe(404);
    expect((await as.otherReferente.get(url(plan.id, '/versions'))).status).toBe(404);
    expect((await as.revisore.get(url(plan.id, '/versions'))).status).toBe(403);
    expect(await auditRows(t.db, "action = 'plans.plan.transition' AND entity_id = $1", [plan.id])).toHaveLength(7);
  });
});

describe('the adoption resolution', () => {
  it('takes a PDF, refuses a disguised file, replaces, downloads with an audit row', async () => {
    const p = await makePlan(t.db, { status: 'BOZZA' });
    const a = await loginAs(t, p.comune.referente);
    const disguised = await a.post<Problem>(url(p.id, '/adoption/document'), {
      filename: 'delibera.pdf',
      content: b64(Buffer.from('MZ this is not a pdf at all')),
    });
    expect(disguised.status).toBe(400);
    expect(disguised.body.code).toBe('plans.document.refused');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(
      (await a.post<Problem>(url(p.id, '/adoption/document'), { filename: 'x.png', content: b64(png) })).body.code,
    ).toBe('plans.document.refused');
    const [none] = await owner<{ n: number }>('SELECT count(*)::int AS n FROM plm_documents WHERE plan_id = $1', [
      p.id,
    ]);
    expect(none!.n).toBe(0);
    expect((await a.get(url(p.id, '/adoption/document'))).status).toBe(404);

    const up = await a.post<Plan>(url(p.id, '/adoption/document'), {
      filename: 'delibera-giunta.pdf',
      content: b64(PDF),
    });
    expect(up.status).toBe(201);
    expect(up.body.adoption.document).toMatchObject({
      kind: 'DELIBERA',
      fileName: 'delibera-giunta.pdf',
      mediaType: 'application/pdf',
    });
    const again = await a.post<Plan>(url(p.id, '/adoption/document'), {
      filename: 'delibera-2.pdf',
      content: b64(PDF),
    });
    expect(again.body.adoption.document!.fileName).toBe('delibera-2.pdf');
    expect(again.body.documents).toHaveLength(1);

    const regione = await loginAs(t, await makeRegionUser(t.db, p.comune.region));
    const dl = await regione.get<string>(url(p.id, '/adoption/document'));
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.raw.rawPayload.equals(PDF)).toBe(true);
    expect((await regione.post(url(p.id, '/adoption/document'), { filename: 'x.pdf', content: b64(PDF) })).status).toBe(
      403,
    );
    expect((await as.otherReferente.get(url(p.id, '/adoption/document'))).status).toBe(404);
    expect(
      await auditRows(t.db, "action = 'plans.document.read' AND entity_id = $1", [again.body.adoption.document!.id]),
    ).toHaveLength(1);
    expect(await auditRows(t.db, "action = 'plans.plan.adoption_document' AND entity_id = $1", [p.id])).toHaveLength(2);
  });
});

describe('the context analysis', () => {
  it('shows the text beside the Comune own answers and settlements, to whom RLS lets see them', async () => {
    const p = await makePlan(t.db, {
      status: 'ANALISI_CONTESTO',
      comune: await makePlanComune(t.db, { regionCode: '01' }),
    });
    const a = await loginAs(t, p.comune.referente);
    const empty = await a.get<Context>(url(p.id, '/context'));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ text: null, survey: null, settlements: null, canEdit: true });

    await makeResultsWave(t.db, anciUser.id, [
      {
        istat: p.comune.istat,
        status: 'validato',
        answers: {
          presenza: 'si',
          settori: 'agri edil',
          addetti: 4,
          lavoratori: { min: 120, max: 180, quality: 'stima' },
          note: 'testo libero non mostrato',
          insediamenti: [
            {
              ins_tipo: 'informale',
              ins_tipologia_informale: 'casolari',
              ins_persone: { min: 3, max: 7 },
              ins_localita: 'Località Esempio',
            },
          ],
        },
      },
      { istat: other.istat, status: 'validato', answers: { presenza: 'no' } },
    ]);
    const mine = await a.get<Context>(url(p.id, '/context'));
    expect(mine.body.survey?.waveTitle).toBe('Rilevazione di prova');
    const byName = Object.fromEntries(mine.body.survey!.answers.map((x) => [x.name, x]));
    expect(byName.presenza?.choices).toEqual([{ code: 'si', label: { it: 'Sì' } }]);
    expect(byName.settori?.choices?.map((c) => c.label.it)).toEqual(['Agricoltura', 'Edilizia']);
    expect(byName.addetti?.number).toBe(4);
    expect(byName.lavoratori?.range).toEqual({ min: 120, max: 180, quality: 'stima' });
    expect(byName.note).toBeUndefined();
    expect(mine.body.settlements?.items).toEqual([
      expect.objectContaining({
        entry: 1,
        type: 'informale',
        kind: 'casolari',
        place: 'Località Esempio',
        persons: { min: 3, max: 7, quality: null },
      }),
    ]);
    // the Region reads them with its reach, persons controlled and no place name
    const regione = await loginAs(t, await makeRegionUser(t.db, p.comune.region));
    const seen = await regione.get<Context>(url(p.id, '/context'));
    expect(seen.body.canEdit).toBe(false);
    expect(seen.body.settlements?.items[0]).toMatchObject({ place: null, persons: { min: '<10', max: '<10' } });
    expect(seen.body.survey?.answers.length).toBe(mine.body.survey!.answers.length);

    const put = await a.request<Context>('PUT', url(p.id, '/context'), { text: 'Analisi di esempio', rowVersion: 1 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ text: 'Analisi di esempio', rowVersion: 2 });
    expect((await a.request<Problem>('PUT', url(p.id, '/context'), { text: 'x', rowVersion: 1 })).body.code).toBe(
      'plans.stale',
    );
    expect((await regione.request('PUT', url(p.id, '/context'), { text: 'x', rowVersion: 2 })).status).toBe(403);
    expect((await as.otherReferente.get(url(p.id, '/context'))).status).toBe(404);
    expect(await auditRows(t.db, "action = 'plans.plan.context' AND entity_id = $1", [p.id])).toHaveLength(1);
  });
});
