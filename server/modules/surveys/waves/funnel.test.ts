/**
 * The live funnel and the list of Comuni of a wave through the API: counts per stage overall and
 * per Region, macro-area and band; a Regione sees only its Comuni; MLPS reads; a Comune's user
 * does not; filters, paging and the XLSX export.
 */
import ExcelJS from 'exceljs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  comuneUser,
  defaultWave,
  makeSurvey,
  waveActors,
  type WaveActors,
} from '../../../../tests/support/survey-factories.js';

type Funnel = Schema<'SurveyWaveFunnel'>;
type ComuniPage = Schema<'SurveyWaveComuniPage'>;
type StatusMap = Schema<'SurveyWaveStatusMap'>;

let t: TestApp;
let w: WaveActors;
let waveId: string;
let universe: number;
let lazio: number;
beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '12');
  const s = await makeSurvey(t.db, w.anci.id);
  const wave = await w.as.anci.post<{ id: string }>(
    `/api/v1/surveys/${s.surveyId}/waves`,
    defaultWave(s.publishedId, { universeRule: { kind: 'filter', regions: ['12', '19'] } }),
  );
  waveId = wave.body.id;
  universe = (await w.as.anci.post<{ universeCount: number }>(`/api/v1/surveys/waves/${waveId}/launch`)).body
    .universeCount;
  // a few Comuni along the funnel: Roma validated, Latina sent, Viterbo filling in, Palermo opened,
  // and every Comune invited
  await t.db.ownerTx(async (tx) => {
    await tx.query(
      `UPDATE survey_wave_comuni SET invited_at = '2026-06-01T08:00:00Z', status_changed_at = '2026-06-01T08:00:00Z' WHERE wave_id = $1`,
      [waveId],
    );
    const set = (istat: string, status: string, cols: string) =>
      tx.query(`UPDATE survey_wave_comuni SET status = $3, ${cols} WHERE wave_id = $1 AND comune_istat = $2`, [
        waveId,
        istat,
        status,
      ]);
    const at = "'2026-06-03T10:00:00Z'";
    await set(
      '058091',
      'validato',
      `opened_at = ${at}, started_at = ${at}, submitted_at = ${at}, validated_at = ${at}`,
    );
    await set('059011', 'inviato', `opened_at = ${at}, started_at = ${at}, submitted_at = ${at}`);
    await set('056059', 'in_compilazione', `opened_at = ${at}, started_at = ${at}, reminders_sent = 1`);
    await set('082053', 'invitato', `opened_at = ${at}`);
  });
  const [n] = await t.db.ownerTx((tx) =>
    tx.query<{ n: number }>("SELECT count(*)::int AS n FROM comuni WHERE region_code = '12'"),
  );
  lazio = n!.n;
});
afterAll(async () => t.close());

const funnelUrl = (groupBy = 'region') => `/api/v1/surveys/waves/${waveId}/funnel?groupBy=${groupBy}`;

describe('funnel', () => {
  it('counts every stage overall and per Region for ANCI/Cittalia and MLPS', async () => {
    for (const agent of [w.as.anci, w.as.mlps]) {
      const res = await agent.get<Funnel>(funnelUrl());
      expect(res.status).toBe(200);
      expect(res.body.overall).toEqual({
        universe,
        invited: universe,
        opened: 4,
        inProgress: 1,
        submitted: 2,
        validated: 1,
        responseRate: Math.round((2 / universe) * 10_000) / 10_000,
      });
      expect(res.body.groups.map((g) => g.label)).toEqual(['Lazio', 'Sicilia']);
      expect(res.body.groups[0]).toMatchObject({ key: '12', universe: lazio, opened: 3, submitted: 2, validated: 1 });
      expect(res.body.groups[1]).toMatchObject({ key: '19', opened: 1, submitted: 0 });
    }
  });

  it('groups by macro-area and band in words', async () => {
    const macro = (await w.as.anci.get<Funnel>(funnelUrl('macroArea'))).body;
    expect(macro.groups.map((g) => [g.key, g.label])).toEqual([
      ['C', 'Centro'],
      ['I', 'Isole'],
    ]);
    const band = (await w.as.anci.get<Funnel>(funnelUrl('band'))).body;
    expect(band.groups.find((g) => g.key === 'gt200k')).toMatchObject({
      label: 'Oltre 200.000 abitanti',
      validated: 1,
    });
    expect(band.groups.reduce((n, g) => n + g.universe, 0)).toBe(universe);
    expect((await w.as.anci.get(funnelUrl('province'))).status).toBe(400);
  });

  it('a Regione sees only its own Comuni; a Comune user gets 403; unknown wave 404', async () => {
    const res = await w.as.regione.get<Funnel>(funnelUrl());
    expect(res.status).toBe(200);
    expect(res.body.overall.universe).toBe(lazio);
    expect(res.body.groups.map((g) => g.key)).toEqual(['12']);
    const list = await w.as.regione.get<ComuniPage>(`/api/v1/surveys/waves/${waveId}/comuni?pageSize=100`);
    expect(list.body.total).toBe(lazio);
    expect(list.body.items.every((c) => c.regionCode === '12')).toBe(true);
    expect((await w.as.regione.get<ComuniPage>(`/api/v1/surveys/waves/${waveId}/comuni?q=palermo`)).body.total).toBe(0);

    const c = await comuneUser(t, 'validatore_indagine', '058091');
    expect((await c.agent.get(funnelUrl())).status).toBe(403);
    expect((await c.agent.get(`/api/v1/surveys/waves/${waveId}/comuni`)).status).toBe(403);
    expect((await w.as.anci.get(`/api/v1/surveys/waves/${crypto.randomUUID()}/funnel`)).status).toBe(404);
  });
});

describe('status map', () => {
  const mapUrl = () => `/api/v1/surveys/waves/${waveId}/status-map`;

  it('gives ANCI/Cittalia and MLPS every Comune of the universe with its state in one answer', async () => {
    for (const agent of [w.as.anci, w.as.mlps]) {
      const res = await agent.get<StatusMap>(mapUrl());
      expect(res.status).toBe(200);
      expect(res.body.region).toBeNull();
      expect(res.body.items).toHaveLength(universe);
      const byIstat = new Map(res.body.items.map((i) => [i.istat, i]));
      expect(byIstat.get('058091')).toEqual({ istat: '058091', name: 'Roma', status: 'validato', opened: true });
      expect(byIstat.get('059011')).toMatchObject({ status: 'inviato' });
      expect(byIstat.get('056059')).toMatchObject({ status: 'in_compilazione' });
      expect(byIstat.get('082053')).toMatchObject({ name: 'Palermo', status: 'invitato', opened: true });
      expect(res.body.items.filter((i) => i.opened)).toHaveLength(4);
      // outside the universe (Milano) is not in the answer
      expect(byIstat.has('015146')).toBe(false);
    }
  });

  it('narrows a Regione to its own Comuni and refuses a Comune user; unknown wave 404', async () => {
    const res = await w.as.regione.get<StatusMap>(mapUrl());
    expect(res.status).toBe(200);
    expect(res.body.region).toBe('12');
    expect(res.body.items).toHaveLength(lazio);
    expect(res.body.items.some((i) => i.istat === '082053')).toBe(false);
    const c = await comuneUser(t, 'compilatore_indagine', '058091');
    expect((await c.agent.get(mapUrl())).status).toBe(403);
    expect((await w.as.anci.get(`/api/v1/surveys/waves/${crypto.randomUUID()}/status-map`)).status).toBe(404);
  });

  it('travels compressed to a client that accepts it, and reads back the same', async () => {
    const plain = await w.as.anci.get<StatusMap>(mapUrl());
    const res = await w.as.anci.request('GET', mapUrl(), undefined, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const raw = res.raw.rawPayload;
    expect(raw.length).toBeLessThan(Buffer.byteLength(plain.raw.body) / 3);
    expect(JSON.parse(gunzipSync(raw).toString('utf8'))).toEqual(plain.body);
  });
});

describe('list of Comuni', () => {
  it('lists who is lagging first, with filters and paging', async () => {
    const base = `/api/v1/surveys/waves/${waveId}/comuni`;
    const page = await w.as.mlps.get<ComuniPage>(`${base}?pageSize=5&page=2`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: universe, page: 2, pageSize: 5 });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items.every((c) => c.status === 'invitato')).toBe(true);

    const roma = await w.as.anci.get<ComuniPage>(`${base}?q=roma&pageSize=100`);
    expect(roma.body.items.map((c) => c.name)).toContain('Roma');
    const r = roma.body.items.find((c) => c.istat === '058091')!;
    expect(r).toMatchObject({ status: 'validato', provinceSigla: 'RM', regionName: 'Lazio', band: 'gt200k' });
    expect(r.lastActivityAt).toBe('2026-06-03T10:00:00.000Z');

    const filling = await w.as.anci.get<ComuniPage>(`${base}?status=in_compilazione`);
    expect(filling.body.items.map((c) => [c.istat, c.remindersSent])).toEqual([['056059', 1]]);
    expect((await w.as.anci.get<ComuniPage>(`${base}?macroArea=I&band=gt200k`)).body.items.map((c) => c.name)).toEqual([
      'Catania',
      'Messina',
      'Palermo',
    ]);
    expect((await w.as.anci.get<ComuniPage>(`${base}?region=19&status=inviato`)).body.total).toBe(0);
    expect((await w.as.anci.get(`${base}?status=perso`)).status).toBe(400);
  });

  it('exports the filtered list as XLSX', async () => {
    const res = await w.as.mlps.get(`/api/v1/surveys/waves/${waveId}/comuni.xlsx?region=12&band=gt200k`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rilevazione-.*\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('Roma');
    expect(values).toContain('Validato');
    expect(values).not.toContain('Latina');
    const c = await comuneUser(t, 'referente_comunale');
    expect((await c.agent.get(`/api/v1/surveys/waves/${waveId}/comuni.xlsx`)).status).toBe(403);
  });
});
