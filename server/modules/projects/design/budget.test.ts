/**
 * The budget through the API: a draft's lines replaced at once with the caps shown live, the
 * caps enforced when the project is presented (with the Italian message), the frozen proposed
 * version, MLPS's decision, the lifecycle, and a rimodulazione with its differences by line key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestOrg } from '../../../../tests/support/factories.js';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { assignRevisore, makeCall, makeProject, type TestCall } from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Detail = Schema<'ProjectDetail'>;
type Version = Schema<'ProjectBudgetVersion'>;
type Diff = Schema<'ProjectBudgetDiff'>;
type Problem = {
  code: string;
  status: number;
  detail?: string;
  context?: { checks?: { message: string }[]; missing?: string };
};

let t: TestApp;
let call: TestCall;
let org: TestOrg;
let referente: Agent;
let otherComune: Agent;
let mlps: Agent;
let anci: Agent;

beforeAll(async () => {
  t = await startTestApp();
  call = await makeCall(t.db);
  org = await makeOrg(t.db, { type: 'comune' });
  referente = await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'], org }));
  otherComune = await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'] }));
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
});
afterAll(async () => t.close());

/** 100.000,00 € of direct costs; G1 at `g1` cents; indirect costs at exactly 7%. */
const linesWith = (g1: number) => [
  { categoryCode: 'A1', description: 'Coordinamento', amountCents: 9_000_00 },
  { categoryCode: 'A2', description: 'Mediatori culturali', amountCents: 60_000_00 },
  { categoryCode: 'F', description: 'Servizi di orientamento', amountCents: 31_000_00 },
  { categoryCode: 'G1', description: 'Revisore indipendente', amountCents: g1 },
  { categoryCode: 'IND', description: 'Costi indiretti', amountCents: 7_000_00 },
];

/** A draft project with a general objective and one activity, and its draft budget version. */
async function designedProject(): Promise<{ p: Detail; v: Version }> {
  const p = (
    await referente.post<Detail>('/api/v1/projects', {
      callVersionId: call.versionId,
      title: 'Progetto con budget',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    })
  ).body;
  await referente.post(`/api/v1/projects/${p.id}/logframe`, {
    kind: 'OBIETTIVO_GENERALE',
    code: 'OG',
    text: 'Inclusione',
  });
  await referente.post(`/api/v1/projects/${p.id}/activities`, {
    code: '1',
    title: 'Attività',
    plannedStart: '2025-01-01',
    plannedEnd: '2025-12-31',
  });
  const v = (await referente.get<Version>(`/api/v1/projects/${p.id}/budget-versions/${p.openVersionId}`)).body;
  return { p: (await referente.get<Detail>(`/api/v1/projects/${p.id}`)).body, v };
}

const putLines = (p: Detail, v: Version, lines: unknown[], extra: Record<string, unknown> = {}) =>
  referente.request<Version>('PUT', `/api/v1/projects/${p.id}/budget-versions/${v.id}/lines`, {
    rowVersion: v.rowVersion,
    lines,
    ...extra,
  });

describe('the initial budget', () => {
  let p: Detail;
  let v: Version;
  beforeAll(async () => {
    ({ p, v } = await designedProject());
  });

  it('a draft may break the caps: the answer lists the checks in Italian', async () => {
    const res = await putLines(p, v, linesWith(7_400_00));
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ directCents: 100_000_00, totalCents: 114_400_00 });
    const g1 = res.body.caps.find((c) => c.capId === 'g1')!;
    expect(g1).toMatchObject({ ok: false, actualBp: 740, message: 'G1 Revisore: 7,4% dei costi diretti, massimo 7%' });
    expect(res.body.checksOk).toBe(false);
    expect(res.body.lines.map((l) => l.categoryLabel)).toContain('Revisore indipendente');
    expect(res.body.lines[0]!.partnerName).toBeTruthy();
    expect(res.body.rowVersion).toBe(v.rowVersion + 1);
    expect(await auditRows(t.db, "action = 'projects.budget.save' AND entity_id = $1", [v.id])).toHaveLength(1);
    v = res.body;
  });

  it('a stale row version, an unknown category or a partner outside the project answer 409/400, changing nothing', async () => {
    const stale = await putLines(p, { ...v, rowVersion: v.rowVersion - 1 }, linesWith(7_000_00));
    expect(stale.status).toBe(409);
    expect(stale.body as unknown as Problem).toMatchObject({ code: 'projects.stale' });
    const cat = await putLines(p, v, [{ categoryCode: 'Z', description: 'Voce inesistente', amountCents: 1 }]);
    expect(cat.status).toBe(400);
    const stranger = await makeOrg(t.db, { type: 'terzo_settore' });
    const partner = await putLines(p, v, [
      { categoryCode: 'A2', description: 'Operatori', amountCents: 100, partnerOrgId: stranger.id },
    ]);
    expect(partner.status).toBe(400);
    const neg = await putLines(p, v, [{ categoryCode: 'A2', description: 'Operatori', amountCents: -5 }]);
    expect(neg.status).toBe(400);
    const now = (await referente.get<Version>(`/api/v1/projects/${p.id}/budget-versions/${v.id}`)).body;
    expect(now.lines).toHaveLength(5);
    expect(now.rowVersion).toBe(v.rowVersion);
  });

  it('presenting checks the caps: G1 at 7,4% answers 400 with the Italian message, the project stays a draft', async () => {
    const res = await referente.post<Problem>(`/api/v1/projects/${p.id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('projects.budget.caps');
    expect(res.body.context?.checks?.map((c) => c.message)).toEqual([
      'G1 Revisore: 7,4% dei costi diretti, massimo 7%',
    ]);
    expect((await referente.get<Detail>(`/api/v1/projects/${p.id}`)).body.status).toBe('BOZZA');
  });

  it('presenting needs a general objective and an activity', async () => {
    const bare = (
      await referente.post<Detail>('/api/v1/projects', {
        callVersionId: call.versionId,
        title: 'Progetto vuoto',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      })
    ).body;
    const res = await referente.post<Problem>(`/api/v1/projects/${bare.id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('projects.project.incomplete');
    expect(res.body.context?.missing).toBe('general_objective,activities,budget');
  });

  it('within the caps the project is presented and version 1 proposed; its lines are frozen (409, and in the database)', async () => {
    const fixed = await putLines(p, v, linesWith(7_000_00));
    expect(fixed.body.checksOk).toBe(true);
    expect((await mlps.post<Problem>(`/api/v1/projects/${p.id}/submit`, {})).status).toBe(403);
    const res = await referente.post<Detail>(`/api/v1/projects/${p.id}/submit`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PRESENTATO');
    expect(res.body.budgetVersions[0]).toMatchObject({ status: 'PROPOSTA', totalCents: 114_000_00 });
    const frozen = await putLines(p, fixed.body, linesWith(1_000_00));
    expect(frozen.status).toBe(409);
    expect((frozen.body as unknown as Problem).code).toBe('projects.budget.frozen');
    await expect(
      t.db.ownerTx((tx) =>
        tx.query('UPDATE project_budget_lines SET amount_cents = 1 WHERE budget_version_id = $1', [v.id]),
      ),
    ).rejects.toThrow(/cannot change/);
    expect(await auditRows(t.db, "action = 'projects.project.submit' AND entity_id = $1", [p.id])).toHaveLength(1);
    p = res.body;
  });

  it('only MLPS decides (403 for the Comune and ANCI, 404 for another Comune); a rejection needs a note', async () => {
    const url = `/api/v1/projects/${p.id}/budget-versions/${v.id}/decision`;
    expect((await referente.post<Problem>(url, { decision: 'approve' })).status).toBe(403);
    expect((await anci.post<Problem>(url, { decision: 'approve' })).status).toBe(403);
    expect((await otherComune.post<Problem>(url, { decision: 'approve' })).status).toBe(404);
    expect((await mlps.post<Problem>(url, { decision: 'reject' })).status).toBe(400);
    expect((await mlps.post<Problem>(url, { decision: 'maybe' })).status).toBe(400);
  });

  it('MLPS approves: version 1 in force, the project APPROVATO; then started and closed by the Comune', async () => {
    const res = await mlps.post<Version>(`/api/v1/projects/${p.id}/budget-versions/${v.id}/decision`, {
      decision: 'approve',
      note: 'Conforme',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVATA', decisionNote: 'Conforme' });
    let d = (await referente.get<Detail>(`/api/v1/projects/${p.id}`)).body;
    expect(d).toMatchObject({
      status: 'APPROVATO',
      inForceVersionId: v.id,
      openVersionId: null,
      budgetTotalCents: 114_000_00,
    });
    expect(
      (await mlps.post<Problem>(`/api/v1/projects/${p.id}/budget-versions/${v.id}/decision`, { decision: 'approve' }))
        .status,
    ).toBe(409);
    expect((await referente.post<Problem>(`/api/v1/projects/${p.id}/close`, {})).status).toBe(409);
    const started = await referente.post<Detail>(`/api/v1/projects/${p.id}/start`, { rowVersion: d.rowVersion });
    expect(started.body.status).toBe('IN_CORSO');
    expect((await referente.post<Problem>(`/api/v1/projects/${p.id}/start`, {})).status).toBe(409);
    d = started.body;
    expect(await auditRows(t.db, "action = 'projects.budget.decide' AND entity_id = $1", [v.id])).toHaveLength(1);
    expect((await mlps.post<Problem>(`/api/v1/projects/${p.id}/close`, {})).status).toBe(403);
    const stale = await referente.post<Problem>(`/api/v1/projects/${p.id}/close`, { rowVersion: d.rowVersion - 1 });
    expect(stale.status).toBe(409);
    const closed = await referente.post<Detail>(`/api/v1/projects/${p.id}/close`, { rowVersion: d.rowVersion });
    expect(closed.body.status).toBe('CONCLUSO');
    expect(await auditRows(t.db, "action = 'projects.project.close' AND entity_id = $1", [p.id])).toHaveLength(1);
    // nothing of the design changes any more, not even the progress
    const activity = closed.body.activities[0]!;
    const late = await referente.patch<Problem>(`/api/v1/projects/${p.id}/activities/${activity.id}`, {
      progressPct: 100,
    });
    expect(late.status).toBe(409);
  });
});

describe('a rejected initial budget', () => {
  it('sends the project back to BOZZA with a new draft version copying the lines and their keys', async () => {
    const { p, v } = await designedProject();
    const saved = await putLines(p, v, linesWith(7_000_00));
    await referente.post(`/api/v1/projects/${p.id}/submit`, {});
    const res = await mlps.post<Version>(`/api/v1/projects/${p.id}/budget-versions/${v.id}/decision`, {
      decision: 'reject',
      note: 'Rivedere i costi del personale',
    });
    expect(res.body.status).toBe('RESPINTA');
    const d = (await referente.get<Detail>(`/api/v1/projects/${p.id}`)).body;
    expect(d.status).toBe('BOZZA');
    expect(d.budgetVersions.map((x) => [x.versionNo, x.status, x.kind])).toEqual([
      [1, 'RESPINTA', 'INIZIALE'],
      [2, 'BOZZA', 'INIZIALE'],
    ]);
    const v2 = (await referente.get<Version>(`/api/v1/projects/${p.id}/budget-versions/${d.openVersionId}`)).body;
    expect(v2.lines.map((l) => l.lineKey).sort()).toEqual(saved.body.lines.map((l) => l.lineKey).sort());
  });
});

describe('rimodulazione', () => {
  it('copies the lines in force with their keys, shows the differences, is approved by MLPS and comes into force', async () => {
    const project = await makeProject(t.db, { org, call, status: 'IN_CORSO' });
    const base = `/api/v1/projects/${project.id}/budget-versions`;
    expect((await referente.post<Problem>(base, {})).status).toBe(400);
    expect((await mlps.post<Problem>(base, { reason: 'Spostamento di risorse' })).status).toBe(403);
    const created = await referente.post<Version>(base, { reason: 'Spostamento di risorse verso i tirocini' });
    expect(created.status).toBe(201);
    const r = created.body;
    expect(r).toMatchObject({
      versionNo: 2,
      status: 'BOZZA',
      kind: 'RIMODULAZIONE',
      reason: 'Spostamento di risorse verso i tirocini',
    });
    expect(r.lines.map((l) => l.lineKey).sort()).toEqual(project.lines.map((l) => l.lineKey).sort());
    const again = await referente.post<Problem>(base, { reason: 'Un altra' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('projects.budget.open_version');

    // A2 down by 5.000 €, a new H line of 5.000 €, the petty cash removed (direct costs stay 100.000 €)
    const byCat = (c: string) => r.lines.find((l) => l.categoryCode === c)!;
    const lines = r.lines
      .filter((l) => l.categoryCode !== 'I1')
      .map((l) => ({
        lineKey: l.lineKey,
        categoryCode: l.categoryCode,
        description: l.description,
        amountCents: l.categoryCode === 'A2' ? 55_000_00 : l.categoryCode === 'F' ? 31_000_00 : l.amountCents,
      }));
    lines.push({
      lineKey: undefined as unknown as string,
      categoryCode: 'H',
      description: 'Borse lavoro',
      amountCents: 5_000_00,
    });
    const saved = await referente.request<Version>('PUT', `${base}/${r.id}/lines`, {
      rowVersion: r.rowVersion,
      lines: lines.map(({ lineKey, ...l }) => (lineKey ? { lineKey, ...l } : l)),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.checksOk).toBe(true);
    expect(saved.body.lines.find((l) => l.categoryCode === 'A2')!.lineKey).toBe(byCat('A2').lineKey);

    const diff = await anci.get<Diff>(`${base}/${r.id}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body.fromVersionId).toBe(project.budgetVersionId);
    const change = (c: string) => diff.body.lines.find((l) => l.categoryCode === c)!;
    expect(change('A2')).toMatchObject({ change: 'CHANGED', beforeCents: 60_000_00, afterCents: 55_000_00 });
    expect(change('F')).toMatchObject({ change: 'CHANGED', beforeCents: 30_000_00, afterCents: 31_000_00 });
    expect(change('H')).toMatchObject({ change: 'ADDED', beforeCents: null, afterCents: 5_000_00 });
    expect(change('I1')).toMatchObject({ change: 'REMOVED', beforeCents: 1_000_00, afterCents: null });
    expect(change('G1').change).toBe('UNCHANGED');
    expect(diff.body.categories.find((c) => c.code === 'A')).toMatchObject({
      beforeCents: 69_000_00,
      afterCents: 64_000_00,
    });
    expect(diff.body.totals).toEqual({ beforeCents: 114_000_00, afterCents: 114_000_00 });

    // not decided before it is proposed; proposed, frozen, approved
    expect((await mlps.post<Problem>(`${base}/${r.id}/decision`, { decision: 'approve' })).status).toBe(409);
    const submitted = await referente.post<Version>(`${base}/${r.id}/submit`, { rowVersion: saved.body.rowVersion });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('PROPOSTA');
    const approved = await mlps.post<Version>(`${base}/${r.id}/decision`, { decision: 'approve', note: 'Approvata' });
    expect(approved.body.status).toBe('APPROVATA');
    const d = (await referente.get<Detail>(`/api/v1/projects/${project.id}`)).body;
    expect(d).toMatchObject({
      status: 'IN_CORSO',
      inForceVersionId: r.id,
      openVersionId: null,
      budgetTotalCents: 114_000_00,
    });
    expect(await auditRows(t.db, "action = 'projects.budget.rimodulate' AND entity_id = $1", [r.id])).toHaveLength(1);
    expect(await auditRows(t.db, "action = 'projects.budget.submit' AND entity_id = $1", [r.id])).toHaveLength(1);
  });

  it('a rimodulazione breaking a cap is not proposed; a rejected one leaves the version in force', async () => {
    const project = await makeProject(t.db, { org, call, status: 'APPROVATO' });
    const base = `/api/v1/projects/${project.id}/budget-versions`;
    const r = (await referente.post<Version>(base, { reason: 'Più revisione' })).body;
    const lines = r.lines.map((l) => ({
      lineKey: l.lineKey,
      categoryCode: l.categoryCode,
      description: l.description,
      amountCents: l.categoryCode === 'G1' ? 7_400_00 : l.amountCents,
    }));
    const saved = (
      await referente.request<Version>('PUT', `${base}/${r.id}/lines`, { rowVersion: r.rowVersion, lines })
    ).body;
    const refused = await referente.post<Problem>(`${base}/${r.id}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.context?.checks?.[0]?.message).toBe('G1 Revisore: 7,4% dei costi diretti, massimo 7%');
    lines.find((l) => l.categoryCode === 'G1')!.amountCents = 6_500_00;
    await referente.request('PUT', `${base}/${r.id}/lines`, { rowVersion: saved.rowVersion, lines });
    expect((await referente.post(`${base}/${r.id}/submit`, {})).status).toBe(200);
    const rejected = await mlps.post<Version>(`${base}/${r.id}/decision`, { decision: 'reject', note: 'Non motivata' });
    expect(rejected.body.status).toBe('RESPINTA');
    const d = (await referente.get<Detail>(`/api/v1/projects/${project.id}`)).body;
    expect(d).toMatchObject({ status: 'APPROVATO', inForceVersionId: project.budgetVersionId, openVersionId: null });
  });

  it('not on a draft project; the budget of another Comune is 404; a revisore assigned reads it', async () => {
    const { p } = await designedProject();
    const res = await referente.post<Problem>(`/api/v1/projects/${p.id}/budget-versions`, { reason: 'Troppo presto' });
    expect(res.status).toBe(409);
    const project = await makeProject(t.db, { call });
    const url = `/api/v1/projects/${project.id}/budget-versions/${project.budgetVersionId}`;
    expect((await referente.get<Problem>(url)).status).toBe(404);
    expect(
      (await referente.get<Problem>(`/api/v1/projects/${p.id}/budget-versions/${project.budgetVersionId}`)).status,
    ).toBe(404);
    const { user } = await assignRevisore(t.db, project);
    const rev = await loginAs(t, user);
    const v = await rev.get<Version>(url);
    expect(v.status).toBe(200);
    expect(v.body.caps.every((c) => c.ok)).toBe(true);
    // the version in force against nothing before it: every line added
    const diff = (await rev.get<Diff>(`${url}/diff`)).body;
    expect(diff.fromVersionId).toBeNull();
    expect(diff.lines.every((l) => l.change === 'ADDED')).toBe(true);
  });
});
