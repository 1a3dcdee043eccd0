/**
 * The words of a case event's note, in both languages. Notes written by the services carry codes
 * ("PAI v2: condiviso → approvato", "art_18ter", "lavoro_autonomia: trovato lavoro", "import");
 * the case file shows them as words from the label catalogue, and keeps apart what a person wrote
 * (the reason of a decision). Pure.
 */
import { labelLanguages, labelOf, type LabelLanguage } from '../shared/labels.js';
import { contractTypes, exitReasons, paiStatuses, permitBases } from '../shared/vocab.js';

/** A text in each language of the catalogue. */
export type Localized = Record<LabelLanguage, string>;

export interface EventWords {
  /** The generated part in words, or null when the note holds only what a person wrote. */
  line: Localized | null;
  /** What a person wrote (a reason), or null. */
  note: string | null;
}

const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);
const both = (f: (lang: LabelLanguage) => string): Localized =>
  Object.fromEntries(labelLanguages.map((l) => [l, f(l)])) as Localized;

const imported: Localized = { it: 'importato da file', en: 'imported from a file' };

/** The note of an event of `type`, split into generated words and a person's text. */
export function eventWords(type: string, note: string | null): EventWords {
  if (note === null || note === '') return { line: null, note: null };
  const pai = /^PAI v(\d+): (\w+)(?: → (\w+))?$/.exec(note);
  if (pai) {
    const [, version, from, to] = pai;
    const status = (lang: LabelLanguage, s: string) => (oneOf(paiStatuses, s) ? labelOf(lang, 'paiStatus', s) : s);
    return {
      line: both((lang) => `PAI v${version}: ${status(lang, from!)}${to ? ` → ${status(lang, to)}` : ''}`),
      note: null,
    };
  }
  if (type === 'PRESA_IN_CARICO' && note === 'import') return { line: imported, note: null };
  if (oneOf(permitBases, note)) return { line: both((lang) => labelOf(lang, 'permitBasis', note)), note: null };
  if (type === 'CONTRATTO_LAVORO_AVVIATO' && oneOf(contractTypes, note))
    return { line: both((lang) => labelOf(lang, 'contractType', note)), note: null };
  if (type === 'USCITA_PROGRAMMA' || type === 'REVOCA_AMMISSIONE_MISURE') {
    const colon = note.indexOf(': ');
    const reason = colon > 0 ? note.slice(0, colon) : '';
    if (oneOf(exitReasons, reason))
      return { line: both((lang) => labelOf(lang, 'exitReason', reason)), note: note.slice(colon + 2) || null };
  }
  return { line: null, note };
}
