/**
 * Small questionnaires built with the model's types, for the engine's tests.
 */
import type { ChoiceList, Form, Group, Item, Question, Repeat } from '../model.js';

type Extra = Partial<Omit<Question, 'kind' | 'name' | 'type'>> & Record<string, unknown>;

/** A question of any type, not required unless said */
export function q(name: string, type: Question['type'], extra: Extra = {}): Question {
  const base = { kind: 'question', name, type, required: false, readOnly: false } as const;
  const byType: Record<string, unknown> =
    type === 'select_one' || type === 'select_multiple'
      ? { listName: 'list', other: false }
      : type === 'yes_no'
        ? { listName: 'sino', yes: 'si', no: 'no' }
        : type === 'range_estimate'
          ? { decimal: false }
          : type === 'reference_period'
            ? { unit: 'day' }
            : type === 'calculate'
              ? { calculation: "''" }
              : {};
  return { ...base, ...byType, ...extra } as Question;
}

export const group = (name: string, items: Item[], extra: Partial<Group> = {}): Group => ({
  kind: 'group',
  name,
  items,
  ...extra,
});

export const repeat = (name: string, items: Item[], extra: Partial<Repeat> = {}): Repeat => ({
  kind: 'repeat',
  name,
  items,
  ...extra,
});

export const list = (name: string, codes: string[], extra: Record<string, string>[] = []): ChoiceList => ({
  name,
  choices: codes.map((c, i) => ({ name: c, label: { it: c.toUpperCase() }, extra: extra[i] ?? {} })),
});

export function form(items: Item[], lists: ChoiceList[] = []): Form {
  return {
    modelVersion: 1,
    id: 'test',
    title: { it: 'Prova', en: 'Test' },
    defaultLanguage: 'it',
    items,
    lists: [list('sino', ['si', 'no']), ...lists],
  };
}

export const clock = { today: '2026-12-06', now: new Date('2026-12-06T10:00:00Z') };
