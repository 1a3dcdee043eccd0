/**
 * A small XLSForm for the surveys' tests: two sections (a group and a repeat of settlements), a
 * relevance, a constraint with its message in Italian and English, a select_multiple with "other",
 * a yes/no question. The browser journey (tests/browser/surveys.journey.test.ts) uploads it, with
 * one row more, through the page's file input as a user would.
 */
import ExcelJS from 'exceljs';

export type SheetRows = (string | null)[][];

export const smallSurvey: SheetRows = [
  [
    'type',
    'name',
    'label::Italiano (it)',
    'label::English (en)',
    'hint::Italiano (it)',
    'hint::English (en)',
    'required',
    'relevant',
    'constraint',
    'constraint_message::Italiano (it)',
    'constraint_message::English (en)',
  ],
  ['begin_group', 'generale', 'A. Dati generali', 'A. General data', null, null, null, null, null, null, null],
  ['text', 'ufficio', 'Ufficio referente', 'Office in charge', null, null, 'yes', null, null, null, null],
  [
    'integer',
    'lavoratori',
    'Lavoratori stagionali stimati',
    'Estimated seasonal workers',
    'Nel picco della stagione',
    'At the peak of the season',
    null,
    null,
    '. >= 0 and . <= 100000',
    'Indicare un numero tra 0 e 100.000',
    'Give a number between 0 and 100,000',
  ],
  [
    'select_multiple servizi or_other',
    'servizi',
    'Servizi offerti',
    'Services offered',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'select_one sn',
    'ha_insediamenti',
    'Ci sono insediamenti informali?',
    'Are there informal settlements?',
    null,
    null,
    'yes',
    null,
    null,
    null,
    null,
  ],
  ['end_group', null, null, null, null, null, null, null, null, null, null],
  [
    'begin_repeat',
    'insediamenti',
    'B. Insediamenti',
    'B. Settlements',
    null,
    null,
    null,
    "${ha_insediamenti} = 'si'",
    null,
    null,
    null,
  ],
  ['text', 'localita', 'Località', 'Place', null, null, 'yes', null, null, null, null],
  ['integer', 'persone', 'Persone presenti', 'People present', null, null, null, null, '. >= 0', null, null],
  ['end_repeat', null, null, null, null, null, null, null, null, null, null],
];

export const smallChoices: SheetRows = [
  ['list_name', 'name', 'label::Italiano (it)', 'label::English (en)'],
  ['sn', 'si', 'Sì', 'Yes'],
  ['sn', 'no', 'No', 'No'],
  ['servizi', 'acqua', 'Acqua potabile', 'Drinking water'],
  ['servizi', 'luce', 'Elettricità', 'Electricity'],
  ['servizi', 'trasporti', 'Trasporti', 'Transport'],
];

export const smallSettings: SheetRows = [
  ['form_id', 'version', 'form_title', 'default_language'],
  ['insediamenti', '1', 'Insediamenti e servizi', 'Italiano (it)'],
];

/** An XLSForm workbook from its sheets' rows */
export async function xlsForm(
  sheets: { survey?: SheetRows; choices?: SheetRows; settings?: SheetRows } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('survey').addRows(sheets.survey ?? smallSurvey);
  wb.addWorksheet('choices').addRows(sheets.choices ?? smallChoices);
  wb.addWorksheet('settings').addRows(sheets.settings ?? smallSettings);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
