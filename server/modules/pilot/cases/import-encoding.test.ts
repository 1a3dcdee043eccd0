/**
 * CSV files as Excel writes them on Italian Windows (issue 8, item 5), with their real bytes:
 * "CSV" in Windows-1252 with ';', "Testo Unicode" in UTF-16 LE with a mark and tabs, "CSV UTF-8"
 * with a mark, and UTF-8 without. Names are stored exactly as written — read back through the API —
 * and no U+FFFD is stored or answered; bytes no encoding explains are refused naming the line.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { loggedInPilotComune, pilotFingerprint } from '../../../../tests/support/pilot-factories.js';
import type { OrProblem, Schema } from '../../../../tests/support/schema.js';
import { importColumns } from './import.service.js';

type Report = Schema<'PilotImportReport'>;
type Encoding = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16';

let t: TestApp;
let op: Agent;

beforeAll(async () => {
  t = await startTestApp();
});
beforeEach(async () => {
  op = (await loggedInPilotComune(t)).as.operatore;
});
afterAll(async () => t.close());

/** The people of the file, as they must read back. */
const people = [
  { surname: 'D’Amico', givenNames: 'Nicolò', address: 'Via Perché 12 - affitto 300 €' },
  { surname: 'Perché', givenNames: 'Àngela Noè', address: null },
];
const rows = (sep: string, eol: string) =>
  [
    importColumns.join(sep),
    [
      'D’Amico',
      'Nicolò',
      '1990-01-02',
      'M',
      'PK',
      'PK',
      'ur',
      '',
      '',
      '',
      'Via Perché 12 - affitto 300 €',
      '2026-05-02',
      'si',
    ].join(sep),
    ['Perché', 'Àngela Noè', '1991-03-04', 'F', 'BD', 'BD', 'bn', '', '', '', '', '2026-05-03', 'no'].join(sep),
  ].join(eol) + eol;

/** Windows-1252 bytes as Excel writes them: Latin-1 for the accented letters, 0x80 for €, 0x92 for ’. */
const cp1252 = (s: string) =>
  Buffer.from(
    [...s].map((c) => {
      if (c === '€') return 0x80;
      if (c === '’') return 0x92;
      const code = c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in the test's Windows-1252 subset: ${c}`);
      return code;
    }),
  );
/** Excel's "CSV (delimitato dal separatore di elenco)" on Italian Windows. */
const excelCsv = () => cp1252(rows(';', '\r\n'));
/** Excel's "Testo Unicode": UTF-16 LE with its mark, tab-separated. */
const excelUnicodeText = () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows('\t', '\r\n'), 'utf16le')]);

function importFile(file: Buffer, mode: 'dry_run' | 'all' = 'all', encoding?: Encoding) {
  return op.post<OrProblem<Report>>('/api/v1/pilot/import', {
    format: 'csv',
    content: file.toString('base64'),
    mode,
    ...(encoding ? { encoding } : {}),
  });
}

/** The identities stored for the imported rows, read back through the API. */
async function storedPeople(report: Report) {
  const out = [];
  for (const r of report.report) {
    const page = await op.get<{ items: { id: string }[] }>(`/api/v1/pilot/cases?q=${encodeURIComponent(r.pseudonym!)}`);
    const detail = await op.get<{
      members: { identity: { surname: string; givenNames: string; address: string | null } }[];
    }>(`/api/v1/pilot/cases/${page.body.items[0]!.id}`);
    expect(JSON.stringify(detail.body)).not.toContain('\uFFFD');
    const { surname, givenNames, address } = detail.body.members[0]!.identity;
    out.push({ surname, givenNames, address });
  }
  return out;
}

describe('importing the CSV files Excel writes', () => {
  it('reads Excel’s Windows-1252 CSV with ";", saying so in the dry run', async () => {
    const dry = await importFile(excelCsv(), 'dry_run');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ encoding: 'windows-1252', rows: 2, valid: 2, invalid: 0 });
  });

  it('stores "Nicolò", "D’Amico", "Perché" and "€" from Windows-1252 exactly, never U+FFFD', async () => {
    const res = await importFile(excelCsv());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'windows-1252', imported: 2 });
    expect(await storedPeople(res.body)).toEqual(people);
  });

  it('stores the names of Excel’s "Testo Unicode" (UTF-16 LE, tabs) exactly, not "Colonne mancanti"', async () => {
    const res = await importFile(excelUnicodeText());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'utf-16le', imported: 2 });
    expect(await storedPeople(res.body)).toEqual(people);
  });

  it('stores the names of UTF-8 files, with the mark ("CSV UTF-8") and without, exactly', async () => {
    const utf8 = Buffer.from(rows(';', '\n'), 'utf8');
    const marked = await importFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'dry_run');
    expect(marked.body).toMatchObject({ encoding: 'utf-8', valid: 2 });
    const plain = await importFile(Buffer.from(rows(',', '\n'), 'utf8'));
    expect(plain.body).toMatchObject({ encoding: 'utf-8', imported: 2 });
    expect(await storedPeople(plain.body)).toEqual(people);
  });

  it('refuses a file with a byte Windows-1252 leaves undefined, naming the line and writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const bytes = excelCsv();
    bytes[bytes.indexOf(0xf2)] = 0x81; // "Nicolò" → "Nicol" + 0x81 on the second line
    const res = await importFile(bytes);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'upload.encoding', detail: expect.stringContaining('riga 2') });
    expect(JSON.stringify(res.body)).not.toContain('\uFFFD');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('decodes in the encoding the user picks, refusing bytes invalid in it with the line', async () => {
    const wrong = await importFile(excelCsv(), 'dry_run', 'utf-8');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'upload.encoding', detail: expect.stringContaining('riga 2') });
    const right = await importFile(excelCsv(), 'dry_run', 'windows-1252');
    expect(right.body).toMatchObject({ encoding: 'windows-1252', valid: 2 });
    const utf16 = await importFile(excelUnicodeText(), 'dry_run', 'utf-16');
    expect(utf16.body).toMatchObject({ encoding: 'utf-16le', valid: 2 });
  });

  it('refuses a file already damaged by an earlier conversion (it holds U+FFFD)', async () => {
    const damaged = Buffer.from(rows(';', '\n').replace('Nicolò', 'Nicol\uFFFD'), 'utf8');
    const res = await importFile(damaged);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'upload.encoding', detail: expect.stringContaining('riga 2') });
  });

  it('refuses an unknown encoding with the field named (400)', async () => {
    const res = await op.post<OrProblem<Report>>('/api/v1/pilot/import', {
      format: 'csv',
      content: excelCsv().toString('base64'),
      mode: 'dry_run',
      encoding: 'ebcdic',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'request.invalid' });
  });
});
