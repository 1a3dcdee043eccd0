/**
 * The design of a project through the API: creation by the lead Comune's staff with the CUP
 * checked, what each role reads (a Comune its own, a Regione its own Comuni's, the national bodies
 * all, a revisore the assigned), changes with optimistic concurrency, the logical framework, the
 * activities and the indicators with their targets, every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestOrg } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { assignRevisore, makeCall, makeProject, type TestCall } from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Detail = Schema<'ProjectDetail'>;
type Page = Schema<'ProjectPage'>;
type Problem = { code: string; status: number; context?: Record<string, unknown>; errors?: { path: string }[] };

let t: TestApp;
let call: TestCall;
let org: TestOrg;
let referente: Agent;
let amministrativo: Agent;
let otherComune: Agent;
let mlps: Agent;
let anci: Agent;
let regione: Agent;
let otherRegione: Agent;

/** The Regione organisation of a region (one per region), made when missing. */
async function regioneOrg(regionCode: string): Promise<TestOrg> {
  const [row] = await t.db.ownerTx((tx) =>
    tx.query<{ id: string }>("SELECT id FROM organisations WHERE type = 'regione' AND region_code = $1", [regionCode]),
  );
  if (row) return { id: row.id, type: 'regione', comuneIstat: null, regionCode };
  return makeOrg(t.db, { type: 'regione', regionCode });
}

const regionOf = async (istat: string) =>
  (
    await t.db.ownerTx((tx) =>
      tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [istat]),
    )
  )[0]!.region_code;

beforeAll(async () => {
  t = await startTestApp();
  call = await makeCall(t.db);
  org = await makeOrg(t.db, { type: 'comune' });
  referente = await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'], org }));
  amministrativo = await loginAs(t, await makeUser(t.db, { roles: ['responsabile_amministrativo'], org }));
  otherComune = await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'] }));
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  const region = await regionOf(org.comuneIstat!);
  regione = await loginAs(t, await makeUser(t.db, { roles: ['regione'], org: await regioneOrg(region) }));
  const [other] = await t.db.ownerTx((tx) =>
    tx.query<{ code: string }>('SELECT code FROM regions WHERE code <> $1 ORDER BY code LIMIT 1', [region]),
  );
  otherRegione = await loginAs(t, await makeUser(t.db, { roles: ['regione'], org: await regioneOrg(other!.code) }));
});
afterAll(async () => t.close());

const newProject = (over: Record<string, unknown> = {}) => ({
  callVersionId: call.versionId,
  title: 'Percorsi di inclusione lavorativa',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  ...over,
});

let cupSeq = 10;
const freshCup = () => `E${++cupSeq}B25000${String(Date.now()).slice(-6)}`;

describe('creating a project', () => {
  it('answers 401 without a session and 403 to a role that does not design', async () => {
    expect((await new Agent(t.app).post('/api/v1/projects', newProject())).status).toBe(401);
    const res = await mlps.post<Problem>('/api/v1/projects', newProject());
    expect(res.status).toBe(403);
    expect((await anci.post<Problem>('/api/v1/projects', newProject())).status).toBe(403);
  });

  it("creates a draft of the actor's Comune with budget version 1 as a draft, audited", async () => {
    const cup = freshCup();
    const res = await referente.post<Detail>(
      '/api/v1/projects',
      newProject({ cup: cup.toLowerCase(), acronym: 'PIL' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'BOZZA',
      cup,
      comuneIstat: org.comuneIstat,
      leadOrgId: org.id,
      callTitle: 'Avviso di prova',
      canEdit: true,
      canDecide: false,
      budgetTotalCents: null,
      inForceVersionId: null,
    });
    expect(res.body.budgetVersions).toHaveLength(1);
    expect(res.body.budgetVersions[0]).toMatchObject({ versionNo: 1, status: 'BOZZA', kind: 'INIZIALE' });
    expect(res.body.openVersionId).toBe(res.body.budgetVersions[0]!.id);
    expect(res.body.rules.caps.map((c) => c.id)).toContain('g1');
    const audit = await auditRows(t.db, "action = 'projects.project.create' AND entity_id = $1", [res.body.id]);
    expect(audit).toHaveLength(1);
  });

  it('offers the latest published version of each call', async () => {
    const res = await referente.get<Schema<'ProjectCallOptions'>>('/api/v1/project-call-options');
    expect(res.status).toBe(200);
    expect(res.body.items.find((c) => c.callId === call.callId)).toMatchObject({
      callVersionId: call.versionId,
      titleIt: 'Avviso di prova',
      eligibilityFrom: '2025-01-01',
      eligibilityTo: '2027-06-30',
    });
    expect((await new Agent(t.app).get('/api/v1/project-call-options')).status).toBe(401);
  });

  it('refuses a CUP of the wrong shape (400) and one already used by any Comune (409), changing nothing', async () => {
    const bad = await referente.post<Problem>('/api/v1/projects', newProject({ cup: 'E12B2500000' }));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('projects.cup.invalid');
    const elsewhere = await makeProject(t.db, { cup: freshCup() });
    const [taken] = await t.db.ownerTx((tx) =>
      tx.query<{ cup: string }>('SELECT cup FROM projects WHERE id = $1', [elsewhere.id]),
    );
    const before = await t.db.ownerTx((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM projects'));
    const dup = await referente.post<Problem>('/api/v1/projects', newProject({ cup: taken!.cup }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('projects.cup.duplicate');
    const after = await t.db.ownerTx((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM projects'));
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses an unpublished call version, reversed dates, unknown partners', async () => {
    const draft = await makeCall(t.db);
    // a second version of the call, not published
    const unpublished = crypto.randomUUID();
    await t.db.ownerTx((tx) =>
      tx.query(
        `INSERT INTO project_call_versions (id, call_id, version_no, rules, created_at) VALUES ($1, $2, 2, $3, now())`,
        [unpublished, draft.callId, JSON.stringify(draft.rules)],
      ),
    );
    const res = await referente.post<Problem>('/api/v1/projects', newProject({ callVersionId: unpublished }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe('callVersionId');
    expect(
      (
        await referente.post<Problem>(
          '/api/v1/projects',
          newProject({ startDate: '2026-01-01', endDate: '2025-01-01' }),
        )
      ).status,
    ).toBe(400);
    const partner = await referente.post<Problem>(
      '/api/v1/projects',
      newProject({ partners: [{ organisationId: crypto.randomUUID(), role: 'PARTNER' }] }),
    );
    expect(partner.status).toBe(400);
  });
});

describe('who reads which project', () => {
  let mine: Detail;
  let theirs: string;
  beforeAll(async () => {
    mine = (
      await amministrativo.post<Detail>('/api/v1/projects', newProject({ title: 'Casa e lavoro', cup: freshCup() }))
    ).body;
    theirs = (await makeProject(t.db, { title: 'Progetto di un altro Comune' })).id;
  });

  it('a Comune lists and opens only its own projects; another Comune gets 404', async () => {
    const list = await referente.get<Page>('/api/v1/projects?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.every((p) => p.comuneIstat === org.comuneIstat)).toBe(true);
    expect(list.body.items.map((p) => p.id)).toContain(mine.id);
    expect(list.body.items.map((p) => p.id)).not.toContain(theirs);
    expect((await referente.get<Problem>(`/api/v1/projects/${theirs}`)).status).toBe(404);
    expect((await otherComune.get<Problem>(`/api/v1/projects/${mine.id}`)).status).toBe(404);
    const patch = await otherComune.patch<Problem>(`/api/v1/projects/${mine.id}`, { rowVersion: 1, title: 'Altro' });
    expect(patch.status).toBe(404);
  });

  it("a Regione reads its own Comuni's projects only", async () => {
    const own = await regione.get<Page>('/api/v1/projects?pageSize=100');
    expect(own.body.items.map((p) => p.id)).toContain(mine.id);
    expect((await regione.get<Detail>(`/api/v1/projects/${mine.id}`)).body.canEdit).toBe(false);
    expect((await otherRegione.get<Problem>(`/api/v1/projects/${mine.id}`)).status).toBe(404);
    expect((await otherRegione.get<Page>('/api/v1/projects?pageSize=100')).body.items.map((p) => p.id)).not.toContain(
      mine.id,
    );
    expect((await regione.patch<Problem>(`/api/v1/projects/${mine.id}`, { rowVersion: 1 })).status).toBe(403);
  });

  it('MLPS and ANCI/Cittalia read every project but cannot change the design (403)', async () => {
    const list = await mlps.get<Page>(`/api/v1/projects?q=${encodeURIComponent(mine.cup!)}`);
    expect(list.body.items.map((p) => p.id)).toEqual([mine.id]);
    expect(list.body.items[0]).toMatchObject({ comuneName: expect.any(String), regionName: expect.any(String) });
    const d = await anci.get<Detail>(`/api/v1/projects/${mine.id}`);
    expect(d.status).toBe(200);
    expect(d.body.canEdit).toBe(false);
    expect((await mlps.get<Detail>(`/api/v1/projects/${mine.id}`)).body.canDecide).toBe(true);
    const patch = await mlps.patch<Problem>(`/api/v1/projects/${mine.id}`, { rowVersion: 1, title: 'Titolo nuovo' });
    expect(patch.status).toBe(403);
    const lf = await mlps.post<Problem>(`/api/v1/projects/${mine.id}/logframe`, {
      kind: 'OBIETTIVO_GENERALE',
      code: 'OG',
      text: 'Obiettivo',
    });
    expect(lf.status).toBe(403);
  });

  it('a revisore reads only the projects assigned to them', async () => {
    const assigned = await makeProject(t.db);
    const { user } = await assignRevisore(t.db, assigned);
    const rev = await loginAs(t, user);
    const list = await rev.get<Page>('/api/v1/projects?pageSize=100');
    expect(list.body.items.map((p) => p.id)).toEqual([assigned.id]);
    expect((await rev.get<Detail>(`/api/v1/projects/${assigned.id}`)).status).toBe(200);
    expect((await rev.get<Problem>(`/api/v1/projects/${mine.id}`)).status).toBe(404);
  });

  it('filters by status, call and Comune, paginated', async () => {
    const byCall = await mlps.get<Page>(`/api/v1/projects?callId=${call.callId}&status=BOZZA&pageSize=1`);
    expect(byCall.body.pageSize).toBe(1);
    expect(byCall.body.items).toHaveLength(1);
    expect(byCall.body.total).toBeGreaterThanOrEqual(2);
    const byComune = await mlps.get<Page>(`/api/v1/projects?comune=${org.comuneIstat}&pageSize=100`);
    expect(byComune.body.items.every((p) => p.comuneIstat === org.comuneIstat)).toBe(true);
    expect((await mlps.get<Problem>('/api/v1/projects?status=ALTRO')).status).toBe(400);
  });
});

describe('changing a project', () => {
  let p: Detail;
  beforeAll(async () => {
    p = (await referente.post<Detail>('/api/v1/projects', newProject({ title: 'Da modificare' }))).body;
  });

  it('changes the header with the row version read, audited; a stale row version answers 409', async () => {
    const res = await referente.patch<Detail>(`/api/v1/projects/${p.id}`, {
      rowVersion: p.rowVersion,
      title: 'Titolo aggiornato',
      summary: 'Sintesi',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Titolo aggiornato', summary: 'Sintesi', rowVersion: p.rowVersion + 1 });
    const stale = await amministrativo.patch<Problem>(`/api/v1/projects/${p.id}`, {
      rowVersion: p.rowVersion,
      title: 'Altro titolo',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('projects.stale');
    expect(await auditRows(t.db, "action = 'projects.project.update' AND entity_id = $1", [p.id])).toHaveLength(1);
    p = res.body;
  });

  it('refuses reversed dates and a bad CUP', async () => {
    const r1 = await referente.patch<Problem>(`/api/v1/projects/${p.id}`, {
      rowVersion: p.rowVersion,
      endDate: '2024-01-01',
    });
    expect(r1.status).toBe(400);
    const r2 = await referente.patch<Problem>(`/api/v1/projects/${p.id}`, { rowVersion: p.rowVersion, cup: 'XX' });
    expect(r2.body.code).toBe('projects.cup.invalid');
  });

  it('replaces the partners with organisations of the registry', async () => {
    const partner = await makeOrg(t.db, { type: 'terzo_settore' });
    const res = await referente.request<Detail>('PUT', `/api/v1/projects/${p.id}/partners`, {
      partners: [{ organisationId: partner.id, role: 'ENTE_ATTUATORE' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.partners).toEqual([
      { organisationId: partner.id, name: expect.any(String), type: 'terzo_settore', role: 'ENTE_ATTUATORE' },
    ]);
    const lead = await referente.request<Problem>('PUT', `/api/v1/projects/${p.id}/partners`, {
      partners: [{ organisationId: org.id, role: 'PARTNER' }],
    });
    expect(lead.status).toBe(400);
  });

  it('only the title and dates of a draft: an approved project keeps them (409) but takes a CUP', async () => {
    const approved = await makeProject(t.db, { org, call, status: 'APPROVATO', cup: null });
    const d = (await referente.get<Detail>(`/api/v1/projects/${approved.id}`)).body;
    const title = await referente.patch<Problem>(`/api/v1/projects/${approved.id}`, {
      rowVersion: d.rowVersion,
      title: 'Nuovo titolo',
    });
    expect(title.status).toBe(409);
    expect(title.body.code).toBe('projects.state');
    const cup = freshCup();
    const ok = await referente.patch<Detail>(`/api/v1/projects/${approved.id}`, { rowVersion: d.rowVersion, cup });
    expect(ok.status).toBe(200);
    expect(ok.body.cup).toBe(cup);
  });
});

describe('logical framework, activities and indicators', () => {
  let p: Detail;
  const url = () => `/api/v1/projects/${p.id}`;
  beforeAll(async () => {
    p = (await referente.post<Detail>('/api/v1/projects', newProject({ title: 'Quadro logico' }))).body;
  });

  it('builds the tree: one general objective, specific objectives under it, results under those', async () => {
    let r = await referente.post<Detail>(`${url()}/logframe`, {
      kind: 'OBIETTIVO_GENERALE',
      code: 'OG',
      text: "Favorire l'inclusione socio-lavorativa",
    });
    expect(r.status).toBe(200);
    const og = r.body.logframe[0]!;
    r = await referente.post<Detail>(`${url()}/logframe`, {
      kind: 'OBIETTIVO_SPECIFICO',
      parentId: og.id,
      code: 'OS1',
      text: 'Orientamento al lavoro',
    });
    const os = r.body.logframe.find((i) => i.code === 'OS1')!;
    expect(os.parentId).toBe(og.id);
    r = await referente.post<Detail>(`${url()}/logframe`, {
      kind: 'RISULTATO',
      parentId: os.id,
      code: 'R1.1',
      text: '100 persone orientate',
    });
    expect(r.body.logframe.map((i) => i.code)).toEqual(['OG', 'OS1', 'R1.1']);
    const second = await referente.post<Problem>(`${url()}/logframe`, {
      kind: 'OBIETTIVO_GENERALE',
      code: 'OG2',
      text: 'Altro',
    });
    expect(second.status).toBe(400);
    const wrongParent = await referente.post<Problem>(`${url()}/logframe`, {
      kind: 'RISULTATO',
      parentId: og.id,
      code: 'R9',
      text: 'Sotto il generale',
    });
    expect(wrongParent.status).toBe(400);
    const inUse = await referente.request<Problem>('DELETE', `${url()}/logframe/${og.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('projects.item.in_use');
    const edit = await referente.patch<Detail>(`${url()}/logframe/${os.id}`, { text: 'Orientamento e formazione' });
    expect(edit.body.logframe.find((i) => i.id === os.id)!.text).toBe('Orientamento e formazione');
    expect((await referente.patch<Problem>(`${url()}/logframe/${crypto.randomUUID()}`, { text: 'x y' })).status).toBe(
      404,
    );
    p = edit.body;
  });

  it('adds activities in WBS order within the project dates, linked to a result', async () => {
    const result = p.logframe.find((i) => i.kind === 'RISULTATO')!;
    let r = await referente.post<Detail>(`${url()}/activities`, {
      code: '1',
      title: 'Presa in carico',
      plannedStart: '2025-01-01',
      plannedEnd: '2025-06-30',
    });
    expect(r.status).toBe(200);
    const wp = r.body.activities[0]!;
    r = await referente.post<Detail>(`${url()}/activities`, {
      code: '1.2',
      parentId: wp.id,
      resultId: result.id,
      title: 'Bilancio di competenze',
      plannedStart: '2025-02-01',
      plannedEnd: '2025-04-30',
    });
    r = await referente.post<Detail>(`${url()}/activities`, {
      code: '1.10',
      parentId: wp.id,
      title: 'Tirocini',
      plannedStart: '2025-05-01',
      plannedEnd: '2025-06-30',
    });
    expect(r.body.activities.map((a) => a.code)).toEqual(['1', '1.2', '1.10']);
    const outside = await referente.post<Problem>(`${url()}/activities`, {
      code: '2',
      title: 'Fuori periodo',
      plannedStart: '2024-01-01',
      plannedEnd: '2025-01-31',
    });
    expect(outside.status).toBe(400);
    const dup = await referente.post<Problem>(`${url()}/activities`, {
      code: '1',
      title: 'Doppia',
      plannedStart: '2025-01-01',
      plannedEnd: '2025-01-31',
    });
    expect(dup.status).toBe(400);
    const sub = r.body.activities.find((a) => a.code === '1.10')!;
    const del = await referente.request<Detail>('DELETE', `${url()}/activities/${sub.id}`);
    expect(del.body.activities.map((a) => a.code)).toEqual(['1', '1.2']);
    expect((await referente.request<Problem>('DELETE', `${url()}/activities/${wp.id}`)).status).toBe(409);
    expect(await auditRows(t.db, "action = 'projects.activity.write' AND entity_id = $1", [p.id])).toHaveLength(4);
    p = del.body;
  });

  it('adds a catalogue indicator with disaggregations and targets, and a custom one', async () => {
    const cat = await referente.get<Schema<'ProjectIndicatorCatalogue'>>('/api/v1/project-indicators');
    expect(cat.status).toBe(200);
    expect(cat.body.items.map((i) => i.code)).toEqual([
      'O.2.1',
      'O.2.2',
      'O.2.3',
      'O.2.3.1',
      'O.2.3.2',
      'O.2.3.3',
      'O.2.4',
      'O.2.5',
      'O.2.6',
      'O.2.7',
      'R.2.8',
      'R.2.9',
      'R.2.10',
      'R.2.11',
    ]);
    expect(cat.body.items.find((i) => i.code === 'O.2.3.3')).toMatchObject({
      framework: 'AMIF_ANNEX_VIII',
      kind: 'OUTPUT',
      disaggregations: ['sex', 'age', 'nationality'],
    });
    const result = p.logframe.find((i) => i.kind === 'RISULTATO')!;
    const r = await referente.post<Detail>(`${url()}/indicators`, {
      indicatorCode: 'O.2.3.3',
      resultId: result.id,
      baseline: 0,
      disaggregations: ['sex', 'nationality'],
      targets: [
        { periodEnd: '2025-12-31', value: 40 },
        { periodEnd: '2026-12-31', value: 100 },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.indicators[0]).toMatchObject({
      code: 'O.2.3.3',
      resultId: result.id,
      disaggregations: ['sex', 'nationality'],
      targets: [
        { periodEnd: '2025-12-31', value: 40 },
        { periodEnd: '2026-12-31', value: 100 },
      ],
    });
    const twice = await referente.post<Problem>(`${url()}/indicators`, { indicatorCode: 'O.2.3.3' });
    expect(twice.status).toBe(400);
    const noSex = await referente.post<Problem>(`${url()}/indicators`, {
      indicatorCode: 'O.2.2',
      disaggregations: ['sex'],
    });
    expect(noSex.status).toBe(400);
    const custom = await referente.post<Detail>(`${url()}/indicators`, {
      custom: { labelIt: 'Aziende agricole coinvolte', kind: 'OUTPUT', unit: 'aziende' },
      targets: [{ periodEnd: '2026-12-31', value: 15 }],
    });
    expect(custom.status).toBe(200);
    const mine = custom.body.indicators.find((i) => i.framework === 'CUSTOM')!;
    expect(mine).toMatchObject({ labelIt: 'Aziende agricole coinvolte', unit: 'aziende' });
    // a custom indicator is the project's: not in the catalogue, not addable by another project
    expect(
      (await referente.get<Schema<'ProjectIndicatorCatalogue'>>('/api/v1/project-indicators')).body.items,
    ).toHaveLength(14);
    const other = (await referente.post<Detail>('/api/v1/projects', newProject({ title: 'Altro progetto' }))).body;
    const steal = await referente.post<Problem>(`/api/v1/projects/${other.id}/indicators`, {
      indicatorCode: mine.code,
    });
    expect(steal.status).toBe(400);
    const put = await referente.request<Detail>('PUT', `${url()}/indicators/${mine.id}`, {
      baseline: 2,
      targets: [{ periodEnd: '2025-12-31', value: 5 }],
    });
    expect(put.body.indicators.find((i) => i.id === mine.id)).toMatchObject({
      baseline: 2,
      targets: [{ periodEnd: '2025-12-31', value: 5 }],
    });
    const del = await referente.request<Detail>('DELETE', `${url()}/indicators/${mine.id}`);
    expect(del.body.indicators.map((i) => i.code)).toEqual(['O.2.3.3']);
    expect(await auditRows(t.db, "action = 'projects.indicator.write' AND entity_id = $1", [p.id])).toHaveLength(4);
  });

  it('once approved, only progress and actual dates of an activity change', async () => {
    const running = await makeProject(t.db, { org, call, status: 'IN_CORSO' });
    await t.db.ownerTx((tx) =>
      tx.query(
        `INSERT INTO project_activities (id, project_id, comune_istat, code, title, planned_start, planned_end)
         VALUES ($1, $2, $3, '1', 'Attività', '2025-01-01', '2025-12-31')`,
        [crypto.randomUUID(), running.id, running.comuneIstat],
      ),
    );
    const d = (await referente.get<Detail>(`/api/v1/projects/${running.id}`)).body;
    const a = d.activities[0]!;
    const ok = await referente.patch<Detail>(`/api/v1/projects/${running.id}/activities/${a.id}`, {
      progressPct: 40,
      actualStart: '2025-01-15',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.activities[0]).toMatchObject({ progressPct: 40, actualStart: '2025-01-15' });
    const planned = await referente.patch<Problem>(`/api/v1/projects/${running.id}/activities/${a.id}`, {
      plannedEnd: '2026-03-31',
    });
    expect(planned.status).toBe(409);
    const lf = await referente.post<Problem>(`/api/v1/projects/${running.id}/logframe`, {
      kind: 'OBIETTIVO_GENERALE',
      code: 'OG',
      text: 'Troppo tardi',
    });
    expect(lf.status).toBe(409);
    const bad = await referente.patch<Problem>(`/api/v1/projects/${running.id}/activities/${a.id}`, {
      progressPct: 140,
    });
    expect(bad.status).toBe(400);
  });
});
