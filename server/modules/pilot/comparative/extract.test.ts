import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import { makeCase, makePilotComune } from '../../../../tests/support/pilot-factories.js';

interface Extract {
  manifest: { release: string; kMeasured: number | null; records: number; suppressed: number; kRequired: number };
  records: { ref: string }[];
}

let t: TestApp;
const pseudonyms: string[] = [];
async function agentFor(role: 'assistenza_tecnica' | 'mlps' | 'regione'): Promise<Agent> {
  const a = new Agent(t.app);
  await a.login((await makeUser(t.db, { roles: [role] })).email, TEST_PASSWORD);
  return a;
}
beforeAll(async () => {
  t = await startTestApp();
  const a = await makePilotComune(t.db);
  for (let i = 0; i < 14; i++)
    pseudonyms.push((await makeCase(t.db, t.cipher, { comune: a, identity: { surname: 'Riservatissimi' } })).pseudonym);
});
afterAll(async () => t.close());

describe('the pseudonymised extract for technical assistance', () => {
  it('gives technical assistance a release with k ≥ 5, fresh references and a manifest, audited', async () => {
    const ta = await agentFor('assistenza_tecnica');
    const one = await ta.get<Extract>('/api/v1/pilot/comparative/extract');
    expect(one.status).toBe(200);
    expect(one.headers['content-disposition']).toContain('attachment');
    expect(one.body.manifest).toMatchObject({ kRequired: 5, records: 14, suppressed: 0 });
    expect(one.body.manifest.kMeasured).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(one.body);
    for (const p of pseudonyms) expect(text).not.toContain(p);
    expect(text).not.toContain('Riservatissimi');
    const two = await ta.get<Extract>('/api/v1/pilot/comparative/extract');
    const refs = new Set(one.body.records.map((r) => r.ref));
    expect(two.body.records.filter((r) => refs.has(r.ref))).toEqual([]);
    expect(await auditRows(t.db, `action = 'pilot.extract.create'`)).toHaveLength(2);
  });

  it('is refused to the Ministry and the Regioni', async () => {
    expect((await (await agentFor('mlps')).get('/api/v1/pilot/comparative/extract')).status).toBe(403);
    expect((await (await agentFor('regione')).get('/api/v1/pilot/comparative/extract')).status).toBe(403);
  });
});
