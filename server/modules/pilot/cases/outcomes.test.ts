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
    // the closing itself put the 6-month follow-up on the work list (decision 0027)
    const followUpTask = () =>
      t.db.ownerTx((tx) =>
        tx.query<{ status: string; due_on: string }>(
          'SELECT status, due_on::text AS due_on FROM pilot_tasks WHERE dedupe_key = $1',
          [`follow-up:${c.caseId}:6`],
        ),
      );
    expect(await followUpTask()).toEqual([{ status: 'aperto', due_on: '2026-05-01' }]);
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
    expect((await followUpTask()).map((x) => x.status)).toEqual(['fatto']);
    expect((await opA.get<Outcomes>(`${url}/outcomes`)).body.outcomes).toMatchObject([
      { kind: 'follow_up_6', employed: true },
    ]);
  });
});
