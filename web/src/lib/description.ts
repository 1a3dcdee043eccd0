/** A page's meta description in the length a preview shows (no React: unit-tested in tests/web). */

/** The longest description shown whole by the search engines and the link previews. */
const MAX_DESCRIPTION = 160;

/** Cuts a description at a word boundary, with an ellipsis, when it is longer than a preview shows. */
export function shortDescription(text: string, max = MAX_DESCRIPTION): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
