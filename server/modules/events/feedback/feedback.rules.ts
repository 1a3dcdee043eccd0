/**
 * The pure rules of the feedback questionnaire (decision 0059): the results of the answers,
 * aggregated (counts per choice, means, free texts without names), and the small-number rule.
 * No I/O, no clock. The questions and their kinds come from the surveys' results
 * (`resultQuestions`): the same reading of a questionnaire as the surveys' own results.
 */
import type { FeedbackQuestionResult } from './feedback.schema.js';

/**
 * The fewest answers whose results are shown. The organisers know who attended: with one or two
 * answers, a participant's answer could be told apart; from five on it is one among several.
 * Stricter than the surveys' floor of three Comuni (MIN_COMUNI), since here each answer is a person's.
 */
export const MIN_FEEDBACK_ANSWERS = 5;

/** What the results need of a question (the surveys' ResultQuestion has more). */
export interface FeedbackQuestion {
  name: string;
  kind: 'choice' | 'multiple' | 'number' | 'range' | 'text' | 'answered';
  label: { it?: string; en?: string };
  repeats: string[];
  choices: { code: string; label: { it?: string; en?: string } }[];
}

type Answers = Readonly<Record<string, unknown>>;

const given = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The result of one question over every answer. */
export function questionResult(q: FeedbackQuestion, all: readonly Answers[]): FeedbackQuestionResult {
  const values = all
    .map((a) => (Object.prototype.hasOwnProperty.call(a, q.name) ? a[q.name] : undefined))
    .filter(given);
  const kind = q.kind === 'range' ? 'answered' : q.kind;
  const out: FeedbackQuestionResult = {
    name: q.name,
    label: q.label,
    kind,
    answered: values.length,
    choices: [],
    mean: null,
    texts: [],
  };
  if (kind === 'choice' || kind === 'multiple') {
    const counts = new Map(q.choices.map((c) => [c.code, 0]));
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const codes = kind === 'multiple' ? new Set(v.trim().split(/\s+/)) : [v];
      for (const c of codes) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
    }
    out.choices = q.choices.map((c) => ({ code: c.code, label: c.label, count: counts.get(c.code)! }));
    // a scale: every code a number (1–5): the mean of the chosen values
    if (kind === 'choice' && q.choices.length > 0 && q.choices.every((c) => /^-?\d+(\.\d+)?$/.test(c.code))) {
      const n = out.choices.reduce((s, c) => s + c.count, 0);
      out.mean = n === 0 ? null : round2(out.choices.reduce((s, c) => s + Number(c.code) * c.count, 0) / n);
    }
  } else if (kind === 'number') {
    const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    out.mean = nums.length === 0 ? null : round2(nums.reduce((s, n) => s + n, 0) / nums.length);
  } else if (kind === 'text') {
    // no order that follows the answers' arrival: alphabetical
    out.texts = values
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .sort((a, b) => a.localeCompare(b, 'it'));
  }
  return out;
}

/**
 * The results of every question outside repeats (a feedback questionnaire has none; a repeat's
 * entries would need a base of their own), or none at all under the small-number rule.
 */
export function feedbackResults(
  questions: readonly FeedbackQuestion[],
  all: readonly Answers[],
  minimum = MIN_FEEDBACK_ANSWERS,
): { suppressed: boolean; questions: FeedbackQuestionResult[] } {
  if (all.length < minimum) return { suppressed: all.length > 0, questions: [] };
  return {
    suppressed: false,
    questions: questions.filter((q) => q.repeats.length === 0).map((q) => questionResult(q, all)),
  };
}
