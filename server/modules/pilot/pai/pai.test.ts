import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import type { Ok, OrProblem, Problem, Schema } from '../../../../tests/support/schema.js';
import {
  loginAs,
  makeCase,
  makePilotComune,
  pilotFingerprint,
  twoPilotComuni,
  type MadeCase,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';

type Measure = Schema<'PilotMeasure'>;
type Pai = Schema<'PilotPaiDetail'>;
type BudgetLine = Schema<'PilotBudgetComune'>;

const needs = {
  education: 'secondaria_inferiore',
  skills: ['potatura', 'guida di trattori'],
  languages: [
    { code: 'pa', level: 'madrelingua' },
    { code: 'it', level: 'A2' },
  ],
  workHistory: [{ sector: 'agricoltura', years: 4, description: 'raccolta stagionale' }],
  notes: '',
};
const objectives = ['Raggiungere il livello A2 di italiano', 'Ottenere un contratto di lavoro regolare'];
const measureBody = (over: Record<string, unknown> = {}) => ({
  type: 'corso_italiano',
  providerName: 'CPIA di prova',
  startOn: '2026-06-15',
  endOn: '2026-12-15',
  hoursPlanned: 120,
  costPlanned: 800,
  ...over,
});

let t: TestApp;
let c: PilotComune;
let other: PilotComune;
let op: Agent;
let ref: Agent;
let amm: Agent;
let otherOp: Agent;
let admin: Agent;
let national: Agent;

const agentFor = (u: TestUser): Promise<Agent> => loginAs(t, u);

async function allocate(istat: string, year: number, allocation: number): Promise<void> {
  await t.db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (comune_istat, year) DO UPDATE SET allocation = EXCLUDED.allocation`,
      [istat, year, allocation],
    ),
  );
}

async function draft(kase: MadeCase, as: Agent = op): Promise<Pai> {
  const res = await as.post<Pai>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
    personId: kase.holderId,
    needs,
    objectives,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function move(paiId: string, to: string, as: Agent, extra: Record<string, unknown> = {}) {
  return as.post<OrProblem<Pai>>(`/api/v1/pilot/pais/${paiId}/transitions`, { to, on: '2026-06-01', ...extra });
}

/** A PAI of a fresh case of `comune`, with measures, shared with the beneficiary. */
async function sharedPai(
  comune: PilotComune,
  costs: { cost: number; startOn?: string }[],
  asOp: Agent = op,
): Promise<Pai> {
  const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
  const pai = await draft(kase, asOp);
  for (const m of costs) {
    expect(
      (
        await asOp.post(
          `/api/v1/pilot/pais/${pai.id}/measures`,
          measureBody({ costPlanned: m.cost, startOn: m.startOn ?? '2026-06-15', endOn: undefined }),
        )
      ).status,
    ).toBe(201);
  }
  expect((await move(pai.id, 'condiviso', asOp, { noticeLanguage: 'pa' })).status).toBe(200);
  return pai;
}

async function paiStatus(id: string): Promise<string> {
  const [row] = await t.db.ownerTx((tx) =>
    tx.query<{ status: string }>('SELECT status FROM pilot_pais WHERE id = $1', [id]),
  );
  return row!.status;
}

beforeAll(async () => {
  t = await startTestApp();
  const { a, b } = await twoPilotComuni(t);
  [c, other] = [a, b];
  ({ operatore: op, referente: ref, amministrativo: amm } = a.as);
  otherOp = b.as.operatore;
  admin = await agentFor(await makeUser(t.db, { roles: ['amministratore'] }));
  national = await agentFor(await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
});
afterAll(async () => t.close());

describe('drafting a PAI', () => {
  it('answers 401 → 400 → 404 → 403 → 201, audited without names', async () => {
    const kase = await makeCase(t.db, t.cipher, {
      comune: c,
      status: 'ammesso_misure',
      identity: { surname: 'Cognomeunico' },
    });
    const url = `/api/v1/pilot/cases/${kase.caseId}/pais`;
    const body = { personId: kase.holderId, needs, objectives };
    expect((await new Agent(t.app).post(url, body)).status).toBe(401);
    const bad = await op.post<Problem>(url, {
      ...body,
      objectives: [],
      needs: { ...needs, skills: ['x'.repeat(121)] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual(['body.needs.skills.0', 'body.objectives']);
    expect((await op.post(`/api/v1/pilot/cases/${randomUUID()}/pais`, body)).status).toBe(404);
    expect((await otherOp.post(url, body)).status).toBe(404);
    expect((await amm.post(url, body)).status).toBe(403);

    const res = await op.post<Pai>(url, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: kase.caseId,
      personId: kase.holderId,
      pseudonym: kase.pseudonym,
      status: 'bozza',
      version: 1,
      objectives,
      measures: [],
      totals: { plannedCost: 0, actualCost: 0, plannedHours: 0, actualHours: 0 },
      versions: [],
      allowedTransitions: ['condiviso'],
    });
    const audit = await auditRows(t.db, `action = 'pilot.pai.create' AND entity_id = $1`, [res.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(c.istat);
    expect(JSON.stringify(audit)).not.toContain('Cognomeunico');
  });

  it('refuses a second live PAI for the same person, writing nothing', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' });
    await draft(kase);
    const before = await pilotFingerprint(t.db);
    const again = await op.post<Problem>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
      personId: kase.holderId,
      needs,
      objectives,
    });
    expect([again.status, again.body.code]).toEqual([409, 'pilot.pai_exists']);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses a PAI for a person outside the case, writing nothing', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' });
    const stranger = await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' });
    const before = await pilotFingerprint(t.db);
    const outside = await op.post<Problem>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
      personId: stranger.holderId,
      needs,
      objectives,
    });
    expect([outside.status, outside.body.code]).toEqual([409, 'pilot.not_eligible']);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses a PAI for a person not admitted to the measures, writing nothing', async () => {
    const open = await makeCase(t.db, t.cipher, { comune: c, status: 'aperto' });
    const before = await pilotFingerprint(t.db);
    const notAdmitted = await op.post<Problem>(`/api/v1/pilot/cases/${open.caseId}/pais`, {
      personId: open.holderId,
      needs,
      objectives,
    });
    expect([notAdmitted.status, notAdmitted.body.code]).toEqual([409, 'pilot.not_eligible']);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });
});

describe('reading and editing a PAI', () => {
  it('answers 401 → 400 → 404 (other Comune, unassigned operatore) → 403 → 200, and audits the read', async () => {
    const kase = await makeCase(t.db, t.cipher, {
      comune: c,
      status: 'ammesso_misure',
      identity: { surname: 'Lettura' },
    });
    const pai = await draft(kase);
    const url = `/api/v1/pilot/pais/${pai.id}`;
    expect((await new Agent(t.app).get(url)).status).toBe(401);
    expect((await op.get('/api/v1/pilot/pais/not-a-uuid')).status).toBe(400);
    expect((await op.get(`/api/v1/pilot/pais/${randomUUID()}`)).status).toBe(404);
    expect((await otherOp.get(url)).status).toBe(404);
    const colleague = await agentFor(await makeUser(t.db, { roles: ['operatore'], org: c.enteOrg }));
    expect((await colleague.get(url)).status).toBe(404);
    expect((await amm.get(url)).status).toBe(403);
    const res = await ref.get<Pai>(url);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: pai.id, pseudonym: kase.pseudonym, status: 'bozza' });
    const reads = await auditRows(t.db, `action = 'pilot.pai.read' AND entity_id = $1`, [pai.id]);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ tenant_comune: c.istat, actor_user_id: c.referente.id });
    expect(JSON.stringify(reads)).not.toContain('Lettura');
  });

  it('edits a draft at the version the editor read, auditing the fields changed', async () => {
    const pai = await draft(await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' }));
    const ok = await op.patch<Pai>(`/api/v1/pilot/pais/${pai.id}`, {
      objectives: ['Nuovo obiettivo'],
      expectedVersion: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.objectives).toEqual(['Nuovo obiettivo']);
    expect((await auditRows(t.db, `action = 'pilot.pai.update' AND entity_id = $1`, [pai.id]))[0]!.details).toEqual({
      fields: ['objectives'],
    });
  });

  it('asks for the version the editor read (400 without it)', async () => {
    const pai = await draft(await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' }));
    expect((await op.patch(`/api/v1/pilot/pais/${pai.id}`, { objectives: ['Nuovo obiettivo'] })).status).toBe(400);
  });

  it('refuses an edit made on a stale version', async () => {
    const pai = await draft(await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' }));
    const stale = await op.patch<Problem>(`/api/v1/pilot/pais/${pai.id}`, {
      objectives: ['Nuovo obiettivo'],
      expectedVersion: 2,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'pilot.stale']);
  });

  it('locks a PAI once it is shared with the beneficiary', async () => {
    const pai = await draft(await makeCase(t.db, t.cipher, { comune: c, status: 'ammesso_misure' }));
    expect((await move(pai.id, 'condiviso', op, { noticeLanguage: 'ur' })).status).toBe(200);
    const locked = await op.patch<Problem>(`/api/v1/pilot/pais/${pai.id}`, {
      objectives: ['Altro'],
      expectedVersion: 1,
    });
    expect([locked.status, locked.body.code]).toEqual([409, 'pilot.pai_locked']);
  });
});

describe('the PAI lifecycle', () => {
  it('bozza → condiviso → approvato → in_corso → in_revisione → in_corso → chiuso, with version 1 frozen', async () => {
    const comune = await makePilotComune(t.db);
    const [o, r] = [await agentFor(comune.operatore), await agentFor(comune.referente)];
    await allocate(comune.istat, 2026, 10_000);
    const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
    const pai = await draft(kase, o);
    expect((await o.post(`/api/v1/pilot/pais/${pai.id}/measures`, measureBody())).status).toBe(201);

    const invalid = await move(pai.id, 'in_corso', o);
    expect([invalid.status, invalid.body.code]).toEqual([409, 'pilot.invalid_transition']);
    expect(invalid.body.detail).toContain('da «bozza» a «in corso»');
    const noLanguage = await move(pai.id, 'condiviso', o);
    expect([noLanguage.status, noLanguage.body.errors?.[0]?.path]).toEqual([400, 'body.noticeLanguage']);
    expect((await move(pai.id, 'condiviso', o, { noticeLanguage: 'pa', on: '2026-06-02' })).status).toBe(400); // in the future

    const shared = await move(pai.id, 'condiviso', o, { noticeLanguage: 'pa' });
    expect(shared.body).toMatchObject({ status: 'condiviso', sharedOn: '2026-06-01', noticeLanguage: 'pa' });
    expect(shared.body.allowedTransitions).toEqual(['bozza']); // the operatore may not approve
    const denied = await move(pai.id, 'approvato', o);
    expect([denied.status, denied.body.code]).toEqual([403, 'forbidden']);

    const approved = await move(pai.id, 'approvato', r);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approvato',
      approvedOn: '2026-06-01',
      reviewDueOn: '2026-12-01',
      approvedBy: expect.any(String),
    });
    const [caseRow] = await t.db.ownerTx((tx) =>
      tx.query<{ status: string; version: number }>('SELECT status, version FROM pilot_cases WHERE id = $1', [
        kase.caseId,
      ]),
    );
    expect(caseRow).toEqual({ status: 'pai_attivo', version: 2 });
    const events = await t.db.ownerTx((tx) =>
      tx.query<{ type: string; from_status: string | null; to_status: string | null }>(
        'SELECT type, from_status, to_status FROM pilot_case_events WHERE case_id = $1 ORDER BY id',
        [kase.caseId],
      ),
    );
    expect(events).toContainEqual({ type: 'PAI_APPROVATO', from_status: 'ammesso_misure', to_status: 'pai_attivo' });

    expect((await move(pai.id, 'in_corso', o)).body.status).toBe('in_corso');
    const revising = await move(pai.id, 'in_revisione', o);
    expect(revising.body).toMatchObject({ status: 'in_revisione', version: 2, versions: [{ version: 1 }] });
    const edited = await o.patch<Pai>(`/api/v1/pilot/pais/${pai.id}`, {
      objectives: ['Obiettivo rivisto'],
      expectedVersion: 2,
    });
    expect(edited.status).toBe(200);
    expect(
      (await o.patch<Problem>(`/api/v1/pilot/pais/${pai.id}`, { objectives: ['X'], expectedVersion: 1 })).body.code,
    ).toBe('pilot.stale');

    const v1 = await o.get<Schema<'PilotPaiVersion'>>(`/api/v1/pilot/pais/${pai.id}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body.snapshot).toMatchObject({
      status: 'in_corso',
      version: 1,
      objectives,
      totals: { plannedCost: 800 },
    });
    expect(v1.body.snapshot.measures).toHaveLength(1);
    expect((await o.get(`/api/v1/pilot/pais/${pai.id}/versions/2`)).status).toBe(404);
    expect(
      await auditRows(t.db, `action = 'pilot.pai.read' AND entity_id = $1 AND details->>'version' = '1'`, [pai.id]),
    ).toHaveLength(1);

    expect((await move(pai.id, 'in_corso', o)).status).toBe(403); // resuming is the referente's decision
    expect((await move(pai.id, 'in_corso', r)).body).toMatchObject({
      status: 'in_corso',
      version: 2,
      objectives: ['Obiettivo rivisto'],
    });
    const closed = await move(pai.id, 'chiuso', o);
    expect(closed.body).toMatchObject({ status: 'chiuso', closedOn: '2026-06-01', allowedTransitions: [] });
    expect((await move(pai.id, 'in_corso', r)).status).toBe(409);

    const transitions = await auditRows(t.db, `action = 'pilot.pai.transition' AND entity_id = $1`, [pai.id]);
    expect(transitions.map((a) => `${a.details.from as string}>${a.details.to as string}`)).toEqual([
      'bozza>condiviso',
      'condiviso>approvato',
      'approvato>in_corso',
      'in_corso>in_revisione',
      'in_revisione>in_corso',
      'in_corso>chiuso',
    ]);
  });
});

describe('the budget guard', () => {
  it('refuses an approval beyond the allocation, writing nothing', async () => {
    const comune = await makePilotComune(t.db);
    const [o, r] = [await agentFor(comune.operatore), await agentFor(comune.referente)];
    await allocate(comune.istat, 2026, 2000);
    const first = await sharedPai(comune, [{ cost: 766 }], o);
    expect((await move(first.id, 'approvato', r)).status).toBe(200);
    const second = await sharedPai(comune, [{ cost: 1000 }, { cost: 1000 }], o);
    const before = await pilotFingerprint(t.db);
    const refused = await move(second.id, 'approvato', r);
    expect([refused.status, refused.body.code]).toEqual([409, 'pilot.budget_exceeded']);
    expect(refused.body.detail).toBe(
      'Impegno oltre lo stanziamento: disponibili € 1.234,00, richiesti € 2.000,00 (anno 2026)',
    );
    expect(await pilotFingerprint(t.db)).toEqual(before);
    expect(await paiStatus(second.id)).toBe('condiviso');
    expect(
      await auditRows(t.db, `action = 'pilot.pai.transition' AND entity_id = $1 AND details->>'to' = 'approvato'`, [
        second.id,
      ]),
    ).toHaveLength(0);

    // a measure added to, or raised on, an approved PAI is checked at once
    const add = await o.post<Problem>(`/api/v1/pilot/pais/${first.id}/measures`, measureBody({ costPlanned: 1234.01 }));
    expect([add.status, add.body.code]).toEqual([409, 'pilot.budget_exceeded']);
    expect(add.body.detail).toContain('disponibili € 1.234,00, richiesti € 1.234,01');
    const fits = await o.post<Measure>(`/api/v1/pilot/pais/${first.id}/measures`, measureBody({ costPlanned: 1234 }));
    expect(fits.status).toBe(201);
    const before2 = await pilotFingerprint(t.db);
    const raise = await o.patch<Problem>(`/api/v1/pilot/measures/${fits.body.id}`, { costPlanned: 1300 });
    expect([raise.status, raise.body.code]).toEqual([409, 'pilot.budget_exceeded']);
    expect(await pilotFingerprint(t.db)).toEqual(before2);
    expect((await o.patch(`/api/v1/pilot/measures/${fits.body.id}`, { costPlanned: 1000 })).status).toBe(200);
  });

  it('refuses a commitment in a year without an allocation', async () => {
    const comune = await makePilotComune(t.db);
    const r = await agentFor(comune.referente);
    await allocate(comune.istat, 2026, 50_000);
    const pai = await sharedPai(
      comune,
      [{ cost: 500 }, { cost: 300, startOn: '2027-01-10' }],
      await agentFor(comune.operatore),
    );
    const before = await pilotFingerprint(t.db);
    const refused = await move(pai.id, 'approvato', r);
    expect([refused.status, refused.body.code]).toEqual([409, 'pilot.budget_missing']);
    expect(refused.body.detail).toContain('2027');
    expect(await pilotFingerprint(t.db)).toEqual(before);
    expect(await paiStatus(pai.id)).toBe('condiviso');
  });

  it('reports allocation, commitments and spending: own Comune for its staff, every pilot Comune nationally', async () => {
    const comune = await makePilotComune(t.db);
    const [o, r] = [await agentFor(comune.operatore), await agentFor(comune.referente)];
    await allocate(comune.istat, 2026, 5000);
    const pai = await sharedPai(comune, [{ cost: 1200 }], o);
    expect((await move(pai.id, 'approvato', r)).status).toBe(200);
    const m = (await o.get<Pai>(`/api/v1/pilot/pais/${pai.id}`)).body.measures[0]!;
    expect((await o.patch(`/api/v1/pilot/measures/${m.id}`, { status: 'avviata' })).status).toBe(200);
    expect((await o.patch(`/api/v1/pilot/measures/${m.id}`, { costActual: 450.5 })).status).toBe(200);
    await sharedPai(comune, [{ cost: 999 }], o); // not approved: commits nothing

    expect((await new Agent(t.app).get('/api/v1/pilot/budget?year=2026')).status).toBe(401);
    expect((await r.get('/api/v1/pilot/budget?year=1999')).status).toBe(400);
    expect((await o.get('/api/v1/pilot/budget?year=2026')).status).toBe(403);
    const own = await r.get<Schema<'PilotBudget'>>('/api/v1/pilot/budget?year=2026');
    expect(own.status).toBe(200);
    expect(own.body.comuni).toEqual([
      expect.objectContaining({
        comuneIstat: comune.istat,
        allocation: 5000,
        committed: 1200,
        spent: 450.5,
        available: 3800,
        byType: [{ type: 'corso_italiano', committed: 1200, spent: 450.5 }],
      }),
    ]);
    expect(
      (await (await agentFor(comune.amministrativo)).get<Schema<'PilotBudget'>>('/api/v1/pilot/budget')).body.comuni,
    ).toHaveLength(1);
    const all = await national.get<Ok<'/api/v1/pilot/budget', 'get'>>('/api/v1/pilot/budget?year=2026');
    expect(all.status).toBe(200);
    const istats = all.body.comuni.map((b) => b.comuneIstat);
    expect(istats).toEqual(expect.arrayContaining([comune.istat, c.istat, other.istat]));
    expect(all.body.comuni.find((b) => b.comuneIstat === comune.istat)).toMatchObject({
      committed: 1200,
      allocation: 5000,
    });
    expect(all.body.total.committed).toBeGreaterThanOrEqual(1200);
  });

  it('lets ANCI/Cittalia (assistenza tecnica) set an allocation: 401 → 400 → 404 → 403 → 200, audited', async () => {
    const url = `/api/v1/pilot/budget/${c.istat}/2026`;
    expect((await new Agent(t.app).request('PUT', url, { allocation: 1 })).status).toBe(401);
    expect((await national.request('PUT', url, { allocation: 10.001 })).status).toBe(400);
    expect((await national.request('PUT', url, { allocation: -1 })).status).toBe(400);
    const [notPilot] = await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>('SELECT istat_code FROM registry_comuni_v WHERE NOT pilot_18ter LIMIT 1'),
    );
    const missing = await national.request<Problem>('PUT', `/api/v1/pilot/budget/${notPilot!.istat_code}/2026`, {
      allocation: 1,
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'comune.not_found']);
    expect((await ref.request('PUT', url, { allocation: 1 })).status).toBe(403);
    expect((await admin.request('PUT', url, { allocation: 1 })).status).toBe(403); // configuration, not funds
    const set = await national.request<BudgetLine>('PUT', url, { allocation: 25_000.5 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ comuneIstat: c.istat, allocation: 25_000.5 });
    expect((await national.request<BudgetLine>('PUT', url, { allocation: 30_000 })).body.allocation).toBe(30_000);
    const audit = await auditRows(t.db, `action = 'pilot.budget.set' AND tenant_comune = $1`, [c.istat]);
    expect(audit.map((a) => a.details)).toEqual([
      { year: 2026, allocation: 25_000.5, previous: null },
      { year: 2026, allocation: 30_000, previous: 25_000.5 },
    ]);
  });
});

describe('measures', () => {
  it('answers 401 → 400 → 404 → 403 → 201 and follows the measure status machine', async () => {
    const comune = await makePilotComune(t.db);
    const [o, r] = [await agentFor(comune.operatore), await agentFor(comune.referente)];
    await allocate(comune.istat, 2026, 10_000);
    const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
    const pai = await draft(kase, o);
    const url = `/api/v1/pilot/pais/${pai.id}/measures`;
    expect((await new Agent(t.app).post(url, measureBody())).status).toBe(401);
    const bad = await o.post<Problem>(url, measureBody({ endOn: '2026-06-01', costPlanned: 10.555 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual(['body.costPlanned', 'body.endOn']);
    expect((await o.post(`/api/v1/pilot/pais/${randomUUID()}/measures`, measureBody())).status).toBe(404);
    expect((await otherOp.post(url, measureBody())).status).toBe(404);
    expect((await amm.post(url, measureBody())).status).toBe(403);
    const made = await o.post<Measure>(url, measureBody({ providerOrgId: comune.enteOrg.id }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      status: 'pianificata',
      costPlanned: 800,
      allowedTransitions: ['avviata', 'annullata'],
    });
    expect((await o.post<Problem>(url, measureBody({ providerOrgId: randomUUID() }))).body.errors?.[0]?.path).toBe(
      'body.providerOrgId',
    );

    const murl = `/api/v1/pilot/measures/${made.body.id}`;
    expect((await o.patch(`/api/v1/pilot/measures/${randomUUID()}`, { status: 'avviata' })).status).toBe(404);
    expect((await otherOp.patch(murl, { status: 'avviata' })).status).toBe(404);
    expect((await o.patch<Problem>(murl, { endOn: '2026-06-01' })).body.errors?.[0]?.path).toBe('body.endOn');
    const skip = await o.patch<Problem>(murl, { status: 'completata' });
    expect([skip.status, skip.body.code]).toEqual([409, 'pilot.invalid_transition']);
    const early = await o.patch<Problem>(murl, { status: 'avviata' });
    expect([early.status, early.body.code]).toEqual([409, 'pilot.invalid_transition']); // the PAI is not approved yet

    expect((await move(pai.id, 'condiviso', o, { noticeLanguage: 'bn' })).status).toBe(200);
    expect((await move(pai.id, 'approvato', r)).status).toBe(200);
    expect((await o.patch<Measure>(murl, { status: 'avviata' })).body.status).toBe('avviata');
    const done = await o.patch<Measure>(murl, {
      status: 'completata',
      hoursActual: 110.5,
      costActual: 780,
      outcome: 'Livello A2 raggiunto',
    });
    expect(done.body).toMatchObject({ status: 'completata', costActual: 780, allowedTransitions: [] });
    expect((await o.patch(murl, { status: 'avviata' })).status).toBe(409);
    const audit = await auditRows(t.db, `action = 'pilot.measure.update' AND entity_id = $1`, [made.body.id]);
    expect(audit.at(-1)!.details).toEqual({
      paiId: pai.id,
      fields: ['status', 'actualEndOn', 'hoursActual', 'costActual', 'outcome'],
      from: 'avviata',
      to: 'completata',
    });
    expect(JSON.stringify(audit)).not.toContain('A2 raggiunto');
    const detail = await o.get<Pai>(`/api/v1/pilot/pais/${pai.id}`);
    expect(detail.body.totals).toEqual({ plannedCost: 800, actualCost: 780, plannedHours: 120, actualHours: 110.5 });
  });
});

describe('the printed PAI', () => {
  it('is a tagged PDF for the case, refused to another Comune, and the print is audited', async () => {
    const kase = await makeCase(t.db, t.cipher, {
      comune: c,
      status: 'ammesso_misure',
      identity: { surname: 'Stampabile' },
    });
    const pai = await draft(kase);
    await op.post(
      `/api/v1/pilot/pais/${pai.id}/measures`,
      measureBody({ providerName: 'Ente <script>alert(1)</script>' }),
    );
    expect((await new Agent(t.app).get(`/api/v1/pilot/pais/${pai.id}/pdf`)).status).toBe(401);
    expect((await otherOp.get(`/api/v1/pilot/pais/${pai.id}/pdf`)).status).toBe(404);
    const res = await op.get(`/api/v1/pilot/pais/${pai.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.raw.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('StructTreeRoot');
    const audit = await auditRows(t.db, `action = 'pilot.pai.print' AND entity_id = $1`, [pai.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Stampabile');
  });
});
