/**
 * The parser a worker runs, called here directly: the zip checks (declared sizes, sizes counted
 * while inflating, entries, cells), CSV separators and line numbers, the row limit, and XLSX read
 * back as text with dates as AAAA-MM-GG.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, xlsxBomb } from '../../../tests/support/zip-files.js';
import { AppError } from '../errors.js';
import { UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { delimiterOf, parseTable, parseWorkbook, type ParseRequest } from './parse.js';
import { inflateCounted, readZipDirectory } from './zip.js';

const limits = (over: Partial<UploadLimits> = {}): UploadLimits => ({ ...UPLOAD_LIMITS, ...over });
const csv = (text: string, over: Partial<ParseRequest> = {}): ParseRequest => ({
  format: 'csv',
  bytes: Buffer.from(text, 'utf8'),
  encoding: 'auto',
  maxRows: 100,
  ...over,
});

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Foglio1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const bombRow = { header: ['cognome', 'nomi'], row: ['x'] };

describe('the zip checks', () => {
  it('refuses a zip whose directory declares more than the unzipped limit, before inflating anything', async () => {
    const bomb = await xlsxBomb({ unzippedBytes: 64 * 1024 * 1024, ...bombRow });
    expect(bomb.length).toBeLessThan(400_000);
    const started = performance.now();
    const err = await refusal(() => readZipDirectory(bomb, limits()));
    expect(err).toMatchObject({ code: 'upload.too_large', status: 413 });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('counts the bytes while inflating, so a directory that lies about the sizes is refused all the same', async () => {
    const liar = await xlsxBomb({ unzippedBytes: 64 * 1024 * 1024, ...bombRow, lie: true });
    const entries = readZipDirectory(liar, limits());
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.uncompressedSize).toBe(1024);
    const err = await refusal(() => inflateCounted(liar, entries, limits()));
    expect(err).toMatchObject({ code: 'upload.too_large', status: 413 });
  });

  it('refuses a zip whose real size differs from the declared one, even under the limit', async () => {
    const small = await buildZip([{ name: 'a.xml', chunks: [Buffer.alloc(5000, 0x20)] }], { declaredSize: () => 10 });
    const err = await refusal(() => inflateCounted(small, readZipDirectory(small, limits()), limits()));
    expect(err.code).toBe('upload.unreadable');
  });

  it('refuses more entries than the limit, and files that are no zip or are cut short', async () => {
    const three = await buildZip(['a', 'b', 'c'].map((name) => ({ name, chunks: [Buffer.from(name)] })));
    expect(await refusal(() => readZipDirectory(three, limits({ zipEntries: 2 })))).toMatchObject({
      code: 'upload.too_complex',
      status: 413,
    });
    expect((await refusal(() => readZipDirectory(Buffer.from('nope'), limits()))).code).toBe('upload.unreadable');
    const cut = three.subarray(0, three.length - 30);
    expect((await refusal(() => readZipDirectory(cut, limits()))).code).toBe('upload.unreadable');
  });
});

describe('parseTable, CSV', () => {
  it("finds the separator in the header line: ';' (Excel in Italian), tab, or ','", () => {
    expect(delimiterOf('cognome;nomi;data\nA,B;C;D')).toBe(';');
    expect(delimiterOf('cognome\tnomi\tdata\n')).toBe('\t');
    expect(delimiterOf('cognome,nomi,data')).toBe(',');
    expect(delimiterOf('cognome')).toBe(',');
  });

  it('gives each row its line in the file, skipping empty lines and rows of empty cells', async () => {
    const table = await parseTable(csv('cognome;nomi\r\nRossi;Mario\r\n\r\n;\r\n"Verdi\r\nBis";Anna\r\n'), limits());
    expect(table).toEqual({
      header: ['cognome', 'nomi'],
      rows: [
        { line: 2, cells: ['Rossi', 'Mario'] },
        { line: 6, cells: ['Verdi\r\nBis', 'Anna'] },
      ],
      encoding: 'utf-8',
      delimiter: ';',
    });
  });

  it('stops at the caller’s row limit with upload.too_complex (413)', async () => {
    const text = ['cognome;nomi', ...Array.from({ length: 4 }, (_, i) => `R${i};M`)].join('\n');
    expect((await parseTable(csv(text, { maxRows: 4 }), limits())).rows).toHaveLength(4);
    const err = await refusal(parseTable(csv(text, { maxRows: 3 }), limits()));
    expect(err).toMatchObject({ code: 'upload.too_complex', status: 413 });
    expect(err.message).toContain('3 righe');
  });

  it('stops at the cell limit', async () => {
    const err = await refusal(parseTable(csv(`a;b;c\n${'1;2;3\n'.repeat(10)}`), limits({ cells: 20 })));
    expect(err.code).toBe('upload.too_complex');
  });

  it('refuses an unclosed quote, naming the line', async () => {
    const err = await refusal(parseTable(csv('cognome;nomi\nRossi;Mario\n"Verdi;Anna\nNeri;Luca\n'), limits()));
    expect(err).toMatchObject({ code: 'upload.unreadable', status: 400 });
    expect(err.message).toMatch(/riga \d+/);
  });
});

describe('parseTable, XLSX', () => {
  it('reads the first sheet as text, dates as AAAA-MM-GG, with sheet row numbers', async () => {
    const bytes = await workbook([
      ['cognome', 'nomi', 'data_nascita'],
      ['D’Amico', 'Nicolò', new Date(Date.UTC(1990, 0, 2))],
      [],
      ['Perché', '€', '1991-03-04'],
    ]);
    const table = await parseTable({ format: 'xlsx', bytes, encoding: 'auto', maxRows: 10 }, limits());
    expect(table).toEqual({
      header: ['cognome', 'nomi', 'data_nascita'],
      rows: [
        { line: 2, cells: ['D’Amico', 'Nicolò', '1990-01-02'] },
        { line: 4, cells: ['Perché', '€', '1991-03-04'] },
      ],
      encoding: null,
      delimiter: null,
    });
  });

  it('counts the cells of the sheets before exceljs builds its model', async () => {
    const bytes = await workbook(Array.from({ length: 10 }, () => ['a', 'b', 'c']));
    const err = await refusal(
      parseTable({ format: 'xlsx', bytes, encoding: 'auto', maxRows: 100 }, limits({ cells: 20 })),
    );
    expect(err.code).toBe('upload.too_complex');
  });

  it('refuses a cell holding U+FFFD, naming the row', async () => {
    const bytes = await workbook([
      ['cognome', 'nomi'],
      ['Rossi', 'Mario'],
      ['Nicol\uFFFD', 'Anna'],
    ]);
    const err = await refusal(parseTable({ format: 'xlsx', bytes, encoding: 'auto', maxRows: 10 }, limits()));
    expect(err).toMatchObject({ code: 'upload.encoding', status: 400 });
    expect(err.message).toContain('riga 3');
  });

  it('refuses a file that is not a workbook', async () => {
    const bytes = Buffer.from('cognome;nomi\n');
    const err = await refusal(parseTable({ format: 'xlsx', bytes, encoding: 'auto', maxRows: 10 }, limits()));
    expect(err).toMatchObject({ code: 'upload.unreadable', status: 400 });
  });
});

describe('several named worksheets of one XLSX', () => {
  async function book(sheets: Record<string, unknown[][]>): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the sheets asked for by name, ignoring case, and gives null for a missing one', async () => {
    const bytes = await book({
      Survey: [['type', 'name'], ['text', 'q1'], [], ['integer', 'q2']],
      aiuto: [['leggimi']],
      CHOICES: [
        ['list_name', 'name'],
        ['sn', 'si'],
      ],
    });
    const wb = await parseWorkbook({ bytes, sheets: ['survey', 'choices', 'settings'], maxRows: 100 }, limits());
    expect(wb.sheetNames).toEqual(['Survey', 'aiuto', 'CHOICES']);
    expect(wb.sheets).toEqual({
      survey: {
        name: 'Survey',
        header: ['type', 'name'],
        rows: [
          { line: 2, cells: ['text', 'q1'] },
          { line: 4, cells: ['integer', 'q2'] },
        ],
      },
      choices: { name: 'CHOICES', header: ['list_name', 'name'], rows: [{ line: 2, cells: ['sn', 'si'] }] },
      settings: null,
    });
  });

  it('counts rows and cells over all the worksheets, also those not asked for', async () => {
    const bytes = await book({ survey: [['type']], aiuto: Array.from({ length: 30 }, () => ['a', 'b']) });
    const err = await refusal(parseWorkbook({ bytes, sheets: ['survey'], maxRows: 100 }, limits({ cells: 40 })));
    expect(err.code).toBe('upload.too_complex');
  });

  it('applies the row limit to each sheet read', async () => {
    const bytes = await book({ survey: [['type'], ['a'], ['b'], ['c']] });
    const err = await refusal(parseWorkbook({ bytes, sheets: ['survey'], maxRows: 2 }, limits()));
    expect(err).toMatchObject({ code: 'upload.too_complex' });
  });

  it('refuses a file that is not a workbook', async () => {
    const err = await refusal(parseWorkbook({ bytes: Buffer.from('a;b\n'), sheets: ['survey'], maxRows: 2 }, limits()));
    expect(err).toMatchObject({ code: 'upload.unreadable', status: 400 });
  });
});
