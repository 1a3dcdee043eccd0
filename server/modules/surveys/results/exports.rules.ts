/**
 * The pure rules of a wave's export (issue 11 item 5; decision 0042): the columns of the wide
 * layout (one row per Comune, and one row per entry of each repeat), the rows of the long layout
 * (one row per answer) and the codebook, all from the wave's questionnaire. Cells are plain
 * values (text, number, null); the writers (CSV, XLSX) apply the injection guard. No I/O.
 */
import { estimateQualityLabels, type LocalText } from '../shared/form/model.js';
import type { ResultQuestion } from './results.rules.js';

export type Cell = string | number | null;
export type ValuesMode = 'codes' | 'labels';

/** The Comune's own columns, first on every wide row (the key is `istat`). */
export const COMUNE_COLUMNS = ['istat', 'comune', 'provincia', 'regione', 'stato', 'inviato_il'] as const;
/** The key columns of a repeat's rows: the Comune and the entry (1-based; "2.1" inside a nested repeat). */
export const REPEAT_KEY_COLUMNS = ['istat', 'voce'] as const;
export const LONG_COLUMNS = ['istat', 'domanda', 'ripetizione', 'voce', 'valore_codice', 'valore_etichetta'] as const;
export const CODEBOOK_COLUMNS = [
  'domanda',
  'colonne',
  'etichetta_it',
  'etichetta_en',
  'tipo',
  'scelte',
  'sezione',
  'ripetizione',
  'versione',
] as const;

/** One response as read for an export: the Comune, its state and its answers. */
export interface ExportResponse {
  istat: string;
  comune: string;
  provincia: string;
  regione: string;
  status: string;
  submitted_at: string | null;
  answers: Record<string, unknown>;
}

const it = (t: LocalText, fallback: string): string => t.it ?? t.en ?? fallback;

function choiceLabel(q: ResultQuestion, code: string): string {
  const c = q.choices.find((x) => x.code === code);
  return c ? it(c.label, code) : code;
}

function qualityLabel(code: string): string {
  return (estimateQualityLabels as Record<string, { it: string }>)[code]?.it ?? code;
}

/** The codes of a multiple choice as given ("agri edil"), each once, in the order given. */
export function codesOf(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  return [
    ...new Set(
      v
        .trim()
        .split(/\s+/)
        .filter((s) => s !== ''),
    ),
  ];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Any other stored value as text (a value of an unexpected shape is kept, not dropped). */
function plain(v: unknown): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/** The wide columns of a question, and how to fill them from its answer (`node` holds it and its "_other"). */
export interface QuestionColumns {
  question: ResultQuestion;
  columns: string[];
  cells(node: Record<string, unknown>, values: ValuesMode): Cell[];
}

export function questionColumns(q: ResultQuestion): QuestionColumns {
  const n = q.name;
  const otherCol = q.other ? [`${n}_other`] : [];
  const otherCell = (node: Record<string, unknown>): Cell[] => (q.other ? [str(node[`${n}_other`])] : []);
  switch (q.type) {
    case 'select_one':
    case 'yes_no':
      return {
        question: q,
        columns: [n, ...otherCol],
        cells: (node, values) => {
          const v = node[n];
          const code = typeof v === 'string' && v !== '' ? v : null;
          const shown = code === null ? plain(v) : values === 'labels' ? choiceLabel(q, code) : code;
          return [shown, ...otherCell(node)];
        },
      };
    case 'select_multiple':
      return {
        question: q,
        columns: [n, ...q.choices.map((c) => `${n}/${c.code}`), ...otherCol],
        cells: (node, values) => {
          const v = node[n];
          const codes = codesOf(v);
          const answered = codes.length > 0;
          const joined = answered
            ? values === 'labels'
              ? codes.map((c) => choiceLabel(q, c)).join('; ')
              : codes.join(' ')
            : plain(v);
          return [
            joined,
            ...q.choices.map((c) => (answered ? (codes.includes(c.code) ? 1 : 0) : null)),
            ...otherCell(node),
          ];
        },
      };
    case 'range_estimate':
      return {
        question: q,
        columns: [`${n}/min`, `${n}/max`, `${n}/value`, `${n}/quality`],
        cells: (node, values) => {
          const r = obj(node[n]);
          const quality = str(r.quality);
          return [
            num(r.min),
            num(r.max),
            num(r.value),
            quality === null ? null : values === 'labels' ? qualityLabel(quality) : quality,
          ];
        },
      };
    case 'reference_period':
      return {
        question: q,
        columns: [`${n}/from`, `${n}/to`],
        cells: (node) => {
          const p = obj(node[n]);
          return [str(p.from), str(p.to)];
        },
      };
    default:
      // integer, decimal (numbers), text, date (ISO text): the value as stored
      return { question: q, columns: [n], cells: (node) => [plain(node[n])] };
  }
}

/** One sheet of the wide layout: the Comuni (repeat null) or the entries of one repeat. */
export interface WideSheet {
  /** the repeat's name; null for the Comuni's sheet */
  repeat: string | null;
  /** the repeats from the outermost down to this one (empty for the Comuni's sheet) */
  path: string[];
  header: string[];
  questions: QuestionColumns[];
}

/** The Comuni's sheet, then one sheet per repeat (in the questionnaire's order). */
export function wideSheets(qs: ResultQuestion[]): WideSheet[] {
  const main: WideSheet = { repeat: null, path: [], header: [...COMUNE_COLUMNS], questions: [] };
  const sheets = new Map<string, WideSheet>();
  for (const q of qs) {
    const cols = questionColumns(q);
    let sheet = main;
    if (q.repeats.length) {
      const name = q.repeats[q.repeats.length - 1]!;
      sheet = sheets.get(name) ?? { repeat: name, path: q.repeats, header: [...REPEAT_KEY_COLUMNS], questions: [] };
      sheets.set(name, sheet);
    }
    sheet.questions.push(cols);
    sheet.header.push(...cols.columns);
  }
  return [main, ...sheets.values()];
}

/** The Comune's cells of a wide row. */
function comuneCells(r: ExportResponse): Cell[] {
  return [r.istat, r.comune, r.provincia, r.regione, r.status, r.submitted_at];
}

const entriesOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);

/** The entries of a repeat path in a response, each with its number ("2", or "2.1" when nested). */
export function* entries(
  answers: Record<string, unknown>,
  path: readonly string[],
  prefix = '',
): Generator<[string, Record<string, unknown>]> {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const list = entriesOf(answers[head]);
  for (let i = 0; i < list.length; i++) {
    const no = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    if (rest.length) yield* entries(list[i]!, rest, no);
    else yield [no, list[i]!];
  }
}

/** The rows of a wide sheet that one response gives: one for the Comuni's sheet, one per entry for a repeat. */
export function* wideRows(sheet: WideSheet, r: ExportResponse, values: ValuesMode): Generator<Cell[]> {
  if (sheet.repeat === null) {
    const row = comuneCells(r);
    for (const q of sheet.questions) row.push(...q.cells(r.answers, values));
    yield row;
    return;
  }
  for (const [no, entry] of entries(r.answers, sheet.path)) {
    const row: Cell[] = [r.istat, no];
    for (const q of sheet.questions) row.push(...q.cells(entry, values));
    yield row;
  }
}

/** The long rows of one answer node: one per value given (a multiple choice gives one per code). */
function* longOfNode(
  q: QuestionColumns,
  node: Record<string, unknown>,
  istat: string,
  repeat: string | null,
  no: string | null,
): Generator<Cell[]> {
  const question = q.question;
  const row = (code: string, value: Cell, label: Cell): Cell[] => [istat, code, repeat, no, value, label];
  const v = node[question.name];
  switch (question.type) {
    case 'select_one':
    case 'yes_no':
    case 'select_multiple': {
      const codes = question.type === 'select_multiple' ? codesOf(v) : typeof v === 'string' && v !== '' ? [v] : [];
      for (const c of codes) yield row(question.name, c, choiceLabel(question, c));
      if (question.other) {
        const other = str(node[`${question.name}_other`]);
        if (other !== null) yield row(`${question.name}_other`, other, other);
      }
      return;
    }
    case 'range_estimate': {
      const r = obj(v);
      for (const part of ['min', 'max', 'value'] as const) {
        const x = num(r[part]);
        if (x !== null) yield row(`${question.name}/${part}`, x, x);
      }
      const quality = str(r.quality);
      if (quality !== null) yield row(`${question.name}/quality`, quality, qualityLabel(quality));
      return;
    }
    case 'reference_period': {
      const p = obj(v);
      for (const part of ['from', 'to'] as const) {
        const x = str(p[part]);
        if (x !== null) yield row(`${question.name}/${part}`, x, x);
      }
      return;
    }
    default: {
      const x = plain(v);
      if (x !== null) yield row(question.name, x, x);
    }
  }
}

/** Every long row of a response, in the questionnaire's order (a repeat's answers entry by entry). */
export function* longRows(sheets: WideSheet[], r: ExportResponse): Generator<Cell[]> {
  for (const sheet of sheets) {
    if (sheet.repeat === null) {
      for (const q of sheet.questions) yield* longOfNode(q, r.answers, r.istat, null, null);
      continue;
    }
    for (const [no, entry] of entries(r.answers, sheet.path))
      for (const q of sheet.questions) yield* longOfNode(q, entry, r.istat, sheet.repeat, no);
  }
}

/** The codebook: one row per question, with its columns in the wide layout and its choices (code=label). */
export function codebookRows(qs: ResultQuestion[], version: number): Cell[][] {
  return qs.map((q) => [
    q.name,
    questionColumns(q).columns.join(' '),
    q.label.it ?? null,
    q.label.en ?? null,
    q.type,
    q.type === 'range_estimate'
      ? Object.entries(estimateQualityLabels)
          .map(([code, l]) => `${code}=${l.it}`)
          .join(' | ')
      : q.choices.map((c) => `${c.code}=${it(c.label, c.code)}`).join(' | ') || null,
    q.section ? it(q.section.label, q.section.name) : null,
    q.repeats.length ? q.repeats[q.repeats.length - 1]! : null,
    version,
  ]);
}
