/**
 * What the form engine reports about answers, each with a stable code and a sentence in Italian
 * and English (a form's own required/constraint message replaces the default one).
 */
import type { Bilingual } from '../expr/index.js';

export type AnswerIssueCode =
  | 'answer.required'
  | 'answer.constraint'
  | 'answer.not_text'
  | 'answer.too_long'
  | 'answer.not_integer'
  | 'answer.not_number'
  | 'answer.not_date'
  | 'answer.unknown_choice'
  | 'answer.choice_not_allowed'
  | 'answer.other_missing'
  | 'answer.not_acknowledged'
  | 'answer.range_shape'
  | 'answer.range_order'
  | 'answer.range_bounds'
  | 'answer.range_quality'
  | 'answer.period_shape'
  | 'answer.period_order'
  | 'answer.not_repeat'
  | 'answer.repeat_count';

/** What a message may mention */
export interface IssueDetail {
  code?: string;
  min?: number;
  max?: number;
  limit?: number;
  count?: number;
  unit?: 'day' | 'month' | 'year';
}

const unitText: Record<'day' | 'month' | 'year', Bilingual> = {
  day: { it: 'AAAA-MM-GG', en: 'YYYY-MM-DD' },
  month: { it: 'AAAA-MM', en: 'YYYY-MM' },
  year: { it: 'AAAA', en: 'YYYY' },
};

const bounds = (d: IssueDetail): Bilingual => {
  if (d.min !== undefined && d.max !== undefined) {
    return { it: `tra ${d.min} e ${d.max}`, en: `between ${d.min} and ${d.max}` };
  }
  if (d.min !== undefined) return { it: `almeno ${d.min}`, en: `at least ${d.min}` };
  return { it: `al massimo ${d.max}`, en: `at most ${d.max}` };
};

const texts: Record<AnswerIssueCode, (d: IssueDetail) => Bilingual> = {
  'answer.required': () => ({ it: 'Risposta obbligatoria', en: 'An answer is required' }),
  'answer.constraint': () => ({ it: 'Il valore inserito non è accettato', en: 'The value given is not accepted' }),
  'answer.not_text': () => ({ it: 'La risposta deve essere un testo', en: 'The answer must be a text' }),
  'answer.too_long': (d) => ({
    it: `Il testo è troppo lungo (al massimo ${d.limit} caratteri)`,
    en: `The text is too long (at most ${d.limit} characters)`,
  }),
  'answer.not_integer': () => ({ it: 'Inserire un numero intero', en: 'Enter a whole number' }),
  'answer.not_number': () => ({ it: 'Inserire un numero', en: 'Enter a number' }),
  'answer.not_date': () => ({ it: 'Inserire una data valida (AAAA-MM-GG)', en: 'Enter a valid date (YYYY-MM-DD)' }),
  'answer.unknown_choice': (d) => ({
    it: `«${d.code ?? ''}» non è tra le risposte previste`,
    en: `"${d.code ?? ''}" is not one of the choices`,
  }),
  'answer.choice_not_allowed': (d) => ({
    it: `«${d.code ?? ''}» non è ammessa con le risposte date finora`,
    en: `"${d.code ?? ''}" is not allowed given the answers so far`,
  }),
  'answer.other_missing': () => ({ it: 'Specificare «Altro»', en: 'Specify "Other"' }),
  'answer.not_acknowledged': () => ({ it: 'Occorre confermare', en: 'Confirmation is needed' }),
  'answer.range_shape': () => ({
    it: 'Indicare un valore oppure un minimo e un massimo, con la qualità del dato',
    en: 'Give one value or a minimum and a maximum, with how sure the figure is',
  }),
  'answer.range_order': () => ({
    it: 'Il minimo non può superare il massimo',
    en: 'The minimum cannot exceed the maximum',
  }),
  'answer.range_bounds': (d) => {
    const b = bounds(d);
    return { it: `I valori devono essere ${b.it}`, en: `The values must be ${b.en}` };
  },
  'answer.range_quality': () => ({
    it: 'Indicare se il dato è certo, una stima o non noto',
    en: 'Say whether the figure is exact, an estimate or unknown',
  }),
  'answer.period_shape': (d) => {
    const u = unitText[d.unit ?? 'day'];
    return { it: `Indicare inizio e fine del periodo (${u.it})`, en: `Give the start and end of the period (${u.en})` };
  },
  'answer.period_order': () => ({
    it: "L'inizio del periodo non può essere dopo la fine",
    en: 'The start of the period cannot be after its end',
  }),
  'answer.not_repeat': () => ({ it: 'Le voci ripetute non sono leggibili', en: 'The repeated entries cannot be read' }),
  'answer.repeat_count': (d) => ({
    it: `Servono esattamente ${d.count} voci`,
    en: `Exactly ${d.count} entries are needed`,
  }),
};

export function issueMessage(code: AnswerIssueCode, detail: IssueDetail = {}): Bilingual {
  return texts[code](detail);
}

/** A form's own message (a language may be missing: the other one stands in) */
export function ownMessage(text: { it?: string; en?: string } | undefined): Bilingual | undefined {
  if (!text || (text.it === undefined && text.en === undefined)) return undefined;
  return { it: text.it ?? text.en ?? '', en: text.en ?? text.it ?? '' };
}
