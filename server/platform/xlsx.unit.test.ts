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

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

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

    // our own headings are written as they are: "% valutate…" has no stray apostrophe (issue 9)
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([
      'Comune',
      'Segnalazioni ricevute',
      '% valutate entro 30 giorni',
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

describe('safeCellText (OWASP: = + - @ tab CR, numbers stay numbers)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+39 06 1234', "'+39 06 1234"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['\tabc', "'\tabc"],
    ['\rabc', "'\rabc"],
    ['-5', '-5'],
    ['+3,25', '+3,25'],
    ['-1.000,50', '-1.000,50'],
    ['% valutate entro 7 giorni', '% valutate entro 7 giorni'],
    ['|cmd', '|cmd'],
    ['<10', '<10'],
    ['Latina', 'Latina'],
    ['a=b', 'a=b'],
    ['', ''],
    ['Reggio nell’Emilia - centro', 'Reggio nell’Emilia - centro'],
  ])('%j -> %j', (input, expected) => {
    expect(safeCellText(input)).toBe(expected);
  });

  it('leaves no value starting with a formula trigger unless it is a plain number (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = safeCellText(s);
        expect(out === s || out === `'${s}`).toBe(true);
        if (/^[=+\-@\t\r]/.test(out)) expect(out).toMatch(/^[+-]?\d[\d.,]*$/);
      }),
      { numRuns: 500 },
    );
  });
});

/** A formula trigger, then anything: what a hostile user types into a name or a note. */
const hostileText = fc
  .tuple(fc.constantFrom(...TRIGGERS, '_x003D_', '_x002b_'), fc.string({ unit: 'binary', maxLength: 20 }))
  .map(([trigger, rest]) => trigger + rest)
  .filter((s) => !/^[+-]?\d[\d.,]*$/.test(s));

describe('tableToXlsx (T-13 property)', () => {
  it('never stores a hostile value as a formula or with a formula trigger first', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (label, value) => {
        const table: SheetTable = {
          title: 'Titolo',
          subtitle: 'Sottotitolo',
          note: 'Nota',
          rowHeader: 'Comune',
          columns: [
            { key: 'a', label: 'A', group: 'G' },
            { key: 'b', label: 'B', group: 'G' },
          ],
          rows: [{ label, cells: { a: value, b: 3 } }],
        };
        const ws = await readBack(await tableToXlsx(table, { sheetName: 'S', creator: 'test' }));
        for (const ref of ['A6', 'B6']) {
          const cell = ws.getCell(ref);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
          // quoted; or a literal _xHHHH_ kept literal, so Excel does not decode it to a trigger; or an
          // unpaired surrogate, stored as U+FFFD
          expect(["'", '_', '\uFFFD']).toContain(typeof cell.value === 'string' ? cell.value.charAt(0) : '');
        }
        expect(ws.getCell('C6').value).toBe(3);
      }),
      { numRuns: 60 },
    );
  });

  it('writes our own headings as they are, with no stray apostrophe (issue 9)', async () => {
    const table: SheetTable = {
      title: '% di casi per Comune',
      subtitle: '-- periodo --',
      note: '+ nota',
      rowHeader: '@Comune',
      columns: [
        { key: 'screened_7d', label: '% valutate entro 7 giorni', group: '% e quote' },
        { key: 'delta', label: '-Differenza', group: '% e quote' },
      ],
      rows: [{ label: '=cmd|x', cells: { screened_7d: 40, delta: '-5' } }],
    };
    const ws = await readBack(await tableToXlsx(table, { sheetName: 'S', creator: 'test' }));
    expect(ws.getCell('A1').value).toBe('% di casi per Comune');
    expect(ws.getCell('A2').value).toBe('-- periodo --');
    expect(ws.getCell('A3').value).toBe('+ nota');
    expect(ws.getCell('A5').value).toBe('@Comune');
    expect(ws.getCell('B4').value).toBe('% e quote');
    expect(ws.getCell('B5').value).toBe('% valutate entro 7 giorni');
    expect(ws.getCell('C5').value).toBe('-Differenza');
    expect(ws.getCell('A6').value).toBe("'=cmd|x");
    expect(ws.getCell('B6').value).toBe(40);
    expect(ws.getCell('C6').value).toBe('-5');
  });
});
