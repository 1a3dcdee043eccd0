/**
 * The help desk's figures through the API: counts of requests by topic, Region and month, the times
 * to the first answer and to the resolution (median, 90th percentile), the share resolved in time
 * and the satisfaction; for the help desk and MLPS across Regions, for a Region its own only; never
 * a Comune's name; 403 for the Comuni.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/support/factories.js';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { makePlanComune, makeRegionUser } from '../../../../tests/support/plan-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Figures = Schema<'HelpFigures'>;
const HOUR = 3_600_000;

let t: TestApp;
let as: { refLazio: Agent; refLombardia: Agent; anci: Agent; mlps: Agent; lazio: Agent };
let comuneNames: string[];

beforeAll(async () => {
  t = await startTestApp();
  const lazio = await makePlanComune(t.db, { regionCode: '12' });
  const lombardia = await makePlanComune(t.db, { regionCode: '03' });
  const anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  const mlps = await makeUser(t.db, { roles: ['mlps'] });
  const lazioUser = await makeRegionUser(t.db, '12');
  as = {
    refLazio: await loginAs(t, lazio.referente),
    refLombardia: await loginAs(t, lombardia.referente),
    anci: await loginAs(t, anci),
    mlps: await loginAs(t, mlps),
    lazio: await loginAs(t, lazioUser),
  };
  comuneNames = (
    await t.db.ownerTx((tx) =>
      tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code IN ($1, $2)', [
        lazio.istat,
        lombardia.istat,
      ]),
    )
  ).map((r) => r.name);
  const open = async (agent: Agent, topic: string) =>
    (
      await agent.post<Schema<'HelpRequest'>>('/api/v1/help-requests', {
        topic,
        subject: 'Domanda di prova',
        body: 'Testo di prova',
      })
    ).body.request.id;
  // Lazio: two requests; one answered after 2 hours and resolved after 4, closed and rated 4
  const r1 = await open(as.refLazio, 'RENDICONTAZIONE');
  const r2 = await open(as.refLazio, 'PLM');
  // Lombardia: one, still new
  await open(as.refLombardia, 'RENDICONTAZIONE');
  t.clock.advance(2 * HOUR);
  // sessions end after 30 idle minutes: log in again
  as.anci = await loginAs(t, anci);
  as.refLazio = await loginAs(t, lazio.referente);
  expect((await as.anci.post(`/api/v1/help-requests/${r1}/messages`, { body: 'Risposta' })).status).toBe(200);
  t.clock.advance(2 * HOUR);
  as.anci = await loginAs(t, anci);
  as.refLazio = await loginAs(t, lazio.referente);
  as.refLombardia = await loginAs(t, lombardia.referente);
  as.mlps = await loginAs(t, mlps);
  as.lazio = await loginAs(t, lazioUser);
  expect((await as.anci.post(`/api/v1/help-requests/${r1}/resolve`, { resolution: 'Risolta' })).status).toBe(200);
  expect((await as.refLazio.post(`/api/v1/help-requests/${r1}/close`, {})).status).toBe(200);
  expect((await as.refLazio.post(`/api/v1/help-requests/${r1}/satisfaction`, { score: 4 })).status).toBe(200);
  expect(r2).toBeTruthy();
});
afterAll(async () => t.close());

describe('the figures', () => {
  it('counts the requests by topic, Region and month with the times and the satisfaction, nationally', async () => {
    for (const agent of [as.anci, as.mlps]) {
      const res = await agent.get<Figures>('/api/v1/help-figures');
      expect(res.status).toBe(200);
      const f = res.body;
      expect(f).toMatchObject({ regionCode: null, total: 3, open: 2, resolved: 1, resolvedInTimeShare: 1 });
      expect(f.byTopic).toEqual([
        { topic: 'RENDICONTAZIONE', count: 2 },
        { topic: 'PLM', count: 1 },
      ]);
      expect(f.byRegion.map((r) => [r.regionCode, r.count])).toEqual([
        ['03', 1],
        ['12', 2],
      ]);
      expect(f.byMonth).toEqual([{ month: '2026-06', count: 3 }]);
      expect(f.firstAnswer).toEqual({ n: 1, median: 0.1, p90: 0.1 });
      expect(f.resolution).toEqual({ n: 1, median: 0.2, p90: 0.2 });
      expect(f.satisfaction).toEqual({ n: 1, average: 4 });
      for (const name of comuneNames) expect(JSON.stringify(f)).not.toContain(name);
    }
  });

  it("gives a Region its own Region's figures only, without the breakdown by Region", async () => {
    const own = await as.lazio.get<Figures>('/api/v1/help-figures');
    expect(own.body).toMatchObject({ regionCode: '12', total: 2, byRegion: [] });
    expect((await as.lazio.get<Figures>('/api/v1/help-figures?region=12')).status).toBe(200);
    expect((await as.lazio.get('/api/v1/help-figures?region=03')).status).toBe(403);
    const national = await as.mlps.get<Figures>('/api/v1/help-figures?region=03');
    expect(national.body).toMatchObject({ regionCode: '03', total: 1 });
  });

  it('holds in the database: a Region asking the facts of another Region gets none', async () => {
    const rows = await t.db.tx({ scope: 'regione', tenant: null, region: '12', userId: null }, (tx) =>
      tx.query('SELECT * FROM hd_request_facts($1)', ['03']),
    );
    expect(rows).toHaveLength(0);
    const none = await t.db.tx({ scope: 'regione', tenant: null, region: '12', userId: null }, (tx) =>
      tx.query('SELECT * FROM hd_request_facts(NULL)'),
    );
    expect(none).toHaveLength(0);
  });

  it('is refused to the Comuni (403) and checks the months', async () => {
    expect((await as.refLazio.get('/api/v1/help-figures')).status).toBe(403);
    expect((await as.anci.get('/api/v1/help-figures?from=2026-07&to=2026-01')).status).toBe(400);
    expect((await as.anci.get<Figures>('/api/v1/help-figures?from=2025-01&to=2025-12')).body.total).toBe(0);
  });
});
