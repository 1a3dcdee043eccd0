/** Pure rules of the territorial registry. */

export const bands = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
export type Band = (typeof bands)[number];

/** Demographic band of a Comune by resident population (upper bounds inclusive). */
export function bandOf(population: number): Band {
  if (population <= 15_000) return 'lt15k';
  if (population <= 50_000) return '15k-50k';
  if (population <= 100_000) return '50k-100k';
  if (population <= 200_000) return '100k-200k';
  return 'gt200k';
}

/**
 * Folds a name for accent- and case-insensitive search: "Cefalù" → "cefalu",
 * "Sant'Angelo d'Alife" → "sant angelo d alife". Used on stored names and on queries alike.
 */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The searchable word starts of a folded name: every suffix that begins at a word, so a prefix
 * query matches the name's start or any word in it.
 */
export function searchTerms(...folded: (string | null)[]): string[] {
  const out = new Set<string>();
  for (const name of folded) {
    if (!name) continue;
    const words = name.split(' ');
    for (let i = 0; i < words.length; i++) out.add(words.slice(i).join(' '));
  }
  return [...out];
}

/**
 * The check digit of an 11-digit codice fiscale of a body or partita IVA (the same algorithm):
 * the digits in odd places are summed, those in even places doubled (minus 9 above 9) and summed;
 * the last digit makes the total a multiple of 10. All zeros is refused.
 */
export function isValidOrganisationTaxCode(value: string): boolean {
  if (!/^\d{11}$/.test(value) || /^0+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(value[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}
