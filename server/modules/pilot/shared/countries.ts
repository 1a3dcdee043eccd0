/**
 * Countries: the ISO 3166-1 alpha-2 codes the pilot stores for birth country and citizenship, and
 * their names in Italian and English (decision 0030). The one source for the server's checks and
 * files and for the web's pickers: `world/countries.json` (generated from CLDR by
 * scripts/world-names.ts) plus two codes of the ISO user-assigned range for what no country code
 * says: XA, stateless (apolide), and ZZ, not known yet. Pure.
 */
import names from './world/countries.json' with { type: 'json' };
import { foldName, type WorldOption } from './world.js';

type Lang = 'it' | 'en';

/** A stateless person (apolide): a citizenship, never a birth country. */
export const STATELESS = 'XA';
/** Citizenship or birth country not known yet (to be ascertained). */
export const UNKNOWN_COUNTRY = 'ZZ';

const special: Record<string, Record<Lang, string>> = {
  [STATELESS]: { it: 'Apolide (senza cittadinanza)', en: 'Stateless (no citizenship)' },
  [UNKNOWN_COUNTRY]: { it: 'Non nota (da accertare)', en: 'Not known (to be ascertained)' },
};
const table: Record<string, Record<Lang, string>> = { ...names, ...special };

/** Every country code (ISO 3166-1 alpha-2 and XK), without the two special codes. */
export const countryCodes: readonly string[] = Object.keys(names);

/**
 * Whether `code` may be stored: a country, or ZZ; XA as well for a citizenship
 * (`{ citizenship: true }`).
 */
export function isKnownCountry(code: string, opts: { citizenship?: boolean } = {}): boolean {
  if (code === STATELESS) return opts.citizenship === true;
  return code === UNKNOWN_COUNTRY || Object.hasOwn(names, code);
}

/** The name of a country in `lang`; a code outside the list is shown as it is. */
export function countryName(code: string, lang: Lang): string {
  return table[code]?.[lang] ?? code;
}

/** Citizenships as words, "India, Pakistan"; '—' for none. */
export function countryNames(codes: readonly string[], lang: Lang): string {
  return codes.length === 0 ? '—' : codes.map((c) => countryName(c, lang)).join(', ');
}

/** The picker's entries in `lang`, by name in that language's order; the special codes last. */
export function countryOptions(lang: Lang, opts: { citizenship?: boolean } = {}): WorldOption[] {
  const collator = new Intl.Collator(lang);
  const countries = countryCodes
    .map((value) => ({ value, label: countryName(value, lang) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const extra = (opts.citizenship ? [STATELESS, UNKNOWN_COUNTRY] : [UNKNOWN_COUNTRY]).map((value) => ({
    value,
    label: countryName(value, lang),
  }));
  return [...countries, ...extra];
}

/** Names people write that CLDR does not use (folded). */
const aliases: Record<string, string> = {
  apolide: STATELESS,
  stateless: STATELESS,
  'senza cittadinanza': STATELESS,
  sconosciuta: UNKNOWN_COUNTRY,
  sconosciuto: UNKNOWN_COUNTRY,
  'non nota': UNKNOWN_COUNTRY,
  'non noto': UNKNOWN_COUNTRY,
  unknown: UNKNOWN_COUNTRY,
  'ivory coast': 'CI',
  'costa d avorio': 'CI',
  usa: 'US',
  'stati uniti d america': 'US',
  'gran bretagna': 'GB',
  inghilterra: 'GB',
  'great britain': 'GB',
  england: 'GB',
  birmania: 'MM',
  burma: 'MM',
  turchia: 'TR',
  turkey: 'TR',
  'repubblica democratica del congo': 'CD',
  'democratic republic of the congo': 'CD',
  'repubblica del congo': 'CG',
  palestina: 'PS',
  palestine: 'PS',
  swaziland: 'SZ',
  'capo verde': 'CV',
  'cabo verde': 'CV',
  macedonia: 'MK',
  moldavia: 'MD',
};

const byName: Record<Lang, Map<string, string>> = { it: new Map(), en: new Map() };
for (const [code, n] of Object.entries(table)) {
  for (const lang of ['it', 'en'] as const) byName[lang].set(foldName(n[lang]), code);
}

/**
 * The code of a country written by a person or a file: its ISO code in any case ("in", "IN"),
 * or its name in `lang` or in the other language, without regard to case, accents or
 * apostrophes ("India" → IN, "Marocco" → MA, "Cote d'Ivoire" → CI), or a common other name
 * ("Apolide" → XA, "Inghilterra" → GB). Null when nothing matches.
 */
export function resolveCountry(input: string, lang: Lang): string | null {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return isKnownCountry(code, { citizenship: true }) ? code : null;
  }
  const folded = foldName(trimmed);
  if (folded === '') return null;
  const other: Lang = lang === 'it' ? 'en' : 'it';
  return byName[lang].get(folded) ?? byName[other].get(folded) ?? aliases[folded] ?? null;
}
