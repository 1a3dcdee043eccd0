/**
 * A questionnaire (model.ts) written as an XLSForm workbook: survey, choices and settings sheets,
 * with `label::Italiano (it)` / `label::English (en)` columns, so that it opens in Kobo's and ODK's
 * tools and comes back through xlsform-import.ts as the same questionnaire.
 */
import { writeRowsXlsx, type RowsSheet } from '../../../../platform/xlsx.js';
import { walkItems, type Form, type FormLanguage, type Item, type LocalText, type Question } from './model.js';

const LANGUAGE_NAMES: Record<FormLanguage, string> = { it: 'Italiano (it)', en: 'English (en)' };
const localised = (base: string) => [`${base}::${LANGUAGE_NAMES.it}`, `${base}::${LANGUAGE_NAMES.en}`];

const SURVEY_HEADER = [
  'type',
  'name',
  ...localised('label'),
  ...localised('hint'),
  'required',
  ...localised('required_message'),
  'constraint',
  ...localised('constraint_message'),
  'relevant',
  'calculation',
  'choice_filter',
  'default',
  'appearance',
  'read_only',
  'repeat_count',
  'parameters',
];

type Row = Record<string, string | undefined>;

const texts = (base: string, text: LocalText | undefined): Row => {
  const [it, en] = localised(base);
  return { [it!]: text?.it, [en!]: text?.en };
};

/** The `type` cell of a question (a yes/no is a select_one on its list, as XLSForm has it). */
function typeCell(q: Question): string {
  switch (q.type) {
    case 'yes_no':
      return `select_one ${q.listName}`;
    case 'select_one':
    case 'select_multiple':
      return `${q.type} ${q.listName}${q.other ? ' or_other' : ''}`;
    default:
      return q.type;
  }
}

function parametersCell(q: Question): string | undefined {
  if (q.type === 'range_estimate') {
    const parts = [q.min === undefined ? '' : `min=${q.min}`, q.max === undefined ? '' : `max=${q.max}`];
    if (q.decimal) parts.push('decimal=yes');
    return parts.filter((p) => p !== '').join(' ') || undefined;
  }
  if (q.type === 'reference_period') return `unit=${q.unit}`;
  return undefined;
}

function surveyRows(items: readonly Item[], out: Row[]): Row[] {
  for (const item of items) {
    const common: Row = {
      name: item.name,
      ...texts('label', item.label),
      ...texts('hint', item.hint),
      relevant: item.relevant,
      appearance: item.appearance,
    };
    if (item.kind === 'question') {
      out.push({
        ...common,
        type: typeCell(item),
        required: item.requiredIf ?? (item.required ? 'yes' : undefined),
        ...texts('required_message', item.requiredMessage),
        constraint: item.constraint,
        ...texts('constraint_message', item.constraintMessage),
        calculation: item.calculation,
        choice_filter: item.type === 'select_one' || item.type === 'select_multiple' ? item.choiceFilter : undefined,
        default: item.default,
        read_only: item.readOnly ? 'yes' : undefined,
        parameters: parametersCell(item),
      });
      continue;
    }
    out.push({
      ...common,
      type: `begin_${item.kind}`,
      repeat_count: item.kind === 'repeat' ? item.repeatCount : undefined,
    });
    surveyRows(item.items, out);
    out.push({ type: `end_${item.kind}`, name: item.name });
  }
  return out;
}

const toSheet = (name: string, header: string[], rows: Row[]): RowsSheet => ({
  name,
  header,
  rows: rows.map((row) => header.map((h) => row[h] ?? null)),
});

/** The form as the sheets of an XLSForm workbook (what writeXlsForm writes). */
export function formToSheets(form: Form): RowsSheet[] {
  const survey = toSheet('survey', SURVEY_HEADER, surveyRows(form.items, []));
  // further columns of the choices (for choice filters), in the order they first appear
  const extra = [...new Set(form.lists.flatMap((l) => l.choices.flatMap((c) => Object.keys(c.extra))))];
  const choicesHeader = ['list_name', 'name', ...localised('label'), ...extra];
  const choices = toSheet(
    'choices',
    choicesHeader,
    form.lists.flatMap((list) =>
      list.choices.map((c) => ({ list_name: list.name, name: c.name, ...texts('label', c.label), ...c.extra })),
    ),
  );
  // the title in the default language goes in the plain form_title, as XLSForm tools expect
  const other: FormLanguage = form.defaultLanguage === 'it' ? 'en' : 'it';
  const settings = toSheet(
    'settings',
    [
      'form_id',
      'version',
      'form_title',
      `form_title::${LANGUAGE_NAMES[other]}`,
      'default_language',
      'style',
      'instance_name',
    ],
    [
      {
        form_id: form.id,
        version: form.version,
        form_title: form.title[form.defaultLanguage],
        [`form_title::${LANGUAGE_NAMES[other]}`]: form.title[other],
        default_language: LANGUAGE_NAMES[form.defaultLanguage],
        style: form.style,
        instance_name: form.instanceName,
      },
    ],
  );
  return [survey, choices, settings];
}

/** The form as an XLSForm workbook (XLSX). */
export function writeXlsForm(form: Form): Promise<Buffer> {
  const title = form.title[form.defaultLanguage] ?? form.id;
  return writeRowsXlsx(formToSheets(form), { creator: 'InCaS', title });
}

/** How many questions a form has (groups and repeats not counted). */
export function countQuestions(form: Form): number {
  let n = 0;
  for (const [item] of walkItems(form.items)) if (item.kind === 'question') n++;
  return n;
}
