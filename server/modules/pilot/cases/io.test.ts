import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows } from '../../../../tests/support/factories.js';
import {
  loggedInPilotComune,
  makeCase,
  pilotFingerprint,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';
import type { OrProblem, Schema } from '../../../../tests/support/schema.js';

type Report = Schema<'PilotImportReport'>;

let t: TestApp;
// a fresh Comune for every test: imports are deduplicated per Comune, so no test sees another's rows
let a: PilotComune;
let opA: Agent;
let refA: Agent;

const header =
  'cognome;nomi;data_nascita;sesso;paese_nascita;cittadinanze;lingue;codice_fiscale;telefono;email;indirizzo;data_presa_in_carico;in_sai';
const good = [
  'Importati;Uno;1990-01-02;M;PK;PK;ur,en;;;;;2026-05-02;si',
  'Importati;Due;1991-03-04;F;BD;BD;bn;;;;;2026-05-03;no',
];
const bad = 'Sbagliati;Tre;1992-13-40;Q;XX;FR;;;;;;2026-05-04;si';
const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8').toString('base64');
const importFile = (body: { format: 'csv' | 'xlsx'; content: string; mode: 'dry_run' | 'all' | 'valid_only' }) =>
  opA.post<OrProblem<Report>>('/api/v1/pilot/import', body);

beforeAll(async () => {
  t = await startTestApp();
});
beforeEach(async () => {
  const comune = await loggedInPilotComune(t);
  a = comune;
  ({ operatore: opA, referente: refA } = comune.as);
});
afterAll(async () => t.close());

describe('importing beneficiaries', () => {
  it('reports row by row in a dry run, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const dry = await importFile({ format: 'csv', content: csv([...good, bad]), mode: 'dry_run' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 3, valid: 2, invalid: 1, imported: 0 });
    const badRow = dry.body.report.find((r) => r.row === 4)!;
    expect(badRow.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['data_nascita', 'sesso']));
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses the whole file in mode "all" when a row fails, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const all = await importFile({ format: 'csv', content: csv([...good, bad]), mode: 'all' });
    expect(all.status).toBe(400);
    expect(all.body.code).toBe('pilot.import_invalid');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('imports only the valid rows in mode "valid_only", each under a new pseudonym', async () => {
    const res = await importFile({ format: 'csv', content: csv([...good, bad]), mode: 'valid_only' });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    const imported = res.body.report.filter((r) => r.status === 'imported');
    expect(imported).toHaveLength(2);
    expect(imported.every((r) => /^[A-Z]{2}-2026-\d{4}$/.test(r.pseudonym!))).toBe(true);
  });

  it('creates nothing when the same people are imported again', async () => {
    expect((await importFile({ format: 'csv', content: csv(good), mode: 'all' })).body.imported).toBe(2);
    const after = await pilotFingerprint(t.db);
    const again = await importFile({ format: 'csv', content: csv(good), mode: 'all' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect((await pilotFingerprint(t.db)).cases).toBe(after.cases);
  });

  it('audits every import that is carried out, and not the dry runs', async () => {
    await importFile({ format: 'csv', content: csv(good), mode: 'dry_run' });
    await importFile({ format: 'csv', content: csv([...good, bad]), mode: 'valid_only' });
    await importFile({ format: 'csv', content: csv(good), mode: 'all' });
    expect(await auditRows(t.db, `action = 'pilot.import' AND actor_user_id = $1`, [a.operatore.id])).toHaveLength(2);
  });

  it('reads XLSX files too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Beneficiari');
    ws.addRow(header.split(';'));
    ws.addRow(['Fogli', 'Quattro', '1989-07-08', 'M', 'SN', 'SN', 'wo|fr', '', '', '', '', '2026-05-05', 'si']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await importFile({ format: 'xlsx', content, mode: 'all' });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
  });

  it('refuses a file that is not a spreadsheet with a clear error', async () => {
    const res = await importFile({ format: 'xlsx', content: Buffer.from('nope').toString('base64'), mode: 'all' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'upload.unreadable', detail: 'Il file non è un XLSX leggibile.' });
  });

  it('refuses a file without the expected columns with a clear error', async () => {
    const res = await importFile({ format: 'csv', content: Buffer.from('a;b\n1;2').toString('base64'), mode: 'all' });
    expect(res.body.code).toBe('pilot.import_invalid');
  });

  it('refuses a file of more than 2000 rows with 413 upload.too_complex, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const many = Array.from({ length: 2001 }, (_, i) => `Molti;N${i};1990-01-02;M;PK;PK;;;;;;2026-05-02;si`);
    const res = await importFile({ format: 'csv', content: csv(many), mode: 'all' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'upload.too_complex', detail: expect.stringContaining('2000') });
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses content that is not base64 (400)', async () => {
    expect((await importFile({ format: 'csv', content: 'not base64 !!', mode: 'all' })).status).toBe(400);
  });
});

describe('exporting cases', () => {
  async function sheetText(res: { raw: { rawPayload: Buffer } }): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const out: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
    return out.join('|');
  }

  it('gives the referente a spreadsheet with the identity columns', async () => {
    await makeCase(t.db, t.cipher, { comune: a, identity: { surname: 'Esportati' } });
    const ref = await refA.get('/api/v1/pilot/export/cases.xlsx');
    expect(ref.status).toBe(200);
    expect(ref.headers['content-type']).toContain('spreadsheetml');
    expect(await sheetText(ref)).toContain('Esportati');
  });

  it('gives the operatore a pseudonymised spreadsheet', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, identity: { surname: 'Esportati' } });
    const op = await opA.get('/api/v1/pilot/export/cases.xlsx');
    expect(op.status).toBe(200);
    const text = await sheetText(op);
    expect(text).not.toContain('Esportati');
    expect(text).toContain(made.pseudonym);
  });

  it('labels the statuses in Italian, or in English when the user asks for it', async () => {
    await makeCase(t.db, t.cipher, { comune: a });
    const italian = await sheetText(await opA.get('/api/v1/pilot/export/cases.xlsx'));
    expect(italian).toContain('aperto (presa in carico)');
    expect(italian).toContain('Pseudonimo');
    const english = await sheetText(await opA.get('/api/v1/pilot/export/cases.xlsx?lang=en'));
    expect(english).toContain('open (intake)');
    expect(english).toContain('Pseudonym');
    expect(english).not.toContain('aperto (presa in carico)');
  });

  it('audits each export, noting whether it carried identities', async () => {
    await makeCase(t.db, t.cipher, { comune: a });
    await refA.get('/api/v1/pilot/export/cases.xlsx');
    await opA.get('/api/v1/pilot/export/cases.xlsx');
    const rows = await auditRows(t.db, `action = 'pilot.case.export' AND actor_user_id IN ($1, $2)`, [
      a.referente.id,
      a.operatore.id,
    ]);
    expect(rows.map((r) => r.details.identity)).toEqual([true, false]);
  });
});
