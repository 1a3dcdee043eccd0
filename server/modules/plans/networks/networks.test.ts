/**
 * Networks and meetings through the API (issue 13 item 3): who creates and changes a Comune's or a
 * Region's networks, members from the registry, meetings with organisations and minutes, decisions
 * and follow-ups linked to the Comune's plan, the work list and the totals; tenancy (another
 * Comune's networks are absent and 404, a Region reads only its own, ANCI and MLPS all), validation
 * (400, nothing written) and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { type Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  makeRegionalAnciUser,
  makeRegionUser,
  type TestPlan,
  type TestPlanComune,
} from '../../../../tests/support/plan-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Network = Schema<'PlanNetwork'>;
type NetworkList = Schema<'PlanNetworkList'>;
type Meeting = Schema<'PlanMeeting'>;
type MeetingList = Schema<'PlanMeetingList'>;
type FollowUp = Schema<'PlanFollowUp'>;
type WorkList = Schema<'PlanFollowUpWorkList'>;
type Totals = Schema<'PlanNetworkTotals'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let t: TestApp;
let plan: TestPlan;
let comune: TestPlanComune;
let other: TestPlanComune;
let orgs: { prefettura: string; sindacato: string; asl: string };
let users: { referente: TestUser; regione: TestUser; otherRegione: TestUser; anciRegional: TestUser };
let as: {
  referente: Agent;
  other: Agent;
  regione: Agent;
  otherRegione: Agent;
  anci: Agent;
  anciRegional: Agent;
  mlps: Agent;
  revisore: Agent;
  operatore: Agent;
};

const count = async (table: string) =>
  (await t.db.ownerTx((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.advance(Date.parse('2026-03-10T09:00:00Z') - t.clock.now().getTime());
  plan = await makePlan(t.db, { status: 'IN_ATTUAZIONE' });
  comune = plan.comune;
  other = await makePlanComune(t.db);
  const otherRegionCode = comune.region === '12' ? '01' : '12';
  users = {
    referente: comune.referente,
    regione: await makeRegionUser(t.db, comune.region),
    otherRegione: await makeRegionUser(t.db, otherRegionCode),
    anciRegional: await makeRegionalAnciUser(t.db, comune.region),
  };
  orgs = {
    prefettura: (await makeOrg(t.db, { type: 'prefettura', name: 'Prefettura di prova', regionCode: comune.region }))
      .id,
    sindacato: (await makeOrg(t.db, { type: 'sindacato', name: 'Sindacato di prova' })).id,
    asl: (await makeOrg(t.db, { type: 'asl', name: 'ASL di prova', regionCode: comune.region })).id,
  };
  as = {
    referente: await loginAs(t, users.referente),
    other: await loginAs(t, other.referente),
    regione: await loginAs(t, users.regione),
    otherRegione: await loginAs(t, users.otherRegione),
    anci: await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] })),
    anciRegional: await loginAs(t, users.anciRegional),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    revisore: await loginAs(t, await makeUser(t.db, { roles: ['revisore'] })),
    operatore: await loginAs(
      t,
      await makeUser(t.db, {
        roles: ['operatore'],
        org: await makeOrg(t.db, { type: 'ente_gestore', comuneIstat: comune.istat }),
      }),
    ),
  };
});
afterAll(async () => t.close());

const createNetwork = (a: Agent, body: Record<string, unknown> = {}) =>
  a.post<Network & Problem>('/api/v1/plan-networks', {
    kind: 'GRUPPO_TEMATICO',
    name: 'Gruppo lavoro agricolo',
    ...body,
  });
const createMeeting = (a: Agent, body: Record<string, unknown>) =>
  a.post<Meeting & Problem>('/api/v1/plan-meetings', {
    kind: 'GRUPPO_TEMATICO',
    title: 'Primo incontro del gruppo',
    heldOn: '2026-02-20',
    participantsCount: 14,
    ...body,
  });

describe('networks of a Comune and of a Region', () => {
  it('a referente creates its own Comune’s network, never another’s; the list counts', async () => {
    const res = await createNetwork(as.referente, { axis: 'PREVENZIONE', planId: plan.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ comuneIstat: comune.istat, regionCode: comune.region, members: 0, canEdit: true });
    const audit = await auditRows(t.db, "action = 'plans.network.create' AND entity_id = $1", [res.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(comune.istat);

    expect((await createNetwork(as.referente, { comuneIstat: other.istat })).status).toBe(403);
    // a plan of another Comune cannot be the group's
    const foreignPlan = await makePlan(t.db, { comune: other });
    const before = await count('plm_networks');
    const bad = await createNetwork(as.referente, { planId: foreignPlan.id });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('body.planId');
    expect(await count('plm_networks')).toBe(before);

    const list = await as.referente.get<NetworkList>(`/api/v1/plan-networks?comune=${comune.istat}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n) => n.id)).toContain(res.body.id);
    expect(list.body.canCreate).toBe(true);
  });

  it('tenancy: another Comune sees none of them (404); a Region its own; ANCI and MLPS all; the revisore nothing', async () => {
    const own = (await createNetwork(as.referente, { name: 'Tavolo comunale' })).body;
    expect((await as.other.get(`/api/v1/plan-networks/${own.id}`)).status).toBe(404);
    const otherList = await as.other.get<NetworkList>('/api/v1/plan-networks');
    expect(otherList.body.items.map((n) => n.id)).not.toContain(own.id);
    expect((await as.regione.get(`/api/v1/plan-networks/${own.id}`)).status).toBe(200);
    expect((await as.otherRegione.get(`/api/v1/plan-networks/${own.id}`)).status).toBe(404);
    expect((await as.anci.get(`/api/v1/plan-networks/${own.id}`)).status).toBe(200);
    const mlps = await as.mlps.get<Network>(`/api/v1/plan-networks/${own.id}`);
    expect(mlps.status).toBe(200);
    expect(mlps.body.canEdit).toBe(false);
    expect((await as.revisore.get('/api/v1/plan-networks')).status).toBe(403);
    expect((await as.operatore.get('/api/v1/plan-networks')).status).toBe(403);
    // changing: another Comune 404, MLPS 403, the Region 200
    const patch = { name: 'Tavolo comunale rinnovato', rowVersion: own.rowVersion };
    expect((await as.other.patch(`/api/v1/plan-networks/${own.id}`, patch)).status).toBe(404);
    expect((await as.mlps.patch(`/api/v1/plan-networks/${own.id}`, patch)).status).toBe(403);
    const byRegion = await as.regione.patch<Network>(`/api/v1/plan-networks/${own.id}`, patch);
    expect(byRegion.status).toBe(200);
    expect(byRegion.body.rowVersion).toBe(own.rowVersion + 1);
    // a stale version
    expect((await as.referente.patch<Problem>(`/api/v1/plan-networks/${own.id}`, patch)).body.code).toBe('plans.stale');
    // the regional ANCI branch: its Region's own networks, not a Comune's
    expect(
      (await as.anciRegional.patch<Problem>(`/api/v1/plan-networks/${own.id}`, { active: false, rowVersion: 2 })).body
        .code,
    ).toBe('plans.networks.not_editor');
  });

  it("a Region's own tavolo: the Region and its ANCI branch write it; its Comuni do not see it; another Region neither", async () => {
    const res = await createNetwork(as.regione, { kind: 'TAVOLO', name: 'Tavolo regionale' });
    expect(res.status).toBe(201);
    expect(res.body.comuneIstat).toBeNull();
    expect(res.body.regionCode).toBe(comune.region);
    const byAnci = await createNetwork(as.anciRegional, { kind: 'TAVOLO', name: 'Tavolo ANCI regionale' });
    expect(byAnci.status).toBe(201);
    expect((await createNetwork(as.anciRegional, { comuneIstat: comune.istat })).status).toBe(403);
    expect((await as.referente.get(`/api/v1/plan-networks/${res.body.id}`)).status).toBe(404);
    expect((await as.otherRegione.get(`/api/v1/plan-networks/${res.body.id}`)).status).toBe(404);
    const regional = await as.regione.get<NetworkList>('/api/v1/plan-networks?regional=true');
    expect(regional.body.items.every((n) => n.comuneIstat === null && n.regionCode === comune.region)).toBe(true);
    // a Region writes its Comuni's, not another Region's
    expect((await createNetwork(as.regione, { comuneIstat: comune.istat })).status).toBe(201);
    expect((await createNetwork(as.otherRegione, { comuneIstat: comune.istat })).status).toBe(403);
    // ANCI national writes any, but must say where
    expect((await createNetwork(as.anci)).status).toBe(400);
    expect((await createNetwork(as.anci, { comuneIstat: other.istat })).status).toBe(201);
    expect((await createNetwork(as.anci, { comuneIstat: '999999' })).status).toBe(400);
    expect((await createNetwork(as.mlps, { comuneIstat: other.istat })).status).toBe(403);
  });

  it('members: organisations of the registry with a role; add, change, remove; audited', async () => {
    const n = (await createNetwork(as.referente)).body;
    const url = (org: string) => `/api/v1/plan-networks/${n.id}/members/${org}`;
    expect((await as.referente.request<Network>('PUT', url(orgs.prefettura), { role: 'COORDINATORE' })).status).toBe(
      200,
    );
    const two = await as.referente.request<Network>('PUT', url(orgs.sindacato), {
      role: 'MEMBRO',
      joinedOn: '2025-10-01',
    });
    expect(two.body.members).toBe(2);
    expect(two.body.memberList.map((m) => [m.name, m.role])).toEqual([
      ['Prefettura di prova', 'COORDINATORE'],
      ['Sindacato di prova', 'MEMBRO'],
    ]);
    const changed = await as.referente.request<Network>('PUT', url(orgs.sindacato), { role: 'OSSERVATORE' });
    expect(changed.body.memberList.find((m) => m.organisationId === orgs.sindacato)?.role).toBe('OSSERVATORE');
    const missing = await as.referente.request<Problem>('PUT', url('00000000-0000-4000-8000-000000000000'), {
      role: 'MEMBRO',
    });
    expect(missing.status).toBe(400);
    expect((await as.referente.request<Problem>('PUT', url(orgs.asl), { role: 'CAPO' })).status).toBe(400);
    expect((await as.other.request('PUT', url(orgs.asl), { role: 'MEMBRO' })).status).toBe(404);
    const removed = await as.referente.request<Network>('DELETE', url(orgs.sindacato));
    expect(removed.status).toBe(200);
    expect(removed.body.members).toBe(1);
    expect((await as.referente.request('DELETE', url(orgs.sindacato))).status).toBe(404);
    const audit = await auditRows(t.db, "action LIKE 'plans.network.member_%' AND entity_id = $1", [n.id]);
    expect(audit.map((a) => a.action)).toEqual([
      'plans.network.member_set',
      'plans.network.member_set',
      'plans.network.member_set',
      'plans.network.member_remove',
    ]);
  });
});

describe('meetings, minutes, decisions and follow-ups', () => {
  it('records a meeting of a network with organisations; validates the date and the organisations', async () => {
    const n = (await createNetwork(as.referente)).body;
    const before = await count('plm_meetings');
    for (const heldOn of ['1999-05-01', '2031-01-01', '2026-02-30']) {
      const bad = await createMeeting(as.referente, { networkId: n.id, heldOn });
      expect(bad.status, heldOn).toBe(400);
    }
    const badOrg = await createMeeting(as.referente, {
      networkId: n.id,
      organisationIds: [orgs.asl, '00000000-0000-4000-8000-000000000000'],
    });
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.errors?.[0]?.path).toBe('body.organisationIds.1');
    expect((await createMeeting(as.referente, { networkId: n.id, participantsCount: -1 })).status).toBe(400);
    expect(await count('plm_meetings')).toBe(before);

    const m = await createMeeting(as.referente, { networkId: n.id, organisationIds: [orgs.asl, orgs.prefettura] });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body).toMatchObject({
      networkId: n.id,
      comuneIstat: comune.istat,
      organisations: 2,
      participantsCount: 14,
    });
    expect(m.body.actionChoices.map((c) => c.label)).toContain('A1 – Azione di prova A1');
    expect(m.body.ownerChoices.map((c) => c.id)).toContain(users.referente.id);
    expect((await createMeeting(as.other, { networkId: n.id })).status).toBe(400);

    const list = await as.referente.get<MeetingList>(`/api/v1/plan-meetings?networkId=${n.id}`);
    expect(list.body.items).toHaveLength(1);
    expect(
      (await as.referente.get<MeetingList>('/api/v1/plan-meetings?year=2025')).body.items.map((i) => i.id),
    ).not.toContain(m.body.id);
    expect((await as.other.get(`/api/v1/plan-meetings/${m.body.id}`)).status).toBe(404);
    expect((await as.other.get<MeetingList>('/api/v1/plan-meetings')).body.items.map((i) => i.id)).not.toContain(
      m.body.id,
    );
    const patched = await as.referente.patch<Meeting>(`/api/v1/plan-meetings/${m.body.id}`, {
      participantsCount: 20,
      organisationIds: [orgs.asl],
      rowVersion: m.body.rowVersion,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ participantsCount: 20, organisations: 1 });
    expect(await auditRows(t.db, "action LIKE 'plans.meeting.%' AND entity_id = $1", [m.body.id])).toHaveLength(2);
  });

  it('uploads the minutes (PDF by content) and audits every download', async () => {
    const m = (await createMeeting(as.referente, { kind: 'WORKSHOP_TERRITORIALE', title: 'Workshop territoriale' }))
      .body;
    const url = `/api/v1/plan-meetings/${m.id}/minutes`;
    const refused = await as.referente.post<Problem>(url, {
      filename: 'verbale.pdf',
      content: Buffer.from('not a pdf at all').toString('base64'),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('plans.document.refused');
    expect((await as.referente.get(url)).status).toBe(404);
    const up = await as.referente.post<Meeting>(url, { filename: 'verbale.pdf', content: PDF.toString('base64') });
    expect(up.status).toBe(200);
    expect(up.body.minutes).toMatchObject({ fileName: 'verbale.pdf', mediaType: 'application/pdf' });
    expect(up.body.hasMinutes).toBe(true);
    const down = await as.regione.get(url);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.raw.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await as.other.get(url)).status).toBe(404);
    expect((await as.mlps.post(url, { filename: 'v.pdf', content: PDF.toString('base64') })).status).toBe(403);
    const reads = await auditRows(t.db, "action = 'plans.document.read' AND entity_id = $1", [up.body.minutes!.id]);
    expect(reads).toHaveLength(1);
    // replacing removes the earlier document
    const again = await as.referente.post<Meeting>(url, { filename: 'verbale-2.pdf', content: PDF.toString('base64') });
    expect(again.body.minutes!.fileName).toBe('verbale-2.pdf');
    const docs = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM plm_documents WHERE meeting_id = $1', [m.id]),
    );
    expect(docs[0]!.n).toBe(1);
  });

  it('follow-ups: linked to the Comune’s plan, owned by its users, on the work list; the owner marks done', async () => {
    const m = (await createMeeting(as.referente, { title: 'Tavolo di marzo', heldOn: '2026-01-15' })).body;
    const url = `/api/v1/plan-meetings/${m.id}/follow-ups`;
    const foreignPlan = await makePlan(t.db, { comune: other });
    const before = await count('plm_follow_ups');
    const bads: [Record<string, unknown>, string][] = [
      [{ actionId: foreignPlan.actions[0]!.id }, 'body.actionId'],
      [{ ownerUserId: other.referente.id }, 'body.ownerUserId'],
      [{ ownerOrgId: '00000000-0000-4000-8000-000000000000' }, 'body.ownerOrgId'],
      [{ dueDate: '2025-12-31' }, 'body.dueDate'],
      [{ dueDate: '2032-01-01' }, 'body.dueDate'],
    ];
    for (const [extra, path] of bads) {
      const bad = await as.referente.post<Problem>(url, { kind: 'AZIONE', text: 'Mappare le aziende', ...extra });
      expect(bad.status, path).toBe(400);
      expect(bad.body.errors?.[0]?.path).toBe(path);
    }
    expect(await count('plm_follow_ups')).toBe(before);

    const overdue = await as.referente.post<FollowUp>(url, {
      kind: 'AZIONE',
      text: 'Mappare le aziende agricole',
      actionId: plan.actions[0]!.id,
      ownerUserId: users.referente.id,
      dueDate: '2026-03-01',
    });
    expect(overdue.status, JSON.stringify(overdue.body)).toBe(201);
    expect(overdue.body).toMatchObject({ actionLabel: 'A1 – Azione di prova A1', daysOverdue: 9, status: 'APERTO' });
    const later = await as.referente.post<FollowUp>(url, {
      kind: 'AZIONE',
      text: 'Convocare il gruppo sulla casa',
      ownerOrgId: orgs.asl,
      dueDate: '2026-04-01',
    });
    expect(later.body.daysOverdue).toBeNull();
    const decision = await as.referente.post<FollowUp>(url, { kind: 'DECISIONE', text: 'Si adotta il calendario' });
    expect(decision.status).toBe(201);
    // the Region's staff may own a follow-up of its Comune's meeting
    const byRegion = await as.regione.post<FollowUp>(url, {
      kind: 'AZIONE',
      text: 'Inviare i dati regionali',
      ownerUserId: users.regione.id,
      dueDate: '2026-03-20',
    });
    expect(byRegion.status).toBe(201);

    // the referente's list: its own and its Comune's open ones, overdue first
    const mine = await as.referente.get<WorkList>('/api/v1/plan-follow-ups/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]!.id).toBe(overdue.body.id);
    expect(mine.body.items[0]).toMatchObject({ daysOverdue: 9, meetingTitle: 'Tavolo di marzo', heldOn: '2026-01-15' });
    expect(mine.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([later.body.id, byRegion.body.id]));
    expect(mine.body.overdue).toBeGreaterThanOrEqual(1);
    // the Region's list: only those it owns
    const regionList = await as.regione.get<WorkList>('/api/v1/plan-follow-ups/mine');
    expect(regionList.body.items.map((i) => i.id)).toEqual([byRegion.body.id]);
    // another Comune sees none; MLPS owns none
    expect((await as.other.get<WorkList>('/api/v1/plan-follow-ups/mine')).body.items).toEqual([]);
    expect((await as.revisore.get('/api/v1/plan-follow-ups/mine')).status).toBe(403);

    // the Region (which edits its Comuni's) marks its own done; another Comune reaches none
    const done = await as.regione.patch<FollowUp>(`/api/v1/plan-follow-ups/${byRegion.body.id}`, { status: 'FATTO' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('FATTO');
    expect(done.body.doneAt).not.toBeNull();
    expect((await as.other.patch(`/api/v1/plan-follow-ups/${overdue.body.id}`, { status: 'FATTO' })).status).toBe(404);
    expect((await as.mlps.patch(`/api/v1/plan-follow-ups/${overdue.body.id}`, { status: 'FATTO' })).status).toBe(403);
    const markDone = await as.referente.patch<FollowUp>(`/api/v1/plan-follow-ups/${overdue.body.id}`, {
      status: 'FATTO',
    });
    expect(markDone.body).toMatchObject({ status: 'FATTO', daysOverdue: null });
    const after = await as.referente.get<WorkList>('/api/v1/plan-follow-ups/mine');
    expect(after.body.items.map((i) => i.id)).not.toContain(overdue.body.id);
    const audit = await auditRows(t.db, "action LIKE 'plans.follow_up.%' AND entity_id = $1", [m.id]);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'plans.follow_up.create',
      'plans.follow_up.create',
      'plans.follow_up.create',
      'plans.follow_up.create',
      'plans.follow_up.update',
      'plans.follow_up.update',
    ]);
    // a Region's meeting has no plan to link
    const regionalMeeting = (
      await createMeeting(as.regione, { kind: 'WORKSHOP_TERRITORIALE', title: 'Workshop regionale' })
    ).body;
    const noPlan = await as.regione.post<Problem>(`/api/v1/plan-meetings/${regionalMeeting.id}/follow-ups`, {
      kind: 'AZIONE',
      text: 'Collegare il piano',
      actionId: plan.actions[0]!.id,
    });
    expect(noPlan.status).toBe(400);
  });

  it('a user who owns a follow-up but does not edit the place changes only its status', async () => {
    // the regional ANCI branch's user owns a follow-up of a Comune's meeting (it does not edit the Comune's)
    const m = (await createMeeting(as.referente, { title: 'Tavolo con ANCI' })).body;
    expect(m.ownerChoices.map((c) => c.id)).toContain(users.anciRegional.id);
    const f = (
      await as.referente.post<FollowUp>(`/api/v1/plan-meetings/${m.id}/follow-ups`, {
        kind: 'AZIONE',
        text: 'Supporto alla redazione',
        ownerUserId: users.anciRegional.id,
        dueDate: '2026-04-30',
      })
    ).body;
    expect(f.canChange).toBe(true);
    const mine = await as.anciRegional.get<WorkList>('/api/v1/plan-follow-ups/mine');
    expect(mine.body.items.map((i) => i.id)).toEqual([f.id]);
    expect(mine.body.items[0]!.canChange).toBe(true);
    const url = `/api/v1/plan-follow-ups/${f.id}`;
    expect((await as.anciRegional.patch<Problem>(url, { text: 'Altro testo' })).body.code).toBe(
      'plans.networks.not_editor',
    );
    expect((await as.anciRegional.patch<FollowUp>(url, { status: 'FATTO' })).body.status).toBe('FATTO');
  });
});

describe('totals beside phase 1', () => {
  it('counts in reach: a Comune its own, ANCI all; the reference figures of phase 1', async () => {
    const own = await as.referente.get<Totals>('/api/v1/plan-networks/totals');
    expect(own.status).toBe(200);
    expect(own.body.reference).toEqual({ groups: 36, organisations: 250, meetings: 110 });
    const [db] = await t.db.ownerTx((tx) =>
      tx.query<{ networks: number; meetings: number; participants: number }>(
        `SELECT (SELECT count(*)::int FROM plm_networks WHERE comune_istat = $1) AS networks,
                (SELECT count(*)::int FROM plm_meetings WHERE comune_istat = $1) AS meetings,
                (SELECT coalesce(sum(participants_count), 0)::int FROM plm_meetings WHERE comune_istat = $1) AS participants`,
        [comune.istat],
      ),
    );
    expect(own.body).toMatchObject({ networks: db!.networks, meetings: db!.meetings, participants: db!.participants });
    expect(own.body.byKind.TAVOLO + own.body.byKind.GRUPPO_TEMATICO).toBe(db!.networks);
    expect(own.body.meetingsByKindAndYear.reduce((s, r) => s + r.count, 0)).toBe(db!.meetings);
    expect(own.body.memberOrganisations).toBeGreaterThanOrEqual(1);
    expect(own.body.followUps.done).toBeGreaterThanOrEqual(1);
    const all = await as.anci.get<Totals>('/api/v1/plan-networks/totals');
    expect(all.body.networks).toBe(await count('plm_networks'));
    expect((await as.other.get<Totals>('/api/v1/plan-networks/totals')).body.meetings).toBe(0);
    const mlps = await as.mlps.get<Totals>(`/api/v1/plan-networks/totals?comune=${comune.istat}`);
    expect(mlps.body.networks).toBe(db!.networks);
  });
});
