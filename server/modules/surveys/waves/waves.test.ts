/**
 * Waves through the API: the universe preview (one SQL builder for count, preview and freeze),
 * drafting on a published version, optimistic concurrency, launch freezing the universe in one
 * statement, extend and close, permissions and audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  comuneUser,
  defaultWave,
  makeSurvey,
  waveActors,
  type MadeSurvey,
  type WaveActors,
} from '../../../../tests/support/survey-factories.js';

type Wave = Schema<'SurveyWave'>;
type Preview = Schema<'SurveyUniversePreview'>;
type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

let t: TestApp;
let w: WaveActors;
let s: MadeSurvey;
beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t);
  s = await makeSurvey(t.db, w.anci.id);
});
afterAll(async () => t.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.ownerTx((tx) => tx.query<{ n: number }>(sql, params)))[0]!.n;
const wavesCount = () => count('SELECT count(*)::int AS n FROM survey_waves');

describe('universe preview', () => {
  it('counts "Comuni > 15.000 abitanti" as the registry does, per region, with a sample of 20', async () => {
    const res = await w.as.anci.post<Preview>('/api/v1/surveys/universe/preview', {
      rule: { kind: 'filter', population: { min: 15000, minExclusive: true } },
    });
    expect(res.status).toBe(200);
    const expected = await count('SELECT count(*)::int AS n FROM comuni WHERE population > 15000');
    expect(expected).toBeGreaterThan(500);
    expect(res.body.count).toBe(expected);
    expect(res.body.byRegion.reduce((n, r) => n + r.count, 0)).toBe(expected);
    expect(res.body.byRegion.find((r) => r.code === '12')?.name).toBe('Lazio');
    expect(res.body.sample).toHaveLength(20);
    expect(res.body.sample[0]!.name).toBe('Roma');
    expect(res.body.populationMonths.length).toBeGreaterThan(0);
  });

  it('inclusive and exclusive bounds, regions, macro-areas, bands, flags, include and exclude', async () => {
    const preview = async (rule: unknown) =>
      (await w.as.anci.post<Preview>('/api/v1/surveys/universe/preview', { rule })).body.count;
    const [pop] = await t.db.ownerTx((tx) =>
      tx.query<{ population: number }>("SELECT population FROM comuni WHERE istat_code = '058091'"),
    );
    const roma = pop!.population;
    expect(await preview({ kind: 'filter', population: { min: roma } })).toBe(1);
    expect(await preview({ kind: 'filter', population: { min: roma, minExclusive: true } })).toBe(0);
    expect(await preview({ kind: 'filter', population: { max: 100, maxExclusive: true } })).toBe(
      await count('SELECT count(*)::int AS n FROM comuni WHERE population < 100'),
    );
    expect(await preview({ kind: 'filter', regions: ['12'], bands: ['gt200k'] })).toBe(1);
    expect(await preview({ kind: 'filter', macroAreas: ['I'] })).toBe(
      await count("SELECT count(*)::int AS n FROM comuni WHERE region_code IN ('19', '20')"),
    );
    expect(await preview({ kind: 'filter', provinces: ['058'], exclude: ['058091'] })).toBe(
      (await count("SELECT count(*)::int AS n FROM comuni WHERE province_code = '058'")) - 1,
    );
    expect(await preview({ kind: 'filter', include: ['001001', '001002'] })).toBe(2);
    expect(await preview({ kind: 'filter', regions: ['02'], include: ['058091'] })).toBe(
      (await count("SELECT count(*)::int AS n FROM comuni WHERE region_code = '02'")) + 1,
    );
    expect(await preview({ kind: 'filter', pilot18ter: true, saiNetwork: false })).toBe(
      await count('SELECT count(*)::int AS n FROM comuni WHERE pilot_18ter AND NOT sai_network'),
    );
    expect(await preview({ kind: 'filter', referenceMonth: '1999-01' })).toBe(0);
    expect(await preview({ kind: 'all' })).toBe(await count('SELECT count(*)::int AS n FROM comuni'));
  });

  it('refuses a malformed rule (400) and anyone without surveys.waves.manage (403)', async () => {
    for (const rule of [
      { kind: 'filter' },
      { kind: 'filter', population: { min: 10, max: 5 } },
      { kind: 'filter', bands: ['huge'] },
      { kind: 'filter', regions: [] },
      { kind: 'filter', include: ['12'] },
      { kind: 'everything' },
    ]) {
      const res = await w.as.anci.post<Problem>('/api/v1/surveys/universe/preview', { rule });
      expect(res.status, JSON.stringify(rule)).toBe(400);
    }
    for (const agent of [w.as.mlps, w.as.regione])
      expect((await agent.post('/api/v1/surveys/universe/preview', { rule: { kind: 'all' } })).status).toBe(403);
  });
});

describe('waves', () => {
  it('drafts a wave on a published version; refuses a draft version, another survey, bad dates', async () => {
    const before = await wavesCount();
    const url = `/api/v1/surveys/${s.surveyId}/waves`;
    const bad = [
      defaultWave(s.draftId),
      defaultWave((await makeSurvey(t.db, w.anci.id)).publishedId),
      defaultWave(s.publishedId, { closesOn: '2026-05-01' }),
      defaultWave(s.publishedId, { reminderDays: [10, 5] }),
      defaultWave(s.publishedId, { referenceMonth: '1999-01' }),
      defaultWave(s.publishedId, { opensOn: '01/06/2026' }),
    ];
    for (const body of bad) expect((await w.as.anci.post(url, body)).status, JSON.stringify(body)).toBe(400);
    expect(
      (await w.as.anci.post(`/api/v1/surveys/${crypto.randomUUID()}/waves`, defaultWave(s.publishedId))).status,
    ).toBe(404);
    expect((await w.as.mlps.post(url, defaultWave(s.publishedId))).status).toBe(403);
    expect(await wavesCount()).toBe(before);

    const res = await w.as.anci.post<Wave>(url, defaultWave(s.publishedId));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'bozza',
      versionNo: 1,
      reminderDays: [5, 10],
      opensOn: '2026-06-01',
      universeCount: null,
      rowVersion: 1,
    });
    const list = await w.as.mlps.get<Schema<'SurveyWaveList'>>(url);
    expect(list.body.items.map((x) => x.id)).toContain(res.body.id);
    expect(list.body.publishedVersions.map((v) => [v.id, v.versionNo])).toEqual([[s.publishedId, 1]]);
    expect(list.body.surveyTitle).toBe('Indagine di prova');
    expect((await w.as.regione.get(`/api/v1/surveys/waves/${res.body.id}`)).status).toBe(200);
    const audit = await auditRows(t.db, "action = 'surveys.wave.create' AND entity_id = $1", [res.body.id]);
    expect(audit).toHaveLength(1);
  });

  it('changes a draft with its rowVersion (409 stale otherwise); MLPS cannot', async () => {
    const created = (await w.as.anci.post<Wave>(`/api/v1/surveys/${s.surveyId}/waves`, defaultWave(s.publishedId)))
      .body;
    const url = `/api/v1/surveys/waves/${created.id}`;
    expect((await w.as.mlps.patch(url, { rowVersion: 1, titleIt: 'No' })).status).toBe(403);
    const ok = await w.as.anci.patch<Wave>(url, {
      rowVersion: 1,
      titleIt: 'Rilevazione rinominata',
      reminderDays: [3],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ titleIt: 'Rilevazione rinominata', reminderDays: [3], rowVersion: 2 });
    const stale = await w.as.anci.patch<Problem>(url, { rowVersion: 1, titleIt: 'Vecchia' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('surveys.wave.stale');
    expect((await w.as.anci.patch(url, { rowVersion: 2, closesOn: '2026-01-01' })).status).toBe(400);
    expect((await w.as.anci.get<Wave>(url)).body.titleIt).toBe('Rilevazione rinominata');
  });

  it('launch freezes the universe in one statement: later registry changes do not change it', async () => {
    const created = (
      await w.as.anci.post<Wave>(
        `/api/v1/surveys/${s.surveyId}/waves`,
        defaultWave(s.publishedId, {
          universeRule: { kind: 'filter', regions: ['12'], population: { min: 15000, minExclusive: true } },
        }),
      )
    ).body;
    const expected = await count(
      "SELECT count(*)::int AS n FROM comuni WHERE region_code = '12' AND population > 15000",
    );
    expect((await w.as.mlps.post(`/api/v1/surveys/waves/${created.id}/launch`)).status).toBe(403);
    const launched = await w.as.anci.post<Wave>(`/api/v1/surveys/waves/${created.id}/launch`);
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ status: 'aperta', universeCount: expected });
    expect(launched.body.launchedAt).toBe(t.clock.now().toISOString());
    expect(launched.body.referenceMonth).toMatch(/^\d{4}-\d{2}$/);
    const rows = () =>
      count(
        `SELECT count(*)::int AS n FROM survey_wave_comuni wc JOIN survey_responses r ON r.id = wc.id
          WHERE wc.wave_id = $1 AND wc.status = 'invitato' AND r.comune_istat = wc.comune_istat`,
        [created.id],
      );
    expect(await rows()).toBe(expected);

    // a small Comune of Lazio grows past 15,000: the frozen universe does not change
    await t.db.ownerTx((tx) =>
      tx.query(
        `UPDATE comuni SET population = 20000 WHERE istat_code = (SELECT istat_code FROM comuni WHERE region_code = '12' AND population < 1000 LIMIT 1)`,
      ),
    );
    expect(await rows()).toBe(expected);
    expect((await w.as.anci.get<Wave>(`/api/v1/surveys/waves/${created.id}`)).body.universeCount).toBe(expected);

    const again = await w.as.anci.post<Problem>(`/api/v1/surveys/waves/${created.id}/launch`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('surveys.wave.state');
    expect(await rows()).toBe(expected);
    const patch = await w.as.anci.patch<Problem>(`/api/v1/surveys/waves/${created.id}`, {
      rowVersion: 2,
      titleIt: 'x',
    });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('surveys.wave.state');
    const audit = await auditRows(t.db, "action = 'surveys.wave.launch' AND entity_id = $1", [created.id]);
    expect(audit[0]!.details).toEqual({ comuni: expected });
  });

  it('an empty universe is refused and leaves the draft as it was', async () => {
    const created = (
      await w.as.anci.post<Wave>(
        `/api/v1/surveys/${s.surveyId}/waves`,
        defaultWave(s.publishedId, { universeRule: { kind: 'filter', population: { min: 9_000_000 } } }),
      )
    ).body;
    const res = await w.as.anci.post<Problem>(`/api/v1/surveys/waves/${created.id}/launch`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('surveys.wave.universe_empty');
    expect((await w.as.anci.get<Wave>(`/api/v1/surveys/waves/${created.id}`)).body.status).toBe('bozza');
    expect(await count('SELECT count(*)::int AS n FROM survey_wave_comuni WHERE wave_id = $1', [created.id])).toBe(0);
  });

  it('launches all 7,900 Comuni quickly, extends and closes', async () => {
    const created = (
      await w.as.anci.post<Wave>(
        `/api/v1/surveys/${s.surveyId}/waves`,
        defaultWave(s.publishedId, { universeRule: { kind: 'all' } }),
      )
    ).body;
    const url = `/api/v1/surveys/waves/${created.id}`;
    expect((await w.as.anci.post(`${url}/extend`, { closesOn: '2026-08-01' })).status).toBe(409);
    const started = performance.now();
    const launched = await w.as.anci.post<Wave>(`${url}/launch`);
    const ms = performance.now() - started;
    expect(launched.body.universeCount).toBe(await count('SELECT count(*)::int AS n FROM comuni'));
    expect(ms).toBeLessThan(15_000);

    const earlier = await w.as.anci.post<Problem>(`${url}/extend`, { closesOn: '2026-07-15' });
    expect(earlier.status).toBe(400);
    expect((await w.as.mlps.post(`${url}/extend`, { closesOn: '2026-08-01' })).status).toBe(403);
    const extended = await w.as.anci.post<Wave>(`${url}/extend`, { closesOn: '2026-08-01' });
    expect(extended.body.closesOn).toBe('2026-08-01');
    expect((await w.as.mlps.post(`${url}/close`)).status).toBe(403);
    const closed = await w.as.anci.post<Wave>(`${url}/close`);
    expect(closed.body).toMatchObject({ status: 'chiusa' });
    expect((await w.as.anci.post<Problem>(`${url}/close`)).body.code).toBe('surveys.wave.state');
    expect((await w.as.anci.post(`${url}/extend`, { closesOn: '2026-09-01' })).status).toBe(409);
    const actions = (await auditRows(t.db, 'entity_id = $1', [created.id])).map((r) => r.action);
    expect(actions).toEqual([
      'surveys.wave.create',
      'surveys.wave.launch',
      'surveys.wave.extend',
      'surveys.wave.close',
    ]);
  });

  it("a Comune's user cannot read or run waves", async () => {
    const c = await comuneUser(t, 'validatore_indagine');
    expect((await c.agent.get(`/api/v1/surveys/${s.surveyId}/waves`)).status).toBe(403);
    expect((await c.agent.post(`/api/v1/surveys/${s.surveyId}/waves`, defaultWave(s.publishedId))).status).toBe(403);
  });
});
