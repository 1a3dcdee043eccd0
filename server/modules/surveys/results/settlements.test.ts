/**
 * The settlements register of a wave (issue 11, item 3) through the API: every settlement of the
 * census's repeat in the responses that count, with its Comune, province and Region; the filters
 * and paging; persons exact for ANCI/Cittalia and controlled for MLPS (1–9 as "<10", others rounded
 * to 5; no place names); a Comune's user refused; no coordinates, ever (a clear 400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuniOf, makeResultsWave, resultsForm } from '../../../../tests/support/survey-results-factories.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';
import type { Form } from '../shared/form/model.js';

type Settlements = Schema<'SurveySettlementList'>;

const q = { kind: 'question', required: false, readOnly: false } as const;
const choices = (names: string[]) => names.map((name) => ({ name, label: { it: name }, extra: {} }));

/** The census's settlements repeat (the names of censimento-2021.ts), small. */
const censusForm: Form = {
  ...resultsForm,
  id: 'insediamenti',
  items: [
    {
      kind: 'repeat',
      name: 'insediamenti',
      label: { it: 'Insediamento' },
      items: [
        { ...q, type: 'text', name: 'ins_localita', label: { it: 'Località' } },
        { ...q, type: 'select_one', name: 'ins_tipo', label: { it: 'Tipo' }, listName: 'formale', other: false },
        {
          ...q,
          type: 'select_one',
          name: 'ins_tipologia_formale',
          label: { it: 'Tipologia formale' },
          listName: 'tipo_formale',
          other: false,
        },
        {
          ...q,
          type: 'select_one',
          name: 'ins_tipologia_informale',
          label: { it: 'Tipologia informale' },
          listName: 'tipo_informale',
          other: false,
        },
        { ...q, type: 'range_estimate', name: 'ins_persone', label: { it: 'Persone' }, decimal: false },
        {
          ...q,
          type: 'select_one',
          name: 'ins_stagionalita',
          label: { it: 'Stagionalità' },
          listName: 'stagionalita',
          other: false,
        },
        {
          ...q,
          type: 'select_multiple',
          name: 'ins_servizi',
          label: { it: 'Servizi' },
          listName: 'servizi',
          other: false,
        },
        { ...q, type: 'decimal', name: 'ins_distanza_km', label: { it: 'Distanza (km)' } },
        { ...q, type: 'integer', name: 'ins_anni', label: { it: 'Anni' } },
      ],
    },
  ],
  lists: [
    { name: 'formale', choices: choices(['formale', 'informale']) },
    { name: 'tipo_formale', choices: choices(['foresteria', 'campo_attrezzato']) },
    { name: 'tipo_informale', choices: choices(['casolare', 'baraccopoli']) },
    { name: 'stagionalita', choices: choices(['tutto_anno', 'stagionale']) },
    { name: 'servizi', choices: choices(['acqua', 'elettricita', 'servizi_igienici', 'trasporti', 'nessuno']) },
  ],
};

let t: TestApp;
let w: WaveActors;
let waveId: string;
let noRegister: string;
let puglia: string[];
let piemonte: string[];

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  puglia = await comuniOf(t.db, '16', 3);
  piemonte = await comuniOf(t.db, '01', 1);
  const [p1, p2, p3] = puglia as [string, string, string];
  const [n1] = piemonte as [string];
  waveId = await makeResultsWave(
    t.db,
    w.anci.id,
    [
      {
        istat: p1,
        status: 'inviato',
        answers: {
          insediamenti: [
            {
              ins_localita: 'Borgo Mezzanone',
              ins_tipo: 'informale',
              ins_tipologia_informale: 'baraccopoli',
              ins_persone: { min: 1200, max: 2003, quality: 'stima' },
              ins_stagionalita: 'tutto_anno',
              ins_servizi: 'acqua elettricita',
              ins_distanza_km: 12.5,
              ins_anni: 20,
            },
            {
              ins_localita: 'Masseria',
              ins_tipo: 'formale',
              ins_tipologia_formale: 'foresteria',
              ins_persone: { value: 7, quality: 'certo' },
              ins_stagionalita: 'stagionale',
              ins_servizi: 'nessuno',
              ins_distanza_km: 3,
              ins_anni: 2,
            },
          ],
        },
      },
      {
        istat: p2,
        status: 'validato',
        answers: {
          insediamenti: [
            {
              ins_localita: 'Contrada',
              ins_tipo: 'informale',
              ins_tipologia_informale: 'casolare',
              ins_persone: { value: 43, quality: 'certo' },
            },
          ],
        },
      },
      // not counted: returned for correction
      {
        istat: p3,
        status: 'da_ricontattare',
        answers: { insediamenti: [{ ins_tipo: 'formale', ins_persone: { value: 99, quality: 'certo' } }] },
      },
      {
        istat: n1,
        status: 'consolidato',
        answers: {
          insediamenti: [
            { ins_tipo: 'formale', ins_tipologia_formale: 'campo_attrezzato', ins_persone: { quality: 'non_noto' } },
          ],
        },
      },
    ],
    censusForm,
  );
  noRegister = await makeResultsWave(t.db, w.anci.id, [{ istat: p1, status: 'inviato', answers: {} }]);
});
afterAll(async () => {
  await t?.close();
});

const url = (q = '', wave = waveId) => `/api/v1/surveys/waves/${wave}/settlements${q ? `?${q}` : ''}`;

describe('the settlements register', () => {
  it('ANCI/Cittalia: every settlement that counts, with its Comune, exact', async () => {
    const res = await w.as.anci.get<Settlements>(url());
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.full).toBe(true);
    expect(r.total).toBe(4);
    expect(r.items.map((s) => [s.comune.istat, s.entry])).toEqual(
      expect.arrayContaining([
        [puglia[0], 1],
        [puglia[0], 2],
        [puglia[1], 1],
        [piemonte[0], 1],
      ]),
    );
    // by Region's name: Piemonte before Puglia
    expect(r.items[0]!.comune.region).toEqual({ code: '01', name: 'Piemonte' });
    const borgo = r.items.find((s) => s.place === 'Borgo Mezzanone')!;
    expect(borgo).toMatchObject({
      type: 'informale',
      kind: 'baraccopoli',
      persons: { min: 1200, max: 2003, quality: 'stima' },
      season: 'tutto_anno',
      services: ['acqua', 'elettricita'],
      distanceKm: 12.5,
      years: 20,
    });
    expect(borgo.comune.province.code).toMatch(/^\d{3}$/);
    expect(borgo.comune.region).toEqual({ code: '16', name: 'Puglia' });
    expect(r.items.find((s) => s.place === 'Masseria')!.persons).toEqual({ min: 7, max: 7, quality: 'certo' });
    expect(r.items.find((s) => s.comune.istat === piemonte[0])!.persons).toEqual({
      min: null,
      max: null,
      quality: 'non_noto',
    });
    // nothing about where the settlement lies but its Comune
    for (const s of r.items) expect(Object.keys(s).filter((k) => /lat|lon|coord|geo/i.test(k))).toEqual([]);
  });

  it('filters by Region, formal or informal, and kind; pages', async () => {
    const puglia16 = (await w.as.anci.get<Settlements>(url('region=16'))).body;
    expect(puglia16.total).toBe(3);
    const informal = (await w.as.anci.get<Settlements>(url('type=informale'))).body;
    expect(informal.items.map((s) => s.kind).sort()).toEqual(['baraccopoli', 'casolare']);
    const kind = (await w.as.anci.get<Settlements>(url('kind=campo_attrezzato'))).body;
    expect(kind.items.map((s) => s.comune.istat)).toEqual([piemonte[0]]);
    const page2 = (await w.as.anci.get<Settlements>(url('pageSize=3&page=2'))).body;
    expect([page2.total, page2.page, page2.items.length]).toEqual([4, 2, 1]);
  });

  it('MLPS: persons controlled (1–9 as "<10", others rounded to 5), no place names', async () => {
    const res = await w.as.mlps.get<Settlements>(url('region=16'));
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.full).toBe(false);
    expect(r.items.every((s) => s.place === null)).toBe(true);
    const persons = r.items.map((s) => [s.kind, s.persons.min, s.persons.max]);
    expect(persons).toEqual(
      expect.arrayContaining([
        ['baraccopoli', 1200, 2005],
        ['foresteria', '<10', '<10'],
        ['casolare', 45, 45],
      ]),
    );
  });

  it('a Comune’s user gets 403; a Regione lists its own Region only', async () => {
    const { agent } = await comuneUser(t, 'validatore_indagine', puglia[0]);
    expect((await agent.get(url())).status).toBe(403);
    const own = await w.as.regione.get<Settlements>(url());
    expect(own.status).toBe(200);
    expect(own.body.items.every((s) => s.comune.region.code === '16')).toBe(true);
    expect((await w.as.regione.get(url('region=01'))).status).toBe(403);
  });

  it('refuses coordinates with a clear 400, here and on the results', async () => {
    for (const path of [
      url('lat=41.9'),
      url('lon=12.5&region=16'),
      url('coordinates=1'),
      `/api/v1/surveys/waves/${waveId}/results/areas?question=ins_persone&level=comune&lat=41.9&lon=12.5`,
      `/api/v1/surveys/waves/${waveId}/results?question=ins_persone&coordinates=41.9,12.5`,
    ]) {
      const res = await w.as.anci.get<{ code: string; detail: string }>(path);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'surveys.results.filter']);
      expect(res.body.detail).toMatch(/coordinates/i);
    }
  });

  it('other bad requests are clear 4xx', async () => {
    expect((await w.as.anci.get<{ code: string }>(url('', noRegister))).body.code).toBe('surveys.results.question');
    expect((await w.as.anci.get<{ code: string }>(url('region=99'))).body.code).toBe('surveys.results.filter');
    expect((await w.as.anci.get<{ code: string }>(url('type=tenda'))).body.code).toBe('request.invalid');
  });
});
