/**
 * The functions an expression may call: their number of arguments (checked when parsing) and
 * what they compute. Names are case-sensitive, as in ODK. Every function is total: whatever the
 * answers, it returns a value (NaN, '' or false) and never throws.
 *
 * Left out on purpose: jr:choice-name() (labels belong to the form engine, not to expressions),
 * indexed-repeat(), random(), uuid(), once(), pulldata(), geo functions (no coordinates stored),
 * version() and the jr:itext family. They are reported as unknown functions.
 */
import {
  type DateValue,
  type Value,
  dateOfDays,
  formatDate,
  isNodes,
  parseDate,
  toBool,
  toDate,
  toNum,
  toStr,
} from './values.js';

/** What the functions may read besides their arguments: the clock and the place of the expression */
export interface FunctionEnv {
  /** 'YYYY-MM-DD' in the survey's time zone */
  readonly today: string;
  readonly now: Date;
  /** 1-based number of the repeat instance the expression is in, for position(..) */
  readonly position: number | undefined;
  /** the value of `.`, for string-length() and friends without arguments */
  readonly current: Value;
}

export interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  /** `if` is evaluated lazily by the evaluator; every other function receives its evaluated arguments */
  readonly call: (args: readonly Value[], env: FunctionEnv) => Value;
}

/** The longest text regex() looks at: user answers are short, a pathological pattern stays bounded */
export const REGEX_MAX_INPUT = 10_000;

const arg = (args: readonly Value[], i: number): Value => args[i] ?? '';
const str = (args: readonly Value[], i: number): string => toStr(arg(args, i));
const num = (args: readonly Value[], i: number): number => toNum(arg(args, i));

/** The codes of a select_multiple answer: split on white space, empty parts dropped */
export const codes = (s: string): string[] => s.split(/\s+/).filter((c) => c.length > 0);

/** All answers of the arguments, a node-set contributing each of its instances (sum, min, max, concat) */
const flatten = (args: readonly Value[]): Value[] => args.flatMap((a): Value[] => (isNodes(a) ? [...a.values] : [a]));

/** Round half away from zero to `digits` decimals, on the decimal text so 1.005 rounds to 1.01 */
function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(digits)) return Number.isFinite(digits) ? x : NaN;
  const d = Math.trunc(digits);
  const shifted = Number(`${Math.abs(x)}e${d}`);
  const r = Number(`${Math.round(shifted)}e${-d}`);
  const out = Number.isFinite(shifted) && Number.isFinite(r) ? r : Math.abs(x);
  return x < 0 ? -out : out;
}

const boolOf = (v: Value): boolean => toBool(v);

function nowValue(env: FunctionEnv): DateValue {
  return dateOfDays(env.now.getTime() / 86_400_000, true);
}

/** Extremes over numbers: NaN as soon as one answer is not a number, NaN when there are none */
function extreme(args: readonly Value[], pick: (a: number, b: number) => number): number {
  const values = flatten(args).map(toNum);
  if (values.length === 0) return NaN;
  return values.reduce((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : pick(a, b)));
}

function regexTest(subject: string, pattern: string): boolean {
  if (subject.length > REGEX_MAX_INPUT) return false;
  try {
    // ODK finds the pattern anywhere in the answer: anchor it with ^ and $ to match the whole
    return new RegExp(pattern).test(subject);
  } catch {
    return false;
  }
}

const strftime: Record<string, (d: Date) => string> = {
  Y: (d) => String(d.getUTCFullYear()).padStart(4, '0'),
  y: (d) => String(d.getUTCFullYear() % 100).padStart(2, '0'),
  m: (d) => String(d.getUTCMonth() + 1).padStart(2, '0'),
  n: (d) => String(d.getUTCMonth() + 1),
  d: (d) => String(d.getUTCDate()).padStart(2, '0'),
  e: (d) => String(d.getUTCDate()),
  H: (d) => String(d.getUTCHours()).padStart(2, '0'),
  h: (d) => String(d.getUTCHours()),
  M: (d) => String(d.getUTCMinutes()).padStart(2, '0'),
  S: (d) => String(d.getUTCSeconds()).padStart(2, '0'),
};

/** format-date(date, '%d/%m/%Y'): the strftime subset ODK documents for numbers (%Y %y %m %n %d %e %H %h %M %S) */
function formatDateText(v: Value, format: string): string {
  const d = toDate(v);
  if (!d || formatDate(d) === '') return '';
  const js = new Date(Math.round(d.days * 86_400_000));
  return format.replace(/%(.)/g, (all, c: string) => strftime[c]?.(js) ?? (c === '%' ? '%' : all));
}

const fns: Record<string, FunctionSpec> = {
  // select_multiple answers
  selected: { min: 2, max: 2, call: (a) => codes(str(a, 0)).includes(str(a, 1).trim()) },
  'count-selected': { min: 1, max: 1, call: (a) => codes(str(a, 0)).length },
  /** 0-based, as in ODK; '' past the last code */
  'selected-at': {
    min: 2,
    max: 2,
    call: (a) => {
      const i = num(a, 1);
      return Number.isInteger(i) && i >= 0 ? (codes(str(a, 0))[i] ?? '') : '';
    },
  },

  // logic
  if: { min: 3, max: 3, call: (a) => (toBool(arg(a, 0)) ? arg(a, 1) : arg(a, 2)) },
  not: { min: 1, max: 1, call: (a) => !toBool(arg(a, 0)) },
  true: { min: 0, max: 0, call: () => true },
  false: { min: 0, max: 0, call: () => false },
  boolean: { min: 1, max: 1, call: (a) => boolOf(arg(a, 0)) },
  /** the first argument whose text is not empty, else '' */
  coalesce: {
    min: 2,
    max: Infinity,
    call: (a) => flatten(a).find((v) => toStr(v) !== '') ?? '',
  },

  // conversions and numbers
  number: { min: 1, max: 1, call: (a) => num(a, 0) },
  string: { min: 1, max: 1, call: (a) => str(a, 0) },
  /** towards zero, as ODK: int(-2.7) = -2 */
  int: { min: 1, max: 1, call: (a) => Math.trunc(num(a, 0)) },
  /** one argument: XPath round (half up, -2.5 → -2); two: half away from zero at `digits` decimals (ODK) */
  round: {
    min: 1,
    max: 2,
    call: (a) => (a.length < 2 ? Math.floor(num(a, 0) + 0.5) : roundTo(num(a, 0), num(a, 1))),
  },
  floor: { min: 1, max: 1, call: (a) => Math.floor(num(a, 0)) },
  ceiling: { min: 1, max: 1, call: (a) => Math.ceil(num(a, 0)) },
  abs: { min: 1, max: 1, call: (a) => Math.abs(num(a, 0)) },
  pow: { min: 2, max: 2, call: (a) => Math.pow(num(a, 0), num(a, 1)) },
  min: { min: 1, max: Infinity, call: (a) => extreme(a, Math.min) },
  max: { min: 1, max: Infinity, call: (a) => extreme(a, Math.max) },
  /** over a repeat: NaN when one answer is not a number (empty included), as XPath */
  sum: { min: 1, max: 1, call: (a) => flatten(a).reduce<number>((s, v) => s + toNum(v), 0) },
  /** instances of a repeat, or answers of a question in a repeat; 1 for a single value */
  count: { min: 1, max: 1, call: (a) => (isNodes(arg(a, 0)) ? flatten(a).length : 1) },

  // text
  'string-length': { min: 0, max: 1, call: (a, env) => [...(a.length ? str(a, 0) : toStr(env.current))].length },
  concat: { min: 0, max: Infinity, call: (a) => flatten(a).map(toStr).join('') },
  contains: { min: 2, max: 2, call: (a) => str(a, 0).includes(str(a, 1)) },
  'starts-with': { min: 2, max: 2, call: (a) => str(a, 0).startsWith(str(a, 1)) },
  'ends-with': { min: 2, max: 2, call: (a) => str(a, 0).endsWith(str(a, 1)) },
  /** substr(text, start[, end]): 0-based, end excluded, as ODK */
  substr: {
    min: 2,
    max: 3,
    call: (a) => {
      const chars = [...str(a, 0)];
      const start = Math.max(0, Math.trunc(num(a, 1)) || 0);
      const end = a.length > 2 ? Math.trunc(num(a, 2)) : chars.length;
      return Number.isNaN(end) ? '' : chars.slice(start, Math.max(start, end)).join('');
    },
  },
  'normalize-space': {
    min: 0,
    max: 1,
    call: (a, env) => (a.length ? str(a, 0) : toStr(env.current)).trim().replace(/\s+/g, ' '),
  },
  /** true when the pattern is found in the text (JavaScript regular expression syntax) */
  regex: { min: 2, max: 2, call: (a) => regexTest(str(a, 0), str(a, 1)) },

  // dates
  today: { min: 0, max: 0, call: (_a, env) => parseDate(env.today) ?? '' },
  now: { min: 0, max: 0, call: (_a, env) => nowValue(env) },
  /** a date from 'YYYY-MM-DD' or from a number of days since 1970-01-01; '' when neither */
  date: {
    min: 1,
    max: 1,
    call: (a) => {
      const d = toDate(arg(a, 0));
      return d ? dateOfDays(Math.floor(d.days)) : '';
    },
  },
  'decimal-date-time': {
    min: 1,
    max: 1,
    call: (a) => toDate(arg(a, 0))?.days ?? NaN,
  },
  'format-date': { min: 2, max: 2, call: (a) => formatDateText(arg(a, 0), str(a, 1)) },

  // repeats
  /** position(..): the 1-based number of the repeat instance the expression is in; NaN outside a repeat */
  position: { min: 1, max: 1, call: (_a, env) => env.position ?? NaN },
};

export const functions: ReadonlyMap<string, FunctionSpec> = new Map(Object.entries(fns));
