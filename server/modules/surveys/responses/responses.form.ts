/**
 * The questionnaire a response answers, read once per published version (a published version
 * never changes, so the parsed model and its index are kept), and what the save and the
 * submission ask of the form engine.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { evaluateForm, type AnswerIssue, type Answers, type FormEvaluation } from '../shared/form/engine/index.js';
import { Form, type Item } from '../shared/form/model.js';
import { selectFormOfVersion } from './responses.repo.js';

export interface FormIndex {
  form: Form;
  /** the names a save may send: questions outside any repeat, top-level repeats, `<select>_other` */
  topNames: ReadonlySet<string>;
  /** every question or repeat name → the top-level name its answer is stored under */
  topOf: ReadonlyMap<string, string>;
  /** the labels, for the printed answers and the history */
  items: ReadonlyMap<string, Item>;
}

const cache = new Map<string, FormIndex>();
const MAX_CACHED = 200;

function indexForm(form: Form): FormIndex {
  const topNames = new Set<string>();
  const topOf = new Map<string, string>();
  const items = new Map<string, Item>();
  const walk = (list: readonly Item[], top: string | null): void => {
    for (const item of list) {
      if (item.kind === 'group') {
        walk(item.items, top);
        continue;
      }
      items.set(item.name, item);
      const own = top ?? item.name;
      topOf.set(item.name, own);
      if (top === null) {
        topNames.add(item.name);
        if (item.kind === 'question' && (item.type === 'select_one' || item.type === 'select_multiple') && item.other) {
          topNames.add(`${item.name}_other`);
          topOf.set(`${item.name}_other`, `${item.name}_other`);
        }
      }
      if (item.kind === 'repeat') walk(item.items, own);
    }
  };
  walk(form.items, null);
  return { form, topNames, topOf, items };
}

export async function formOfVersion(tx: Queryable, versionId: string): Promise<FormIndex> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const raw = await selectFormOfVersion(tx, versionId);
  const index = indexForm(Form.parse(raw));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(versionId, index);
  return index;
}

/** Today's date for the engine's today() */
export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

export function evaluate(index: FormIndex, answers: Answers, now: Date): FormEvaluation {
  return evaluateForm(index.form, answers, { today: todayOf(now), now });
}

/** Problems with the shape of a value (the save refuses them); the rest a draft may have. */
const TYPE_CODES = new Set<string>([
  'answer.not_text',
  'answer.too_long',
  'answer.not_integer',
  'answer.not_number',
  'answer.not_date',
  'answer.unknown_choice',
  'answer.not_acknowledged',
  'answer.range_shape',
  'answer.range_quality',
  'answer.period_shape',
  'answer.not_repeat',
]);

export const isTypeIssue = (i: AnswerIssue): boolean => TYPE_CODES.has(i.code);

/** The top-level answer name of an issue's path (`insediamenti[2].persone` → `insediamenti`). */
export const topOfPath = (path: string): string => path.split(/[[.]/)[0]!;
