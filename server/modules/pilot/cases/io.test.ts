import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import { makeCase, makePilotComune, pilotFingerprint, type PilotComune } from '../../../../tests/support/pilot-factories.js';
import type { Problem, Schema } from '../../../../tests/support/schema.js';

type Report = Schema<'PilotImportReport'>;

let t: TestApp;
let a: PilotComune;
let opA: Agent;
let refA: Agent;

const header = 'cognome;nomi;data_nascita;sesso;paese_nascita;cittadinanze;lingue;codice_fiscale;telefono;email;indirizzo;data_presa_in_carico;in_sai';
const good = [
  'Importati;Uno;1990-01-02;M;PK;PK;ur,en;;;;;2026-05-02;si',
  'Importati;Due;1991-03-04;F;BD;BD;bn;;;;;2026-05-03;no',
];
const bad = 'Sbagliati;Tre;1992-13-40;Q;XX;FR;;;;;;2026-05-04;si';
const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8').toString('base64');

beforeAll(async () => {
  t = await startTestApp();
  a = await makePilotComune(t.db);
  opA = new Agent(t.app);
  await opA.login(a.operatore.email, TEST_PASSWORD);
  refA = new Agent(t.app);
  await refA.login(a.referente.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('importing beneficiaries', () => {
  it('reports row by row and writes nothing when a row fails in mode "all"', async () => {
    const before = await pilotFingerprint(t.db);
    const dry = await opA.post<Report>('/api/v1/pilot/import', { format: 'csv', content: csv([...good, bad]), mode: 'dry_run' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 3, valid: 2, invalid: 1, imported: 0 });
    const badRow = dry.body.report.find((r) => r.row === 4)!;
    expect(badRow.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['data_nascita', 'sesso']));
    const all = await opA.post<Problem>('/api/v1/pilot/import', { format: 'csv', content: csv([...good, bad]), mode: 'all' });
    expect(all.status).toBe(400);
    expect(all.body.code).toBe('pilot.import_invalid');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('imports only the valid rows when asked, and a second import of the same file creates nothing', async () => {
    const first = await opA.post<Report>('/api/v1/pilot/import', { format: 'csv', content: csv([...good, bad]), mode: 'valid_only' });
    expect(first.status).toBe(200);
    expect(first.body.imported).toBe(2);
    expect(first.body.report.filter((r) => r.status === 'imported').every((r) => /^[A-Z]{2}-2026-\d{4}$/.test(r.pseudonym!))).toBe(true);
    const after = await pilotFingerprint(t.db);
    const again = await opA.post<Report>('/api/v1/pilot/import', { format: 'csv', content: csv(good), mode: 'all' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect((await pilotFingerprint(t.db)).cases).toBe(after.cases);
    expect(await auditRows(t.db, `action = 'pilot.import'`)).toHaveLength(2);
  });

  it('reads XLSX files too, and refuses unreadable files or missing columns with a clear error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Beneficiari');
    ws.addRow(header.split(';'));
    ws.addRow(['Fogli', 'Quattro', '1989-07-08', 'M', 'SN', 'SN', 'wo fr', '', '', '', '', '2026-05-05', 'si']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await opA.post<Report>('/api/v1/pilot/import', { format: 'xlsx', content, mode: 'all' });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    expect((await opA.post<Problem>('/api/v1/pilot/import', { format: 'xlsx', content: Buffer.from('nope').toString('base64'), mode: 'all' })).body.code).toBe('pilot.import_invalid');
    expect((await opA.post<Problem>('/api/v1/pilot/import', { format: 'csv', content: Buffer.from('a;b\n1;2').toString('base64'), mode: 'all' })).body.code).toBe('pilot.import_invalid');
    expect((await opA.post('/api/v1/pilot/import', { format: 'csv', content: 'not base64 !!', mode: 'all' })).status).toBe(400);
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

  it('gives the referente identity columns and the operatore a pseudonymised file, both audited', async () => {
    await makeCase(t.db, t.cipher, { comune: a, identity: { surname: 'Esportati' } });
    const ref = await refA.get('/api/v1/pilot/export/cases.xlsx');
    expect(ref.status).toBe(200);
    expect(ref.headers['content-type']).toContain('spreadsheetml');
    expect(await sheetText(ref)).toContain('Esportati');
    const op = await opA.get('/api/v1/pilot/export/cases.xlsx');
    expect(op.status).toBe(200);
    const text = await sheetText(op);
    expect(text).not.toContain('Esportati');
    expect(text).not.toContain('Importati');
    expect(text).toMatch(/[A-Z]{2}-2026-\d{4}/);
    const rows = await auditRows(t.db, `action = 'pilot.case.export'`);
    expect(rows.map((r) => r.details.identity)).toEqual([true, false]);
  });
});
