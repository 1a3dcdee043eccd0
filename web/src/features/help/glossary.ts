/**
 * The glossary's pure side: the search and the alphabetical groups, with the one folding of
 * typed names (server/modules/pilot/shared/world.ts). No React, no i18next, so the unit tests
 * (tests/web/glossary.unit.test.ts) read it as it is.
 */
import { foldName } from '../../../../server/modules/pilot/shared/world.js';

export interface GlossaryEntry {
  /** The term's key in the catalogue (i18n/it.json `terms`) and its anchor (/glossario#pai). */
  id: string;
  term: string;
  definition: string;
}

/**
 * The entries whose term or definition contains every word of the query, compared folded (no
 * capitals, no accents, one kind of apostrophe): "modalita" and "modalita'" find «Modalità di
 * importazione».
 * An empty query keeps them all.
 */
export function matchTerms(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  // "modalita'" is how many write "modalità" without the accented key: a word's outer apostrophes go
  const words = foldName(query)
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = foldName(`${e.term} ${e.definition}`);
    return words.every((w) => text.includes(w));
  });
}

export interface LetterGroup {
  /** "A"…"Z", or "0–9" for terms that start with a digit ("18-ter pilot"). */
  letter: string;
  entries: GlossaryEntry[];
}

/** The entries in the language's alphabetical order, grouped by their first letter (accents folded). */
export function groupByLetter(entries: readonly GlossaryEntry[], language: string): LetterGroup[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const sorted = [...entries].sort((a, b) => collator.compare(a.term, b.term));
  const groups: LetterGroup[] = [];
  for (const entry of sorted) {
    const first = foldName(entry.term).charAt(0).toUpperCase();
    const letter = /\p{L}/u.test(first) ? first : '0–9';
    const last = groups.at(-1);
    if (last?.letter === letter) last.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  return groups;
}
