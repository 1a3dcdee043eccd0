/**
 * What changed between two versions of a questionnaire, for the list of versions (issue 10, point
 * 3): questions added, removed, relabelled, retyped, moved…, each change with a stable kind code and
 * the question, group, repeat, list or choice it concerns. Pure, and importing only types, so that
 * the browser can compute and show the same diff (the sentences are in diff-words.ts).
 *
 * How items are matched: by their stable code (`name`), questions with questions and groups/repeats
 * with groups/repeats (a group that becomes a repeat keeps its code and is one section "retyped").
 * Codes are what later waves keep, so a question whose code changed is, for the diff as for the
 * answers, a question removed and another added: a rename cannot be told from removed + added,
 * and is reported as such.
 *
 * Order: the changes follow the newer form. First the title and settings; then, depth first, each
 * item of the newer form with its own changes, and each item of the older form that is gone right
 * after the item that preceded it in the older form (or at the start); then the choice lists, in
 * the same way. A new group with new questions gives the group added and each question added (the
 * counts of questions added stay true); a removed group likewise.
 *
 * Moves: a question or section whose innermost group/repeat changed (or that went to or from the
 * top level) is one `moved` change, from → to: it changes where, and how often, it is answered.
 * A plain reordering inside the same group is not reported item by item (moving one question up
 * shifts all the others: a change per item would be noise): it is one `section.reordered` change
 * for that group (or the top level, `section: null`) when the items it kept are in another order.
 * Choice lists the same: one `list.reordered` per list.
 *
 * What is compared: labels and hints per language, type and choice list, required (always, or an
 * expression), relevant, constraint and calculation (as source text: an expression rewritten
 * with other spaces is a change). Everything else of a question (messages, default, appearance,
 * read-only, choice filter, "other", yes/no codes, bounds, period unit) is a `question.detail_changed`
 * naming the detail, so that nothing changes unseen.
 */
import type {
  Choice,
  ChoiceList,
  Form,
  FormLanguage,
  Group,
  Item,
  LocalText,
  Question,
  QuestionType,
  Repeat,
} from './model.js';

/** A question as the diff names it (the newer version when it is in both). */
export interface QuestionRef {
  name: string;
  type: QuestionType;
  label?: LocalText;
}

/** A group or a repeat as the diff names it. */
export interface SectionRef {
  kind: 'group' | 'repeat';
  name: string;
  label?: LocalText;
}

export interface ChoiceRef {
  name: string;
  label?: LocalText;
}

/** An expression's source, or a value of a detail; undefined when absent. */
export type Value = string | number | boolean | undefined;

/** Details of a question compared one by one (`question.detail_changed`). */
export const questionDetails = [
  'requiredMessage',
  'constraintMessage',
  'readOnly',
  'default',
  'appearance',
  'choiceFilter',
  'other',
  'yes',
  'no',
  'decimal',
  'min',
  'max',
  'unit',
] as const;
export type QuestionDetail = (typeof questionDetails)[number];

/** Settings of the form compared (`form.setting_changed`). */
export const formSettings = ['id', 'version', 'defaultLanguage', 'style', 'instanceName'] as const;
export type FormSetting = (typeof formSettings)[number];

type Texts = { lang: FormLanguage; old?: string; new?: string };
type Expr = { old?: string; new?: string };
/** where an item sits: its innermost group or repeat, null for the top level of the form */
type Place = SectionRef | null;

export type FormChange =
  | ({ kind: 'form.title_changed' } & Texts)
  | { kind: 'form.setting_changed'; setting: FormSetting; old?: string; new?: string }
  | { kind: 'question.added' | 'question.removed'; question: QuestionRef; in: Place }
  | ({ kind: 'question.relabelled' | 'question.hint_changed'; question: QuestionRef } & Texts)
  | { kind: 'question.retyped'; question: QuestionRef; old: QuestionType; new: QuestionType }
  | { kind: 'question.list_changed'; question: QuestionRef; old: string; new: string }
  | { kind: 'question.moved'; question: QuestionRef; from: Place; to: Place }
  | ({
      kind:
        | 'question.required_changed'
        | 'question.relevant_changed'
        | 'question.constraint_changed'
        | 'question.calculation_changed';
      question: QuestionRef;
    } & Expr)
  | {
      kind: 'question.detail_changed';
      question: QuestionRef;
      detail: QuestionDetail;
      lang?: FormLanguage;
      old: Value;
      new: Value;
    }
  | { kind: 'section.added' | 'section.removed'; section: SectionRef; in: Place }
  | ({ kind: 'section.relabelled' | 'section.hint_changed'; section: SectionRef } & Texts)
  | { kind: 'section.retyped'; section: SectionRef; old: 'group' | 'repeat'; new: 'group' | 'repeat' }
  | { kind: 'section.moved'; section: SectionRef; from: Place; to: Place }
  | ({ kind: 'section.relevant_changed' | 'section.repeat_count_changed'; section: SectionRef } & Expr)
  | { kind: 'section.appearance_changed'; section: SectionRef; old?: string; new?: string }
  | { kind: 'section.reordered'; section: Place }
  | { kind: 'list.added' | 'list.removed' | 'list.reordered'; list: string }
  | { kind: 'choice.added' | 'choice.removed'; list: string; choice: ChoiceRef }
  | ({ kind: 'choice.relabelled'; list: string; choice: ChoiceRef } & Texts)
  | { kind: 'choice.column_changed'; list: string; choice: ChoiceRef; column: string; old?: string; new?: string };

export type ChangeKind = FormChange['kind'];

const languages: readonly FormLanguage[] = ['it', 'en'];

interface Entry {
  item: Item;
  place: Place;
}

const keyOf = (item: Item): string => (item.kind === 'question' ? `q:${item.name}` : `s:${item.name}`);
const placeKey = (place: Place): string => (place ? `s:${place.name}` : '');
const questionRef = (q: Question): QuestionRef => ({
  name: q.name,
  type: q.type,
  ...(q.label ? { label: q.label } : {}),
});
const sectionRef = (s: Group | Repeat): SectionRef => ({
  kind: s.kind,
  name: s.name,
  ...(s.label ? { label: s.label } : {}),
});
const choiceRef = (c: Choice): ChoiceRef => ({ name: c.name, ...(c.label ? { label: c.label } : {}) });

/** Every item depth first with its place (model.ts has walkItems; this file imports types only). */
function entries(items: readonly Item[], place: Place = null, out: Entry[] = []): Entry[] {
  for (const item of items) {
    out.push({ item, place });
    if (item.kind !== 'question') entries(item.items, sectionRef(item), out);
  }
  return out;
}

/**
 * The elements of `older` that are gone from `newer`, grouped by the key of the element that
 * preceded them in `older` and is still in `newer` ('' when none did).
 */
function anchoredRemovals<T>(older: readonly T[], inNewer: (t: T) => boolean, key: (t: T) => string): Map<string, T[]> {
  const byAnchor = new Map<string, T[]>();
  let anchor = '';
  for (const t of older) {
    if (inNewer(t)) anchor = key(t);
    else byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), t]);
  }
  return byAnchor;
}

/** Whether the keys both sequences share come in another order. */
function reordered(older: readonly string[], newer: readonly string[]): boolean {
  const inOlder = new Set(older);
  const inNewer = new Set(newer);
  const a = older.filter((k) => inNewer.has(k));
  const b = newer.filter((k) => inOlder.has(k));
  return a.some((k, i) => k !== b[i]);
}

function textChanges(older: LocalText | undefined, newer: LocalText | undefined): Texts[] {
  return languages
    .filter((lang) => older?.[lang] !== newer?.[lang])
    .map((lang) => ({ lang, old: older?.[lang], new: newer?.[lang] }));
}

function exprChange(old: string | undefined, now: string | undefined): Expr | null {
  return old === now ? null : { ...(old !== undefined ? { old } : {}), ...(now !== undefined ? { new: now } : {}) };
}

/** `required` as XLSForm writes it: `yes`, or the expression under which the answer is required. */
const requiredSource = (q: Question): string | undefined => (q.required ? 'yes' : q.requiredIf);

const detailOf = (q: Question, detail: string): unknown => (q as unknown as Record<string, unknown>)[detail];

function questionChanges(a: Question, b: Question): FormChange[] {
  const question = questionRef(b);
  const out: FormChange[] = [];
  for (const t of textChanges(a.label, b.label)) out.push({ kind: 'question.relabelled', question, ...t });
  for (const t of textChanges(a.hint, b.hint)) out.push({ kind: 'question.hint_changed', question, ...t });
  if (a.type !== b.type) out.push({ kind: 'question.retyped', question, old: a.type, new: b.type });
  const listA = 'listName' in a ? a.listName : undefined;
  const listB = 'listName' in b ? b.listName : undefined;
  if (listA !== undefined && listB !== undefined && listA !== listB)
    out.push({ kind: 'question.list_changed', question, old: listA, new: listB });
  const exprs = [
    ['question.required_changed', requiredSource(a), requiredSource(b)],
    ['question.relevant_changed', a.relevant, b.relevant],
    ['question.constraint_changed', a.constraint, b.constraint],
    ['question.calculation_changed', a.calculation, b.calculation],
  ] as const;
  for (const [kind, old, now] of exprs) {
    const change = exprChange(old, now);
    if (change) out.push({ kind, question, ...change });
  }
  for (const detail of questionDetails) {
    const old = detailOf(a, detail);
    const now = detailOf(b, detail);
    if (detail === 'requiredMessage' || detail === 'constraintMessage') {
      for (const t of textChanges(old as LocalText | undefined, now as LocalText | undefined))
        out.push({ kind: 'question.detail_changed', question, detail, lang: t.lang, old: t.old, new: t.new });
    } else if (old !== now) {
      out.push({ kind: 'question.detail_changed', question, detail, old: old as Value, new: now as Value });
    }
  }
  return out;
}

function sectionChanges(a: Group | Repeat, b: Group | Repeat): FormChange[] {
  const section = sectionRef(b);
  const out: FormChange[] = [];
  for (const t of textChanges(a.label, b.label)) out.push({ kind: 'section.relabelled', section, ...t });
  for (const t of textChanges(a.hint, b.hint)) out.push({ kind: 'section.hint_changed', section, ...t });
  if (a.kind !== b.kind) out.push({ kind: 'section.retyped', section, old: a.kind, new: b.kind });
  const relevant = exprChange(a.relevant, b.relevant);
  if (relevant) out.push({ kind: 'section.relevant_changed', section, ...relevant });
  const count = exprChange(
    a.kind === 'repeat' ? a.repeatCount : undefined,
    b.kind === 'repeat' ? b.repeatCount : undefined,
  );
  if (count) out.push({ kind: 'section.repeat_count_changed', section, ...count });
  const appearance = exprChange(a.appearance, b.appearance);
  if (appearance) out.push({ kind: 'section.appearance_changed', section, ...appearance });
  if (reordered(a.items.map(keyOf), b.items.map(keyOf))) out.push({ kind: 'section.reordered', section });
  return out;
}

function removal({ item, place }: Entry): FormChange {
  return item.kind === 'question'
    ? { kind: 'question.removed', question: questionRef(item), in: place }
    : { kind: 'section.removed', section: sectionRef(item), in: place };
}

function itemChanges(older: Form, newer: Form): FormChange[] {
  const olderEntries = entries(older.items);
  const newerEntries = entries(newer.items);
  const before = new Map(olderEntries.map((e) => [keyOf(e.item), e]));
  const after = new Set(newerEntries.map((e) => keyOf(e.item)));
  const removed = anchoredRemovals(
    olderEntries,
    (e) => after.has(keyOf(e.item)),
    (e) => keyOf(e.item),
  );
  const out: FormChange[] = (removed.get('') ?? []).map(removal);
  if (reordered(older.items.map(keyOf), newer.items.map(keyOf))) out.push({ kind: 'section.reordered', section: null });
  for (const { item, place } of newerEntries) {
    const key = keyOf(item);
    const was = before.get(key);
    if (!was) {
      out.push(
        item.kind === 'question'
          ? { kind: 'question.added', question: questionRef(item), in: place }
          : { kind: 'section.added', section: sectionRef(item), in: place },
      );
    } else {
      if (placeKey(was.place) !== placeKey(place)) {
        out.push(
          item.kind === 'question'
            ? { kind: 'question.moved', question: questionRef(item), from: was.place, to: place }
            : { kind: 'section.moved', section: sectionRef(item), from: was.place, to: place },
        );
      }
      // the key's prefix makes both questions, or both sections
      if (item.kind === 'question' && was.item.kind === 'question') out.push(...questionChanges(was.item, item));
      if (item.kind !== 'question' && was.item.kind !== 'question') out.push(...sectionChanges(was.item, item));
    }
    out.push(...(removed.get(key) ?? []).map(removal));
  }
  return out;
}

function choiceChanges(list: string, a: Choice, b: Choice): FormChange[] {
  const choice = choiceRef(b);
  const out: FormChange[] = textChanges(a.label, b.label).map((t) => ({
    kind: 'choice.relabelled',
    list,
    choice,
    ...t,
  }));
  const columns = [...new Set([...Object.keys(b.extra), ...Object.keys(a.extra)])];
  for (const column of columns) {
    const change = exprChange(a.extra[column], b.extra[column]);
    if (change) out.push({ kind: 'choice.column_changed', list, choice, column, ...change });
  }
  return out;
}

function listChanges(a: ChoiceList, b: ChoiceList): FormChange[] {
  const list = b.name;
  const before = new Map(a.choices.map((c) => [c.name, c]));
  const after = new Set(b.choices.map((c) => c.name));
  const removed = anchoredRemovals(
    a.choices,
    (c) => after.has(c.name),
    (c) => c.name,
  );
  const gone = (c: Choice): FormChange => ({ kind: 'choice.removed', list, choice: choiceRef(c) });
  const out: FormChange[] = (removed.get('') ?? []).map(gone);
  const names = (l: ChoiceList) => l.choices.map((c) => c.name);
  if (reordered(names(a), names(b))) out.push({ kind: 'list.reordered', list });
  for (const c of b.choices) {
    const was = before.get(c.name);
    out.push(...(was ? choiceChanges(list, was, c) : [{ kind: 'choice.added', list, choice: choiceRef(c) } as const]));
    out.push(...(removed.get(c.name) ?? []).map(gone));
  }
  return out;
}

function listsChanges(older: Form, newer: Form): FormChange[] {
  const before = new Map(older.lists.map((l) => [l.name, l]));
  const after = new Set(newer.lists.map((l) => l.name));
  const removed = anchoredRemovals(
    older.lists,
    (l) => after.has(l.name),
    (l) => l.name,
  );
  const gone = (l: ChoiceList): FormChange => ({ kind: 'list.removed', list: l.name });
  const out: FormChange[] = (removed.get('') ?? []).map(gone);
  for (const l of newer.lists) {
    const was = before.get(l.name);
    out.push(...(was ? listChanges(was, l) : [{ kind: 'list.added', list: l.name } as const]));
    out.push(...(removed.get(l.name) ?? []).map(gone));
  }
  return out;
}

/** The changes from `older` to `newer`, in the order of the newer form (see the header). */
export function diffForms(older: Form, newer: Form): FormChange[] {
  const out: FormChange[] = textChanges(older.title, newer.title).map((t) => ({ kind: 'form.title_changed', ...t }));
  for (const setting of formSettings) {
    const change = exprChange(older[setting], newer[setting]);
    if (change) out.push({ kind: 'form.setting_changed', setting, ...change });
  }
  return [...out, ...itemChanges(older, newer), ...listsChanges(older, newer)];
}

export { describeChange, describeSummary, summarize, type ChangeCount } from './diff-words.js';
