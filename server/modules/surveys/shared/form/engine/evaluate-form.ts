/**
 * The form engine: a questionnaire and its answers to what is relevant, the calculated values,
 * and every problem with an answer, per path (`insediamenti[2].persone`), with the progress of
 * each section and the list of what is still missing (docs/decisions/0036-form-engine.md).
 * The browser runs it for live validation and the server for the authoritative one: pure
 * TypeScript, the model's types only, the expression language for every expression.
 */
import {
  evaluate,
  evaluateBoolean,
  evaluateText,
  formContext,
  toNum,
  type Bilingual,
  type ExprContext,
  type RepeatStep,
} from '../expr/index.js';
import type { Choice, Form, Item, Question } from '../model.js';
import { MAX_TEXT_LENGTH, isRecord, own, readAnswer, type Answers } from './answers.js';
import { choiceAllowed, choiceColumns, parseChoiceFilter } from './choice-filter.js';
import { ExprCache, dependencyOrder, placeItems, type Cycle, type Order, type Placed } from './graph.js';
import { issueMessage, ownMessage, type AnswerIssueCode, type IssueDetail } from './messages.js';
import { Progress, type MissingAnswer, type SectionProgress } from './progress.js';
import { asFormData, newNode, nodeAt, pathOf, placesOf, rawNodeAt, type Node } from './tree.js';

export interface EvaluateOptions {
  /** today's date in the survey's time zone, YYYY-MM-DD (for today()) */
  readonly today: string;
  /** the instant for now() */
  readonly now: Date;
}

/** A problem with one answer */
export interface AnswerIssue {
  readonly path: string;
  /** the question (or repeat) code */
  readonly name: string;
  /** the top-level group or repeat it is in; null outside any */
  readonly section: string | null;
  readonly code: AnswerIssueCode;
  readonly message: Bilingual;
}

/** What the engine found about one item at one place */
export interface ItemState {
  readonly path: string;
  readonly name: string;
  readonly kind: Item['kind'];
  readonly section: string | null;
  readonly relevant: boolean;
  /** questions: required here and now (flag or expression); false when not relevant */
  readonly required: boolean;
  /** questions: an answer is given (see answers.ts readAnswer); calculations: a non-empty value */
  readonly answered: boolean;
  /** a calculation's value */
  readonly value?: string;
  /**
   * select questions with a choice filter: the codes of the choices the filter lets through here
   * and now (the renderer shows only these); absent when no filter applies (every choice is shown)
   */
  readonly choices?: readonly string[];
}

/** An expression of the form the engine could not use (the importer normally refuses these first) */
export interface FormProblem {
  readonly name: string;
  readonly field: 'relevant' | 'calculation' | 'constraint' | 'requiredIf' | 'repeatCount' | 'choiceFilter';
  readonly message: Bilingual;
}

export interface FormEvaluation {
  readonly items: readonly ItemState[];
  readonly issues: readonly AnswerIssue[];
  readonly sections: readonly SectionProgress[];
  /** what a Comune sees before submitting: the required questions still unanswered */
  readonly missing: readonly MissingAnswer[];
  /** the answers that count: relevant ones only, calculations filled in, unknown keys dropped */
  readonly values: Answers;
  readonly cycles: readonly Cycle[];
  readonly formProblems: readonly FormProblem[];
  /** no issue: the questionnaire can be submitted */
  readonly complete: boolean;
}

const fields = ['relevant', 'calculation', 'constraint', 'requiredIf', 'repeatCount'] as const;

/** The answers as expressions read them: type-checked values ('' otherwise), repeats as instances */
function buildData(items: readonly Item[], raw: unknown): Node {
  const node = newNode();
  const src = isRecord(raw) ? raw : {};
  const stack: Item[] = [...items].reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.kind === 'group') stack.push(...[...item.items].reverse());
    else if (item.kind === 'repeat') {
      const list = own(src, item.name);
      node[item.name] = Array.isArray(list) ? list.map((inst) => buildData(item.items, inst)) : [];
    } else node[item.name] = readAnswer(item, own(src, item.name)).exprValue;
  }
  return node;
}

/** What evaluateForm derives from the form alone: parsed expressions, places, the evaluation order. */
interface Prepared {
  cache: ExprCache;
  placed: Placed[];
  repeatsByName: Map<string, readonly string[]>;
  lists: Map<string, Form['lists'][number]['choices']>;
  formProblems: readonly FormProblem[];
  order: Order['order'];
  cycles: Order['cycles'];
}

/**
 * Prepared once per form object: a server that keeps a published version's form (it never
 * changes) and a page that keeps its form between keystrokes parse its expressions once, not at
 * every evaluation (a 300-question form spent most of its 4–6 ms there). Callers never mutate a
 * form they evaluate; a WeakMap lets a form no one holds go.
 */
const preparedForms = new WeakMap<Form, Prepared>();

function prepare(form: Form): Prepared {
  const known = preparedForms.get(form);
  if (known) return known;
  const cache = new ExprCache();
  const placed = placeItems(form);
  const repeatsByName = new Map<string, readonly string[]>();
  for (const p of placed)
    if (p.item.kind !== 'group' && !repeatsByName.has(p.item.name)) repeatsByName.set(p.item.name, p.repeats);
  const lists = new Map(form.lists.map((l) => [l.name, l.choices] as const));
  const formProblems: FormProblem[] = [];
  for (const { item } of placed) {
    for (const field of fields) {
      const src = (item as Partial<Record<(typeof fields)[number], string>>)[field];
      if (src !== undefined && cache.get(src) === null) formProblems.push(unreadable(item.name, field));
    }
  }
  formProblems.push(...choiceFilterProblems(placed, lists));
  const { order, cycles } = dependencyOrder(form, cache);
  const prepared: Prepared = { cache, placed, repeatsByName, lists, formProblems, order, cycles };
  preparedForms.set(form, prepared);
  return prepared;
}

export function evaluateForm(form: Form, answers: Answers, options: EvaluateOptions): FormEvaluation {
  const { cache, placed, repeatsByName, lists, formProblems, order, cycles } = prepare(form);

  const data = buildData(form.items, answers);
  const context = (at: readonly RepeatStep[], current?: ExprContext['current']): ExprContext =>
    formContext({
      data: asFormData(data),
      repeatsOf: (name) => repeatsByName.get(name),
      at,
      current,
      today: options.today,
      now: options.now,
    });
  const placesFor = (p: Placed): RepeatStep[][] =>
    placesOf(data, p.item.kind === 'repeat' ? p.repeats.slice(0, -1) : p.repeats);

  // 1. relevance and calculations, each after what it depends on
  const relevance = new Map<string, boolean>();
  const calculated = new Map<string, string>();
  for (const p of order) {
    const { item } = p;
    const parent = p.parents[p.parents.length - 1];
    for (const at of placesFor(p)) {
      const path = pathOf(at, item.name);
      const ctx = context(at);
      const parentRelevant = parent?.kind === 'group' ? (relevance.get(pathOf(at, parent.name)) ?? true) : true;
      const rel = cache.get(item.relevant);
      const relevant = parentRelevant && (rel ? evaluateBoolean(rel, ctx) : true);
      relevance.set(path, relevant);
      const node = nodeAt(data, at);
      if (!node || item.kind === 'group') continue;
      // an answer that is not relevant is ignored: expressions see it empty
      if (item.kind === 'repeat') {
        if (!relevant) node[item.name] = [];
        continue;
      }
      const calc = cache.get(item.calculation);
      if (!relevant) node[item.name] = '';
      else if (calc) {
        const v = evaluateText(calc, ctx);
        node[item.name] = v;
        calculated.set(path, v);
      }
    }
  }

  // 2. each item in form order: its state, its problems, its progress
  const issues: AnswerIssue[] = [];
  const items: ItemState[] = [];
  const progress = new Progress(form);
  const values = newNode();
  for (const p of placed) {
    const { item } = p;
    const section = progress.sectionOf(p);
    for (const at of placesFor(p)) {
      const path = pathOf(at, item.name);
      const relevant = relevance.get(path) ?? true;
      const state = { path, name: item.name, kind: item.kind, section, relevant, required: false, answered: false };
      const report = (code: AnswerIssueCode, own?: Bilingual, detail?: IssueDetail): void => {
        issues.push({ path, name: item.name, section, code, message: own ?? issueMessage(code, detail) });
      };
      if (!relevant || item.kind === 'group') {
        items.push(state);
        continue;
      }
      const out = nodeAt(values, at);
      const raw = own(rawNodeAt(answers, at) ?? {}, item.name);
      const ctx = context(at);
      if (item.kind === 'repeat') {
        const given = nodeAt(data, at)?.[item.name];
        const count = Array.isArray(given) ? given.length : 0;
        if (raw !== undefined && raw !== null && !Array.isArray(raw)) report('answer.not_repeat');
        const rc = cache.get(item.repeatCount);
        const n = rc ? toNum(evaluate(rc, ctx)) : NaN;
        if (Number.isSafeInteger(n) && n >= 0 && n !== count) report('answer.repeat_count', undefined, { count: n });
        if (out) out[item.name] = Array.from({ length: count }, newNode);
        items.push(state);
        continue;
      }
      const checked = checkQuestion(item, raw, at, ctx, calculated.get(path));
      const choices = allowedChoices(item, ctx);
      const requiredIf = cache.get(item.requiredIf);
      const required =
        item.type !== 'note' && (item.required || (requiredIf ? evaluateBoolean(requiredIf, ctx) : false));
      items.push({
        ...state,
        required,
        answered: checked.present,
        ...(checked.value === undefined ? {} : { value: checked.value }),
        ...(choices === undefined ? {} : { choices }),
      });
      if (checked.present && out) {
        out[item.name] = checked.output;
        if (checked.other !== undefined) out[`${item.name}_other`] = checked.other;
      }
      if (item.type === 'calculate' || item.type === 'note') continue;
      progress.count(section, at, item, required, checked.present);
      if (!checked.present) {
        if (required) report('answer.required', ownMessage(item.requiredMessage));
        continue;
      }
      for (const pr of checked.problems) report(pr.code, undefined, pr.detail);
      if (checked.problems.length > 0) continue;
      const constraint = cache.get(item.constraint);
      if (constraint && !evaluateBoolean(constraint, context(at, checked.exprValue))) {
        report('answer.constraint', ownMessage(item.constraintMessage));
      }
    }
  }
  return {
    items,
    issues,
    sections: progress.sections(),
    missing: progress.missing(),
    values,
    cycles,
    formProblems: [...formProblems],
    complete: issues.length === 0,
  };

  /** The choices a filtered select question offers at this place (undefined: no filter, all of them) */
  function allowedChoices(q: Question, ctx: ExprContext): string[] | undefined {
    if ((q.type !== 'select_one' && q.type !== 'select_multiple') || q.choiceFilter === undefined) return undefined;
    const choices = lists.get(q.listName) ?? [];
    const filter = parseChoiceFilter(q.choiceFilter, choiceColumns(choices));
    if (!filter) return undefined;
    return choices.filter((c) => choiceAllowed(filter, c, ctx)).map((c) => c.name);
  }

  function checkQuestion(
    q: Question,
    raw: unknown,
    at: readonly RepeatStep[],
    ctx: ExprContext,
    value: string | undefined,
  ): {
    present: boolean;
    exprValue: ExprContext['current'];
    output: unknown;
    other?: string;
    value?: string;
    problems: { code: AnswerIssueCode; detail?: IssueDetail }[];
  } {
    if (q.calculation !== undefined) {
      // a calculated value stands for the answer; a number question keeps it as a number
      const v = value ?? '';
      const asNumber = (q.type === 'integer' || q.type === 'decimal') && v !== '' && Number.isFinite(Number(v));
      return { present: v !== '', exprValue: v, output: asNumber ? Number(v) : v, value: v, problems: [] };
    }
    const read = readAnswer(q, raw);
    const result = { present: read.present, exprValue: read.exprValue, output: raw, problems: read.problems };
    if (!read.present || read.problems.length > 0) return result;
    if (q.type !== 'yes_no' && q.type !== 'select_one' && q.type !== 'select_multiple') return result;
    const text = typeof read.exprValue === 'string' ? read.exprValue : '';
    const chosen = q.type === 'select_multiple' ? text.split(' ') : [text.trim()];
    const choices: readonly Choice[] =
      q.type === 'yes_no' ? [q.yes, q.no].map((name) => ({ name, extra: {} })) : (lists.get(q.listName) ?? []);
    const filterSrc = q.type === 'yes_no' ? undefined : q.choiceFilter;
    const filter = filterSrc === undefined ? null : parseChoiceFilter(filterSrc, choiceColumns(choices));
    let other: string | undefined;
    for (const code of chosen) {
      const choice = choices.find((c) => c.name === code);
      if (code === 'other' && q.type !== 'yes_no' && q.other && !choice) {
        const text = own(rawNodeAt(answers, at) ?? {}, `${q.name}_other`);
        if (typeof text === 'string' && text.trim() !== '' && text.length <= MAX_TEXT_LENGTH) other = text;
        else result.problems = [...result.problems, { code: 'answer.other_missing' }];
      } else if (!choice) result.problems = [...result.problems, { code: 'answer.unknown_choice', detail: { code } }];
      else if (filter && !choiceAllowed(filter, choice, ctx)) {
        result.problems = [...result.problems, { code: 'answer.choice_not_allowed', detail: { code } }];
      }
    }
    return { ...result, output: read.exprValue, ...(other === undefined ? {} : { other }) };
  }
}

function unreadable(name: string, field: FormProblem['field']): FormProblem {
  return {
    name,
    field,
    message: {
      it: `L'espressione «${field}» della domanda ${name} non è leggibile: è ignorata`,
      en: `The "${field}" expression of question ${name} cannot be read: it is ignored`,
    },
  };
}

/** Choice filters that cannot be read (they are then not applied) */
function choiceFilterProblems(placed: readonly Placed[], lists: ReadonlyMap<string, readonly Choice[]>): FormProblem[] {
  const out: FormProblem[] = [];
  for (const { item } of placed) {
    if (item.kind !== 'question' || (item.type !== 'select_one' && item.type !== 'select_multiple')) continue;
    if (item.choiceFilter === undefined) continue;
    if (parseChoiceFilter(item.choiceFilter, choiceColumns(lists.get(item.listName) ?? [])) === null) {
      out.push(unreadable(item.name, 'choiceFilter'));
    }
  }
  return out;
}
