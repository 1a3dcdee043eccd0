/**
 * Reimbursement claims through the API (issue 12 item 4; decision 0051): a draft for a period takes
 * validated expenses of that period held by no other claim; sending freezes them (the API answers
 * 409 and the database refuses the change); each step by its role (403 for another role, 409 from
 * another state); integrations, counter-arguments and a new version that supersedes the old one;
 * MLPS approves only once the verbale is issued, and pays; every change audited; money in cents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { makeExpense, type TestExpense } from '../../../../tests/support/claim-factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Claim = Schema<'ProjectClaimDetail'>;
type Problem = { code: string; context?: Record<string, unknown> };

let t: TestApp;
let project: TestProject;
let referente: Agent;
let amministrativo: Agent;
let revisore: Agent;
let mlps: Agent;
let anci: Agent;
let otherComune: Agent;

const base = () => `/api/v1/projects/${project.id}/claims`;

async function expenseStatus(id: string): Promise<string> {
  const [r] = await t.db.ownerTx((tx) =>
    tx.query<{ status: string }>('SELECT status FROM project_expenses WHERE id = $1', [id]),
  );
  return r!.status;
}

async function draftWith(expenses: TestExpense[], period = { periodStart: '2025-01-01', periodEnd: '2025-06-30' }) {
  const created = await referente.post<Claim>(base(), period);
  expect(created.status).toBe(201);
  const set = await referente.request<Claim>('PUT', `${base()}/${created.body.id}/expenses`, {
    expenseIds: expenses.map((e) => e.id),
  });
  expect(set.status).toBe(200);
  return set.body;
}

async function move(agent: Agent, claimId: string, body: Record<string, unknown>) {
  return agent.post<Claim & Problem>(`${base()}/${claimId}/transitions`, body);
}

beforeAll(async () => {
  t = await startTestApp();
  project = await makeProject(t.db);
  const staff = await projectStaff(t, project);
  referente = staff.referente;
  amministrativo = staff.amministrativo;
  const rev = await assignRevisore(t.db, project, { periodStart: '2025-01-01', periodEnd: '2025-12-31' });
  revisore = await loginAs(t, rev.user);
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  const other = await makeProject(t.db);
  otherComune = (await projectStaff(t, other)).referente;
});
afterAll(async () => t.close());

describe('a draft claim', () => {
  it('takes validated expenses of its period held by no other claim, with totals per category in cents', async () => {
    const a = await makeExpense(t.db, project, { categoryCode: 'A2', chargedCents: 1_000_00, docDate: '2025-02-10' });
    const f = await makeExpense(t.db, project, { categoryCode: 'F', chargedCents: 2_500_50, docDate: '2025-03-01' });
    const late = await makeExpense(t.db, project, { docDate: '2025-08-01' });
    const loaded = await makeExpense(t.db, project, { status: 'CARICATA' });

    expect((await new Agent(t.app).post(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' })).status).toBe(
      401,
    );
    expect((await referente.post<Problem>(base(), { periodStart: '2025-06-30', periodEnd: '2025-01-01' })).status).toBe(
      400,
    );
    expect(
      (await otherComune.post<Problem>(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' })).status,
    ).toBe(404);
    expect((await mlps.post<Problem>(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' })).status).toBe(403);
    expect((await revisore.post<Problem>(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' })).status).toBe(
      403,
    );

    const created = await amministrativo.post<Claim>(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'BOZZA', versionNo: 1, requestedCents: null });
    expect(created.body.actions).toEqual(expect.arrayContaining(['EXPENSES', 'SUBMIT']));
    expect(created.body.available.map((x) => x.expenseId).sort()).toEqual([a.id, f.id].sort());
    const id = created.body.id;

    const wrong = await referente.request<Problem>('PUT', `${base()}/${id}/expenses`, {
      expenseIds: [a.id, late.id, loaded.id],
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('projects.claims.expense');
    expect(wrong.body.context?.expenses).toEqual(
      expect.arrayContaining([
        { expenseId: late.id, reason: 'period' },
        { expenseId: loaded.id, reason: 'status:CARICATA' },
      ]),
    );

    const set = await referente.request<Claim>('PUT', `${base()}/${id}/expenses`, { expenseIds: [a.id, f.id] });
    expect(set.status).toBe(200);
    expect(set.body.expenses).toHaveLength(2);
    expect(set.body.totals.claimedCents).toBe(3_500_50);
    expect(set.body.totals.budgetCents).toBe(114_000_00);
    expect(set.body.totals.categories.find((c) => c.code === 'A2')).toMatchObject({
      budgetCents: 60_000_00,
      claimedCents: 1_000_00,
      cumulativeCents: 1_000_00,
      progressBp: 166,
    });
    expect(set.body.totals.categories.find((c) => c.code === 'F')?.claimedCents).toBe(2_500_50);

    // another draft cannot take them
    const second = await referente.post<Claim>(base(), { periodStart: '2025-01-01', periodEnd: '2025-06-30' });
    expect(second.body.claimNo).toBe(created.body.claimNo + 1);
    const taken = await referente.request<Problem>('PUT', `${base()}/${second.body.id}/expenses`, {
      expenseIds: [a.id],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.context?.expenses).toEqual([{ expenseId: a.id, reason: 'other_claim' }]);
    expect((await referente.post<Problem>(`${base()}/${second.body.id}/submit`, {})).body.code).toBe(
      'projects.claims.empty',
    );

    // the revisore does not see drafts
    expect((await revisore.get(`${base()}/${id}`)).status).toBe(404);
    const audit = await auditRows(t.db, `action = 'projects.claim.expenses' AND entity_id = $1`, [id]);
    expect(audit.length).toBe(1);
  });
});

describe('sending, verifying, approving and paying', () => {
  it('freezes the claim (API 409 and database), and each step is taken by its role only', async () => {
    const a = await makeExpense(t.db, project, { categoryCode: 'A1', chargedCents: 3_000_00, docDate: '2025-04-01' });
    const b = await makeExpense(t.db, project, { categoryCode: 'F', chargedCents: 1_234_56, docDate: '2025-05-01' });
    const draft = await draftWith([a, b]);
    const url = `${base()}/${draft.id}`;

    // a draft is not the revisore's to see
    expect((await move(revisore, draft.id, { to: 'IN_VERIFICA' })).status).toBe(404);
    const sent = await referente.post<Claim>(`${url}/submit`, { rowVersion: draft.rowVersion });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'INVIATA', requestedCents: 4_234_56 });
    expect(sent.body.expenses.every((e) => e.frozen)).toBe(true);
    expect(await expenseStatus(a.id)).toBe('IN_DOMANDA');
    expect((await referente.post<Problem>(`${url}/submit`, {})).status).toBe(409);

    // immutable through the API …
    const put = await referente.request<Problem>('PUT', `${url}/expenses`, { expenseIds: [a.id] });
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('projects.state');
    // … and in the database, even for its owner
    await expect(
      t.db.ownerTx((tx) => tx.query('DELETE FROM project_claim_expenses WHERE claim_id = $1', [draft.id])),
    ).rejects.toThrow(/sent claim/);
    await expect(
      t.db.ownerTx((tx) => tx.query('UPDATE project_claims SET requested_cents = 1 WHERE id = $1', [draft.id])),
    ).rejects.toThrow(/sent claim/);
    await expect(
      t.db.ownerTx((tx) => tx.query(`UPDATE project_claims SET status = 'BOZZA' WHERE id = $1`, [draft.id])),
    ).rejects.toThrow(/draft/);
    // a later change of the expense does not change what was sent
    await t.db.ownerTx((tx) => tx.query('UPDATE project_expenses SET charged_cents = 1 WHERE id = $1', [b.id]));
    const again = await referente.get<Claim>(url);
    expect(again.body.expenses.find((e) => e.expenseId === b.id)?.expense.chargedCents).toBe(1_234_56);

    // wrong roles and wrong states
    expect((await move(amministrativo, draft.id, { to: 'IN_VERIFICA' })).status).toBe(403);
    expect((await move(mlps, draft.id, { to: 'IN_VERIFICA' })).status).toBe(403);
    expect((await move(anci, draft.id, { to: 'IN_VERIFICA' })).status).toBe(403);
    expect((await move(revisore, draft.id, { to: 'CONTRODEDUZIONI', note: 'x' })).status).toBe(403);
    expect((await move(referente, draft.id, { to: 'CONTRODEDUZIONI', note: 'x' })).status).toBe(409);
    expect((await move(revisore, draft.id, { to: 'LIQUIDATA' })).status).toBe(403);
    expect((await move(revisore, draft.id, { to: 'BOZZA' })).status).toBe(403);
    const inVer = await move(revisore, draft.id, { to: 'IN_VERIFICA' });
    expect(inVer.status).toBe(200);
    expect(inVer.body.actions).toEqual(expect.arrayContaining(['VERIFY', 'RICHIESTA_INTEGRAZIONI']));
    expect((await move(mlps, draft.id, { to: 'APPROVATA' })).body.code).toBe('projects.claims.verbale');
    expect((await move(mlps, draft.id, { to: 'LIQUIDATA', paidCents: 1, paidOn: '2026-06-01' })).status).toBe(409);

    // the verification: outcome rules
    const vurl = (id: string) => `${url}/verifications/${id}`;
    expect((await referente.request<Problem>('PUT', vurl(a.id), { outcome: 'AMMISSIBILE' })).status).toBe(403);
    expect((await mlps.request<Problem>('PUT', vurl(a.id), { outcome: 'AMMISSIBILE' })).status).toBe(403);
    const bad = [
      { outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents: 1_234_56, reasons: ['congruita'] },
      { outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents: 0, reasons: ['congruita'] },
      { outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents: 1_000_00, reasons: [] },
      { outcome: 'NON_AMMISSIBILE', reasons: [] },
      { outcome: 'NON_AMMISSIBILE', eligibleCents: 5, reasons: ['periodo'] },
      { outcome: 'AMMISSIBILE', eligibleCents: 5 },
      { outcome: 'NON_AMMISSIBILE', reasons: ['sconosciuto'] },
      { outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents: 10.5, reasons: ['congruita'] },
    ];
    for (const body of bad)
      expect((await revisore.request('PUT', vurl(b.id), body)).status, JSON.stringify(body)).toBe(400);
    const unrelated = await makeExpense(t.db, project, { docDate: '2025-04-01' });
    expect((await revisore.request('PUT', vurl(unrelated.id), { outcome: 'AMMISSIBILE' })).status).toBe(404);

    expect((await revisore.request('PUT', vurl(a.id), { outcome: 'AMMISSIBILE', note: 'Conforme' })).status).toBe(200);
    expect((await revisore.post<Problem>(`${url}/verbale`, {})).body.code).toBe('projects.claims.verbale');
    const partial = await revisore.request<Claim>('PUT', vurl(b.id), {
      outcome: 'PARZIALMENTE_AMMISSIBILE',
      eligibleCents: 1_000_00,
      reasons: ['congruita', 'massimali'],
      note: 'Eccede il prezzo di mercato',
    });
    expect(partial.status).toBe(200);
    expect(partial.body.expenses.find((e) => e.expenseId === b.id)?.verification).toMatchObject({
      outcome: 'PARZIALMENTE_AMMISSIBILE',
      eligibleCents: 1_000_00,
      reasons: ['congruita', 'massimali'],
    });
    expect(partial.body.actions).toContain('VERBALE');

    expect((await referente.post(`${url}/verbale`, {})).status).toBe(403);
    const verbale = await revisore.post<Claim>(`${url}/verbale`, { note: 'Verifica conclusa.' });
    expect(verbale.status).toBe(200);
    expect(verbale.body.verifiedCents).toBe(4_000_00);
    expect(verbale.body.verbale?.number).toMatch(/^\d+\.1\/2026$/);
    expect(await expenseStatus(a.id)).toBe('VERIFICATA');
    expect(await expenseStatus(b.id)).toBe('VERIFICATA');
    // the verification is closed, in the API and in the database
    expect((await revisore.request('PUT', vurl(a.id), { outcome: 'AMMISSIBILE' })).status).toBe(409);
    expect((await move(revisore, draft.id, { to: 'RICHIESTA_INTEGRAZIONI', note: 'Altro' })).status).toBe(409);
    await expect(
      t.db.ownerTx((tx) =>
        tx.query('UPDATE project_expense_verifications SET eligible_cents = 0 WHERE claim_id = $1', [draft.id]),
      ),
    ).rejects.toThrow(/cannot change/);
    await expect(
      t.db.ownerTx((tx) => tx.query('UPDATE project_claims SET verified_cents = 1 WHERE id = $1', [draft.id])),
    ).rejects.toThrow(/verbale/);

    // MLPS approves at most the verified amount, then pays at most the approved
    expect((await referente.post(`${url}/transitions`, { to: 'APPROVATA' })).status).toBe(403);
    expect((await move(mlps, draft.id, { to: 'APPROVATA', approvedCents: 4_000_01 })).status).toBe(400);
    const approved = await move(mlps, draft.id, { to: 'APPROVATA' });
    expect(approved.status).toBe(200);
    expect(approved.body.approvedCents).toBe(4_000_00);
    expect((await move(mlps, draft.id, { to: 'LIQUIDATA' })).status).toBe(400);
    expect((await move(referente, draft.id, { to: 'LIQUIDATA', paidCents: 1, paidOn: '2026-06-01' })).status).toBe(403);
    expect((await move(mlps, draft.id, { to: 'LIQUIDATA', paidCents: 4_000_01, paidOn: '2026-06-01' })).status).toBe(
      400,
    );
    const paid = await move(mlps, draft.id, { to: 'LIQUIDATA', paidCents: 4_000_00, paidOn: '2026-06-01' });
    expect(paid.body).toMatchObject({ status: 'LIQUIDATA', paidCents: 4_000_00, paidOn: '2026-06-01' });
    expect((await move(mlps, draft.id, { to: 'APPROVATA' })).status).toBe(409);
    expect(paid.body.events.map((e) => e.to).sort()).toEqual([
      'APPROVATA',
      'BOZZA',
      'INVIATA',
      'IN_VERIFICA',
      'IN_VERIFICA',
      'LIQUIDATA',
    ]);
    const audit = await auditRows(t.db, `entity_id = $1`, [draft.id]);
    const actions = audit.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'projects.claim.create',
        'projects.claim.submit',
        'projects.claim.transition',
        'projects.claim.verify',
        'projects.claim.verbale',
        'projects.claim.read',
      ]),
    );
    expect(audit.find((r) => r.action === 'projects.claim.verbale')?.details).toMatchObject({
      verifiedCents: 4_000_00,
    });
  });
});

describe('integrations and a new version', () => {
  it('asks with a note, answers with a note, and a new version supersedes the old one when sent', async () => {
    const a = await makeExpense(t.db, project, { chargedCents: 500_00, docDate: '2025-02-01' });
    const b = await makeExpense(t.db, project, { chargedCents: 700_00, docDate: '2025-02-02' });
    const draft = await draftWith([a, b]);
    const url = `${base()}/${draft.id}`;
    await referente.post(`${url}/submit`, {});
    await move(revisore, draft.id, { to: 'IN_VERIFICA' });
    expect((await move(revisore, draft.id, { to: 'RICHIESTA_INTEGRAZIONI' })).body.code).toBe(
      'projects.claims.note_required',
    );
    expect((await move(revisore, draft.id, { to: 'RICHIESTA_INTEGRAZIONI', note: 'Manca la quietanza' })).status).toBe(
      200,
    );
    expect((await move(referente, draft.id, { to: 'CONTRODEDUZIONI' })).status).toBe(400);
    expect((await move(otherComune, draft.id, { to: 'CONTRODEDUZIONI', note: 'x' })).status).toBe(404);
    expect((await move(amministrativo, draft.id, { to: 'CONTRODEDUZIONI', note: 'Allegata' })).status).toBe(200);
    expect((await move(revisore, draft.id, { to: 'RICHIESTA_INTEGRAZIONI', note: 'Ancora' })).status).toBe(200);

    expect((await revisore.post(`${url}/new-version`)).status).toBe(403);
    const v2 = await referente.post<Claim>(`${url}/new-version`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ status: 'BOZZA', versionNo: 2, claimNo: draft.claimNo, supersedesId: draft.id });
    expect(v2.body.expenses.map((e) => e.expenseId).sort()).toEqual([a.id, b.id].sort());
    expect((await referente.post<Problem>(`${url}/new-version`)).body.code).toBe('projects.claims.version_exists');

    // correct it: drop b, send; the old version is superseded and stays readable
    expect((await referente.request('PUT', `${base()}/${v2.body.id}/expenses`, { expenseIds: [a.id] })).status).toBe(
      200,
    );
    const sent = await referente.post<Claim>(`${base()}/${v2.body.id}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.requestedCents).toBe(500_00);
    const old = await referente.get<Claim>(url);
    expect(old.body).toMatchObject({ status: 'SOSTITUITA', supersededById: v2.body.id, requestedCents: 1_200_00 });
    expect(old.body.expenses).toHaveLength(2);
    expect(await expenseStatus(a.id)).toBe('IN_DOMANDA');
    expect(await expenseStatus(b.id)).toBe('VALIDATA');
    expect((await move(revisore, draft.id, { to: 'IN_VERIFICA' })).status).toBe(409);
    // the dropped expense may go into another claim
    const next = await draftWith([b]);
    expect(next.expenses).toHaveLength(1);
    const list = await referente.get<{ items: { id: string; status: string }[] }>(base());
    expect(list.body.items.find((c) => c.id === draft.id)?.status).toBe('SOSTITUITA');
  });
});
