/**
 * A wave's report (issue 11 item 7; decision 0045) through the API, against a small wave computed
 * by hand: the response rate by Region and by band, the default tables, the settlements summary;
 * the same model as DOCX (Heading styles, repeated header rows, it-IT), XLSX (numbers read back)
 * and PDF (tagged, lang it); MLPS's copy controlled (no 1–9 persons, nothing on 1–2 Comuni) and
 * free text in nobody's; who may not read it and the clear 4xx.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuniOf, makeResultsWave, resultsForm } from '../../../../tests/support/survey-results-factories.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';
import { readZip } from '../../../../tests/support/zip-files.js';
import type { Form } from '../shared/form/model.js';

type Report = Schema<'SurveyWaveReport'>;

const q = { kind: 'question', required: false, readOnly: false } as const;
const choices = (names: string[]) => names.map((name) => ({ name, label: { it: name }, extra: {} }));

/** The results' questions and the census's settlements repeat (the names of censimento-2021.ts). */
const reportForm: Form = {
  ...resultsForm,
  id: 'rapporto',
  items: [
    resultsForm.items[0]!,
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
      ],
    },
  ],
  lists: [
    ...resultsForm.lists,
    { name: 'formale', choices: choices(['formale', 'informale']) },
    {
      name: 'tipo_formale',
      choices: [{ name: 'foresteria', label: { it: 'Foresteria' }, extra: {} }],
    },
    {
      name: 'tipo_informale',
      choices: [
        { name: 'casolare', label: { it: 'Casolare' }, extra: {} },
        { name: 'baraccopoli', label: { it: 'Baraccopoli' }, extra: {} },
      ],
    },
  ],
};

const SECRET = 'Testo libero riservato';
const PLACE = 'Borgo Mezzanone';

let t: TestApp;
let w: WaveActors;
let waveId: string;
let puglia: string[];
let piemonte: string[];
let bands: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  puglia = await comuniOf(t.db, '16', 5);
  piemonte = await comuniOf(t.db, '01', 2);
  const [p1, p2, p3, p4, p5] = puglia as [string, string, string, string, string];
  const [n1, n2] = piemonte as [string, string];
  waveId = await makeResultsWave(
    t.db,
    w.anci.id,
    [
      {
        istat: p1,
        status: 'inviato',
        answers: {
          presenza: 'si',
          settori: 'agri edil',
          addetti: 10,
          lavoratori: { value: 13, quality: 'certo' },
          stagionali: { value: 2, quality: 'certo' },
          note: SECRET,
          insediamenti: [
            {
              ins_localita: PLACE,
              ins_tipo: 'formale',
              ins_tipologia_formale: 'foresteria',
              ins_persone: { value: 30, quality: 'certo' },
            },
          ],
        },
      },
      {
        istat: p2,
        status: 'validato',
        answers: {
          presenza: 'si',
          settori: 'agri other',
          settori_other: `${SECRET}: vivai`,
          addetti: 20,
          lavoratori: { min: 3, max: 8, quality: 'stima' },
          stagionali: { value: 3, quality: 'certo' },
          insediamenti: [
            {
              ins_tipo: 'informale',
              ins_tipologia_informale: 'casolare',
              ins_persone: { min: 5, max: 15, quality: 'stima' },
            },
          ],
        },
      },
      {
        istat: p3,
        status: 'consolidato',
        answers: {
          presenza: 'no',
          addetti: 0,
          stagionali: { value: 0, quality: 'certo' },
          insediamenti: [
            {
              ins_tipo: 'informale',
              ins_tipologia_informale: 'baraccopoli',
              ins_persone: { value: 4, quality: 'certo' },
            },
          ],
        },
      },
      // invited, not answering: still filling it in, or not started
      { istat: p4, status: 'in_compilazione', answers: { presenza: 'si', addetti: 500 } },
      { istat: p5, status: 'invitato', answers: {} },
      {
        istat: n1,
        status: 'inviato',
        answers: { presenza: 'si', addetti: 7, lavoratori: { value: 40, quality: 'certo' } },
      },
      // returned for correction: does not count
      { istat: n2, status: 'da_ricontattare', answers: { presenza: 'si', addetti: 1000 } },
    ],
    reportForm,
  );
  const rows = await t.db.ownerTx((tx) =>
    tx.query<{ istat_code: string; band: string }>('SELECT istat_code, band FROM comuni WHERE istat_code = ANY($1)', [
      [...puglia, ...piemonte],
    ]),
  );
  bands = new Map(rows.map((r) => [r.istat_code, r.band]));
});
afterAll(async () => {
  await t?.close();
});

const url = (query = '') => `/api/v1/surveys/waves/${waveId}/report${query ? `?${query}` : ''}`;
const table = (r: Report, name: string) => r.tables.find((x) => x.question.name === name)!;

describe('the report’s model', () => {
  it('ANCI/Cittalia: response rate by Region and band, the default tables, the settlements, exact', async () => {
    const res = await w.as.anci.get<Report>(url());
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({
      full: true,
      wave: 'Rilevazione di prova',
      opensOn: '2026-01-10',
      closesOn: '2026-03-31',
    });
    expect(r.responseRate.overall).toMatchObject({ invited: 7, answered: 4, rate: 0.5714 });
    expect(r.responseRate.byRegion.map((x) => [x.code, x.invited, x.answered, x.rate])).toEqual([
      ['01', 2, 1, 0.5],
      ['16', 5, 3, 0.6],
    ]);
    // by band, counted by hand from the Comuni's bands
    const answered = new Set([puglia[0], puglia[1], puglia[2], piemonte[0]]);
    const expected = new Map<string, [number, number]>();
    for (const c of [...puglia, ...piemonte]) {
      const [i, a] = expected.get(bands.get(c)!) ?? [0, 0];
      expected.set(bands.get(c)!, [i + 1, a + (answered.has(c) ? 1 : 0)]);
    }
    expect(new Map(r.responseRate.byBand.map((x) => [x.code, [x.invited, x.answered]]))).toEqual(expected);
    expect(r.responseRate.byBand.every((x) => x.label.length > 0 && x.label !== x.code)).toBe(true);
    expect(r.respondents).toBe(4);
    // every choice, number and range question; no free text
    expect(r.tables.map((x) => x.question.name)).toEqual([
      'presenza',
      'settori',
      'addetti',
      'lavoratori',
      'stagionali',
      'ins_tipo',
      'ins_tipologia_formale',
      'ins_tipologia_informale',
      'ins_persone',
    ]);
    expect(table(r, 'presenza')).toMatchObject({ base: 4 });
    expect(table(r, 'lavoratori').range).toMatchObject({ n: 3, sumMin: 56, sumMax: 61 });
    expect(table(r, 'stagionali')).toMatchObject({ base: 3, range: { sumMin: 5, sumMax: 5 } });
    expect(table(r, 'ins_persone').range).toMatchObject({ n: 3, sumMin: 39, sumMax: 49 });
    const s = r.settlements!;
    expect(s.total).toMatchObject({ settlements: 3, comuni: 3, personsMin: 39, personsMax: 49, suppressed: false });
    expect(s.byKind.map((g) => [g.label, g.settlements, g.personsMin, g.personsMax])).toEqual([
      ['Formale — Foresteria', 1, 30, 30],
      ['Informale — Baraccopoli', 1, 4, 4],
      ['Informale — Casolare', 1, 5, 15],
    ]);
    expect(s.byRegion.map((g) => [g.code, g.settlements, g.comuni])).toEqual([['16', 3, 3]]);
    const json = JSON.stringify(r);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(PLACE);
  });

  it('MLPS: no count of persons between 1 and 9, rounded to 5, nothing on 1–2 Comuni, no free text', async () => {
    const r = (await w.as.mlps.get<Report>(url())).body;
    expect(r.full).toBe(false);
    // Comuni are not persons: the response rate is exact
    expect(r.responseRate.overall).toMatchObject({ invited: 7, answered: 4 });
    expect(table(r, 'lavoratori').range).toMatchObject({ sumMin: 55, sumMax: 60 });
    expect(table(r, 'stagionali').range).toMatchObject({ sumMin: '<10', sumMax: '<10' });
    expect(table(r, 'ins_persone').range).toMatchObject({ sumMin: 40, sumMax: 50 });
    expect(table(r, 'ins_tipologia_formale')).toMatchObject({ base: 1, suppressed: true, choices: null });
    const s = r.settlements!;
    expect(s.total).toMatchObject({ settlements: 3, personsMin: 40, personsMax: 50 });
    expect(s.byKind.every((g) => g.suppressed && g.personsMin === null && g.settlements === null)).toBe(true);
    const persons = [
      ...r.tables.flatMap((x) => [x.range?.sumMin, x.range?.sumMax]),
      ...[s.total, ...s.byKind, ...s.byRegion].flatMap((g) => [g.personsMin, g.personsMax]),
    ];
    for (const v of persons) if (typeof v === 'number') expect(v === 0 || (v >= 10 && v % 5 === 0)).toBe(true);
    const json = JSON.stringify(r);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(PLACE);
    // a Regione reads the same national, controlled report
    const regione = (await w.as.regione.get<Report>(url())).body;
    expect(regione.full).toBe(false);
    expect(regione.responseRate.byRegion).toHaveLength(2);
  });

  it('a chosen set of questions, and every read audited', async () => {
    const r = (await w.as.anci.get<Report>(url('question=addetti,presenza'))).body;
    expect(r.tables.map((x) => x.question.name)).toEqual(['addetti', 'presenza']);
    expect(table(r, 'addetti').number).toMatchObject({ n: 4, sum: 37 });
    const rows = await auditRows(t.db, "action = 'surveys.results.read' AND entity_id = $1", [waveId]);
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the report’s files', () => {
  it('XLSX: one sheet per table, header rows, frozen panes, numbers as numbers', async () => {
    const res = await w.as.mlps.get(url('format=xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="rapporto-rilevazione-di-prova.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Risposta per Regione',
      'Risposta per fascia',
      ...Array.from({ length: 9 }, (_, i) => `Tavola ${i + 1}`),
      'Insediamenti per tipo',
      'Insediamenti per Regione',
    ]);
    const rate = wb.getWorksheet('Risposta per Regione')!;
    expect(rate.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(rate.getRow(3).values).toEqual([
      undefined,
      'Regione',
      'Comuni invitati',
      'Comuni rispondenti',
      'Tasso di risposta',
    ]);
    const byLabel = new Map<string, unknown[]>();
    rate.eachRow((row, n) => {
      if (n > 3)
        byLabel.set(
          row.getCell(1).text,
          [2, 3, 4].map((c) => row.getCell(c).value),
        );
    });
    expect(byLabel.get('Puglia')).toEqual([5, 3, 0.6]);
    expect(byLabel.get('Totale')).toEqual([7, 4, 0.5714]);
    const stagionali = wb.getWorksheet('Tavola 5')!;
    expect(stagionali.getCell('B5').value).toBe('<10');
    const settlements = wb.getWorksheet('Insediamenti per Regione')!;
    expect([2, 3, 4, 5].map((c) => settlements.getRow(4).getCell(c).value)).toEqual([3, 3, 40, 50]);
  });

  it('DOCX: Heading styles, captioned tables whose header row repeats, Italian, titled', async () => {
    const res = await w.as.anci.get(url('format=docx'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rapporto-rilevazione-di-prova.docx"');
    const files = readZip(res.raw.rawPayload);
    const doc = files.get('word/document.xml')!.toString('utf8');
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Caption'])
      expect(doc).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('Comuni invitati');
    expect(doc).toContain('Tavola R1. Risposta per Regione');
    expect(doc).not.toContain(SECRET);
    expect(files.get('word/styles.xml')!.toString('utf8')).toContain('w:lang w:val="it-IT"');
    expect(files.get('docProps/core.xml')!.toString('utf8')).toContain(
      'Rapporto della rilevazione: Risultati di prova — Rilevazione di prova',
    );
  });

  it('PDF: tagged, in Italian, named after the wave', async () => {
    const res = await w.as.mlps.get(url('format=pdf'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rapporto-rilevazione-di-prova.pdf"');
    const pdf = res.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain('/StructTreeRoot');
    expect(text).toMatch(/\/Lang \(it\)/);
  });
});

describe('who reads and what is refused', () => {
  it('401 without a session, 403 for a Comune, 404 for an unknown wave, 400 for a bad format or question', async () => {
    expect((await new Agent(t.app).get(url())).status).toBe(401);
    const { agent } = await comuneUser(t, 'validatore_indagine');
    expect((await agent.get(url())).status).toBe(403);
    expect((await agent.get(url('format=pdf'))).status).toBe(403);
    const missing = await w.as.anci.get<{ code: string }>(
      '/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/report?format=docx',
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'surveys.wave.not_found']);
    const cases: [string, string][] = [
      ['format=odt', 'request.invalid'],
      ['format=pdf&extra=1', 'request.invalid'],
      ['question=note', 'surveys.results.question'],
      ['question=nessuna', 'surveys.results.question'],
    ];
    for (const [query, code] of cases) {
      const res = await w.as.anci.get<{ code: string }>(url(query));
      expect([query, res.status, res.headers['content-type'], res.body.code]).toEqual([
        query,
        400,
        expect.stringContaining('application/problem+json'),
        code,
      ]);
    }
  });
});
