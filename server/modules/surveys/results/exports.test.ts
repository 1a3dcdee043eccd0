/**
 * A wave's export through the API, on a small hand-made wave: the wide layout (one row per Comune,
 * a multiple choice's 0/1 columns, a range's four columns), a repeat's sheet re-joined to its
 * Comune by the ISTAT code, the long layout, codes and labels, the codebook, the states that count,
 * the injection guard in CSV and XLSX, the audit row, who may not export and bad parameters; and the
 * prepared export (progress, then a download with its size that resumes from a byte range).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { readItalianCsv } from '../../../../tests/support/csv.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';
import { comuniOf, makeResultsWave } from '../../../../tests/support/survey-results-factories.js';

let t: TestApp;
let w: WaveActors;
let waveId: string;
let c1: string, c2: string, c3: string, c4: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  [c1, c2, c3, c4] = (await comuniOf(t.db, '16', 4)) as [string, string, string, string];
  waveId = await makeResultsWave(t.db, w.anci.id, [
    {
      istat: c1,
      status: 'inviato',
      answers: {
        presenza: 'si',
        settori: 'agri edil',
        addetti: 10,
        lavoratori: { value: 13, quality: 'certo' },
        note: '=HYPERLINK("http://x.example","clic")',
        insediamenti: [
          { tipo: 'formale', persone: { value: 30, quality: 'certo' } },
          { tipo: 'informale', persone: { min: 5, max: 15, quality: 'stima' } },
        ],
      },
    },
    {
      istat: c2,
      status: 'validato',
      answers: {
        presenza: 'si',
        settori: 'agri other',
        settori_other: '@vivai; "serre"',
        addetti: 2.5,
        lavoratori: { min: 3, max: 8, quality: 'stima' },
        insediamenti: [{ tipo: 'informale', persone: { quality: 'non_noto' } }],
      },
    },
    // returned for correction and still being filled in: not exported
    { istat: c3, status: 'da_ricontattare', answers: { presenza: 'no' } },
    { istat: c4, status: 'in_compilazione', answers: { presenza: 'no' } },
  ]);
});
afterAll(() => t.close());

const url = (q: string) => `/api/v1/surveys/waves/${waveId}/export?${q}`;

/** Rows of a CSV as objects keyed by the header. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as objects keyed by its header row. */
function sheetRecords(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return out;
}

describe('wide CSV', () => {
  it('one row per Comune that counts, with the Comune, choices as codes, 0/1 per choice and a range’s columns', async () => {
    const res = await w.as.anci.get(url('format=csv&shape=wide&values=codes'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="risultati-[0-9a-f]{8}-2026-01-10-wide-codes\.csv"$/,
    );
    const rows = readItalianCsv(res.raw.rawPayload);
    expect(rows[0]!.slice(0, 6)).toEqual(['istat', 'comune', 'provincia', 'regione', 'stato', 'inviato_il']);
    expect(rows[0]).toContain('settori/agri');
    expect(rows[0]).not.toContain('tipo');
    const recs = records(rows);
    expect(recs.map((r) => r.istat)).toEqual([c1, c2]);
    const [a, b] = recs as [Record<string, string>, Record<string, string>];
    expect(a).toMatchObject({ regione: 'Puglia', stato: 'inviato', presenza: 'si', settori: 'agri edil' });
    expect(a).toMatchObject({ 'settori/agri': '1', 'settori/edil': '1', 'settori/serv': '0', 'settori/other': '0' });
    expect(a).toMatchObject({
      addetti: '10',
      'lavoratori/value': '13',
      'lavoratori/min': '',
      'lavoratori/quality': 'certo',
    });
    expect(b).toMatchObject({ settori: 'agri other', 'settori/other': '1', addetti: '2,5', 'lavoratori/min': '3' });
    expect(b).toMatchObject({ 'lavoratori/max': '8', 'lavoratori/quality': 'stima', stato: 'validato' });
    // the injection guard: a formula and an "@" text start with a quote; ; and " survive the quoting
    expect(a.note).toBe('\'=HYPERLINK("http://x.example","clic")');
    expect(b.settori_other).toBe('\'@vivai; "serre"');
  });

  it('labels instead of codes', async () => {
    const recs = records(readItalianCsv((await w.as.anci.get(url('format=csv&values=labels'))).raw.rawPayload));
    expect(recs[0]).toMatchObject({
      presenza: 'Sì',
      settori: 'Agricoltura; Edilizia',
      'lavoratori/quality': 'Dato certo',
    });
    expect(recs[1]).toMatchObject({ settori: 'Agricoltura; Altro', 'settori/other': '1' });
  });

  it('a repeat’s entries with the Comune’s key, re-joined to its Comune row', async () => {
    const comuni = records(readItalianCsv((await w.as.anci.get(url('format=csv'))).raw.rawPayload));
    const res = await w.as.anci.get(url('format=csv&repeat=insediamenti'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('-wide-codes-insediamenti.csv');
    const entries = records(readItalianCsv(res.raw.rawPayload));
    expect(
      entries.map((e) => [e.istat, e.voce, e.tipo, e['persone/value'], e['persone/min'], e['persone/max']]),
    ).toEqual([
      [c1, '1', 'formale', '30', '', ''],
      [c1, '2', 'informale', '', '5', '15'],
      [c2, '1', 'informale', '', '', ''],
    ]);
    const byIstat = new Map(comuni.map((c) => [c.istat, c]));
    expect(entries.map((e) => byIstat.get(e.istat)?.comune)).toEqual([
      comuni[0]!.comune,
      comuni[0]!.comune,
      comuni[1]!.comune,
    ]);
  });
});

describe('the question list', () => {
  it('names the repeat a question is answered in: what the export’s repeat parameter takes', async () => {
    const list = await w.as.anci.get<{ items: { name: string; repeat: string | null }[] }>(
      `/api/v1/surveys/waves/${waveId}/results/questions`,
    );
    const repeatOf = new Map(list.body.items.map((q) => [q.name, q.repeat]));
    expect([repeatOf.get('tipo'), repeatOf.get('persone'), repeatOf.get('settori')]).toEqual([
      'insediamenti',
      'insediamenti',
      null,
    ]);
  });
});

describe('long CSV', () => {
  it('one row per answer: a multiple choice one per code, repeats with their entry, code and label', async () => {
    const res = await w.as.anci.get(url('format=csv&shape=long'));
    expect(res.status).toBe(200);
    const rows = readItalianCsv(res.raw.rawPayload);
    expect(rows[0]).toEqual(['istat', 'domanda', 'ripetizione', 'voce', 'valore_codice', 'valore_etichetta']);
    const recs = records(rows);
    const of = (istat: string, q: string) => recs.filter((r) => r.istat === istat && r.domanda === q);
    expect(of(c1, 'settori').map((r) => [r.valore_codice, r.valore_etichetta])).toEqual([
      ['agri', 'Agricoltura'],
      ['edil', 'Edilizia'],
    ]);
    expect(of(c1, 'presenza')).toEqual([
      { istat: c1, domanda: 'presenza', ripetizione: '', voce: '', valore_codice: 'si', valore_etichetta: 'Sì' },
    ]);
    expect(of(c1, 'tipo').map((r) => [r.ripetizione, r.voce, r.valore_codice])).toEqual([
      ['insediamenti', '1', 'formale'],
      ['insediamenti', '2', 'informale'],
    ]);
    expect(of(c2, 'persone/quality')).toMatchObject([
      { voce: '1', valore_codice: 'non_noto', valore_etichetta: 'Non noto' },
    ]);
    expect(of(c2, 'settori_other')[0]!.valore_codice).toBe('\'@vivai; "serre"');
    expect(recs.some((r) => r.istat === c3 || r.istat === c4)).toBe(false);
  });
});

describe('XLSX', () => {
  it('wide: the Comuni, one sheet per repeat keyed by ISTAT code and entry, and the codebook', async () => {
    const res = await w.as.anci.get(url('format=xlsx&shape=wide&values=labels'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('-wide-labels.xlsx');
    const wb = await workbook(res.raw.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Comuni', 'insediamenti', 'Codebook']);
    const comuni = sheetRecords(wb.getWorksheet('Comuni')!);
    expect(comuni.map((r) => r.istat)).toEqual([c1, c2]);
    expect(comuni[0]).toMatchObject({
      presenza: 'Sì',
      'settori/agri': 1,
      'settori/serv': 0,
      addetti: 10,
      'lavoratori/value': 13,
    });
    expect(comuni[1]).toMatchObject({ addetti: 2.5, 'lavoratori/quality': 'Stima' });
    // the guard in XLSX as in CSV
    expect(comuni[0]!.note).toBe('\'=HYPERLINK("http://x.example","clic")');
    const entries = sheetRecords(wb.getWorksheet('insediamenti')!);
    expect(entries.map((e) => [e.istat, e.voce, e.tipo])).toEqual([
      [c1, '1', 'Formale'],
      [c1, '2', 'Informale'],
      [c2, '1', 'Informale'],
    ]);
    // every entry joins back to its Comune's row
    expect(entries.every((e) => comuni.some((c) => c.istat === e.istat))).toBe(true);
    const codebook = sheetRecords(wb.getWorksheet('Codebook')!);
    expect(codebook.find((r) => r.domanda === 'settori')).toMatchObject({
      colonne: 'settori settori/agri settori/edil settori/serv settori/other settori_other',
      etichetta_it: 'Settori',
      tipo: 'select_multiple',
      scelte: 'agri=Agricoltura | edil=Edilizia | serv=Servizi | other=Altro',
      sezione: 'A. Presenza',
      versione: 1,
    });
    expect(codebook.find((r) => r.domanda === 'persone')).toMatchObject({ ripetizione: 'insediamenti' });
  });

  it('long: one sheet of answers and the codebook', async () => {
    const wb = await workbook((await w.as.anci.get(url('format=xlsx&shape=long'))).raw.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Risposte', 'Codebook']);
    const rows = sheetRecords(wb.getWorksheet('Risposte')!);
    expect(rows.filter((r) => r.istat === c2 && r.domanda === 'addetti')).toMatchObject([{ valore_codice: 2.5 }]);
    expect(rows.filter((r) => r.domanda === 'tipo')).toHaveLength(3);
  });
});

describe('codebook endpoint', () => {
  it('CSV and XLSX, one row per question', async () => {
    const csv = await w.as.anci.get(`/api/v1/surveys/waves/${waveId}/export/codebook?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('-codebook.csv');
    const recs = records(readItalianCsv(csv.raw.rawPayload));
    expect(recs.map((r) => r.domanda)).toEqual([
      'presenza',
      'settori',
      'addetti',
      'lavoratori',
      'stagionali',
      'note',
      'tipo',
      'persone',
    ]);
    expect(recs[0]).toMatchObject({ tipo: 'yes_no', scelte: 'si=Sì | no=No', colonne: 'presenza', versione: '1' });
    expect(recs[3]).toMatchObject({ colonne: 'lavoratori/min lavoratori/max lavoratori/value lavoratori/quality' });
    const xlsx = await w.as.anci.get(`/api/v1/surveys/waves/${waveId}/export/codebook?format=xlsx`);
    expect(sheetRecords((await workbook(xlsx.raw.rawPayload)).getWorksheet('Codebook')!)).toHaveLength(8);
  });
});

describe('access, audit and parameters', () => {
  it('each export is audited: who, which wave, format and shape, no data', async () => {
    await w.as.anci.get(url('format=csv&shape=long'));
    const rows = await auditRows(t.db, "action = 'surveys.results.export' AND entity_id = $1", [waveId]);
    expect(rows.at(-1)).toMatchObject({
      actor_user_id: w.anci.id,
      details: { format: 'csv', shape: 'long', values: 'codes', repeat: null },
    });
  });

  // a Regione exports its own Comuni's responses: mine.test.ts
  it('MLPS and a Comune’s user get 403', async () => {
    const { agent } = await comuneUser(t, 'referente_comunale', c1);
    for (const a of [w.as.mlps, agent]) {
      expect((await a.get(url('format=csv'))).status).toBe(403);
      expect((await a.get(`/api/v1/surveys/waves/${waveId}/export/codebook?format=csv`)).status).toBe(403);
    }
  });

  it('bad parameters are 400, an unknown wave 404, never 500', async () => {
    for (const q of [
      'format=pdf',
      '',
      'format=csv&shape=tall',
      'format=csv&values=both',
      'format=csv&repeat=nope',
      'format=xlsx&repeat=insediamenti',
      'format=csv&shape=long&repeat=insediamenti',
      'format=csv&extra=1',
    ])
      expect((await w.as.anci.get(url(q))).status, q).toBe(400);
    expect((await w.as.anci.get(`/api/v1/surveys/waves/not-a-uuid/export?format=csv`)).status).toBe(400);
    const missing = await w.as.anci.get(`/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/export?format=csv`);
    expect(missing.status).toBe(404);
  });
});

describe('prepared export: progress, size, and a download that resumes', () => {
  const base = () => `/api/v1/surveys/waves/${waveId}/exports`;

  async function ready(id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200; i++) {
      const r = await w.as.anci.get<Record<string, unknown>>(`${base()}/${id}`);
      expect(r.status).toBe(200);
      if (r.body.status === 'ready' || r.body.status === 'failed') return r.body;
      await new Promise((res) => setTimeout(res, 25));
    }
    throw new Error('the export was not ready in time');
  }

  it('prepares the same file as the direct export, with its progress, then serves it whole and by ranges', async () => {
    const started = await w.as.anci.post<Record<string, unknown>>(base(), { format: 'xlsx', shape: 'wide' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ filename: expect.stringMatching(/-wide-codes\.xlsx$/), bytes: null });
    // two counted responses, read once for the Comuni's sheet and once for the settlements' sheet
    expect(started.body.total).toBe(4);
    const id = started.body.id as string;
    const done = await ready(id);
    expect(done).toMatchObject({ status: 'ready', done: 4, total: 4 });
    const size = done.bytes as number;
    expect(size).toBeGreaterThan(1000);

    const whole = await w.as.anci.get(`${base()}/${id}/file`);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-length']).toBe(String(size));
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-disposition']).toContain(done.filename as string);
    const etag = whole.headers.etag as string;
    expect(etag).toBe(`"${id}"`);
    const file = whole.raw.rawPayload;
    expect(file.length).toBe(size);
    const wb = await workbook(file);
    expect(sheetRecords(wb.getWorksheet('Comuni')!).map((r) => r.istat)).toEqual([c1, c2]);

    // a cut download resumes where it stopped, and the pieces make the same file
    const cut = 700;
    // (the client accepts compression: the file's bytes are sent as they are, never re-encoded)
    const rest = await w.as.anci.request('GET', `${base()}/${id}/file`, undefined, {
      headers: { range: `bytes=${cut}-`, 'if-range': etag, 'accept-encoding': 'br, gzip' },
    });
    expect(rest.headers['content-encoding']).toBeUndefined();
    expect(rest.status).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes ${cut}-${size - 1}/${size}`);
    expect(Buffer.concat([file.subarray(0, cut), rest.raw.rawPayload]).equals(file)).toBe(true);

    // If-Range naming another version: the whole file; a range past the end: 416
    const other = await w.as.anci.request('GET', `${base()}/${id}/file`, undefined, {
      headers: { range: `bytes=${cut}-`, 'if-range': '"another"' },
    });
    expect(other.status).toBe(200);
    expect(other.raw.rawPayload.length).toBe(size);
    const past = await w.as.anci.request('GET', `${base()}/${id}/file`, undefined, {
      headers: { range: `bytes=${size + 10}-` },
    });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    // a malformed Range is ignored: the whole file
    const junk = await w.as.anci.request('GET', `${base()}/${id}/file`, undefined, { headers: { range: 'bytes=x-y' } });
    expect(junk.status).toBe(200);
  });

  it('is audited when asked for, like a direct export', async () => {
    const started = await w.as.anci.post<{ id: string }>(base(), { format: 'csv', shape: 'long', values: 'labels' });
    expect(started.status).toBe(202);
    await ready(started.body.id);
    const rows = await auditRows(t.db, "action = 'surveys.results.export' AND entity_id = $1", [waveId]);
    expect(rows.at(-1)).toMatchObject({
      actor_user_id: w.anci.id,
      details: { format: 'csv', shape: 'long', values: 'labels', repeat: null },
    });
  });

  it('belongs to whoever prepared it: another user, another wave or an unknown id is 404; MLPS may not prepare', async () => {
    const started = await w.as.anci.post<{ id: string }>(base(), { format: 'csv', shape: 'wide' });
    const id = started.body.id;
    await ready(id);
    // a second ANCI account does not see the first one's file
    const other = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
    expect((await other.get(`${base()}/${id}`)).status).toBe(404);
    expect((await other.get(`${base()}/${id}/file`)).status).toBe(404);
    const elsewhere = `/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/exports/${id}`;
    expect((await w.as.anci.get(elsewhere)).status).toBe(404);
    expect((await w.as.anci.get(`${base()}/00000000-0000-4000-8000-000000000001`)).status).toBe(404);
    // MLPS reads aggregates only; the Regione may prepare its own Comuni's file, not read ANCI's
    expect((await w.as.mlps.post(base(), { format: 'csv' })).status).toBe(403);
    expect((await w.as.mlps.get(`${base()}/${id}/file`)).status).toBe(403);
    expect((await w.as.regione.get(`${base()}/${id}/file`)).status).toBe(404);
    expect((await w.as.anci.post(base(), { format: 'pdf' })).status).toBe(400);
    expect((await w.as.anci.post(base(), { format: 'csv', repeat: 'nope' })).status).toBe(400);
  });
});
