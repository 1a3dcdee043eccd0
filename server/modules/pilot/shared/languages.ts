/**
 * Languages: the ISO 639 codes the pilot stores (ISO 639-1, and ISO 639-3 for languages of the
 * beneficiaries that have no two-letter code, such as Soninke 'snk'), their names in Italian and
 * English, and a language with its CEFR level in words ("Punjabi — livello A2"). The one source
 * for the server's checks and files and the web's pickers: `world/languages.json`, generated from
 * CLDR by scripts/world-names.ts (decision 0030). Pure.
 */
import names from './world/languages.json' with { type: 'json' };
import { labelOf } from './labels.js';
import type { cefrLevels } from './vocab.js';
import { foldName, type WorldOption } from './world.js';

type Lang = 'it' | 'en';
type CefrLevel = (typeof cefrLevels)[number];
const table: Record<string, Record<Lang, string>> = names;

/** Every language code of the list. */
export const languageCodes: readonly string[] = Object.keys(names);

export function isKnownLanguage(code: string): boolean {
  return Object.hasOwn(table, code);
}

/** The name of a language in `lang`; a code outside the list is shown as it is. */
export function languageName(code: string, lang: Lang): string {
  return table[code]?.[lang] ?? code;
}

/** Languages as words, "Punjabi, Inglese"; '—' for none. */
export function languageNames(codes: readonly string[], lang: Lang): string {
  return codes.length === 0 ? '—' : codes.map((c) => languageName(c, lang)).join(', ');
}

/** A known language and its level: "Punjabi — livello A2", "Urdu — madrelingua". */
export function languageWithLevel(code: string, level: CefrLevel, lang: Lang): string {
  const name = languageName(code, lang);
  if (level === 'madrelingua') return `${name} — ${labelOf(lang, 'cefr', level)}`;
  return `${name} — ${lang === 'it' ? 'livello' : 'level'} ${labelOf(lang, 'cefr', level)}`;
}

/** The picker's entries in `lang`, by name in that language's order. */
export function languageOptions(lang: Lang): WorldOption[] {
  const collator = new Intl.Collator(lang);
  return languageCodes
    .map((value) => ({ value, label: languageName(value, lang) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

const byName: Record<Lang, Map<string, string>> = { it: new Map(), en: new Map() };
for (const [code, n] of Object.entries(table)) {
  for (const lang of ['it', 'en'] as const) byName[lang].set(foldName(n[lang]), code);
}

/** Names in common use that CLDR spells otherwise ("Bangla" and "bengalese" are its names for bn). */
const aliases: Record<string, string> = { bengali: 'bn', farsi: 'fa', tagalog: 'tl', filipino: 'tl' };

/**
 * The code of a language written by a person or a file: its code in any case ("PA"), or its
 * name in `lang` or the other language, without regard to case or accents ("punjabi" → pa,
 * "Francese" → fr). Null when nothing matches.
 */
export function resolveLanguage(input: string, lang: Lang): string | null {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2,3}$/.test(trimmed) && isKnownLanguage(trimmed.toLowerCase())) return trimmed.toLowerCase();
  const folded = foldName(trimmed);
  if (folded === '') return null;
  return byName[lang].get(folded) ?? byName[lang === 'it' ? 'en' : 'it'].get(folded) ?? aliases[folded] ?? null;
}
