/**
 * Issue 9, budget: allocations set ahead by ANCI/Cittalia, measures committed to the year they
 * start in (a PAI across the year tests each year), the problem that says who must act, actual
 * costs far above plan only when confirmed, actual dates, frozen versions with what was actual,
 * closing a case settles its PAIs (checked in the budget view), and follow-up dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import type { OrProblem, Problem, Schema } from '../../../../tests/support/schema.js';
import {
  loginAs,
  makeCase,
  makePilotComune,
  pilotFingerprint,
  type MadeCase,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';

type Pai = Schema<'PilotPaiDetail'>;
type Measure = Schema<'PilotMeasure'>;
type Budget = Schema<'PilotBudget'>;

let t: TestApp;
let anci: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  admin = await loginAs(t, await makeUser(t.db, { roles: ['amministratore'] }));
});
afterAll(async () => t.close());

interface Staff {
  comune: PilotComune;
  op: Agent;
  ref: Agent;
}
async function staff(): Promise<Staff> {
  const comune = await makePilotComune(t.db);
  return { comune, op: await loginAs(t, comune.operatore), ref: await loginAs(t, comune.referente) };
}

const allocate = (s: Staff, year: number, allocation: number) =>
  anci.request<OrProblem<Schema<'PilotBudgetComune'>>>('PUT', `/api/v1/pilot/budget/${s.comune.istat}/${year}`, {
    allocation,
  });

async function paiWith(
  s: Staff,
  measures: { cost: number; startOn?: string }[],
): Promise<{ pai: Pai; kase: MadeCase; ids: string[] }> {
  const kase = await makeCase(t.db, t.cipher, { comune: s.comune, status: 'ammesso_misure' });
  const pai = await s.op.post<Pai>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
    personId: kase.holderId,
    needs: { education: 'primaria' },
    objectives: ['Lavoro'],
  });
  expect(pai.status).toBe(201);
  const ids: string[] = [];
  for (const m of measures) {
    const res = await s.op.post<Measure>(`/api/v1/pilot/pais/${pai.body.id}/measures`, {
      type: 'corso_italiano',
      providerName: 'CPIA',
      startOn: m.startOn ?? '2026-06-15',
      hoursPlanned: 10,
      costPlanned: m.cost,
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  expect((await move(s.op, pai.body.id, 'condiviso', { noticeLanguage: 'ur' })).status).toBe(200);
  return { pai: pai.body, kase, ids };
}

const move = (as: Agent, paiId: string, to: string, extra: Record<string, unknown> = {}) =>
  as.post<OrProblem<Pai>>(`/api/v1/pilot/pais/${paiId}/transitions`, { to, on: '2026-06-01', ...extra });

async function budgetOf(s: Staff, year: number) {
  const res = await s.ref.get<Budget>(`/api/v1/pilot/budget?year=${year}`);
  return res.body.comuni.find((c) => c.comuneIstat === s.comune.istat)!;
}

describe('allocations', () => {
  it('are set ahead by ANCI/Cittalia, from last year to three years ahead, audited; refused to others', async () => {
    const s = await staff();
    const set = await allocate(s, 2027, 120_000);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ comuneIstat: s.comune.istat, allocation: 120_000 });
    for (const year of [2024, 2030]) {
      const out = await allocate(s, year, 1);
      expect([out.status, out.body.errors?.[0]?.path]).toEqual([400, 'params.year']);
    }
    const url = `/api/v1/pilot/budget/${s.comune.istat}/2027`;
    const mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
    for (const other of [admin, s.ref, mlps])
      expect((await other.request('PUT', url, { allocation: 1 })).status).toBe(403);
    expect((await anci.request('PUT', url, { allocation: 1_000_000.01 })).status).toBe(400);
    const audit = await auditRows(t.db, `action = 'pilot.budget.set' AND tenant_comune = $1`, [s.comune.istat]);
    expect(audit.map((a) => a.details)).toEqual([{ year: 2027, allocation: 120_000, previous: null }]);
    expect((await budgetOf(s, 2027)).allocation).toBe(120_000);
  });
});

describe('a PAI across the year', () => {
  it("commits each measure to the year it starts in and tests each year's allocation, naming who must act", async () => {
    const s = await staff();
    await allocate(s, 2026, 1000);
    const { pai, ids } = await paiWith(s, [
      { cost: 600, startOn: '2026-12-15' },
      { cost: 500, startOn: '2027-01-10' },
    ]);
    const before = await pilotFingerprint(t.db);
    const missing = await move(s.ref, pai.id, 'approvato');
    expect([missing.status, missing.body.code]).toEqual([409, 'pilot.budget_missing']);
    expect(missing.body.context).toEqual({ year: 2027, comuneIstat: s.comune.istat, role: 'assistenza_tecnica' });
    expect(missing.body.detail).toContain("Manca lo stanziamento del Comune per l'anno 2027");
    expect(missing.body.detail).toContain('assistenza tecnica ANCI/Cittalia');
    expect(await pilotFingerprint(t.db)).toEqual(before);

    await allocate(s, 2027, 400);
    const over = await move(s.ref, pai.id, 'approvato');
    expect([over.status, over.body.code, over.body.context?.year]).toEqual([409, 'pilot.budget_exceeded', 2027]);

    await allocate(s, 2027, 500);
    const ok = await move(s.ref, pai.id, 'approvato');
    expect(ok.status).toBe(200);
    expect(ok.body.measures.map((m) => [m.id, m.budgetYear])).toEqual([
      [ids[0], 2026],
      [ids[1], 2027],
    ]);
    expect(await budgetOf(s, 2026)).toMatchObject({ committed: 600, available: 400 });
    expect(await budgetOf(s, 2027)).toMatchObject({ committed: 500, available: 0 });
  });
});

describe('actual cost and dates of a measure', () => {
  it('asks for confirmation above 150% of plan, records actual dates within the PAI, not in the future', async () => {
    const s = await staff();
    await allocate(s, 2026, 10_000);
    const { pai, ids } = await paiWith(s, [{ cost: 100 }]);
    const url = `/api/v1/pilot/measures/${ids[0]!}`;
    expect((await move(s.ref, pai.id, 'approvato')).status).toBe(200);

    const early = await s.op.patch<Problem>(url, { status: 'avviata', actualStartOn: '2026-05-31' });
    expect([early.status, early.body.errors?.[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'body.actualStartOn', code: 'too_early' }),
    ]);
    const future = await s.op.patch<Problem>(url, { status: 'avviata', actualStartOn: '2026-06-02' });
    expect([future.status, future.body.errors?.[0]?.code]).toEqual([400, 'future_date']);
    const notEnded = await s.op.patch<Problem>(url, { status: 'avviata', actualEndOn: '2026-06-01' });
    expect([notEnded.status, notEnded.body.errors?.[0]?.code]).toEqual([400, 'not_allowed']);
    const started = await s.op.patch<Measure>(url, { status: 'avviata' });
    expect(started.body).toMatchObject({ status: 'avviata', actualStartOn: '2026-06-01', actualEndOn: null });

    // '400,50' read as 40050: refused without confirmation, nothing written
    const before = await pilotFingerprint(t.db);
    const slip = await s.op.patch<Problem>(url, { costActual: 40_050 });
    expect([slip.status, slip.body.code]).toEqual([409, 'pilot.cost_above_plan']);
    expect(slip.body.context).toEqual({ actual: 40_050, planned: 100 });
    expect(await pilotFingerprint(t.db)).toEqual(before);
    expect((await s.op.patch(url, { costActual: 150.01 })).status).toBe(409);
    expect((await s.op.patch<Measure>(url, { costActual: 150 })).body.costActual).toBe(150);
    for (const bad of [-1, 10.001, 1_000_000.01]) expect((await s.op.patch(url, { costActual: bad })).status).toBe(400);
    expect((await s.op.patch(url, { confirmAbovePlan: true })).status).toBe(400); // nothing to change
    const confirmed = await s.op.patch<Measure>(url, { costActual: 400, confirmAbovePlan: true });
    expect(confirmed.body.costActual).toBe(400);
    const audit = await auditRows(t.db, `action = 'pilot.measure.update' AND entity_id = $1`, [ids[0]]);
    expect(audit.at(-1)!.details).toMatchObject({ fields: ['costActual'], confirmedAbovePlan: true });

    const done = await s.op.patch<Measure>(url, { status: 'completata' });
    expect(done.body).toMatchObject({ actualStartOn: '2026-06-01', actualEndOn: '2026-06-01' });
    const fixed = await s.op.patch<Problem>(url, { actualEndOn: '2026-05-31' });
    expect([fixed.status, fixed.body.errors?.[0]?.path]).toEqual([400, 'body.actualEndOn']);
    expect((await budgetOf(s, 2026)).spent).toBe(400);
  });

  it('freezes in a version what was actual when the revision started', async () => {
    const s = await staff();
    await allocate(s, 2026, 10_000);
    const { pai, ids } = await paiWith(s, [{ cost: 300 }]);
    const url = `/api/v1/pilot/measures/${ids[0]!}`;
    expect((await move(s.ref, pai.id, 'approvato')).status).toBe(200);
    expect((await s.op.patch(url, { status: 'avviata', costActual: 50, hoursActual: 4 })).status).toBe(200);
    expect((await move(s.op, pai.id, 'in_corso')).status).toBe(200);
    expect((await move(s.op, pai.id, 'in_revisione')).status).toBe(200);
    expect((await s.op.patch(url, { costActual: 70, status: 'completata' })).status).toBe(200);
    const v1 = await s.op.get<Schema<'PilotPaiVersion'>>(`/api/v1/pilot/pais/${pai.id}/versions/1`);
    expect(v1.body.snapshot.measures[0]).toMatchObject({
      status: 'avviata',
      costActual: 50,
      hoursActual: 4,
      actualStartOn: '2026-06-01',
      actualEndOn: null,
    });
    expect(v1.body.snapshot.totals.actualCost).toBe(50);
    const live = await s.op.get<Pai>(`/api/v1/pilot/pais/${pai.id}`);
    expect(live.body.measures[0]).toMatchObject({ status: 'completata', costActual: 70, actualEndOn: '2026-06-01' });
  });
});

describe('closing a case', () => {
  it('previews, then settles its PAI: planned measures cancelled and released, started ones interrupted', async () => {
    const s = await staff();
    await allocate(s, 2026, 10_000);
    const { pai, kase, ids } = await paiWith(s, [{ cost: 300 }, { cost: 200 }, { cost: 500 }]);
    expect((await move(s.ref, pai.id, 'approvato')).status).toBe(200);
    expect((await s.op.patch(`/api/v1/pilot/measures/${ids[2]!}`, { status: 'avviata', costActual: 120 })).status).toBe(
      200,
    );
    expect(await budgetOf(s, 2026)).toMatchObject({ committed: 1000, spent: 120, available: 9000 });

    const previewUrl = `/api/v1/pilot/cases/${kase.caseId}/closure-preview`;
    expect((await new Agent(t.app).get(previewUrl)).status).toBe(401);
    expect((await anci.get(previewUrl)).status).toBe(403);
    const preview = await s.op.get<Schema<'PilotClosurePreview'>>(previewUrl);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      paisClosing: 1,
      released: 500,
      withoutActualCost: 0,
      // measures planned on the same day and created in the same instant come in no fixed order
      cancelled: expect.arrayContaining([
        expect.objectContaining({ measureId: ids[0], costPlanned: 300, committed: true }),
        expect.objectContaining({ measureId: ids[1], costPlanned: 200, committed: true }),
      ]) as unknown,
      interrupted: [{ measureId: ids[2], costPlanned: 500, costActual: 120 }],
    });
    expect(preview.body.cancelled).toHaveLength(2);
    expect(await budgetOf(s, 2026)).toMatchObject({ committed: 1000 }); // the preview changes nothing

    const closed = await s.op.post(`/api/v1/pilot/cases/${kase.caseId}/transitions`, {
      to: 'chiuso',
      on: '2026-06-01',
      reason: 'Trasferimento in altro Comune',
      exitReason: 'trasferimento',
    });
    expect(closed.status).toBe(200);
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ id: string; status: string; actual_end_on: string | null }>(
        'SELECT id, status, actual_end_on::text AS actual_end_on FROM pilot_measures WHERE pai_id = $1',
        [pai.id],
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.actual_end_on]]))).toEqual({
      [ids[0]!]: ['annullata', null],
      [ids[1]!]: ['annullata', null],
      [ids[2]!]: ['interrotta', '2026-06-01'],
    });
    expect(await budgetOf(s, 2026)).toMatchObject({ committed: 500, spent: 120, available: 9500 });
    const settle = await auditRows(t.db, `action = 'pilot.measures.settle' AND entity_id = $1`, [kase.caseId]);
    expect(settle).toHaveLength(1);
    const details = settle[0]!.details as { cancelled: string[]; interrupted: string[]; released: number };
    expect({ ...details, cancelled: [...details.cancelled].sort() }).toEqual({
      cancelled: [ids[0], ids[1]].sort(),
      interrupted: [ids[2]],
      released: 500,
    });
    const afterClose = await s.op.get<Problem>(previewUrl);
    expect([afterClose.status, afterClose.body.code]).toEqual([409, 'pilot.invalid_transition']);
  });
});

describe('follow-up dates', () => {
  it('are after the exit and no earlier than a month before they are due', async () => {
    const s = await staff();
    const kase = await makeCase(t.db, t.cipher, { comune: s.comune, status: 'ammesso_misure' });
    const url = `/api/v1/pilot/cases/${kase.caseId}`;
    const closing = { to: 'chiuso', on: '2026-06-01', reason: 'Uscita', exitReason: 'trasferimento' };
    expect((await s.op.post(`${url}/transitions`, closing)).status).toBe(200);
    t.clock.advance(220 * 86_400_000); // 2027-01-07: a new session
    const op = await loginAs(t, s.comune.operatore);
    const followUp = (kind: string, occurredOn: string) =>
      op.post<Problem>(`${url}/outcomes`, { personId: kase.holderId, kind, occurredOn, employed: true });
    for (const [kind, on] of [
      ['follow_up_6', '2026-05-20'], // before the exit
      ['follow_up_6', '2026-10-01'], // four months after it
      ['follow_up_12', '2026-12-20'],
    ] as const) {
      const refused = await followUp(kind, on);
      expect([refused.status, refused.body.errors?.[0]?.code]).toEqual([400, 'too_early']);
    }
    expect((await followUp('follow_up_6', '2026-10-01')).body.errors?.[0]?.message).toContain('dal 01/11/2026');
    expect((await followUp('follow_up_6', '2026-12-01')).status).toBe(201);
  });
});
