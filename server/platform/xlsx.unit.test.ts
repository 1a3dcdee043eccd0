/**
 * The XLSX writer: layout read back with exceljs, several sheets in one workbook, and the
 * formula-injection guard (security.md T-13).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCellText, type SheetTable, tableToXlsx, writeXlsx } from './xlsx.js';

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like "Buffer"; at run time it takes a Node Buffer
  await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = await readWorkbook(buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

const IGNORABLE = /^[\s\p{Cc}\p{Cf}]*/u;
const TRIGGERS = '=+-@|%';
/** The first character a spreadsheet would look at, after whitespace, BOM and control characters. */
const firstSignificant = (s: string): string => s.replace(IGNORABLE, '').charAt(0);

const sample: SheetTable = {
  title: 'Quadro comparativo dei Comuni',
  subtitle: 'Periodo: 1 gennaio 2026 – 31 marzo 2026',
  note: 'I valori tra 1 e 9 persone sono indicati come «<10».',
  rowHeader: 'Comune',
  columns: [
    { key: 'referrals', label: 'Segnalazioni ricevute', group: 'Intake' },
    { key: 'screened', label: '% valutate entro 30 giorni', group: 'Intake' },
    { key: 'holders', label: 'Titolari di permesso 18-ter', group: 'Permessi' },
    { key: 'spent', label: 'Speso (€)', group: 'Finanza' },
    { key: 'claimed', label: 'Rendicontato (€)', group: 'Finanza' },
  ],
  rows: [
    { label: 'Latina', cells: { referrals: 15, screened: 33.3, holders: '<10', spent: 12_345.5, claimed: 1000 } },
    { label: 'Foggia', cells: { referrals: '<10', screened: '<10', holders: 0, spent: null, claimed: 250.25 } },
    { label: 'Totale', cells: { referrals: 20, screened: 40, holders: 10, spent: 12_345.5, claimed: 1250.25 } },
  ],
};

describe('tableToXlsx', () => {
  it('lays the table out and reads back with numbers as numbers and "<10" as text', async () => {
    const buffer = await tableToXlsx(sample, { sheetName: 'Quadro comparativo', creator: 'InCaS' });
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const ws = await readBack(buffer);
    expect(ws.name).toBe('Quadro comparativo');

    expect(ws.getCell('A1').value).toBe(sample.title);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe(sample.subtitle);
    expect(ws.getCell('A3').value).toBe(sample.note);

    // groups merged over their blocks
    expect(ws.getCell('B4').value).toBe('Intake');
    expect(ws.getCell('C4').isMerged).toBe(true);
    expect(ws.getCell('C4').master.address).toBe('B4');
    expect(ws.getCell('D4').value).toBe('Permessi');
    expect(ws.getCell('D4').isMerged).toBe(false);
    expect(ws.getCell('E4').value).toBe('Finanza');
    expect(ws.getCell('F4').master.address).toBe('E4');

    // every text goes through the guard, trusted labels included: one starting with % is quoted,
    // so labels should put the unit last ("Valutate entro 30 giorni (%)")
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([
      'Comune',
      'Segnalazioni ricevute',
      "'% valutate entro 30 giorni",
      'Titolari di permesso 18-ter',
      'Speso (€)',
      'Rendicontato (€)',
    ]);
    expect(ws.getCell('B5').font?.bold).toBe(true);

    const latina = ws.getRow(6);
    expect(latina.getCell(1).value).toBe('Latina');
    expect(latina.getCell(2).value).toBe(15);
    expect(latina.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(latina.getCell(2).numFmt).toBe('#,##0');
    expect(latina.getCell(3).value).toBe(33.3);
    expect(latina.getCell(3).numFmt).toBe('#,##0.00');
    expect(latina.getCell(4).value).toBe('<10');
    expect(latina.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(latina.getCell(5).value).toBe(12_345.5);
    expect(latina.getCell(5).numFmt).toBe('#,##0.00');

    const foggia = ws.getRow(7);
    expect(foggia.getCell(2).value).toBe('<10');
    expect(foggia.getCell(4).value).toBe(0);
    expect(foggia.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(foggia.getCell(5).value).toBeNull();
    expect(foggia.getCell(5).type).toBe(ExcelJS.ValueType.Null);
    expect(foggia.getCell(6).value).toBe(250.25);

    expect(ws.getRow(8).getCell(1).value).toBe('Totale');
    expect(ws.getRow(8).getCell(4).value).toBe(10);
    expect(ws.rowCount).toBe(8);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5 });
    for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(40);
  });

  it('writes an empty table and a sheet name Excel would refuse', async () => {
    const ws = await readBack(
      await tableToXlsx(
        { title: 'T', subtitle: '', note: '', columns: [], rows: [] },
        { sheetName: 'Quadro [2026/Q1]: *tutti* i Comuni?', creator: 'InCaS' },
      ),
    );
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.getCell('A1').value).toBe('T');
  });
});

describe('writeXlsx', () => {
  const small = (title: string, value: number): SheetTable => ({
    title,
    subtitle: '',
    note: '',
    columns: [{ key: 'n', label: 'Numero', group: 'Dati' }],
    rows: [{ label: 'Riga', cells: { n: value } }],
  });

  it('writes one worksheet per table, in order, with names made valid and unique', async () => {
    const wb = await readWorkbook(
      await writeXlsx(
        [
          { name: 'Casi', table: small('Primo', 1) },
          { name: 'casi', table: small('Secondo', 2) },
          { name: 'Un nome di foglio decisamente troppo lungo', table: small('Terzo', 3) },
          { name: 'Un nome di foglio decisamente troppo lungo', table: small('Quarto', 4) },
        ],
        { creator: 'InCaS', title: 'Rapporto' },
      ),
    );
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Casi',
      'casi (2)',
      'Un nome di foglio decisamente t',
      'Un nome di foglio decisamen (2)',
    ]);
    expect(wb.worksheets.every((ws) => ws.name.length <= 31)).toBe(true);
    expect(wb.worksheets.map((ws) => [ws.getCell('A1').value, ws.getCell('B6').value])).toEqual([
      ['Primo', 1],
      ['Secondo', 2],
      ['Terzo', 3],
      ['Quarto', 4],
    ]);
    expect(wb.title).toBe('Rapporto');
    expect(wb.creator).toBe('InCaS');
  });

  it('refuses a workbook without sheets', async () => {
    await expect(writeXlsx([], { creator: 'InCaS' })).rejects.toThrow(RangeError);
  });
});

describe('safeCellText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+39 06 1234', "'+39 06 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['|cmd', "'|cmd"],
    ['%1', "'%1"],
    ['  =HYPERLINK("x")', `'  =HYPERLINK("x")`],
    ['\uFEFF=1', "'\uFEFF=1"],
    ['\u0000\u0001=1', "'\u0000\u0001=1"],
    ['\tabc', "'\tabc"],
    ['\rabc', "'\rabc"],
    ['<10', '<10'],
    ['Latina', 'Latina'],
    ['a=b', 'a=b'],
    ['', ''],
    ['Reggio nell’Emilia - centro', 'Reggio nell’Emilia - centro'],
  ])('%j -> %j', (input, expected) => {
    expect(safeCellText(input)).toBe(expected);
  });

  it('leaves no formula trigger as the first significant character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = safeCellText(s);
        expect(TRIGGERS.includes(firstSignificant(out)) && firstSignificant(out) !== '').toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/** Leading whitespace, BOM, control, invisible and XML-illegal characters, then a trigger, then anything. */
const hostileText = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        ' ',
        '\t',
        '\r',
        '\n',
        '\r\n',
        '\uFEFF',
        '\u0000',
        '\u0001',
        '\u0008',
        '\u000B',
        '\u001F',
        '\u007F',
        '\u00A0',
        '\u200B',
        '\u2028',
        '\u3000',
        '\uFFFE',
        '\uD800',
      ),
      { maxLength: 4 },
    ),
    fc.constantFrom(...TRIGGERS.split(''), '_x003D_', '_x002b_'),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  .map(([lead, trigger, rest]) => lead.join('') + trigger + rest);

describe('tableToXlsx (T-13 property)', () => {
  it('never stores hostile text as a formula or with a formula trigger first', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, hostileText, async (label, columnLabel, group, value) => {
        const table: SheetTable = {
          title: label,
          subtitle: group,
          note: value,
          rowHeader: columnLabel,
          columns: [
            { key: 'a', label: columnLabel, group },
            { key: 'b', label: columnLabel, group },
          ],
          rows: [{ label, cells: { a: value, b: 3 } }],
        };
        const ws = await readBack(await tableToXlsx(table, { sheetName: 'S', creator: 'test' }));
        let texts = 0;
        ws.eachRow({ includeEmpty: false }, (row) => {
          row.eachCell({ includeEmpty: false }, (cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula).toBeFalsy();
            if (typeof cell.value === 'string') {
              texts++;
              const first = firstSignificant(cell.value);
              expect(first !== '' && TRIGGERS.includes(first)).toBe(false);
              // quoted; or a literal _xHHHH_ kept literal, so Excel does not decode it to a trigger; or an
              // unpaired surrogate, stored as U+FFFD, which is itself the first significant character
              expect(["'", '_', '\uFFFD']).toContain(first);
            }
          });
        });
        expect(texts).toBeGreaterThanOrEqual(8);
        expect(ws.getCell('C6').value).toBe(3);
      }),
      { numRuns: 60 },
    );
  });
});
