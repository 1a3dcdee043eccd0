/**
 * The shape of the answers and the type check of one answer. Answers are plain JSON: an object
 * keyed by question name (groups add no level); a repeat's value is an array of instances, each
 * an object of its questions (nested repeats inside). Everything arrives as `unknown` (a browser
 * or a request body): nothing here throws, whatever the value.
 */
import type { Answer } from '../expr/index.js';
import type { EstimateQuality, Question } from '../model.js';
import type { AnswerIssueCode, IssueDetail } from './messages.js';

/** A JSON object of answers (see the file comment) */
export type Answers = { readonly [name: string]: unknown };

/** A range_estimate answer: one `value`, or `min` and `max`; `quality` always (alone when non_noto) */
export interface RangeEstimateAnswer {
  value?: number;
  min?: number;
  max?: number;
  quality: EstimateQuality;
}

/** A reference_period answer: `from` and `to` as YYYY-MM-DD, YYYY-MM or YYYY by the question's unit */
export interface ReferencePeriodAnswer {
  from: string;
  to: string;
}

/** The longest text answer accepted (characters) */
export const MAX_TEXT_LENGTH = 10_000;

/** The quality codes of a range_estimate (as model.ts estimateQualities; no run-time import of the model) */
const QUALITIES: readonly EstimateQuality[] = ['certo', 'stima', 'non_noto'];

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The own property `name` of an object, never one of its prototype's */
export const own = (o: Record<string, unknown> | Answers, name: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined;

export interface TypeProblem {
  code: AnswerIssueCode;
  detail?: IssueDetail;
}

/** The outcome of reading one answer */
export interface ReadAnswer {
  /** given at all (not null, undefined, '' or blank text) */
  present: boolean;
  /** what expressions see: '' when absent or of the wrong type */
  exprValue: Answer;
  problems: TypeProblem[];
}

const isEmpty = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const PERIOD_FORMAT = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-(0[1-9]|1[0-2])$/, year: /^\d{4}$/ } as const;

function periodPart(s: unknown, unit: 'day' | 'month' | 'year'): s is string {
  if (typeof s !== 'string' || !PERIOD_FORMAT[unit].test(s)) return false;
  return unit === 'day' ? isValidDate(s) : true;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function readRange(q: Question & { type: 'range_estimate' }, raw: unknown): ReadAnswer {
  const bad = (code: AnswerIssueCode, detail?: IssueDetail): ReadAnswer => ({
    present: true,
    exprValue: '',
    problems: [{ code, detail }],
  });
  if (!isRecord(raw)) return bad('answer.range_shape');
  const value = own(raw, 'value');
  const min = own(raw, 'min');
  const max = own(raw, 'max');
  const quality = own(raw, 'quality');
  const given = [value, min, max].filter((x) => x !== undefined && x !== null);
  if (given.length === 0 && (quality === undefined || quality === null)) {
    return { present: false, exprValue: '', problems: [] };
  }
  if (!QUALITIES.includes(quality as EstimateQuality)) return bad('answer.range_quality');
  if (given.length === 0) {
    // no figure: only "non noto" says so
    return quality === 'non_noto' ? { present: true, exprValue: '', problems: [] } : bad('answer.range_shape');
  }
  if (!given.every(finite)) return bad(q.decimal ? 'answer.not_number' : 'answer.not_integer');
  if (!q.decimal && !given.every((n) => Number.isSafeInteger(n))) return bad('answer.not_integer');
  const isValue = given.length === 1 && finite(value);
  const isRange = given.length === 2 && finite(min) && finite(max);
  if (!isValue && !isRange) return bad('answer.range_shape');
  if (isRange && min > max) return bad('answer.range_order');
  const lo = isValue ? value : (min as number);
  const hi = isValue ? value : (max as number);
  if ((q.min !== undefined && lo < q.min) || (q.max !== undefined && hi > q.max)) {
    return bad('answer.range_bounds', { min: q.min, max: q.max });
  }
  // expressions see the value, or the middle of the range
  return { present: true, exprValue: isValue ? value : ((min as number) + (max as number)) / 2, problems: [] };
}

function readPeriod(q: Question & { type: 'reference_period' }, raw: unknown): ReadAnswer {
  if (isRecord(raw) && isEmpty(own(raw, 'from')) && isEmpty(own(raw, 'to'))) {
    return { present: false, exprValue: '', problems: [] };
  }
  const from = isRecord(raw) ? own(raw, 'from') : undefined;
  const to = isRecord(raw) ? own(raw, 'to') : undefined;
  if (!periodPart(from, q.unit) || !periodPart(to, q.unit)) {
    return { present: true, exprValue: '', problems: [{ code: 'answer.period_shape', detail: { unit: q.unit } }] };
  }
  if (from > to) return { present: true, exprValue: '', problems: [{ code: 'answer.period_order' }] };
  // ISO 8601's interval notation: `${p} != ''` tells whether it is given
  return { present: true, exprValue: `${from}/${to}`, problems: [] };
}

const ok = (exprValue: Answer): ReadAnswer => ({ present: true, exprValue, problems: [] });
const wrong = (code: AnswerIssueCode, detail?: IssueDetail): ReadAnswer => ({
  present: true,
  exprValue: '',
  problems: [{ code, detail }],
});

/**
 * Read one answer of a question by its type: whether it is given, the value expressions see and
 * what is wrong with it. Choice lists are checked by the caller (they need the choice filter).
 */
export function readAnswer(q: Question, raw: unknown): ReadAnswer {
  if (isEmpty(raw)) return { present: false, exprValue: '', problems: [] };
  if (q.type === 'range_estimate') return readRange(q, raw);
  if (q.type === 'reference_period') return readPeriod(q, raw);
  switch (q.type) {
    case 'note':
      return { present: false, exprValue: '', problems: [] };
    case 'acknowledge':
      return raw === 'OK' || raw === true ? ok('OK') : wrong('answer.not_acknowledged');
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? ok(raw) : wrong('answer.not_integer');
    case 'decimal':
      return finite(raw) ? ok(raw) : wrong('answer.not_number');
    case 'date':
      return typeof raw === 'string' && isValidDate(raw) ? ok(raw) : wrong('answer.not_date');
    case 'text':
    case 'calculate':
    case 'yes_no':
    case 'select_one':
    case 'select_multiple':
      if (typeof raw !== 'string') return wrong('answer.not_text');
      if (raw.length > MAX_TEXT_LENGTH) return wrong('answer.too_long', { limit: MAX_TEXT_LENGTH });
      return ok(q.type === 'select_multiple' ? raw.trim().split(/\s+/).join(' ') : raw);
  }
}
