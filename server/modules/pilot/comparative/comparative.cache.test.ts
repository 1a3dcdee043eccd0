import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import { makeCase, makePilotComune, type PilotComune } from '../../../../tests/support/pilot-factories.js';

interface Table {
  generatedAt: string;
  rows: { comuneIstat: string | null; cells: Record<string, number | string | null> }[];
}

let t: TestApp;
let a: PilotComune;
let mlps: Agent;
beforeAll(async () => {
  t = await startTestApp({ INCAS_COMPARATIVE_CACHE_SECONDS: '60' });
  a = await makePilotComune(t.db);
  mlps = new Agent(t.app);
  await mlps.login((await makeUser(t.db, { roles: ['mlps'] })).email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('the quadro comparativo with reuse of the aggregates', () => {
  it("reuses a period's figures for a minute, audits every request, then recomputes", async () => {
    const url = '/api/v1/pilot/comparative?from=2026-01-01&to=2026-05-31';
    for (let i = 0; i < 12; i++) await makeCase(t.db, t.cipher, { comune: a, openedOn: '2026-03-01' });
    const [first, second] = await Promise.all([mlps.get<Table>(url), mlps.get<Table>(url)]);
    expect(second.body.generatedAt).toBe(first.body.generatedAt);
    await makeCase(t.db, t.cipher, { comune: a, openedOn: '2026-03-02' });
    t.clock.advance(30_000);
    const stillCached = await mlps.get<Table>(url);
    expect(stillCached.body.generatedAt).toBe(first.body.generatedAt);
    t.clock.advance(31_000);
    const fresh = await mlps.get<Table>(url);
    expect(fresh.body.generatedAt).not.toBe(first.body.generatedAt);
    const row = (b: Table) => b.rows.find((r) => r.comuneIstat === a.istat)!.cells.cases_opened;
    expect(row(first.body)).toBe(10);
    expect(row(fresh.body)).toBe(15);
    expect(await auditRows(t.db, `action = 'pilot.comparative.read'`)).toHaveLength(4);
  });
});
