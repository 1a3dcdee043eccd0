/**
 * An XLSForm workbook (survey, choices, settings sheets, as Kobo and ODK users write them) read into
 * the questionnaire model (model.ts, docs/decisions/0034-questionnaire-model.md).
 *
 * The import never throws on a form's content: every problem is an issue at its sheet, row and
 * column, in Italian and English. Types InCaS does not take (coordinates, media, device metadata)
 * are left out and listed as warnings; anything else wrong is an error, and then no form is given.
 * The file itself is read by the platform's bounded reader (readXlsForm), off the event loop.
 */
import { readWorkbook, type ParsedWorkbook, type UploadReader } from '../../../../platform/upload/index.js';
import { FORM_MODEL_VERSION, Form, XML_NAME, type Group, type Item, type Question, type Repeat } from './model.js';
import { cellOf, headerOf, readColumns, textOf } from './xlsform-columns.js';
import { createIssueLog, xlsformMessages as M, type ImportIssue } from './xlsform-issues.js';
import { readChoices, readSettings, reportNotKept } from './xlsform-sheets.js';
import { NO_CODES, YES_CODES, leftOutReasons, parseType } from './xlsform-types.js';
import { checkExpression } from './expr/index.js';
import { cycles } from './engine/graph.js';

export { formatIssue, type ImportIssue } from './xlsform-issues.js';

/** The sheets of an XLSForm, by their usual names (matched ignoring case). */
export const XLSFORM_SHEETS = ['survey', 'choices', 'settings'] as const;

/** An expression checker: null when `src` is fine, else why (and where in it, 0-based) it is not. */
export type CheckExpression = (
  src: string,
  knownNames: ReadonlySet<string>,
) => { message: { it: string; en: string }; position?: number } | null;

/**
 * The expression language's own check (decision 0035), the one the form engine evaluates with:
 * syntax, functions, questions that exist, `.` only in a constraint. Defaults (literal values as
 * often as expressions) and choice filters (whose bare words name columns of the choices sheet)
 * have their `${names}` checked above and are otherwise read by the form engine.
 */
const PARSED_KINDS = new Set(['relevant', 'constraint', 'calculation', 'required', 'repeat_count', 'instance_name']);

function parserCheck(src: string, known: ReadonlySet<string>, kind: string | undefined): ReturnType<CheckExpression> {
  if (kind === undefined || !PARSED_KINDS.has(kind)) return null;
  const [first] = checkExpression(src, known, { allowCurrent: kind === 'constraint' }).problems;
  // the parser's message already says at which character
  return first === undefined ? null : { message: first.message };
}

export interface ImportOptions {
  /** the parser's check of each expression, reported at its sheet, row and column */
  checkExpression?: CheckExpression;
  /** the form's id when the settings sheet gives none (e.g. from the file name) */
  fallbackId?: string;
}

export type ImportResult =
  | { ok: true; form: Form; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

const TRUE = new Set(['yes', 'true', 'true()', '1', 'y', 'si', 'sì']);
const FALSE = new Set(['', 'no', 'false', 'false()', '0', 'n']);

/** Reads an uploaded XLSForm through the bounded spreadsheet reader, then imports it. */
export async function readXlsForm(
  bytes: Buffer,
  options: ImportOptions & { reader?: UploadReader } = {},
): Promise<ImportResult> {
  const req = { bytes, sheets: [...XLSFORM_SHEETS] };
  const book = options.reader ? await options.reader.readWorkbook(req) : await readWorkbook(req);
  return importXlsForm(book, options);
}

interface Container {
  node: Group | Repeat | null;
  items: Item[];
  row: number;
  begin: string;
}

/** The sheets of an XLSForm (as read by readWorkbook with XLSFORM_SHEETS) to the model. */
export function importXlsForm(book: ParsedWorkbook, options: ImportOptions = {}): ImportResult {
  const log = createIssueLog();
  const { errors, warnings, error, warn } = log;
  const settingsSheet = book.sheets.settings ?? null;
  const { id, version, title, defaultLanguage, style, instanceName } = readSettings(
    settingsSheet,
    options.fallbackId,
    log,
  );
  const choicesSheet = book.sheets.choices ?? null;
  const lists = readChoices(choicesSheet, defaultLanguage, log);

  // survey: the items, groups and repeats nested by their begin/end rows
  const surveySheet = book.sheets.survey ?? null;
  if (!surveySheet) {
    error('missing_sheet', 'survey', null, null, M.missing_sheet('survey'));
    return { ok: false, errors, warnings };
  }
  const columns = readColumns(surveySheet.header, defaultLanguage);
  reportNotKept(log, surveySheet, columns);
  const S = surveySheet.name;
  const typeCol = columns.plain.get('type');
  const nameCol = columns.plain.get('name');
  if (typeCol === undefined) error('missing_column', S, 1, null, M.missing_column('type'));
  if (nameCol === undefined) error('missing_column', S, 1, null, M.missing_column('name'));
  const col = (base: string) => headerOf(columns, base);

  const root: Container = { node: null, items: [], row: 0, begin: '' };
  const stack: Container[] = [root];
  const names = new Map<string, number>();
  const leftOut = new Map<string, string>();
  /** expressions checked once every name is known (an expression may refer to a later question) */
  const expressions: { src: string; row: number; column: string; sheet: string; kind?: string }[] = [];
  const multipleLists = new Map<string, number>();
  const expr = (cells: string[], row: number, base: string): string | undefined => {
    const src = cellOf(columns, cells, base);
    if (src === '') return undefined;
    expressions.push({ src, row, column: col(base), sheet: S, kind: base });
    return src;
  };
  const flag = (cells: string[], row: number, base: string): boolean => {
    const v = cellOf(columns, cells, base).toLowerCase();
    if (TRUE.has(v)) return true;
    if (!FALSE.has(v)) error('not_yes_no', S, row, col(base), M.not_yes_no(col(base), cellOf(columns, cells, base)));
    return false;
  };
  const nameOf = (cells: string[], row: number): string | null => {
    const name = cellOf(columns, cells, 'name');
    if (name === '') error('missing_name', S, row, col('name'), M.missing_name());
    else if (!XML_NAME.test(name)) error('invalid_name', S, row, col('name'), M.invalid_name(name));
    else if (names.has(name)) error('duplicate_name', S, row, col('name'), M.duplicate_name(name, names.get(name)!));
    else {
      names.set(name, row);
      return name;
    }
    return null;
  };
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

  for (const { line, cells } of typeCol === undefined || nameCol === undefined ? [] : surveySheet.rows) {
    const rawType = (cells[typeCol!] ?? '').trim();
    if (rawType === '') {
      // a row with only further columns filled (a comment, a help column) is not the form's
      if (cellOf(columns, cells, 'name') !== '' || textOf(columns, cells, 'label'))
        error('missing_type', S, line, col('type'), M.missing_type());
      continue;
    }
    const parsed = parseType(rawType);
    const top = stack.at(-1)!;
    if (parsed.kind === 'unknown') {
      error('unknown_type', S, line, col('type'), M.unknown_type(rawType));
      continue;
    }
    if (parsed.kind === 'left_out') {
      warn('left_out', S, line, col('type'), M.left_out(rawType, leftOutReasons[parsed.why]));
      const name = cellOf(columns, cells, 'name');
      if (name !== '') leftOut.set(name, rawType);
      continue;
    }
    if (parsed.kind === 'end') {
      if (stack.length === 1) error('end_without_begin', S, line, col('type'), M.end_without_begin(rawType));
      else if (top.node!.kind !== parsed.container)
        error('end_mismatch', S, line, col('type'), M.end_mismatch(rawType, top.begin, top.row));
      else stack.pop();
      continue;
    }
    const name = nameOf(cells, line);
    const label = textOf(columns, cells, 'label');
    const hint = textOf(columns, cells, 'hint');
    const relevant = expr(cells, line, 'relevant');
    const appearance = cellOf(columns, cells, 'appearance') || undefined;
    const common = {
      ...optional('label', label),
      ...optional('hint', hint),
      ...optional('relevant', relevant),
      ...optional('appearance', appearance),
    };
    if (parsed.kind === 'begin') {
      const node: Group | Repeat =
        parsed.container === 'group'
          ? { kind: 'group', name: name ?? '', ...common, items: [] }
          : {
              kind: 'repeat',
              name: name ?? '',
              ...common,
              ...optional('repeatCount', expr(cells, line, 'repeat_count')),
              items: [],
            };
      top.items.push(node);
      stack.push({ node, items: node.items, row: line, begin: rawType });
      continue;
    }
    // a question
    const requiredCell = cellOf(columns, cells, 'required');
    const requiredFlag = TRUE.has(requiredCell.toLowerCase());
    const requiredIf =
      requiredFlag || FALSE.has(requiredCell.toLowerCase()) ? undefined : expr(cells, line, 'required');
    const defaultValue = cellOf(columns, cells, 'default') || undefined;
    if (defaultValue?.includes('${'))
      expressions.push({ src: defaultValue, row: line, column: col('default'), sheet: S });
    const base = {
      kind: 'question' as const,
      name: name ?? '',
      ...common,
      required: requiredFlag,
      ...optional('requiredIf', requiredIf),
      ...optional('requiredMessage', textOf(columns, cells, 'required_message')),
      ...optional('constraint', expr(cells, line, 'constraint')),
      ...optional('constraintMessage', textOf(columns, cells, 'constraint_message')),
      ...optional('calculation', expr(cells, line, 'calculation')),
      readOnly: flag(cells, line, 'read_only'),
      ...optional('default', defaultValue),
    };
    const parameters = cellOf(columns, cells, 'parameters');
    const choiceFilter = cellOf(columns, cells, 'choice_filter');
    if (choiceFilter !== '' && parsed.kind !== 'select')
      warn('not_applicable', S, line, col('choice_filter'), M.not_applicable(col('choice_filter')));
    if (
      parameters !== '' &&
      parsed.kind === 'question' &&
      !['range_estimate', 'reference_period'].includes(parsed.type)
    )
      warn('not_applicable', S, line, col('parameters'), M.not_applicable(col('parameters')));
    let question: Question;
    if (parsed.kind === 'select') {
      const list = lists.get(parsed.listName);
      if (!list) error('missing_list', S, line, col('type'), M.missing_list(parsed.listName));
      if (parsed.type === 'select_multiple' && !multipleLists.has(parsed.listName))
        multipleLists.set(parsed.listName, line);
      const codes = list?.choices.map((c) => c.name) ?? [];
      const yes = codes.find((c) => YES_CODES.has(c.toLowerCase()));
      const no = codes.find((c) => NO_CODES.has(c.toLowerCase()));
      if (parsed.type === 'select_one' && !parsed.other && choiceFilter === '' && codes.length === 2 && yes && no)
        question = { ...base, type: 'yes_no', listName: parsed.listName, yes, no };
      else
        question = {
          ...base,
          type: parsed.type,
          listName: parsed.listName,
          ...optional('choiceFilter', choiceFilter === '' ? undefined : expr(cells, line, 'choice_filter')),
          other: parsed.other,
        };
    } else if (parsed.type === 'calculate') {
      if (base.calculation === undefined)
        error('missing_calculation', S, line, col('calculation'), M.missing_calculation());
      question = { ...base, type: 'calculate', calculation: base.calculation ?? '' };
    } else if (parsed.type === 'range_estimate') {
      const p = readParameters(parameters, { min: 'number', max: 'number', decimal: 'flag' }, (bad) =>
        error('bad_parameter', S, line, col('parameters'), M.bad_parameter(bad)),
      );
      const min = p.min as number | undefined;
      const max = p.max as number | undefined;
      if (min !== undefined && max !== undefined && min > max)
        error('min_over_max', S, line, col('parameters'), M.min_over_max());
      question = {
        ...base,
        type: 'range_estimate',
        decimal: p.decimal === true,
        ...optional('min', min),
        ...optional('max', max),
      };
    } else if (parsed.type === 'reference_period') {
      const p = readParameters(parameters, { unit: ['day', 'month', 'year'] }, (bad) =>
        error('bad_parameter', S, line, col('parameters'), M.bad_parameter(bad)),
      );
      question = { ...base, type: 'reference_period', unit: (p.unit as 'day' | 'month' | 'year' | undefined) ?? 'day' };
    } else {
      question = { ...base, type: parsed.type };
    }
    top.items.push(question);
  }
  for (const open of stack.slice(1)) error('not_closed', S, open.row, col('type'), M.not_closed(open.begin));

  // codes with spaces cannot be told apart in a select_multiple answer
  for (const [listName, row] of multipleLists) {
    const list = lists.get(listName);
    for (const choice of list?.choices ?? [])
      if (/\s/.test(choice.name))
        error(
          'choice_with_space',
          choicesSheet!.name,
          list!.seen.get(choice.name)!,
          headerOf(readColumns(choicesSheet!.header, defaultLanguage), 'name'),
          {
            it: `${M.choice_with_space(choice.name).it} (riga ${row} di ${S})`,
            en: `${M.choice_with_space(choice.name).en} (row ${row} of ${S})`,
          },
        );
  }

  // every expression: its ${names} are questions of the form, and the parser (when given) reads it
  const known: ReadonlySet<string> = new Set(names.keys());
  if (instanceName) expressions.push(instanceName);
  for (const e of expressions) {
    let referencesOk = true;
    for (const m of e.src.matchAll(/\$\{([^}]*)\}/g)) {
      const ref = m[1]!.trim();
      if (known.has(ref)) continue;
      referencesOk = false;
      if (leftOut.has(ref)) error('reference_left_out', e.sheet, e.row, e.column, M.reference_left_out(ref));
      else error('unknown_reference', e.sheet, e.row, e.column, M.unknown_reference(ref));
    }
    if (!referencesOk) continue;
    const bad = options.checkExpression ? options.checkExpression(e.src, known) : parserCheck(e.src, known, e.kind);
    if (bad) error('bad_expression', e.sheet, e.row, e.column, M.bad_expression(bad.message, bad.position));
  }

  if (errors.length > 0) return { ok: false, errors, warnings };
  const form = {
    modelVersion: FORM_MODEL_VERSION,
    id,
    ...optional('version', version),
    title: title ?? { [defaultLanguage]: id },
    defaultLanguage,
    ...optional('style', style),
    ...optional('instanceName', instanceName?.src),
    items: root.items,
    lists: [...lists.values()].map(({ name, choices }) => ({ name, choices })),
  };
  // the model's own check: whatever the rows above let through that the schema refuses is reported, not thrown
  const checked = Form.safeParse(form);
  if (checked.success) {
    // calculations and relevance that depend on each other in a loop could never be worked out
    for (const loop of cycles(checked.data))
      error('cycle', S, names.get(loop.names[0] ?? '') ?? null, null, M.cycle(loop.message));
    if (errors.length > 0) return { ok: false, errors, warnings };
    return { ok: true, form: checked.data, warnings };
  }
  for (const problem of checked.error.issues)
    error('invalid_form', S, null, null, M.invalid_form(problem.path.join('.'), problem.message));
  return { ok: false, errors, warnings };
}

type ParameterKind = 'number' | 'flag' | string[];

/** `min=0 max=100 decimal=yes` (spaces, commas or semicolons between) read by the kinds given. */
function readParameters(
  text: string,
  kinds: Record<string, ParameterKind>,
  bad: (part: string) => void,
): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const part of text.split(/[\s,;]+/).filter((p) => p !== '')) {
    const [rawKey, value, ...rest] = part.split('=');
    const key = rawKey!.toLowerCase();
    const kind = Object.hasOwn(kinds, key) ? kinds[key] : undefined;
    if (kind === undefined || value === undefined || value === '' || rest.length > 0) {
      bad(part);
      continue;
    }
    if (kind === 'number') {
      const n = Number(value);
      if (Number.isFinite(n)) out[key] = n;
      else bad(part);
    } else if (kind === 'flag') {
      if (TRUE.has(value.toLowerCase())) out[key] = true;
      else if (FALSE.has(value.toLowerCase())) out[key] = false;
      else bad(part);
    } else if (kind.includes(value.toLowerCase())) out[key] = value.toLowerCase();
    else bad(part);
  }
  return out;
}
