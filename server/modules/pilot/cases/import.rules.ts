/**
 * The rules of an import file, cell by cell, and the words of its report. Pure: no I/O, no clock.
 *
 * Every problem is a message key of the label catalogue (group `importMessage`) with its
 * parameters, rendered in the user's language by `importText`: no validator's own text (Zod's
 * "Invalid email address") reaches the user.
 */
import type { ZodError } from 'zod';
import { labelOf, type LabelLanguage } from '../shared/labels.js';
import { resolveCountry, UNKNOWN_COUNTRY } from '../shared/countries.js';
import { resolveLanguage } from '../shared/languages.js';
import { foldName as normaliseName } from '../shared/world.js';

/** The country code of a cell ("MA", "Marocco", "Morocco"); "not known" is not an answer in a file. */
export function countryCodeOf(text: string): string | undefined {
  const code = resolveCountry(text, 'it');
  return code === null || code === UNKNOWN_COUNTRY ? undefined : code;
}

/** The language code of a cell ("ur", "urdu", "Inglese", "French"). */
export function languageCodeOf(text: string): string | undefined {
  return resolveLanguage(text, 'it') ?? undefined;
}
import { isIsoDate, type IsoDate } from '../shared/dates.js';
import { importColumns, sexes, type ImportColumn, type ImportMessage, type Sex } from '../shared/vocab.js';
import { personInputSchema, type PersonInput } from './cases.schema.js';
import { personIssues } from './checks.js';

export { importColumns, type ImportColumn };

/** The columns a file must have (their cells may still be empty in a row: then that row is refused). */
export const requiredColumns: readonly ImportColumn[] = [
  'cognome',
  'nomi',
  'data_nascita',
  'sesso',
  'paese_nascita',
  'cittadinanze',
  'data_presa_in_carico',
];

/** The columns that hold several values, separated by | inside the cell. */
export const multiValueColumns: readonly ImportColumn[] = ['cittadinanze', 'lingue'];

export type Params = Record<string, string | number>;

/** A message key of the catalogue with its parameters, about one column (or the whole row: null). */
export interface Problem {
  column: ImportColumn | null;
  key: ImportMessage;
  params: Params;
}

/** A catalogue text with its {{placeholders}} filled in. */
export function importText(lang: LabelLanguage, key: ImportMessage, params: Params = {}): string {
  return labelOf(lang, 'importMessage', key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The allowed values of sesso, with their labels: "F = Femmina, M = Maschio, X = Non specificato". */
export function sexValues(lang: LabelLanguage): string {
  return sexes.map((x) => `${x} = ${labelOf(lang, 'sex', x)}`).join(', ');
}

/**
 * A problem in words, naming the row, the column by its header as written in the file, and the value:
 * "Riga 4, colonna 'data_nascita': '31/02/1990' non è una data valida (gg/mm/aaaa)". `reason` is the
 * same without the row and column, for a table that shows those apart.
 */
export function problemText(
  lang: LabelLanguage,
  row: number,
  column: string | null,
  p: Problem,
): { reason: string; message: string } {
  const reason = importText(lang, p.key, p.key === 'sex' ? { ...p.params, allowed: sexValues(lang) } : p.params);
  const message =
    column === null ? importText(lang, 'atRow', { row, reason }) : importText(lang, 'at', { row, column, reason });
  return { reason, message };
}

/** The language of an Accept-Language header: English only when it is preferred to Italian. */
export function languageOfHeader(header: string | undefined): LabelLanguage {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([\d.]+)/.exec(r)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.lang === 'it' || l.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'it';
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date as Italians write it, gg/mm/aaaa (also g/m/aaaa, with . or - between), or ISO aaaa-mm-gg;
 * undefined for anything else, for an impossible date (31/02/1990) and for a two-digit year.
 */
export function parseDate(s: string): IsoDate | undefined {
  const m = DMY.exec(s.trim());
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s.trim();
  return isIsoDate(iso) ? iso : undefined;
}

const yes = ['sì', 'si', 'yes', 'true', '1'];
const no = ['no', 'false', '0'];

/** sì/si/yes/true/1 or no/false/0, in any case; undefined for anything else ("forse"). */
export function parseBoolean(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  return yes.includes(v) ? true : no.includes(v) ? false : undefined;
}

/** The allowed spellings of in_sai, for the template's help. */
export const booleanSpellings = { yes, no };

/** F, M or X, or their label in Italian or English ("Femmina", "female"); undefined otherwise. */
export function parseSex(s: string): Sex | undefined {
  const v = normaliseName(s);
  return sexes.find(
    (x) =>
      x.toLowerCase() === v ||
      normaliseName(labelOf('it', 'sex', x)) === v ||
      normaliseName(labelOf('en', 'sex', x)) === v,
  );
}

/** The values of a multi-value cell: separated by | (or by ; or , when the cell was quoted). */
export function splitValues(s: string): string[] {
  return s
    .split(/[|;,]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export type ImportedPerson = PersonInput & { openedOn: IsoDate; inSai: boolean; caseManagerEmail: string | null };

/**
 * One row of the file (its cells by column) to a person, or the problems that stop it. Each column
 * is read on its own, so that every mistake of the row is reported at once.
 */
export function readRow(
  cells: Partial<Record<ImportColumn, string>>,
  today: IsoDate,
): { person?: ImportedPerson; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (column: ImportColumn | null, key: ImportMessage, params: Params = {}) =>
    problems.push({ column, key, params });
  const cell = (c: ImportColumn) => (cells[c] ?? '').trim();
  for (const c of requiredColumns) if (!cell(c)) at(c, 'required');

  const date = (c: ImportColumn): IsoDate => {
    const v = cell(c);
    if (!v) return '';
    const d = parseDate(v);
    if (d === undefined) at(c, 'date', { value: v });
    else if (d > today) at(c, 'dateFuture', { value: v });
    return d ?? '';
  };
  const birthDate = date('data_nascita');
  const openedOn = date('data_presa_in_carico');

  const sexText = cell('sesso');
  const sex = sexText ? parseSex(sexText) : undefined;
  if (sexText && sex === undefined) at('sesso', 'sex', { value: sexText });

  const countries = (c: ImportColumn, values: string[]): string[] =>
    values.flatMap((v) => {
      const code = countryCodeOf(v);
      if (code === undefined) at(c, 'country', { value: v });
      return code === undefined ? [] : [code];
    });
  const birthCountry = countries('paese_nascita', cell('paese_nascita') ? [cell('paese_nascita')] : [])[0] ?? '';
  const nationalities = countries('cittadinanze', splitValues(cell('cittadinanze')));
  const languages = splitValues(cell('lingue')).flatMap((v) => {
    const code = languageCodeOf(v);
    if (code === undefined) at('lingue', 'language', { value: v });
    return code === undefined ? [] : [code];
  });

  const saiText = cell('in_sai');
  const inSai = saiText ? parseBoolean(saiText) : true;
  if (inSai === undefined) at('in_sai', 'boolean', { value: saiText });

  const candidate = {
    identity: {
      surname: cell('cognome'),
      givenNames: cell('nomi'),
      birthDate,
      codiceFiscale: cell('codice_fiscale').toUpperCase() || null,
      phone: cell('telefono') || null,
      email: cell('email') || null,
      address: cell('indirizzo') || null,
    },
    sex: sex ?? 'X',
    birthCountry,
    nationalities,
    languages,
  };
  const parsed = personInputSchema.safeParse(candidate);
  if (!parsed.success) schemaProblems(parsed.error, cells, problems);
  if (!parsed.success || problems.length || inSai === undefined) return { problems };

  for (const issue of personIssues(parsed.data, 'row', { thirdCountry: true, today })) {
    if (issue.code === 'invalid_cf')
      at('codice_fiscale', 'codiceFiscale', {
        value: cell('codice_fiscale'),
        reason: issue.message.replace(/^Codice fiscale non valido: /, ''),
      });
    else if (issue.code === 'not_third_country') at('cittadinanze', 'notThirdCountry');
    else at('data_nascita', 'birthDate', { value: cell('data_nascita') });
  }
  if (problems.length) return { problems };
  return { person: { ...parsed.data, openedOn, inSai, caseManagerEmail: cell('case_manager') || null }, problems };
}

/** The column of each field of the person schema. */
const columnOfField: Record<string, ImportColumn> = {
  surname: 'cognome',
  givenNames: 'nomi',
  birthDate: 'data_nascita',
  codiceFiscale: 'codice_fiscale',
  phone: 'telefono',
  email: 'email',
  address: 'indirizzo',
  sex: 'sesso',
  birthCountry: 'paese_nascita',
  nationalities: 'cittadinanze',
  languages: 'lingue',
};

/**
 * The schema's issues as catalogue messages, by the issue's code (never its text): one per column,
 * and none for a column whose cell already has a problem of its own.
 */
function schemaProblems(error: ZodError, cells: Partial<Record<ImportColumn, string>>, problems: Problem[]): void {
  for (const issue of error.issues) {
    const field = issue.path.map(String).find((p) => p in columnOfField);
    const column = field === undefined ? null : columnOfField[field]!;
    if (problems.some((p) => p.column === column)) continue;
    const value = column === null ? '' : (cells[column] ?? '').trim();
    if (issue.code === 'too_big')
      problems.push({
        column,
        key: multiValueColumns.includes(column!) && issue.origin === 'array' ? 'tooMany' : 'tooLong',
        params: { max: Number(issue.maximum) },
      });
    else if (issue.code === 'too_small') problems.push({ column, key: 'required', params: {} });
    else if (column === 'email') problems.push({ column, key: 'email', params: { value } });
    else problems.push({ column, key: 'invalid', params: { value } });
  }
}

/** The row has more cells than the header has columns: a separator inside a value, which would shift the rest. */
export function extraCellsProblem(cells: number, columns: number, delimiter: string | null): Problem | undefined {
  if (cells <= columns) return undefined;
  const separator = delimiter === '\t' ? 'TAB' : `'${delimiter ?? ''}'`;
  return { column: null, key: 'extraCells', params: { cells, columns, separator } };
}

/** Each column of the file by its name as written in the header (trimmed, any case). */
export function columnsOfHeader(header: string[]): Map<ImportColumn, { index: number; name: string }> {
  const out = new Map<ImportColumn, { index: number; name: string }>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase() as ImportColumn;
    if ((importColumns as readonly string[]).includes(key) && !out.has(key)) out.set(key, { index, name: name.trim() });
  });
  return out;
}
