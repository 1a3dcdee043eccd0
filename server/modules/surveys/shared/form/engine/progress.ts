/**
 * Progress per section (each top-level group or repeat; the questions outside any form one more
 * section, first) and the list of required answers still missing, worded for the Comune:
 * "Sezione «B. Alloggi», Insediamenti n. 2, domanda B3: obbligatoria".
 */
import type { Bilingual, RepeatStep } from '../expr/index.js';
import type { Form, Item, LocalText } from '../model.js';
import type { Placed } from './graph.js';
import { pathOf } from './tree.js';

export interface SectionProgress {
  /** the top-level group or repeat; null for the questions outside any */
  readonly name: string | null;
  readonly label: Bilingual;
  /** relevant questions a Comune can answer (notes and calculations are not counted) */
  readonly questions: number;
  readonly answered: number;
  readonly required: number;
  /** required and not answered */
  readonly missing: number;
}

export interface MissingAnswer {
  readonly path: string;
  readonly name: string;
  readonly section: string | null;
  /** "Sezione «…», domanda B3: obbligatoria" */
  readonly message: Bilingual;
}

const OUTSIDE: Bilingual = { it: 'Domande generali', en: 'General questions' };

const labelOf = (text: LocalText | undefined, fallback: string): Bilingual => ({
  it: text?.it ?? text?.en ?? fallback,
  en: text?.en ?? text?.it ?? fallback,
});

interface Counts {
  name: string | null;
  label: Bilingual;
  questions: number;
  answered: number;
  required: number;
  missing: number;
}

export class Progress {
  private readonly bySection = new Map<string | null, Counts>();
  private readonly repeatLabels = new Map<string, Bilingual>();
  private readonly missed: MissingAnswer[] = [];

  constructor(form: Pick<Form, 'items'>) {
    if (form.items.some((i) => i.kind === 'question')) {
      this.bySection.set(null, { name: null, label: OUTSIDE, questions: 0, answered: 0, required: 0, missing: 0 });
    }
    for (const i of form.items) {
      if (i.kind === 'question') continue;
      const label = labelOf(i.label, i.name);
      this.bySection.set(i.name, { name: i.name, label, questions: 0, answered: 0, required: 0, missing: 0 });
    }
  }

  /** The section of an item: its outermost group or repeat (itself at the top level) */
  sectionOf(p: Placed): string | null {
    const top: Item | undefined = p.parents[0] ?? (p.item.kind === 'question' ? undefined : p.item);
    if (p.item.kind === 'repeat') this.repeatLabels.set(p.item.name, labelOf(p.item.label, p.item.name));
    return top ? top.name : null;
  }

  count(section: string | null, at: readonly RepeatStep[], item: Item, required: boolean, answered: boolean): void {
    const c = this.bySection.get(section);
    if (!c) return;
    c.questions++;
    if (answered) c.answered++;
    if (required) c.required++;
    if (!required || answered) return;
    c.missing++;
    const where = at.map((s) => {
      const l = this.repeatLabels.get(s.repeat) ?? { it: s.repeat, en: s.repeat };
      return { it: `${l.it} n. ${s.index + 1}`, en: `${l.en} no. ${s.index + 1}` };
    });
    const it = [section === null ? c.label.it : `Sezione «${c.label.it}»`, ...where.map((w) => w.it)];
    const en = [section === null ? c.label.en : `Section "${c.label.en}"`, ...where.map((w) => w.en)];
    this.missed.push({
      path: pathOf(at, item.name),
      name: item.name,
      section,
      message: {
        it: `${it.join(', ')}, domanda ${item.name}: obbligatoria`,
        en: `${en.join(', ')}, question ${item.name}: required`,
      },
    });
  }

  sections(): SectionProgress[] {
    return [...this.bySection.values()].map((c) => ({ ...c }));
  }

  missing(): MissingAnswer[] {
    return [...this.missed];
  }
}
