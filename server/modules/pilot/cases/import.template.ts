/**
 * The import template: the header, one example row of obviously fake data, and (XLSX) the help —
 * each column, whether it is required, its format and allowed values — with the countries and
 * languages the file may name. The words come from the label catalogue, in the user's language;
 * the column names stay as the file must spell them.
 */
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../platform/context.js';
import { assertCan } from '../../../platform/policy.js';
import { countryCodes, countryName } from '../shared/countries.js';
import { languageCodes, languageName } from '../shared/languages.js';
import { labelOf, type LabelLanguage } from '../shared/labels.js';
import type { ImportTemplateWord } from '../shared/vocab.js';
import { booleanSpellings, importColumns, requiredColumns, sexValues, type ImportColumn } from './import.rules.js';

/** The example row: no real person; the names say what to do with it. */
export const exampleRow: Record<ImportColumn, string> = {
  cognome: 'Esempio',
  nomi: 'Riga Da Cancellare',
  data_nascita: '05/03/1990',
  sesso: 'M',
  paese_nascita: 'Marocco',
  cittadinanze: 'Marocco',
  lingue: 'arabo|francese',
  codice_fiscale: '',
  telefono: '333 000 0000',
  email: 'esempio@example.org',
  indirizzo: "Via dell'Esempio 1, Comune di Prova",
  data_presa_in_carico: '07/01/2025',
  in_sai: 'sì',
  case_manager: '',
};

/** What a column holds and accepts, in `lang`. */
export function columnFormat(lang: LabelLanguage, column: ImportColumn): string {
  const values =
    column === 'sesso'
      ? sexValues(lang)
      : column === 'in_sai'
        ? `${booleanSpellings.yes.join(', ')} / ${booleanSpellings.no.join(', ')}`
        : '';
  return labelOf(lang, 'importColumn', column).replace('{{values}}', values);
}

const word = (lang: LabelLanguage, w: ImportTemplateWord) => labelOf(lang, 'importTemplate', w);

/** The CSV template as Excel for Windows reads it: UTF-8 with a byte-order mark, ";" and CRLF. */
export function templateCsv(): Buffer {
  const line = (cells: string[]) =>
    cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';');
  const text = [line([...importColumns]), line(importColumns.map((c) => exampleRow[c]))].join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The XLSX template: the data sheet first (the one an import reads), then the help, countries and languages. */
export async function templateXlsx(lang: LabelLanguage): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InCaS';
  const data = wb.addWorksheet(word(lang, 'sheetData'));
  // every cell as text, so that Excel does not turn a date or a code into something else
  data.columns = importColumns.map((c) => ({
    header: c,
    key: c,
    width: Math.max(14, c.length + 4),
    style: { numFmt: '@' },
  }));
  data.addRow(exampleRow);
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const help = wb.addWorksheet(word(lang, 'sheetHelp'));
  help.columns = [
    { header: word(lang, 'column'), width: 22 },
    { header: word(lang, 'required'), width: 12 },
    { header: word(lang, 'format'), width: 90 },
    { header: word(lang, 'example'), width: 30 },
  ];
  for (const c of importColumns)
    help.addRow([
      c,
      word(lang, requiredColumns.includes(c) ? 'yes' : 'no'),
      columnFormat(lang, c),
      exampleRow[c],
    ]).alignment = { wrapText: true, vertical: 'top' };
  help.getRow(1).font = { bold: true };

  const list = (name: ImportTemplateWord, rows: [string, string][]) => {
    const ws = wb.addWorksheet(word(lang, name));
    ws.columns = [
      { header: word(lang, 'code'), width: 10 },
      { header: word(lang, 'name'), width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows.sort((a, b) => a[1].localeCompare(b[1], lang))) ws.addRow(r);
  };
  list(
    'sheetCountries',
    countryCodes.map((c) => [c, countryName(c, lang)]),
  );
  list(
    'sheetLanguages',
    languageCodes.map((c) => [c, languageName(c, lang)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template in one format, for the staff who may import. */
export async function importTemplate(
  ctx: Ctx,
  format: 'csv' | 'xlsx',
  lang: LabelLanguage,
): Promise<{ filename: string; body: Buffer }> {
  assertCan(ctx.actor, 'pilot.cases.write');
  return format === 'csv'
    ? { filename: 'modello-beneficiari.csv', body: templateCsv() }
    : { filename: 'modello-beneficiari.xlsx', body: await templateXlsx(lang) };
}
