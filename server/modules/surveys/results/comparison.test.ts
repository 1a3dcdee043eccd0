/**
 * A question across two waves through the API, against figures computed by hand on two small
 * waves of the same survey whose questionnaire changed (a choice recoded, a question split, a
 * label changed): the recode applied, the panel of Comuni counted in both waves, the warnings,
 * disclosure control for MLPS and a Regione, a Comune's own figures (and 403 on another's), the
 * mapping validated (400, 409), written by ANCI/Cittalia only and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  comuniOf,
  makeResultsWave,
  resultsForm,
  surveyOfWave,
} from '../../../../tests/support/survey-results-factories.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';
import type { Form } from '../shared/form/model.js';

type Comparison = Schema<'SurveyWaveComparison'>;
type Mappings = Schema<'SurveyWaveMappings'>;
type Side = Comparison['all']['earlier'];

/** The 2024 questionnaire: "agri" became "agricoltura", "logistica" added, "stagionali" split in two, a label changed. */
function laterForm(): Form {
  const f = structuredClone(resultsForm);
  const group = f.items[0] as Extract<Form['items'][number], { kind: 'group' }>;
  const presenza = group.items.find((i) => i.name === 'presenza')!;
  presenza.label = { it: 'Presenza di lavoratori stranieri' };
  const at = group.items.findIndex((i) => i.name === 'stagionali');
  const range = { kind: 'question', required: false, readOnly: false, type: 'range_estimate', decimal: false } as const;
  group.items.splice(
    at,
    1,
    { ...range, name: 'stagionali_agri', label: { it: 'Stagionali in agricoltura' } },
    { ...range, name: 'stagionali_altri', label: { it: 'Altri stagionali' } },
  );
  f.lists[1]!.choices = [
    { name: 'agricoltura', label: { it: 'Agricoltura' }, extra: {} },
    { name: 'edil', label: { it: 'Edilizia' }, extra: {} },
    { name: 'serv', label: { it: 'Servizi' }, extra: {} },
    { name: 'logistica', label: { it: 'Logistica' }, extra: {} },
  ];
  return f;
}

let t: TestApp;
let w: WaveActors;
let earlier: string;
let later: string;
let other: string;
let c: string[];

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  const puglia = await comuniOf(t.db, '16', 6);
  const [piemonte] = await comuniOf(t.db, '01', 1);
  c = [...puglia, piemonte!];
  const [c1, c2, c3, c4, c5, c6, p1] = c as [string, string, string, string, string, string, string];
  earlier = await makeResultsWave(
    t.db,
    w.anci.id,
    [
      {
        istat: c1,
        status: 'inviato',
        answers: {
          presenza: 'si',
          settori: 'agri edil',
          addetti: 10,
          lavoratori: { value: 13, quality: 'certo' },
          stagionali: { value: 4, quality: 'certo' },
        },
      },
      { istat: c2, status: 'validato', answers: { presenza: 'si', settori: 'agri', addetti: 20 } },
      { istat: c3, status: 'consolidato', answers: { presenza: 'no', addetti: 0 } },
      // returned for correction: not counted
      { istat: c4, status: 'da_ricontattare', answers: { presenza: 'si', addetti: 100 } },
      {
        istat: p1,
        status: 'inviato',
        answers: { presenza: 'si', settori: 'serv', addetti: 7, lavoratori: { value: 40, quality: 'certo' } },
      },
    ],
    resultsForm,
    { opensOn: '2021-03-01', title: 'Censimento 2021' },
  );
  later = await makeResultsWave(
    t.db,
    w.anci.id,
    [
      {
        istat: c1,
        status: 'inviato',
        answers: {
          presenza: 'si',
          settori: 'agricoltura logistica',
          addetti: 12,
          lavoratori: { value: 20, quality: 'certo' },
        },
      },
      // still being filled in: not counted
      { istat: c2, status: 'in_compilazione', answers: { presenza: 'si', addetti: 99 } },
      {
        istat: c3,
        status: 'validato',
        answers: { presenza: 'si', settori: 'edil', addetti: 4, lavoratori: { value: 7, quality: 'certo' } },
      },
      {
        istat: c4,
        status: 'validato',
        answers: { presenza: 'no', addetti: 6, lavoratori: { min: 10, max: 20, quality: 'stima' } },
      },
      { istat: c6, status: 'inviato', answers: { presenza: 'no', addetti: 3 } },
    ],
    laterForm(),
    { surveyId: await surveyOfWave(t.db, earlier), opensOn: '2024-03-01', title: 'Indagine 2024' },
  );
  other = await makeResultsWave(t.db, w.anci.id, [{ istat: c1, status: 'inviato', answers: { presenza: 'no' } }]);
  void c5;
});
afterAll(async () => {
  await t?.close();
});

const compare = (wave: string, q: string) =>
  `/api/v1/surveys/waves/${wave}/comparison?other=${wave === later ? earlier : later}&${q}`;
const mappingsUrl = () => `/api/v1/surveys/waves/${later}/comparison/${earlier}/mappings`;
const counts = (s: Side) => Object.fromEntries(s!.choices!.map((x) => [x.code, x.count]));
const codes = (r: Comparison) => r.warnings.map((x) => x.code);

describe('a question across two waves, before any mapping', () => {
  it('figures of both waves over all respondents and over the panel, with the label change warned', async () => {
    const res = await w.as.anci.get<Comparison>(compare(later, 'question=presenza'));
    expect(res.status).toBe(200);
    const r = res.body;
    expect([r.earlier.id, r.later.id, r.earlier.title]).toEqual([earlier, later, 'Censimento 2021']);
    // counted: 2021 c1 c2 c3 p1; 2024 c1 c3 c4 c6; both: c1 c3
    expect(r.respondents).toEqual({ earlier: 4, later: 4, panel: 2 });
    expect([r.all.earlier!.base, counts(r.all.earlier)]).toEqual([4, { si: 3, no: 1 }]);
    expect([r.all.later!.base, counts(r.all.later)]).toEqual([4, { si: 2, no: 2 }]);
    expect([r.panel.earlier!.base, counts(r.panel.earlier)]).toEqual([2, { si: 1, no: 1 }]);
    expect([r.panel.later!.base, counts(r.panel.later)]).toEqual([2, { si: 2, no: 0 }]);
    expect(r.all.earlier!.choices![0]!.share).toBe(0.75);
    expect(codes(r)).toEqual(['labels_changed']);
    expect(r.comune).toBeNull();
  });

  it('choices changed without a mapping are warned, each wave counted on its own codes', async () => {
    const r = (await w.as.anci.get<Comparison>(compare(earlier, 'question=settori'))).body;
    expect(r.warnings).toEqual([
      { code: 'choices_changed', codes: ['agri', 'agricoltura', 'logistica'], reason: null },
    ]);
    // both waves listed under the later wave's choices, then the earlier ones it no longer has
    expect(r.all.earlier!.choices!.map((x) => x.code)).toEqual([
      'agricoltura',
      'edil',
      'serv',
      'logistica',
      'other',
      'agri',
    ]);
    expect(counts(r.all.earlier)).toEqual({ agricoltura: 0, agri: 2, edil: 1, serv: 1, logistica: 0, other: 0 });
    expect(counts(r.all.later)).toEqual({ agricoltura: 1, edil: 1, serv: 0, logistica: 1, other: 0 });
  });

  it('a question missing in one wave, a different survey, numbers and ranges', async () => {
    const gone = (await w.as.anci.get<Comparison>(compare(earlier, 'question=stagionali'))).body;
    expect(codes(gone)).toEqual(['missing_later']);
    expect(gone.all.later).toBeNull();
    expect(gone.all.earlier!.range).toMatchObject({ sumMin: 4, n: 1 });
    const add = (await w.as.anci.get<Comparison>(compare(later, 'question=addetti'))).body;
    expect(add.all.earlier!.number).toMatchObject({ n: 4, sum: 37 });
    expect(add.all.later!.number).toMatchObject({ n: 4, sum: 25 });
    expect(add.panel.earlier!.number).toMatchObject({ n: 2, sum: 10 });
    expect(add.panel.later!.number).toMatchObject({ n: 2, sum: 16 });
    const lav = (await w.as.anci.get<Comparison>(compare(later, 'question=lavoratori'))).body;
    expect(lav.all.earlier!.range).toMatchObject({ sumMin: 53, sumMax: 53 });
    expect(lav.all.later!.range).toMatchObject({ sumMin: 37, sumMax: 47, estimated: 1 });
    const diff = (
      await w.as.anci.get<Comparison>(`/api/v1/surveys/waves/${other}/comparison?other=${later}&question=presenza`)
    ).body;
    expect(codes(diff)).toContain('different_survey');
    expect(diff.respondents.panel).toBe(1);
  });

  it('lists the waves to compare with, those of the same survey first', async () => {
    const list = (
      await w.as.mlps.get<Schema<'SurveyComparableWaves'>>(`/api/v1/surveys/waves/${later}/comparison/waves`)
    ).body;
    expect(list.items[0]).toMatchObject({ id: earlier, sameSurvey: true, opensOn: '2021-03-01' });
    expect(list.items.map((x) => x.id)).toContain(other);
    expect(list.items.map((x) => x.id)).not.toContain(later);
  });
});

describe('the mapping between the two questionnaires', () => {
  const mapping = {
    items: [
      { kind: 'match', earlier: 'settori', later: 'settori', recodes: [{ from: 'agri', to: 'agricoltura' }] },
      { kind: 'split', earlier: 'stagionali', later: ['stagionali_agri', 'stagionali_altri'] },
      { kind: 'not_comparable', earlier: 'addetti', later: 'addetti', reason: 'Nel 2024 si contano anche i part-time' },
    ],
  };

  it('bad mappings are refused with stable codes and nothing is written', async () => {
    const put = (body: unknown) => w.as.anci.request<{ code: string; context?: unknown }>('PUT', mappingsUrl(), body);
    const unknownQ = await put({ items: [{ kind: 'match', earlier: 'nessuna', later: 'settori' }] });
    expect([unknownQ.status, unknownQ.body.code]).toEqual([400, 'surveys.comparison.mapping']);
    const unknownChoice = await put({
      items: [{ kind: 'match', earlier: 'settori', later: 'settori', recodes: [{ from: 'agri', to: 'pesca' }] }],
    });
    expect([unknownChoice.status, unknownChoice.body.code]).toEqual([400, 'surveys.comparison.mapping']);
    expect(JSON.stringify(unknownChoice.body.context)).toContain('pesca');
    const twice = await put({
      items: [
        { kind: 'match', earlier: 'settori', later: 'settori' },
        { kind: 'not_comparable', earlier: 'settori', reason: 'x' },
      ],
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'surveys.comparison.conflict']);
    const badKind = await put({ items: [{ kind: 'split', earlier: 'stagionali', later: ['stagionali_agri'] }] });
    expect([badKind.status, badKind.body.code]).toEqual([400, 'request.invalid']);
    const same = await w.as.anci.request('PUT', `/api/v1/surveys/waves/${later}/comparison/${later}/mappings`, mapping);
    expect(same.status).toBe(400);
    expect((await w.as.mlps.request('PUT', mappingsUrl(), mapping)).status).toBe(403);
    expect((await w.as.regione.request('PUT', mappingsUrl(), mapping)).status).toBe(403);
    expect((await w.as.anci.get<Mappings>(mappingsUrl())).body.items).toEqual([]);
  });

  it('ANCI/Cittalia record it (audited); everyone who reads results reads it, earlier wave first', async () => {
    const res = await w.as.anci.request<Mappings>('PUT', mappingsUrl(), mapping);
    expect(res.status).toBe(200);
    expect(res.body.earlier.id).toBe(earlier);
    const read = (await w.as.mlps.get<Mappings>(`/api/v1/surveys/waves/${earlier}/comparison/${later}/mappings`)).body;
    expect(read.items).toEqual(mapping.items);
    expect(read.canManage).toBe(false);
    const rows = await auditRows(t.db, "action = 'surveys.comparison.mappings' AND entity_id = $1", [later]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ earlier, items: 3 });
  });

  it('the recode is applied to the earlier wave, listed under the later wave’s choices', async () => {
    const r = (await w.as.anci.get<Comparison>(compare(later, 'question=settori'))).body;
    expect(codes(r)).toEqual(['recoded', 'choices_changed']);
    expect(r.warnings[1]!.codes).toEqual(['logistica']);
    expect(r.all.earlier!.choices!.map((x) => x.code)).toEqual(['agricoltura', 'edil', 'serv', 'logistica', 'other']);
    expect(counts(r.all.earlier)).toEqual({ agricoltura: 2, edil: 1, serv: 1, logistica: 0, other: 0 });
    expect(r.all.earlier!.base).toBe(3);
    expect(r.all.earlier!.choices![0]!.share).toBe(0.6667);
    // the panel: in 2021 only c1 of c1, c3 answered the question
    expect([r.panel.earlier!.base, counts(r.panel.earlier).agricoltura]).toEqual([1, 1]);
    expect([r.panel.later!.base, counts(r.panel.later).agricoltura]).toEqual([2, 1]);
  });

  it('a split and a question not comparable are warned, with the reason', async () => {
    const split = (await w.as.anci.get<Comparison>(compare(later, 'question=stagionali_agri'))).body;
    expect(split.warnings[0]).toEqual({
      code: 'split',
      codes: ['stagionali', 'stagionali_agri', 'stagionali_altri'],
      reason: null,
    });
    expect(split.questions.earlier!.name).toBe('stagionali');
    expect(split.all.earlier!.range).toMatchObject({ sumMin: 4 });
    expect(split.all.later!.range).toMatchObject({ n: 0 });
    const fromEarlier = (await w.as.anci.get<Comparison>(compare(earlier, 'question=stagionali'))).body;
    expect(codes(fromEarlier)).toEqual(['split']);
    expect(fromEarlier.all.later).toBeNull();
    const nc = (await w.as.anci.get<Comparison>(compare(later, 'question=addetti'))).body;
    expect(nc.warnings[0]).toEqual({
      code: 'not_comparable',
      codes: ['addetti', 'addetti'],
      reason: 'Nel 2024 si contano anche i part-time',
    });
  });

  it('two old codes recoded into one count a Comune that chose both once', async () => {
    const merged = {
      items: [
        {
          kind: 'match',
          earlier: 'settori',
          later: 'settori',
          recodes: [
            { from: 'agri', to: 'agricoltura' },
            { from: 'edil', to: 'agricoltura' },
          ],
        },
      ],
    };
    expect((await w.as.anci.request('PUT', mappingsUrl(), merged)).status).toBe(200);
    const r = (await w.as.anci.get<Comparison>(compare(later, 'question=settori'))).body;
    // c1 chose agri and edil, c2 agri: 2 Comuni, not 3
    expect(counts(r.all.earlier).agricoltura).toBe(2);
    expect((await w.as.anci.request('PUT', mappingsUrl(), mapping)).status).toBe(200);
  });
});

describe('who sees what', () => {
  it('MLPS: controlled figures, nothing on fewer than 3 Comuni, no Comune’s figures', async () => {
    const r = (await w.as.mlps.get<Comparison>(compare(later, 'question=lavoratori'))).body;
    expect(r.full).toBe(false);
    // 2024: 20 + 7 + 10 = 37 → 35 (3 Comuni); 2021 rests on 2 Comuni; the panel on 2
    expect(r.all.later!.range).toMatchObject({ sumMin: 35, sumMax: 45 });
    expect(r.all.earlier).toMatchObject({ base: 2, suppressed: true, range: null });
    expect(r.panel.later).toMatchObject({ base: 2, suppressed: true });
    expect((await w.as.mlps.get(compare(later, `question=presenza&comune=${c[0]}`))).status).toBe(403);
  });

  it('a Regione: national figures controlled, its own Comuni’s figures exact, not another Region’s', async () => {
    const r = (await w.as.regione.get<Comparison>(compare(later, `question=lavoratori&comune=${c[0]}`))).body;
    expect(r.respondents.later).toBe(4);
    expect(r.all.later!.range).toMatchObject({ sumMin: 35 });
    expect(r.comune!.istat).toBe(c[0]);
    expect(r.comune!.earlier!.range).toMatchObject({ sumMin: 13 });
    expect(r.comune!.later!.range).toMatchObject({ sumMin: 20 });
    expect((await w.as.regione.get(compare(later, `question=presenza&comune=${c[6]}`))).status).toBe(403);
    expect((await w.as.regione.get(compare(later, 'question=presenza&region=01'))).status).toBe(403);
  });

  it('a Comune reads its own trend next to the controlled national figures, and nothing about another', async () => {
    const { agent } = await comuneUser(t, 'validatore_indagine', c[0]);
    const own = await agent.get<Comparison>(compare(later, `question=lavoratori&comune=${c[0]}`));
    expect(own.status).toBe(200);
    expect(own.body.full).toBe(false);
    expect(own.body.comune!.earlier!.range).toMatchObject({ sumMin: 13 });
    expect(own.body.all.later!.range).toMatchObject({ sumMin: 35 });
    expect((await agent.get(compare(later, `question=lavoratori&comune=${c[2]}`))).status).toBe(403);
    expect((await agent.get(compare(later, 'question=lavoratori'))).status).toBe(403);
    // the wave's results themselves stay closed to a Comune
    expect((await agent.get(`/api/v1/surveys/waves/${later}/results?question=presenza`)).status).toBe(403);
  });

  it('ANCI reads any Comune exactly; bad requests are clear 4xx; every comparison is audited', async () => {
    const r = (await w.as.anci.get<Comparison>(compare(later, `question=presenza&comune=${c[3]}`))).body;
    // c4 was returned for correction in 2021: only its 2024 answer counts
    expect(r.comune!.earlier!.base).toBe(0);
    expect(counts(r.comune!.later)).toEqual({ si: 0, no: 1 });
    const cases: [string, number, string][] = [
      ['question=note', 400, 'surveys.results.question'],
      ['question=nessuna', 400, 'surveys.results.question'],
      ['question=presenza&region=99', 400, 'surveys.results.filter'],
      ['question=presenza&comune=12', 400, 'request.invalid'],
      [`question=presenza&comune=${c[4]}`, 400, 'surveys.results.filter'],
    ];
    for (const [q, status, code] of cases) {
      const res = await w.as.anci.get<{ code: string }>(compare(later, q));
      expect([q, res.status, res.body.code]).toEqual([q, status, code]);
    }
    const missing = await w.as.anci.get(
      `/api/v1/surveys/waves/${later}/comparison?other=00000000-0000-4000-8000-000000000000&question=presenza`,
    );
    expect(missing.status).toBe(404);
    const rows = await auditRows(t.db, "action = 'surveys.results.read' AND entity_id = $1", [later]);
    expect(rows.some((x) => x.details.comparison === earlier)).toBe(true);
  });
});
