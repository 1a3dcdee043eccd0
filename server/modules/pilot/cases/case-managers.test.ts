/**
 * Case managers through the API, on the real database: a case is held by whoever opens it or by
 * whom the referente names; the referente reassigns it (audited, in the case's history, its open
 * tasks following it); only active operatori and referenti of the Comune may hold one; an
 * operatore sees exactly the cases they hold; the referente sees who holds what and filters the
 * list by case manager, permit expiry and PAI state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  loginAs,
  makeCase,
  makeTask,
  twoPilotComuni,
  type LoggedInPilotComune,
} from '../../../../tests/support/pilot-factories.js';

type CaseDetail = Schema<'PilotCaseDetail'>;
type CasePage = Schema<'PilotCasePage'>;
type Problem = { code: string; errors?: { path: string; code: string; message: string }[] };

let t: TestApp;
let a: LoggedInPilotComune;
let b: LoggedInPilotComune;
let op2: TestUser;
let opOff: TestUser;
let asOp2: Agent;

const holder = (surname: string) => ({
  identity: { surname, givenNames: 'Prova', birthDate: '1990-01-02', codiceFiscale: null },
  sex: 'F',
  birthCountry: 'IN',
  nationalities: ['IN'],
});

beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
  op2 = await makeUser(t.db, { roles: ['operatore'], org: a.enteOrg });
  opOff = await makeUser(t.db, { roles: ['operatore'], org: a.enteOrg, status: 'disabled' });
  asOp2 = await loginAs(t, op2);
});
afterAll(async () => t.close());

async function openAs(agent: Agent, surname: string, ownerUserId?: string) {
  return agent.post<CaseDetail & Problem>('/api/v1/pilot/cases', {
    openedOn: '2026-05-01',
    holder: holder(surname),
    ...(ownerUserId ? { ownerUserId } : {}),
  });
}

describe('naming the case manager when a case is opened', () => {
  it("gives an operatore's new case to them, and refuses them naming someone else (403)", async () => {
    const mine = await openAs(a.as.operatore, 'Propri');
    expect(mine.status).toBe(201);
    expect(mine.body.owner.id).toBe(a.operatore.id);
    expect((await openAs(a.as.operatore, 'Altrui', op2.id)).status).toBe(403);
  });

  it('lets the referente name an operatore of the Comune, who alone of the operatori then sees it', async () => {
    const res = await openAs(a.as.referente, 'Assegnati', op2.id);
    expect(res.status).toBe(201);
    expect(res.body.owner).toEqual({ id: op2.id, displayName: expect.any(String) });
    expect((await asOp2.get(`/api/v1/pilot/cases/${res.body.id}`)).status).toBe(200);
    expect((await a.as.operatore.get(`/api/v1/pilot/cases/${res.body.id}`)).status).toBe(404);
    const list = await asOp2.get<CasePage>(`/api/v1/pilot/cases?q=${res.body.pseudonym}`);
    expect(list.body.items.map((i) => i.id)).toEqual([res.body.id]);
    expect((await a.as.operatore.get<CasePage>(`/api/v1/pilot/cases?q=${res.body.pseudonym}`)).body.total).toBe(0);
  });

  it('refuses, saying why, a person of another Comune, an inactive account or a role that holds no cases', async () => {
    for (const [user, code] of [
      [b.operatore, 'case_manager_other_comune'],
      [opOff, 'case_manager_inactive'],
      [a.amministrativo, 'case_manager_role'],
    ] as const) {
      const res = await openAs(a.as.referente, 'Rifiutati', user.id);
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'body.ownerUserId', code }));
    }
  });
});

describe('reassigning a case', () => {
  it('moves the case, its open tasks, records it in the history and the audit log', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune: a });
    const task = await makeTask(t.db, { comune: a, kase, dueOn: '2026-06-10' });
    const res = await a.as.referente.request<CaseDetail>('PUT', `/api/v1/pilot/cases/${kase.caseId}/case-manager`, {
      ownerUserId: op2.id,
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.owner.id).toBe(op2.id);
    expect(res.body.version).toBe(2);
    const event = res.body.events.find((e) => e.type === 'RESPONSABILE_CAMBIATO');
    expect(event?.note).toMatch(/→/);
    expect((await a.as.operatore.get(`/api/v1/pilot/cases/${kase.caseId}`)).status).toBe(404);
    expect((await asOp2.get(`/api/v1/pilot/cases/${kase.caseId}`)).status).toBe(200);
    const [moved] = await t.db.ownerTx((tx) =>
      tx.query<{ assignee_user_id: string }>('SELECT assignee_user_id FROM pilot_tasks WHERE id = $1', [task.id]),
    );
    expect(moved!.assignee_user_id).toBe(op2.id);
    const audit = await auditRows(t.db, "action = 'pilot.case.reassign' AND entity_id = $1", [kase.caseId]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ from: a.operatore.id, to: op2.id, tasks: 1 });
    expect(audit[0]!.actor_user_id).toBe(a.referente.id);
  });

  it('answers 403 to an operatore, 404 to another Comune, 409 on a stale version, 400 naming the holder again', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune: a });
    const url = `/api/v1/pilot/cases/${kase.caseId}/case-manager`;
    expect((await a.as.operatore.request('PUT', url, { ownerUserId: op2.id })).status).toBe(403);
    expect((await b.as.referente.request('PUT', url, { ownerUserId: b.operatore.id })).status).toBe(404);
    expect((await a.as.referente.request('PUT', url, { ownerUserId: op2.id, version: 7 })).status).toBe(409);
    const same = await a.as.referente.request<Problem>('PUT', url, { ownerUserId: a.operatore.id });
    expect(same.status).toBe(400);
    expect(same.body.errors?.[0]?.code).toBe('case_manager_same');
    for (const user of [b.operatore, opOff, a.amministrativo]) {
      expect((await a.as.referente.request('PUT', url, { ownerUserId: user.id })).status).toBe(400);
    }
    expect(await auditRows(t.db, "action = 'pilot.case.reassign' AND entity_id = $1", [kase.caseId])).toHaveLength(0);
  });
});

describe('who holds what', () => {
  it("lists the Comune's possible case managers with their cases, to the referente only", async () => {
    expect((await a.as.operatore.get('/api/v1/pilot/case-managers')).status).toBe(403);
    const res = await a.as.referente.get<Schema<'PilotCaseManagerList'>>('/api/v1/pilot/case-managers');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.operatore.id, op2.id, a.referente.id]));
    expect(ids).not.toContain(opOff.id);
    expect(ids).not.toContain(a.amministrativo.id);
    expect(ids).not.toContain(b.operatore.id);
    const [count] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pilot_cases WHERE owner_user_id = $1 AND status <> 'chiuso'",
        [op2.id],
      ),
    );
    expect(res.body.items.find((i) => i.id === op2.id)?.openCases).toBe(count!.n);
  });

  it('filters the list by case manager, permit expiry and PAI state, on the server', async () => {
    const soon = await makeCase(t.db, t.cipher, { comune: a, owner: op2, withPermit: true });
    const gone = await makeCase(t.db, t.cipher, { comune: a, owner: op2, withPermit: true });
    await t.db.ownerTx(async (tx) => {
      await tx.query("UPDATE pilot_permits SET expires_on = '2026-06-20' WHERE person_id = $1", [soon.holderId]);
      await tx.query("UPDATE pilot_permits SET expires_on = '2026-05-20' WHERE person_id = $1", [gone.holderId]);
    });
    const ids = async (query: string) =>
      (await a.as.referente.get<CasePage>(`/api/v1/pilot/cases?pageSize=100&${query}`)).body.items.map((i) => i.id);
    const ofOp2 = await ids(`ownerUserId=${op2.id}`);
    expect(ofOp2).toEqual(expect.arrayContaining([soon.caseId, gone.caseId]));
    expect(await ids(`ownerUserId=${a.operatore.id}`)).not.toContain(soon.caseId);
    expect(await ids('permitExpiry=within_30')).toContain(soon.caseId);
    expect(await ids('permitExpiry=within_30')).not.toContain(gone.caseId);
    expect(await ids('permitExpiry=expired')).toEqual([gone.caseId]);
    expect(await ids('permitExpiry=within_90&paiStatus=none')).toContain(soon.caseId);
    expect(await ids('paiStatus=approvato')).not.toContain(soon.caseId);
    const bad = await a.as.referente.get<Problem>('/api/v1/pilot/cases?permitExpiry=within_7&ownerUserId=nobody');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((i) => i.path).sort()).toEqual(['querystring.ownerUserId', 'querystring.permitExpiry']);
    // an operatore filtering on someone else's cases still sees only their own: none
    expect(
      (await a.as.operatore.get<CasePage>(`/api/v1/pilot/cases?ownerUserId=${op2.id}`)).body.items.map((i) => i.id),
    ).toEqual([]);
  });
});
