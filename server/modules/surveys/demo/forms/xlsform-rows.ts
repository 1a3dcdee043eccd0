/**
 * A small way to write an XLSForm in TypeScript the way Kobo and ODK users write it in a
 * spreadsheet: one row per question with its `type`, `name`, labels in Italian and English,
 * `relevant`, `constraint`, `required`…; choice lists; settings. `xlsformSheets` turns it into the
 * survey / choices / settings sheets (the same layout as shared/form/xlsform-export.ts writes),
 * which scripts/survey-demo-forms.ts saves as the demo questionnaires' .xlsx files.
 */
import type { RowsSheet } from '../../../../platform/xlsx.js';

/** A text in Italian and English: [it, en] */
export type Bi = readonly [string, string];

export interface SurveyRow {
  type: string;
  name?: string;
  label?: Bi;
  hint?: Bi;
  /** 'yes', or an expression */
  required?: string;
  required_message?: Bi;
  constraint?: string;
  constraint_message?: Bi;
  relevant?: string;
  calculation?: string;
  choice_filter?: string;
  default?: string;
  appearance?: string;
  read_only?: 'yes';
  repeat_count?: string;
  parameters?: string;
}

export interface ChoiceRow {
  list_name: string;
  name: string;
  label: Bi;
}

export interface XlsFormDescription {
  settings: { form_id: string; version: string; title: Bi; style?: string; instance_name?: string };
  survey: SurveyRow[];
  choices: ChoiceRow[];
}

const IT = 'Italiano (it)';
const EN = 'English (en)';
const LOCALISED = ['label', 'hint', 'required_message', 'constraint_message'] as const;
const PLAIN = [
  'required',
  'constraint',
  'relevant',
  'calculation',
  'choice_filter',
  'default',
  'appearance',
  'read_only',
  'repeat_count',
  'parameters',
] as const;

/** A choice list: [code, italian, english] rows. */
export function list(name: string, rows: ReadonlyArray<readonly [string, string, string]>): ChoiceRow[] {
  return rows.map(([code, it, en]) => ({ list_name: name, name: code, label: [it, en] }));
}

/** A group (or repeat) with its rows between `begin_…` and `end_…`. */
export function section(
  kind: 'group' | 'repeat',
  name: string,
  label: Bi,
  rows: SurveyRow[],
  extra: Omit<SurveyRow, 'type' | 'name' | 'label'> = {},
): SurveyRow[] {
  return [{ type: `begin_${kind}`, name, label, ...extra }, ...rows, { type: `end_${kind}`, name }];
}

/** The three sheets of the workbook. */
export function xlsformSheets(form: XlsFormDescription): RowsSheet[] {
  const surveyHeader = [
    'type',
    'name',
    ...LOCALISED.flatMap((c) => [`${c}::${IT}`, `${c}::${EN}`]),
    ...PLAIN.filter((c) => form.survey.some((r) => r[c] !== undefined)),
  ];
  const cell = (r: SurveyRow, h: string): string | null => {
    const [base, lang] = h.split('::') as [keyof SurveyRow, string | undefined];
    const v = r[base];
    if (v === undefined) return null;
    if (typeof v === 'string') return v;
    return lang === IT ? v[0] : v[1];
  };
  return [
    { name: 'survey', header: surveyHeader, rows: form.survey.map((r) => surveyHeader.map((h) => cell(r, h))) },
    {
      name: 'choices',
      header: ['list_name', 'name', `label::${IT}`, `label::${EN}`],
      rows: form.choices.map((c) => [c.list_name, c.name, c.label[0], c.label[1]]),
    },
    {
      name: 'settings',
      header: ['form_id', 'version', 'form_title', `form_title::${EN}`, 'default_language', 'style', 'instance_name'],
      rows: [
        [
          form.settings.form_id,
          form.settings.version,
          form.settings.title[0],
          form.settings.title[1],
          IT,
          form.settings.style ?? null,
          form.settings.instance_name ?? null,
        ],
      ],
    },
  ];
}
