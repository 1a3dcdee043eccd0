/**
 * What counts as committed: the measures of a PAI once approved, whatever its status since. A
 * revision cannot be used to add spending past the allocation, and a PAI never approved commits
 * nothing, also when its case closes. And a permit whose renewal was requested raises no reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import {
  makeCase,
  makePilotComune,
  pilotFingerprint,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';
import { pilotJobs } from '../index.js';

let t: TestApp;
let a: PilotComune;
let ref: Agent;
beforeAll(async () => {
  t = await startTestApp();
  a = await makePilotComune(t.db);
  await t.db.ownerTx((tx) =>
    tx.query(`INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, 2026, 1000, now())`, [
      a.istat,
    ]),
  );
  ref = new Agent(t.app);
  await ref.login(a.referente.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

async function approvedPai(cost: number): Promise<{ paiId: string; caseId: string }> {
  const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
  const pai = await ref.post<{ id: string }>(`/api/v1/pilot/cases/${c.caseId}/pais`, {
    personId: c.holderId,
    needs: { education: 'primaria' },
    objectives: ['Lavoro'],
  });
  await ref.post(`/api/v1/pilot/pais/${pai.body.id}/measures`, {
    type: 'orientamento',
    providerName: 'Ente',
    startOn: '2026-05-20',
    hoursPlanned: 1,
    costPlanned: cost,
  });
  for (const [to, extra] of [
    ['condiviso', { noticeLanguage: 'ur' }],
    ['approvato', {}],
  ] as const) {
    expect(
      (await ref.post(`/api/v1/pilot/pais/${pai.body.id}/transitions`, { to, on: '2026-05-25', ...extra })).status,
    ).toBe(200);
  }
  return { paiId: pai.body.id, caseId: c.caseId };
}

const committed = async () =>
  (
    await ref.get<{ comuni: { comuneIstat: string; committed: number }[] }>('/api/v1/pilot/budget?year=2026')
  ).body.comuni.find((c) => c.comuneIstat === a.istat)!.committed;

describe('budget commitments', () => {
  it('refuses a measure added under revision past the allocation, writing nothing', async () => {
    const { paiId } = await approvedPai(600);
    for (const to of ['in_corso', 'in_revisione']) {
      expect((await ref.post(`/api/v1/pilot/pais/${paiId}/transitions`, { to, on: '2026-05-26' })).status).toBe(200);
    }
    const before = await pilotFingerprint(t.db);
    const over = await ref.post<{ code: string }>(`/api/v1/pilot/pais/${paiId}/measures`, {
      type: 'formazione',
      providerName: 'Ente',
      startOn: '2026-06-01',
      hoursPlanned: 10,
      costPlanned: 500,
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('pilot.budget_exceeded');
    expect(await pilotFingerprint(t.db)).toEqual(before);
    expect(await committed()).toBe(600);
  });

  it('counts nothing for a PAI never approved, also once its case is closed', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const pai = await ref.post<{ id: string }>(`/api/v1/pilot/cases/${c.caseId}/pais`, {
      personId: c.holderId,
      needs: { education: 'primaria' },
      objectives: ['Lavoro'],
    });
    await ref.post(`/api/v1/pilot/pais/${pai.body.id}/measures`, {
      type: 'tirocinio',
      providerName: 'Ente',
      startOn: '2026-05-20',
      hoursPlanned: 1,
      costPlanned: 900,
    });
    expect(
      (
        await ref.post(`/api/v1/pilot/cases/${c.caseId}/transitions`, {
          to: 'chiuso',
          on: '2026-05-28',
          reason: 'Trasferita',
          exitReason: 'trasferimento',
        })
      ).status,
    ).toBe(200);
    expect(await committed()).toBe(600);
  });

  it('refuses an allocation below what is already committed, writing nothing, and accepts it equal', async () => {
    const at = new Agent(t.app);
    await at.login((await makeUser(t.db, { roles: ['assistenza_tecnica'] })).email, TEST_PASSWORD);
    const url = `/api/v1/pilot/budget/${a.istat}/2026`;
    const before = await pilotFingerprint(t.db);
    const below = await at.request<{ code: string; context: unknown; errors?: { path: string }[] }>('PUT', url, {
      allocation: 599.99,
    });
    expect([below.status, below.headers['content-type']]).toEqual([409, expect.stringContaining('problem+json')]);
    expect(below.body.code).toBe('pilot.allocation_below_committed');
    expect(below.body.context).toEqual({ committed: 600, year: 2026 });
    expect(below.body.errors?.map((e) => e.path)).toEqual(['body.allocation']);
    expect(await pilotFingerprint(t.db)).toEqual(before);
    const [kept] = await t.db.ownerTx((tx) =>
      tx.query<{ allocation: string }>('SELECT allocation FROM pilot_budgets WHERE comune_istat = $1 AND year = 2026', [
        a.istat,
      ]),
    );
    expect(Number(kept!.allocation)).toBe(1000);
    const equal = await at.request<{ allocation: number; available: number }>('PUT', url, { allocation: 600 });
    expect([equal.status, equal.body.allocation, equal.body.available]).toEqual([200, 600, 0]);
  });
});

describe('permit reminders', () => {
  it('stop once a renewal has been requested', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' }); // permit expiring 2026-10-15
    const ctx: Ctx = {
      actor: null,
      db: t.db,
      clock: t.clock,
      log: t.app.log,
      config: t.config,
      cipher: t.cipher,
      requestId: 'test',
      ip: '',
    };
    await t.db.ownerTx((tx) =>
      tx.query(`UPDATE pilot_permits SET renewal_requested_on = '2026-05-30' WHERE person_id = $1`, [c.holderId]),
    );
    t.clock.advance(100 * 86_400_000); // 2026-09-09: past the 60-day reminder
    await pilotJobs.find((j) => j.name === 'pilot.generate-tasks')!.handler(ctx, {});
    const tasks = await t.db.ownerTx((tx) =>
      tx.query(`SELECT 1 FROM pilot_tasks WHERE case_id = $1 AND kind = 'permit_expiry'`, [c.caseId]),
    );
    expect(tasks).toEqual([]);
  });
});
