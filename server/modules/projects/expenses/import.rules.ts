/**
 * Reading an expense register (registro delle spese) row by row, as Italians write it (issue 12
 * item 3; decisions 0028 and 0050): Italian headers matched ignoring case, accents and punctuation;
 * dates gg/mm/aaaa (or g/m/aaaa, with . or -, or aaaa-mm-gg as an XLSX date cell arrives); amounts
 * "1.234,50"; document types, payment means and the budget line as words or codes. Each problem
 * names the column as the file writes it. Pure.
 */
import type { CallRules } from '../shared/call-rules.js';
import { parseEuroCents } from '../shared/money.js';
import type { ExpenseInput, LineInForce } from './expenses.rules.js';

export const importColumns = [
  'docType',
  'docNumber',
  'docDate',
  'issuerName',
  'issuerTaxId',
  'description',
  'netCents',
  'vatCents',
  'vatRecoverable',
  'chargedCents',
  'line',
  'activity',
  'paymentDate',
  'paymentMeans',
  'paymentCents',
  'paymentRef',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** The headers each column is recognised by (normalised: lower case, no accents, words separated by one space). */
const aliases: Record<ImportColumn, readonly string[]> = {
  docType: ['tipo documento', 'tipo', 'tipologia documento', 'tipo giustificativo'],
  docNumber: ['numero', 'numero documento', 'n documento', 'n', 'nr'],
  docDate: ['data', 'data documento'],
  issuerName: ['fornitore', 'emittente', 'ragione sociale', 'fornitore emittente'],
  issuerTaxId: [
    'partita iva codice fiscale',
    'partita iva',
    'codice fiscale',
    'p iva',
    'p iva c f',
    'p iva cf',
    'codice fiscale partita iva',
  ],
  description: ['descrizione', 'oggetto'],
  netCents: ['imponibile'],
  vatCents: ['iva', 'importo iva'],
  vatRecoverable: ['iva recuperabile'],
  chargedCents: ['importo imputato', 'imputato', 'importo imputato al progetto'],
  line: ['voce', 'voce di budget', 'voce di spesa', 'categoria'],
  activity: ['attivita', 'codice attivita'],
  paymentDate: ['data pagamento', 'data quietanza'],
  paymentMeans: ['mezzo di pagamento', 'mezzo pagamento', 'modalita di pagamento', 'modalita pagamento'],
  paymentCents: ['importo pagato', 'importo quietanza'],
  paymentRef: ['riferimento pagamento', 'riferimento quietanza', 'estremi pagamento'],
};

/** The header of each column in the template and in messages when the file lacks it. */
export const columnHeaders: Record<ImportColumn, string> = {
  docType: 'Tipo documento',
  docNumber: 'Numero',
  docDate: 'Data',
  issuerName: 'Fornitore',
  issuerTaxId: 'Partita IVA/Codice fiscale',
  description: 'Descrizione',
  netCents: 'Imponibile',
  vatCents: 'IVA',
  vatRecoverable: 'IVA recuperabile',
  chargedCents: 'Importo imputato',
  line: 'Voce',
  activity: 'Attività',
  paymentDate: 'Data pagamento',
  paymentMeans: 'Mezzo di pagamento',
  paymentCents: 'Importo pagato',
  paymentRef: 'Riferimento pagamento',
};

export const requiredColumns: readonly ImportColumn[] = [
  'docType',
  'docNumber',
  'docDate',
  'issuerName',
  'netCents',
  'chargedCents',
  'line',
];

export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Each recognised column of the header: its index and its header as written. */
export function columnsOfHeader(header: readonly string[]): Map<ImportColumn, { index: number; name: string }> {
  const found = new Map<ImportColumn, { index: number; name: string }>();
  header.forEach((h, index) => {
    const n = normaliseHeader(h);
    const column = importColumns.find((c) => aliases[c].includes(n));
    if (column && !found.has(column)) found.set(column, { index, name: h });
  });
  return found;
}

/** A date as written in Italy (gg/mm/aaaa, g/m/aaaa, with / . or -) or aaaa-mm-gg; null when not a real date. */
export function parseItalianDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A code of the call's list written as a word ("Nota spese", "bonifico") or as the code itself. */
export function codeOfWord(input: string, allowed: readonly string[]): string | null {
  const code = normaliseHeader(input).toUpperCase().replace(/ /g, '_');
  return allowed.includes(code) ? code : null;
}

export const wordOfCode = (code: string): string => code.toLowerCase().replace(/_/g, ' ');

export interface RowProblem {
  column: ImportColumn | null;
  message: string;
}

/**
 * The budget line a row names: the category code of a line in force (when only one line has it)
 * or a line's description, ignoring case and accents.
 */
export function lineOfCell(value: string, lines: readonly LineInForce[]): { lineKey: string } | { problem: string } {
  const n = normaliseHeader(value);
  const byCode = lines.filter((l) => l.categoryCode.toLowerCase() === value.trim().toLowerCase());
  const matches = byCode.length ? byCode : lines.filter((l) => normaliseHeader(l.description) === n);
  if (matches.length === 1) return { lineKey: matches[0]!.lineKey };
  if (matches.length > 1)
    return { problem: 'più voci del budget hanno questa categoria: indicare la descrizione della voce' };
  return { problem: 'non è né la categoria né la descrizione di una voce del budget in vigore' };
}

/**
 * One row of the register to an expense, or its problems. The row's cells are under their column;
 * `activities` maps an activity's code (1.2) to its id.
 */
export function readExpenseRow(
  cells: Partial<Record<ImportColumn, string>>,
  rules: CallRules,
  lines: readonly LineInForce[],
  activities: ReadonlyMap<string, string>,
): { input: ExpenseInput | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (c: ImportColumn) => (cells[c] ?? '').trim();
  const need = (c: ImportColumn): string | null => {
    const v = cell(c);
    if (v === '') problems.push({ column: c, message: 'valore mancante' });
    return v === '' ? null : v;
  };
  const amount = (c: ImportColumn, required: boolean): number | null => {
    const v = required ? need(c) : cell(c) || null;
    if (v === null) return null;
    const cents = parseEuroCents(v);
    if (cents === null) problems.push({ column: c, message: `«${v}» non è un importo (scrivere ad esempio 1.234,50)` });
    return cents;
  };
  const date = (c: ImportColumn, required: boolean): string | null => {
    const v = required ? need(c) : cell(c) || null;
    if (v === null) return null;
    const d = parseItalianDate(v);
    if (d === null) problems.push({ column: c, message: `«${v}» non è una data valida (gg/mm/aaaa)` });
    return d;
  };
  const listed = (c: ImportColumn, allowed: readonly string[], what: string, required: boolean): string | null => {
    const v = required ? need(c) : cell(c) || null;
    if (v === null) return null;
    const code = codeOfWord(v, allowed);
    if (code === null)
      problems.push({
        column: c,
        message: `«${v}» non è un ${what} previsto dal bando (${allowed.map(wordOfCode).join(', ')})`,
      });
    return code;
  };

  const docType = listed('docType', rules.documentTypes, 'tipo di documento', true);
  const docNumber = need('docNumber');
  if (docNumber !== null && docNumber.length > 60)
    problems.push({ column: 'docNumber', message: 'al massimo 60 caratteri' });
  const docDate = date('docDate', true);
  const issuerName = need('issuerName');
  if (issuerName !== null && (issuerName.length < 2 || issuerName.length > 200))
    problems.push({ column: 'issuerName', message: 'da 2 a 200 caratteri' });
  const description = cell('description') || null;
  if (description !== null && description.length > 1000)
    problems.push({ column: 'description', message: 'al massimo 1000 caratteri' });
  const netCents = amount('netCents', true);
  const vatCents = amount('vatCents', false) ?? 0;
  const recoverable = normaliseHeader(cell('vatRecoverable'));
  let vatRecoverable = false;
  if (['si', 'sì', 'yes', 'true', '1', 'x'].includes(recoverable)) vatRecoverable = true;
  else if (!['', 'no', 'false', '0'].includes(recoverable))
    problems.push({ column: 'vatRecoverable', message: `«${cell('vatRecoverable')}»: scrivere sì o no` });
  const chargedCents = amount('chargedCents', true);
  let lineKey: string | null = null;
  const lineCell = need('line');
  if (lineCell !== null) {
    const l = lineOfCell(lineCell, lines);
    if ('problem' in l) problems.push({ column: 'line', message: `«${lineCell}»: ${l.problem}` });
    else lineKey = l.lineKey;
  }
  let activityId: string | null = null;
  const activityCell = cell('activity');
  if (activityCell !== '') {
    activityId = activities.get(activityCell) ?? null;
    if (activityId === null)
      problems.push({ column: 'activity', message: `«${activityCell}» non è il codice di un'attività del progetto` });
  }
  const paymentDate = date('paymentDate', false);
  const paymentMeans = listed('paymentMeans', rules.paymentMeans, 'mezzo di pagamento', false);
  const paymentCents = amount('paymentCents', false);
  const paymentRef = cell('paymentRef') || null;
  if (paymentRef !== null && paymentRef.length > 100)
    problems.push({ column: 'paymentRef', message: 'al massimo 100 caratteri' });
  const taxId = cell('issuerTaxId') || null;

  if (problems.length) return { input: null, problems };
  return {
    input: {
      lineKey: lineKey!,
      activityId,
      docType: docType!,
      issuerName: issuerName!,
      issuerTaxId: taxId,
      docNumber: docNumber!,
      docDate: docDate!,
      description,
      netCents: netCents!,
      vatCents,
      vatRecoverable,
      chargedCents: chargedCents!,
      paymentDate,
      paymentMeans,
      paymentRef,
      paymentCents,
    },
    problems,
  };
}

/** The field of an expense's check → the column of the register it comes from. */
export const columnOfField: Record<string, ImportColumn> = {
  lineKey: 'line',
  activityId: 'activity',
  docType: 'docType',
  issuerTaxId: 'issuerTaxId',
  chargedCents: 'chargedCents',
  paymentMeans: 'paymentMeans',
  paymentDate: 'paymentDate',
};

/** "Riga 5, colonna «Data»: …" — the whole sentence of a row's problem. */
export function rowMessage(line: number, columnName: string | null, message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return columnName === null ? `Riga ${line}: ${text}` : `Riga ${line}, colonna «${columnName}»: ${text}`;
}
