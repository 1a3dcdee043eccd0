/**
 * The pure rules of a wave's results (issue 11, part 1; decision 0038): which questions have
 * results and of what kind, which of them count persons, and how a figure is published to a
 * viewer who is not ANCI/Cittalia (disclosure control). No I/O, no clock.
 */
import { controlPersons, roundTo, SUPPRESSED, type ControlledFigure } from '../../../platform/disclosure.js';
import { walkItems, type Form, type LocalText, type Question, type Repeat } from '../shared/form/model.js';
import type { ResponseStatus } from '../shared/status.js';

/**
 * The states whose answers count: sent and later. `da_ricontattare` does not count: ANCI/Cittalia
 * returned the questionnaire because something in it is doubtful, and the Comune is changing it;
 * it counts again once sent back (inviato).
 */
export const COUNTED_STATUSES: readonly ResponseStatus[] = ['inviato', 'in_validazione', 'validato', 'consolidato'];

/**
 * The smallest number of Comuni a published figure may rest on for a viewer who is not
 * ANCI/Cittalia: the SISTAN floor (art. 5 of the ethics rules; security.md §4.2 point 7).
 */
export const MIN_COMUNI = 3;

/**
 * - choice: one code (select_one, yes/no); multiple: several codes (select_multiple), each
 *   counted once per respondent (Comune, or entry of a repeat);
 * - number: integer and decimal; range: range_estimate (a figure or a min–max with its quality);
 * - text: free text (ANCI/Cittalia only); answered: dates and periods, only how many answered.
 */
export type ResultKind = 'choice' | 'multiple' | 'number' | 'range' | 'text' | 'answered';

export interface ResultChoice {
  code: string;
  label: LocalText;
}

export interface ResultQuestion {
  name: string;
  type: Question['type'];
  kind: ResultKind;
  label: LocalText;
  /** the top-level section (group) the question sits in */
  section: { name: string; label: LocalText } | null;
  /** the names of the repeats the question sits in, outermost first (empty: once per Comune) */
  repeats: string[];
  choices: ResultChoice[];
  /** the choice "Altro (specificare)" with its text (`<name>_other`) */
  other: boolean;
  /** a count of persons: disclosure-controlled for every viewer but ANCI/Cittalia */
  persons: boolean;
}

const OTHER_LABEL: LocalText = { it: 'Altro', en: 'Other' };

/**
 * Which questions count persons. The questionnaire model has no attribute for it (yet): a
 * range_estimate is how the surveys ask for a number of people that may be known only roughly
 * (workers present, people living in a settlement), so every range_estimate is a count of persons
 * (fail closed: a figure that is not about persons is only rounded more than needed). Integer and
 * decimal questions are counts of things (settlements, years, km, euro) and are exact.
 */
export function isPersonCount(q: Question): boolean {
  return q.type === 'range_estimate';
}

function kindOf(q: Question): ResultKind | null {
  switch (q.type) {
    case 'select_one':
    case 'yes_no':
      return 'choice';
    case 'select_multiple':
      return 'multiple';
    case 'integer':
    case 'decimal':
      return 'number';
    case 'range_estimate':
      return 'range';
    case 'text':
      return 'text';
    case 'date':
    case 'reference_period':
      return 'answered';
    // nothing is stored for them (notes, the declaration, calculations made on the fly)
    case 'note':
    case 'acknowledge':
    case 'calculate':
      return null;
  }
}

/** The questions of a form that have results, in the form's order. */
export function resultQuestions(form: Form): ResultQuestion[] {
  const lists = new Map(form.lists.map((l) => [l.name, l.choices]));
  const out: ResultQuestion[] = [];
  for (const [item, parents] of walkItems(form.items)) {
    if (item.kind !== 'question') continue;
    const kind = kindOf(item);
    if (kind === null) continue;
    const top = parents[0];
    let choices: ResultChoice[] = [];
    let other = false;
    if (item.type === 'select_one' || item.type === 'select_multiple' || item.type === 'yes_no') {
      choices = (lists.get(item.listName) ?? []).map((c) => ({ code: c.name, label: c.label ?? { it: c.name } }));
      if (item.type !== 'yes_no' && item.other) {
        other = true;
        if (!choices.some((c) => c.code === 'other')) choices.push({ code: 'other', label: OTHER_LABEL });
      }
    }
    out.push({
      name: item.name,
      type: item.type,
      kind,
      label: item.label ?? { it: item.name },
      section: top && top.kind === 'group' ? { name: top.name, label: top.label ?? { it: top.name } } : null,
      repeats: parents.filter((p): p is Repeat => p.kind === 'repeat').map((p) => p.name),
      choices,
      other,
      persons: isPersonCount(item),
    });
  }
  return out;
}

/** The questions a viewer may ask about: free text only for ANCI/Cittalia. */
export function visibleQuestions(all: ResultQuestion[], full: boolean): ResultQuestion[] {
  return full ? all : all.filter((q) => q.kind !== 'text');
}

/**
 * A count of persons as published: exact for ANCI/Cittalia, else controlPersons (0; 1–9 → "<10";
 * others rounded to 5). A sum of figures given with decimals is rounded to a whole person first.
 */
export function personsFigure(n: number | null, full: boolean): ControlledFigure {
  if (n === null) return null;
  if (full) return roundTo(n, 2);
  return controlPersons(Math.round(n));
}

/** A figure that is not about persons: to 2 decimals (shares and means), never controlled. */
export function plainFigure(n: number | null, decimals = 2): number | null {
  return n === null ? null : roundTo(n, decimals);
}

/** Whether a result resting on `base` Comuni is withheld from a viewer (fewer than MIN_COMUNI, not none). */
export function smallBase(base: number, full: boolean): boolean {
  return !full && base > 0 && base < MIN_COMUNI;
}

/**
 * The value of one area on a map (areas endpoint), before control: a share (0–1) of the Comuni
 * answering that chose the choice, for choice questions; the mean over the answers, for numbers;
 * the sum of the minima (at least so many), for ranges (persons). Controlled: null and suppressed
 * when the base is under MIN_COMUNI or a count of persons is 1–9; a count of persons rounded to 5.
 */
export function areaValue(
  raw: number | null,
  base: number,
  persons: boolean,
  full: boolean,
): { value: number | null; suppressed: boolean } {
  if (raw === null || base === 0) return { value: null, suppressed: false };
  if (smallBase(base, full)) return { value: null, suppressed: true };
  if (!persons) return { value: plainFigure(raw, 4), suppressed: false };
  const v = personsFigure(raw, full);
  return v === SUPPRESSED ? { value: null, suppressed: true } : { value: v, suppressed: false };
}
