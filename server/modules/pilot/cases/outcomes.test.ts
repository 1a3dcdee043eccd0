import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  makeCase,
  pilotFingerprint,
  twoPilotComuni,
  type LoggedInPilotComune,
} from '../../../../tests/support/pilot-factories.js';

type Outcomes = Schema<'PilotCaseOutcomes'>;

let t: TestApp;
let a: LoggedInPilotComune;
let opA: Agent;
let refA: Agent;
let opB: Agent;
beforeAll(async () => {
  t = await startTestApp();
  const { a: comuneA, b: comuneB } = await twoPilotComuni(t);
  a = comuneA;
  ({ operatore: opA, referente: refA } = a.as);
  opB = comuneB.as.operatore;
});
afterAll(async () => t.close());

describe('outcomes and exit', () => {
  it('records a contract and an ADI outcome, refuses bad input and other Comuni', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const url = `/api/v1/pilot/cases/${c.caseId}`;
    expect((await new Agent(t.app).request('POST', `${url}/contracts`, {}, { csrf: false })).status).toBe(401);
    const before = await pilotFingerprint(t.db);
    expect(
      (
        await opA.post(`${url}/contracts`, {
          personId: c.holderId,
          type: 'stagionale',
          ateco: 'x',
          startOn: '2026-05-10',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await opA.post(`${url}/contracts`, {
          personId: randomUUID(),
          type: 'stagionale',
          ateco: '01.13',
          startOn: '2026-05-10',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await opB.post(`${url}/contracts`, {
          personId: c.holderId,
          type: 'stagionale',
          ateco: '01.13',
          startOn: '2026-05-10',
        })
      ).status,
    ).toBe(404);
    expect(await pilotFingerprint(t.db)).toEqual(before);
    const ok = await opA.post<Outcomes>(`${url}/contracts`, {
      personId: c.holderId,
      type: 'stagionale',
      ateco: '01.13',
      ccnl: 'CCNL Operai agricoli e florovivaisti',
      weeklyHours: 39,
      startOn: '2026-05-10',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.contracts).toMatchObject([{ type: 'stagionale', pseudonym: c.pseudonym }]);
    const adi = await opA.post<Outcomes>(`${url}/outcomes`, {
      personId: c.holderId,
      kind: 'assegno_inclusione',
      occurredOn: '2026-05-20',
    });
    expect(adi.body.outcomes.map((o) => o.kind)).toEqual(['assegno_inclusione']);
    const early = await opA.post<{ code: string }>(`${url}/outcomes`, {
      personId: c.holderId,
      kind: 'follow_up_6',
      occurredOn: '2026-05-20',
      employed: true,
    });
    expect(early.status).toBe(409);
  });

  it('records the follow-up after exit and closes its task', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure', openedOn: '2025-06-01' });
    const url = `/api/v1/pilot/cases/${c.caseId}`;
    expect(
      (
        await refA.post(`${url}/transitions`, {
          to: 'chiuso',
          on: '2025-11-01',
          reason: 'Lavoro stabile',
          exitReason: 'lavoro_autonomia',
        })
      ).status,
    ).toBe(200);
    await t.db.ownerTx((tx) =>
      tx.query(
        `INSERT INTO pilot_tasks (comune_istat, assignee_user_id, kind, due_on, case_id, label, dedupe_key, created_at)
       VALUES ($1, $2, 'follow_up', '2026-05-01', $3, 'Follow-up', $4, now())`,
        [a.istat, a.operatore.id, c.caseId, `follow-up:${c.caseId}:6`],
      ),
    );
    expect(
      (await opA.post(`${url}/outcomes`, { personId: c.holderId, kind: 'follow_up_6', occurredOn: '2026-05-02' }))
        .status,
    ).toBe(400);
    const ok = await opA.post<Outcomes>(`${url}/outcomes`, {
      personId: c.holderId,
      kind: 'follow_up_6',
      occurredOn: '2026-05-02',
      employed: true,
    });
    expect(ok.status).toBe(201);
    const [task] = await t.db.ownerTx((tx) =>
      tx.query<{ status: string }>('SELECT status FROM pilot_tasks WHERE case_id = $1', [c.caseId]),
    );
    expect(task!.status).toBe('fatto');
    expect((await opA.get<Outcomes>(`${url}/outcomes`)).body.outcomes).toMatchObject([
      { kind: 'follow_up_6', employed: true },
    ]);
  });
});
