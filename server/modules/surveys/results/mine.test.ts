/**
 * Who sees what (issue 11 item 8), through the API on a small wave: a Comune's own answers beside
 * its Region's and Italy's figures once its response counts (409 before, 404 outside the wave, 403
 * for others; controlled as for MLPS; audited); a Regione's export of its own Comuni's responses
 * (never another Region's Comune, whatever the query; no free text) and its list of them with
 * their state; row-level security under both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';
import { comuniOf, makeResultsWave } from '../../../../tests/support/survey-results-factories.js';
import { selectResponseBatch } from './exports.repo.js';

type Mine = Schema<'SurveyMyResults'>;
type Problem = { code: string; detail?: string };

let t: TestApp;
let w: WaveActors;
let waveId: string;
let puglia: string[];
let piemonte: string[];

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  puglia = await comuniOf(t.db, '16', 6);
  piemonte = await comuniOf(t.db, '01', 2);
  const [c1, c2, c3, c4, c5, c6] = puglia as [string, string, string, string, string, string];
  const [p1, p2] = piemonte as [string, string];
  waveId = await makeResultsWave(t.db, w.anci.id, [
    {
      istat: c1,
      status: 'inviato',
      answers: {
        presenza: 'si',
        settori: 'agri edil other',
        settori_other: 'vivai di Mario Rossi',
        addetti: 10,
        lavoratori: { value: 13, quality: 'certo' },
        note: 'Testo libero del Comune',
        insediamenti: [{ tipo: 'formale', persone: { value: 30, quality: 'certo' } }],
      },
    },
    {
      istat: c2,
      status: 'validato',
      answers: { presenza: 'si', settori: 'agri', addetti: 20, lavoratori: { min: 3, max: 8, quality: 'stima' } },
    },
    { istat: c3, status: 'consolidato', answers: { presenza: 'no', addetti: 0 } },
    { istat: c4, status: 'in_validazione', answers: { presenza: 'no', addetti: 4, note: 'Altro testo' } },
    {
      istat: p1,
      status: 'inviato',
      answers: { presenza: 'si', addetti: 7, lavoratori: { value: 40, quality: 'certo' } },
    },
    // not counted: returned for correction, being filled in
    { istat: c5, status: 'da_ricontattare', answers: { presenza: 'si', addetti: 1000 } },
    { istat: c6, status: 'in_compilazione', answers: { presenza: 'no' } },
    { istat: p2, status: 'validato', answers: { presenza: 'no', addetti: 1 } },
  ]);
});
afterAll(async () => t?.close());

const mineUrl = () => `/api/v1/surveys/waves/${waveId}/results/mine`;

describe('a Comune’s own results beside its Region and Italy', () => {
  it('its answers with their labels, the Region’s and Italy’s figures with their bases, controlled; audited', async () => {
    const { agent, user } = await comuneUser(t, 'compilatore_indagine', puglia[0]);
    const res = await agent.get<Mine>(mineUrl());
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m).toMatchObject({ status: 'inviato', region: { code: '16', name: 'Puglia' } });
    expect(m.comune.istat).toBe(puglia[0]);
    // counted: 4 in Puglia (c1–c4), 6 in Italy
    expect(m.respondents).toEqual({ italy: 6, region: 4 });
    // no free text, no repeat's question
    expect(m.items.map((i) => i.question.name)).toEqual(['presenza', 'settori', 'addetti', 'lavoratori', 'stagionali']);
    const item = (n: string) => m.items.find((i) => i.question.name === n)!;
    expect(item('presenza').answer).toEqual({
      choices: [{ code: 'si', label: { it: 'Sì' } }],
      number: null,
      range: null,
    });
    expect(item('presenza').region.choices).toEqual([
      { code: 'si', label: { it: 'Sì' }, count: 2, share: 0.5 },
      { code: 'no', label: { it: 'No' }, count: 2, share: 0.5 },
    ]);
    expect(item('presenza').italy).toMatchObject({ base: 6, suppressed: false });
    expect(item('presenza').italy.choices!.map((c) => c.count)).toEqual([3, 3]);
    expect(item('settori').answer!.choices!.map((c) => c.label.it)).toEqual(['Agricoltura', 'Edilizia', 'Altro']);
    expect(JSON.stringify(m)).not.toContain('Mario Rossi');
    expect(JSON.stringify(m)).not.toContain('Testo libero');
    // settori: 2 Comuni answered in Puglia and in Italy: withheld (fewer than 3)
    expect(item('settori').region).toEqual({ base: 2, suppressed: true, choices: null, number: null, range: null });
    // addetti: Puglia 10, 20, 0, 4 → mean 8.5; Italy adds 7 and 1 → 42 / 6 = 7
    expect(item('addetti').answer!.number).toBe(10);
    expect(item('addetti').region.number).toEqual({ n: 4, mean: 8.5 });
    expect(item('addetti').italy.number).toEqual({ n: 6, mean: 7 });
    // lavoratori (persons): Italy 13 + 3 + 40 = 56 min → 55, 13 + 8 + 40 = 61 max → 60; Puglia rests on 2
    expect(item('lavoratori').answer!.range).toEqual({ min: 13, max: 13, quality: 'certo' });
    expect(item('lavoratori').italy).toMatchObject({ base: 3, range: { n: 3, sumMin: 55, sumMax: 60 } });
    expect(item('lavoratori').region.suppressed).toBe(true);
    expect(item('stagionali').answer).toBeNull();
    const audit = await auditRows(t.db, "action = 'surveys.results.read' AND entity_id = $1", [waveId]);
    expect(audit.at(-1)).toMatchObject({ actor_user_id: user.id, details: { mine: true, controlled: true } });
  });

  it('409 until the response counts (being filled in, back for correction); 404 outside the wave', async () => {
    for (const istat of [puglia[4]!, puglia[5]!]) {
      const { agent } = await comuneUser(t, 'validatore_indagine', istat);
      const res = await agent.get<Problem>(mineUrl());
      expect(res.status, istat).toBe(409);
      expect(res.body.code).toBe('surveys.results.not_counted');
    }
    const outside = (await comuniOf(t.db, '16', 8))[7]!;
    const { agent } = await comuneUser(t, 'referente_comunale', outside);
    expect((await agent.get<Problem>(mineUrl())).status).toBe(404);
    expect((await agent.get(`/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/results/mine`)).status).toBe(
      404,
    );
  });

  it('a Comune alone in its Region sees its Region withheld; MLPS, ANCI and a Regione get 403', async () => {
    const { agent } = await comuneUser(t, 'referente_comunale', piemonte[0]);
    const m = (await agent.get<Mine>(mineUrl())).body;
    expect(m.respondents).toEqual({ italy: 6, region: 2 });
    expect(m.items.find((i) => i.question.name === 'presenza')!.region.suppressed).toBe(true);
    for (const a of [w.as.mlps, w.as.anci, w.as.regione]) expect((await a.get(mineUrl())).status).toBe(403);
  });
});

/** A CSV body as rows of cells (";" separated, CRLF, BOM; no quoted separators in this wave). */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));

describe('a Regione reads its own Comuni’s responses', () => {
  const exportUrl = (q: string) => `/api/v1/surveys/waves/${waveId}/export?${q}`;

  it('exports its own Region’s Comuni only, without free text; audited with its Region', async () => {
    const res = await w.as.regione.get(exportUrl('format=csv&shape=wide'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('-regione-16-');
    const [header, ...rows] = csvRows(res.raw.payload);
    expect(header).not.toContain('note');
    expect(header).not.toContain('settori_other');
    expect(header).toContain('settori/other');
    expect(rows.map((r) => r[0]).sort()).toEqual(puglia.slice(0, 4).sort());
    expect(res.raw.payload).not.toContain('Mario Rossi');
    expect(res.raw.payload).not.toContain('Testo libero');
    const long = await w.as.regione.get(exportUrl('format=csv&shape=long'));
    const longRows = csvRows(long.raw.payload).slice(1);
    expect(new Set(longRows.map((r) => r[0]))).toEqual(new Set(puglia.slice(0, 4)));
    expect(longRows.some((r) => r[1] === 'note' || r[1] === 'settori_other')).toBe(false);
    const codebook = await w.as.regione.get(`/api/v1/surveys/waves/${waveId}/export/codebook?format=csv`);
    expect(codebook.status).toBe(200);
    expect(csvRows(codebook.raw.payload).map((r) => r[0])).not.toContain('note');
    const audit = await auditRows(t.db, "action = 'surveys.results.export' AND entity_id = $1", [waveId]);
    expect(audit.at(-1)).toMatchObject({ actor_user_id: w.regione.id, details: { region: '16' } });
  });

  it('never another Region’s Comune: the query cannot widen it, and row-level security holds without the filter', async () => {
    expect((await w.as.regione.get(exportUrl('format=csv&region=01'))).status).toBe(400);
    const xlsx = await w.as.regione.get(exportUrl('format=xlsx'));
    expect(xlsx.status).toBe(200);
    // the repository without the Region filter, under the Regione's row-level security
    const rows = await t.db.tx({ scope: 'regione', tenant: null, region: '16', userId: w.regione.id }, (tx) =>
      selectResponseBatch(tx, waveId, '', 100, null, null),
    );
    expect(rows.map((r) => r.istat).sort()).toEqual(puglia.slice(0, 4).sort());
    // MLPS reads aggregates only; a Comune's user exports nothing
    const { agent } = await comuneUser(t, 'referente_comunale', puglia[1]);
    for (const a of [w.as.mlps, agent]) expect((await a.get(exportUrl('format=csv'))).status).toBe(403);
  });

  it('lists its own Comuni of the wave with their state, none of another Region', async () => {
    const res = await w.as.regione.get<Schema<'SurveyWaveComuniPage'>>(
      `/api/v1/surveys/waves/${waveId}/comuni?pageSize=100`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.istat).sort()).toEqual([...puglia].sort());
    expect(res.body.items.every((i) => i.regionCode === '16')).toBe(true);
    const other = await w.as.regione.get<Schema<'SurveyWaveComuniPage'>>(
      `/api/v1/surveys/waves/${waveId}/comuni?region=01`,
    );
    expect(other.status === 403 || other.body.items.length === 0).toBe(true);
  });
});
