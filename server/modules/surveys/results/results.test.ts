/**
 * A wave's results through the API, against figures computed by hand on a small wave: choices
 * (a multiple choice counts each Comune once per choice), numbers, ranges of persons (sums of
 * minima and maxima, share of estimates), a repeat, bases; the cross-tabulation; the areas; the
 * states that count; disclosure control for MLPS and a Regione (no 1–9, rounded to 5, nothing on
 * fewer than 3 Comuni, no free text) and ANCI's exact figures; who may not read; bad filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuniOf, makeResultsWave } from '../../../../tests/support/survey-results-factories.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';

type Results = Schema<'SurveyResults'>;
type QuestionResult = Schema<'SurveyQuestionResult'>;
type Crosstab = Schema<'SurveyResultsCrosstab'>;
type Areas = Schema<'SurveyResultAreas'>;
type Questions = Schema<'SurveyResultQuestionList'>;

let t: TestApp;
let w: WaveActors;
let waveId: string;
let puglia: string[];
let piemonte: string[];

beforeAll(async () => {
  t = await startTestApp();
  // the Regione's user is Puglia's (16)
  w = await waveActors(t, '16');
  puglia = await comuniOf(t.db, '16', 6);
  piemonte = await comuniOf(t.db, '01', 2);
  const [c1, c2, c3, c4, c6, c7] = puglia as [string, string, string, string, string, string];
  const [c5, c8] = piemonte as [string, string];
  waveId = await makeResultsWave(t.db, w.anci.id, [
    {
      istat: c1,
      status: 'inviato',
      answers: {
        presenza: 'si',
        settori: 'agri edil',
        addetti: 10,
        lavoratori: { value: 13, quality: 'certo' },
        stagionali: { value: 2, quality: 'certo' },
        note: 'Molti lavoratori in estate',
        insediamenti: [
          { tipo: 'formale', persone: { value: 30, quality: 'certo' } },
          { tipo: 'informale', persone: { min: 5, max: 15, quality: 'stima' } },
        ],
      },
    },
    {
      istat: c2,
      status: 'in_validazione',
      answers: {
        presenza: 'si',
        // a code given twice counts once
        settori: 'agri agri other',
        settori_other: 'vivai',
        addetti: 20,
        lavoratori: { min: 3, max: 8, quality: 'stima' },
        stagionali: { value: 3, quality: 'certo' },
      },
    },
    { istat: c3, status: 'consolidato', answers: { presenza: 'no', addetti: 0 } },
    {
      istat: c4,
      status: 'validato',
      answers: {
        presenza: 'si',
        settori: 'serv',
        addetti: 5,
        lavoratori: { quality: 'non_noto' },
        stagionali: { value: 0, quality: 'certo' },
      },
    },
    {
      istat: c5,
      status: 'inviato',
      answers: {
        presenza: 'si',
        settori: 'agri',
        addetti: 7,
        lavoratori: { value: 40, quality: 'certo' },
        insediamenti: [{ tipo: 'informale', persone: { min: 100, max: 200, quality: 'stima' } }],
      },
    },
    { istat: c8, status: 'validato', answers: { presenza: 'no', addetti: 3 } },
    // not counted: returned for correction, still being filled in
    { istat: c6, status: 'da_ricontattare', answers: { presenza: 'si', settori: 'edil', addetti: 1000 } },
    { istat: c7, status: 'in_compilazione', answers: { presenza: 'si', addetti: 500 } },
  ]);
});
afterAll(async () => {
  await t?.close();
});

const url = (q: string) => `/api/v1/surveys/waves/${waveId}/results?${q}`;
const one = (r: Results, name: string): QuestionResult => r.questions.find((x) => x.question.name === name)!;
const all = 'question=presenza,settori,addetti,lavoratori,stagionali,tipo,persone';

describe('results per question (ANCI/Cittalia, exact)', () => {
  it('counts the sent and later states only, with each question’s base', async () => {
    const res = await w.as.anci.get<Results>(url(`${all},note`));
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.full).toBe(true);
    expect(r.respondents).toBe(6);
    const presenza = one(r, 'presenza');
    expect(presenza.base).toBe(6);
    expect(presenza.choices).toEqual([
      { code: 'si', label: { it: 'Sì' }, count: 4, share: 0.6667 },
      { code: 'no', label: { it: 'No' }, count: 2, share: 0.3333 },
    ]);
    // a multiple choice: each Comune once per choice, shares over the 4 that answered
    const settori = one(r, 'settori');
    expect(settori.base).toBe(4);
    expect(settori.choices!.map((c) => [c.code, c.count, c.share])).toEqual([
      ['agri', 3, 0.75],
      ['edil', 1, 0.25],
      ['serv', 1, 0.25],
      ['other', 1, 0.25],
    ]);
    expect(settori.otherTexts).toEqual({ total: 1, items: [{ comune: expect.any(String), text: 'vivai' }] });
    // 10, 20, 0, 5, 7, 3
    expect(one(r, 'addetti').number).toEqual({ n: 6, sum: 45, mean: 7.5, median: 6, min: 0, max: 20 });
    // 13 certain, 3–8 estimated, unknown, 40 certain
    const lavoratori = one(r, 'lavoratori');
    expect(lavoratori.base).toBe(4);
    expect(lavoratori.question.persons).toBe(true);
    expect(lavoratori.range).toEqual({
      n: 3,
      sumMin: 56,
      sumMax: 61,
      certain: 2,
      estimated: 1,
      unknown: 1,
      estimateShare: 0.3333,
    });
    expect(one(r, 'stagionali').range).toMatchObject({ sumMin: 5, sumMax: 5 });
    // in the repeat: 3 settlements of 2 Comuni
    const tipo = one(r, 'tipo');
    expect([tipo.base, tipo.entries, tipo.question.inRepeat]).toEqual([2, 3, true]);
    expect(tipo.choices!.map((c) => [c.code, c.count, c.share])).toEqual([
      ['formale', 1, 0.3333],
      ['informale', 2, 0.6667],
    ]);
    expect(one(r, 'persone').range).toEqual({
      n: 3,
      sumMin: 135,
      sumMax: 245,
      certain: 1,
      estimated: 2,
      unknown: 0,
      estimateShare: 0.6667,
    });
    expect(one(r, 'note').texts).toEqual({
      total: 1,
      items: [{ comune: expect.any(String), text: 'Molti lavoratori in estate' }],
    });
  });

  it('narrows to a Region, a macro-area, a province, a band and flags', async () => {
    const r = (await w.as.anci.get<Results>(url('question=lavoratori,presenza&region=16'))).body;
    expect(r.respondents).toBe(4);
    expect(one(r, 'lavoratori').range).toMatchObject({ n: 2, sumMin: 16, sumMax: 21 });
    const s = (await w.as.anci.get<Results>(url('question=presenza&macroArea=S'))).body;
    expect(s.respondents).toBe(4);
    const [prov] = await t.db.ownerTx((tx) =>
      tx.query<{ province_code: string }>('SELECT province_code FROM comuni WHERE istat_code = $1', [piemonte[0]]),
    );
    const p = (await w.as.anci.get<Results>(url(`question=presenza&province=${prov!.province_code}`))).body;
    expect(p.respondents).toBeGreaterThanOrEqual(1);
    for (const q of ['band=gt200k', 'sai=true', 'pilot=false']) {
      const res = await w.as.anci.get<Results>(url(`question=presenza&${q}`));
      expect(res.status).toBe(200);
      expect(res.body.respondents).toBeLessThanOrEqual(6);
    }
  });

  it('lists the questions by section, free text included', async () => {
    const r = (await w.as.anci.get<Questions>(`/api/v1/surveys/waves/${waveId}/results/questions`)).body;
    expect(r.items.map((q) => q.name)).toEqual([
      'presenza',
      'settori',
      'addetti',
      'lavoratori',
      'stagionali',
      'note',
      'tipo',
      'persone',
    ]);
    expect(r.items[0]!.section).toEqual({ name: 'sez_a', label: { it: 'A. Presenza', en: 'A. Presence' } });
  });
});

describe('disclosure control', () => {
  it('MLPS: counts of persons rounded to 5, 1–9 as "<10", nothing on fewer than 3 Comuni, no free text', async () => {
    const r = (await w.as.mlps.get<Results>(url(all))).body;
    expect(r.full).toBe(false);
    expect(one(r, 'lavoratori').range).toMatchObject({ sumMin: 55, sumMax: 60, n: 3, certain: 2, estimated: 1 });
    expect(one(r, 'stagionali').range).toMatchObject({ sumMin: '<10', sumMax: '<10' });
    // the settlements rest on 2 Comuni
    expect(one(r, 'persone')).toMatchObject({ base: 2, suppressed: true, range: null });
    expect(one(r, 'tipo')).toMatchObject({ suppressed: true, choices: null });
    // counts of Comuni are not persons: exact
    expect(one(r, 'settori').choices!.find((c) => c.code === 'agri')!.count).toBe(3);
    expect(one(r, 'settori').otherTexts).toBeNull();
    const text = await w.as.mlps.get(url('question=note'));
    expect(text.status).toBe(403);
    const listed = (await w.as.mlps.get<Questions>(`/api/v1/surveys/waves/${waveId}/results/questions`)).body;
    expect(listed.items.map((q) => q.name)).not.toContain('note');
    // a Region with 2 Comuni answering
    const small = (await w.as.mlps.get<Results>(url('question=presenza&region=01'))).body;
    expect(one(small, 'presenza')).toMatchObject({ base: 2, suppressed: true, choices: null });
    const pu = (await w.as.mlps.get<Results>(url('question=lavoratori&region=16'))).body;
    expect(one(pu, 'lavoratori').range).toMatchObject({ sumMin: 15, sumMax: 20 });
    // every published count of persons is 0, "<10" or a multiple of 5 from 10
    for (const q of r.questions)
      for (const v of [q.range?.sumMin, q.range?.sumMax])
        if (typeof v === 'number') expect(v === 0 || (v >= 10 && v % 5 === 0)).toBe(true);
  });

  it('a Regione reads national figures, controlled, and narrows them only to its own Region', async () => {
    const r = (await w.as.regione.get<Results>(url('question=lavoratori,presenza'))).body;
    expect(r.respondents).toBe(6);
    expect(one(r, 'lavoratori').range).toMatchObject({ sumMin: 55, sumMax: 60 });
    expect((await w.as.regione.get<Results>(url('question=presenza&region=16'))).body.respondents).toBe(4);
    expect((await w.as.regione.get(url('question=presenza&region=01'))).status).toBe(403);
    const areas = (
      await w.as.regione.get<Areas>(
        `/api/v1/surveys/waves/${waveId}/results/areas?question=presenza&choice=si&level=regione`,
      )
    ).body;
    expect(areas.items.map((a) => a.code)).toEqual(['16']);
  });

  it('every request is audited', async () => {
    const rows = await auditRows(t.db, "action = 'surveys.results.read' AND entity_id = $1", [waveId]);
    expect(rows.length).toBeGreaterThan(3);
  });
});

describe('cross-tabulation', () => {
  it('counts Comuni per pair of choices, with margins and base', async () => {
    const r = (
      await w.as.anci.get<Crosstab>(`/api/v1/surveys/waves/${waveId}/results/crosstab?row=presenza&col=settori`)
    ).body;
    expect(r.base).toBe(4);
    const cell = (a: string, b: string) => r.cells.find((c) => c.row === a && c.col === b)?.count ?? 0;
    expect([
      cell('si', 'agri'),
      cell('si', 'edil'),
      cell('si', 'serv'),
      cell('si', 'other'),
      cell('no', 'agri'),
    ]).toEqual([3, 1, 1, 1, 0]);
    expect(r.rowTotals).toEqual([{ code: 'si', count: 4 }]);
    expect(new Map(r.colTotals.map((c) => [c.code, c.count]))).toEqual(
      new Map([
        ['agri', 3],
        ['edil', 1],
        ['serv', 1],
        ['other', 1],
      ]),
    );
    const mlps = (
      await w.as.mlps.get<Crosstab>(
        `/api/v1/surveys/waves/${waveId}/results/crosstab?row=presenza&col=settori&region=01`,
      )
    ).body;
    expect(mlps).toMatchObject({ base: 1, suppressed: true, cells: [] });
    const bad = await w.as.anci.get(`/api/v1/surveys/waves/${waveId}/results/crosstab?row=presenza&col=addetti`);
    expect(bad.status).toBe(400);
    expect((bad.body as { code: string }).code).toBe('surveys.results.question');
  });
});

describe('areas', () => {
  it('a share per Region for a choice; persons summed and controlled; small bases suppressed for MLPS', async () => {
    const path = `/api/v1/surveys/waves/${waveId}/results/areas`;
    const anci = (await w.as.anci.get<Areas>(`${path}?question=presenza&choice=si&level=regione`)).body;
    expect(anci.measure).toBe('share');
    expect(anci.items).toHaveLength(20);
    const byCode = (a: Areas) => new Map(a.items.map((i) => [i.code, i]));
    expect(byCode(anci).get('16')).toMatchObject({ value: 0.75, base: 4, suppressed: false });
    expect(byCode(anci).get('01')).toMatchObject({ value: 0.5, base: 2, suppressed: false });
    expect(byCode(anci).get('12')).toMatchObject({ value: null, base: 0, suppressed: false });
    const mlps = byCode((await w.as.mlps.get<Areas>(`${path}?question=presenza&choice=si&level=regione`)).body);
    expect(mlps.get('01')).toMatchObject({ value: null, base: 2, suppressed: true });
    const persons = byCode((await w.as.mlps.get<Areas>(`${path}?question=lavoratori&level=regione`)).body);
    expect(persons.get('16')).toMatchObject({ value: 15, base: 3, suppressed: false });
    const exact = byCode((await w.as.anci.get<Areas>(`${path}?question=lavoratori&level=regione`)).body);
    expect(exact.get('16')!.value).toBe(16);
    expect(exact.get('01')!.value).toBe(40);
    const comuni = (await w.as.anci.get<Areas>(`${path}?question=addetti&level=comune`)).body;
    expect(comuni.items).toHaveLength(8);
    expect(comuni.items.find((i) => i.code === puglia[1])!.value).toBe(20);
    const prov = (await w.as.anci.get<Areas>(`${path}?question=addetti&level=provincia&region=16`)).body;
    expect(prov.items.reduce((s, i) => s + i.base, 0)).toBe(4);
    expect((await w.as.anci.get(`${path}?question=presenza&level=regione`)).status).toBe(400);
  });
});

describe('who reads and what is refused', () => {
  it('a Comune’s user gets 403', async () => {
    const { agent } = await comuneUser(t, 'validatore_indagine');
    expect((await agent.get(url('question=presenza'))).status).toBe(403);
    expect((await agent.get(`/api/v1/surveys/waves/${waveId}/results/questions`)).status).toBe(403);
  });

  it('bad filters and questions are clear 4xx, never 500', async () => {
    const cases: [string, number, string][] = [
      ['question=presenza&region=99', 400, 'surveys.results.filter'],
      ['question=presenza&province=999', 400, 'surveys.results.filter'],
      ['question=presenza&region=abc', 400, 'request.invalid'],
      ['question=presenza&band=huge', 400, 'request.invalid'],
      ['question=presenza&sai=maybe', 400, 'request.invalid'],
      ['question=nessuna', 400, 'surveys.results.question'],
      ['question=presenza&extra=1', 400, 'request.invalid'],
    ];
    for (const [q, status, code] of cases) {
      const res = await w.as.anci.get<{ code: string }>(url(q));
      expect([q, res.status, res.body.code]).toEqual([q, status, code]);
    }
    const missing = await w.as.anci.get(
      `/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/results?question=x`,
    );
    expect(missing.status).toBe(404);
  });
});
