/**
 * Folding and matching of names typed by people (pickers, imported files): lower case, no
 * accents, one kind of apostrophe, single spaces, so "Côte d'Ivoire", "cote d’ivoire" and
 * "COTE D'IVOIRE" are one name. Pure; used by countries.ts and languages.ts, server and web.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' e ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One entry of a picker: the code and its name in the UI language. */
export interface WorldOption {
  value: string;
  label: string;
}

/**
 * The entries whose name starts with `query` (folded), then those with a later word starting
 * with it ("Ind" → India, Indonesia, then Territorio britannico dell'Oceano Indiano); a query of
 * the code itself ("IN") finds its entry first. At most `limit` entries.
 */
export function matchNames(options: readonly WorldOption[], query: string, limit = 12): WorldOption[] {
  const q = foldName(query);
  if (q === '') return [];
  const exactCode = options.filter((o) => o.value.toLowerCase() === q);
  const starts: WorldOption[] = [];
  const words: WorldOption[] = [];
  for (const o of options) {
    if (exactCode.includes(o)) continue;
    const name = foldName(o.label);
    if (name.startsWith(q)) starts.push(o);
    else if (name.split(/[ ']/).some((w) => w.startsWith(q))) words.push(o);
  }
  return [...exactCode, ...starts, ...words].slice(0, limit);
}
