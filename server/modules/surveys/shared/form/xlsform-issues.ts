/**
 * What an XLSForm import reports: each problem at its sheet, row and column, said in Italian and
 * English, with a stable code. Errors stop the import; warnings (a question left out, a column not
 * kept) do not.
 */

export interface ImportIssue {
  /** a stable code, e.g. `xlsform.duplicate_name` */
  code: string;
  /** the sheet as named in the file (or as expected, when it is missing) */
  sheet: string;
  /** the row of the sheet (1 is the header); null for the whole sheet */
  row: number | null;
  /** the column's header as written; null for the whole row or sheet */
  column: string | null;
  message: { it: string; en: string };
}

/** "survey, riga 12, colonna relevant: …" — the issue as one line, in Italian or English. */
export function formatIssue(issue: ImportIssue, lang: 'it' | 'en' = 'it'): string {
  const where = [issue.sheet];
  if (issue.row !== null) where.push(lang === 'it' ? `riga ${issue.row}` : `row ${issue.row}`);
  if (issue.column !== null) where.push(lang === 'it' ? `colonna ${issue.column}` : `column ${issue.column}`);
  return `${where.join(', ')}: ${issue.message[lang]}`;
}

type Msg = { it: string; en: string };

/** The messages of the import, by code. */
export const xlsformMessages = {
  missing_sheet: (name: string): Msg => ({
    it: `manca il foglio "${name}"`,
    en: `the "${name}" sheet is missing`,
  }),
  missing_column: (name: string): Msg => ({
    it: `manca la colonna "${name}"`,
    en: `the "${name}" column is missing`,
  }),
  missing_type: (): Msg => ({
    it: 'la riga ha contenuto ma nessun tipo',
    en: 'the row has content but no type',
  }),
  unknown_type: (type: string): Msg => ({
    it: `tipo "${type}" sconosciuto`,
    en: `unknown type "${type}"`,
  }),
  left_out: (type: string, why: Msg): Msg => ({
    it: `domanda di tipo "${type}" lasciata fuori: ${why.it}`,
    en: `question of type "${type}" left out: ${why.en}`,
  }),
  left_out_group: (): Msg => ({
    it: 'domanda lasciata fuori dal gruppo o ripetizione che la contiene',
    en: 'question left out with the group or repeat that holds it',
  }),
  missing_name: (): Msg => ({ it: 'manca il nome (name)', en: 'the name is missing' }),
  invalid_name: (name: string): Msg => ({
    it: `"${name}" non è un nome valido: deve iniziare con una lettera o _ e contenere solo lettere, cifre, _ - .`,
    en: `"${name}" is not a valid name: it must start with a letter or _ and hold only letters, digits, _ - .`,
  }),
  duplicate_name: (name: string, firstRow: number): Msg => ({
    it: `il nome "${name}" è già usato alla riga ${firstRow}`,
    en: `the name "${name}" is already used on row ${firstRow}`,
  }),
  end_without_begin: (what: string): Msg => ({
    it: `"${what}" senza un "begin" corrispondente`,
    en: `"${what}" without a matching "begin"`,
  }),
  end_mismatch: (what: string, begin: string, row: number): Msg => ({
    it: `"${what}" chiude invece il "${begin}" della riga ${row}`,
    en: `"${what}" closes the "${begin}" of row ${row} instead`,
  }),
  not_closed: (begin: string): Msg => ({
    it: `"${begin}" mai chiuso`,
    en: `"${begin}" is never closed`,
  }),
  missing_list: (list: string): Msg => ({
    it: `la lista di scelte "${list}" non esiste nel foglio choices`,
    en: `the choice list "${list}" is not in the choices sheet`,
  }),
  missing_calculation: (): Msg => ({
    it: 'un calcolo (calculate) richiede la colonna calculation',
    en: 'a calculate needs the calculation column',
  }),
  not_yes_no: (column: string, value: string): Msg => ({
    it: `"${value}" non è un valore di ${column}: scrivere yes o no`,
    en: `"${value}" is not a value for ${column}: write yes or no`,
  }),
  bad_parameter: (value: string): Msg => ({
    it: `parametro "${value}" non valido`,
    en: `invalid parameter "${value}"`,
  }),
  min_over_max: (): Msg => ({ it: 'min supera max', en: 'min is greater than max' }),
  unknown_reference: (name: string): Msg => ({
    it: `\${${name}} non è una domanda del questionario`,
    en: `\${${name}} is not a question of the form`,
  }),
  cycle: (why: Msg): Msg => why,
  reference_left_out: (name: string): Msg => ({
    it: `\${${name}} è una domanda lasciata fuori: l'espressione non può usarla`,
    en: `\${${name}} is a question that was left out: the expression cannot use it`,
  }),
  bad_expression: (why: Msg, position?: number): Msg => ({
    it: `espressione non valida: ${why.it}${position === undefined ? '' : ` (carattere ${position + 1})`}`,
    en: `invalid expression: ${why.en}${position === undefined ? '' : ` (character ${position + 1})`}`,
  }),
  missing_list_name: (): Msg => ({ it: 'manca list_name', en: 'list_name is missing' }),
  duplicate_choice: (name: string, list: string, firstRow: number): Msg => ({
    it: `la scelta "${name}" è già nella lista "${list}" alla riga ${firstRow}`,
    en: `the choice "${name}" is already in the list "${list}" on row ${firstRow}`,
  }),
  choice_with_space: (name: string): Msg => ({
    it: `il codice "${name}" contiene spazi: una scelta multipla non può usarlo`,
    en: `the code "${name}" contains spaces: a select_multiple cannot use it`,
  }),
  column_not_kept: (why: 'language' | 'media'): Msg =>
    why === 'language'
      ? {
          it: 'colonna ignorata: InCaS tiene i testi in italiano e in inglese',
          en: 'column ignored: InCaS keeps texts in Italian and English',
        }
      : {
          it: 'colonna ignorata: InCaS non tiene immagini, audio, video o indicazioni per i rilevatori',
          en: 'column ignored: InCaS keeps no images, audio, video or guidance hints',
        },
  not_applicable: (column: string): Msg => ({
    it: `colonna ${column} ignorata per questo tipo`,
    en: `column ${column} ignored for this type`,
  }),
  setting_not_kept: (): Msg => ({
    it: 'impostazione ignorata: InCaS riceve le risposte da sé',
    en: 'setting ignored: InCaS receives the answers itself',
  }),
  unknown_language: (value: string): Msg => ({
    it: `lingua predefinita "${value}" non gestita: si usa l'italiano`,
    en: `default language "${value}" is not handled: Italian is used`,
  }),
  invalid_form: (path: string, why: string): Msg => ({
    it: `il questionario non è valido in ${path}: ${why}`,
    en: `the form is not valid at ${path}: ${why}`,
  }),
  missing_form_id: (): Msg => ({
    it: 'manca form_id nel foglio settings',
    en: 'form_id is missing from the settings sheet',
  }),
} as const;

type Report = (
  code: keyof typeof xlsformMessages,
  sheet: string,
  row: number | null,
  column: string | null,
  message: Msg,
) => void;

/** The issues of one import, collected as it goes. */
export interface IssueLog {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  error: Report;
  warn: Report;
}

export function createIssueLog(): IssueLog {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  return {
    errors,
    warnings,
    error: (code, sheet, row, column, message) => errors.push({ code: `xlsform.${code}`, sheet, row, column, message }),
    warn: (code, sheet, row, column, message) =>
      warnings.push({ code: `xlsform.${code}`, sheet, row, column, message }),
  };
}
