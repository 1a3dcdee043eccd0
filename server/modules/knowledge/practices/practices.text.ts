/**
 * The text of practices and case studies as the pages show it, shared by the server and the browser
 * (web/src/lib/practice-vocabulary.ts). Nobody's HTML is ever rendered: a long text is plain text in
 * which a blank line starts a paragraph and lines starting with "- " make a bulleted list; the
 * search's highlighted fragments travel as segments (text, marked or not), never as markup.
 * Pure: no imports.
 */

/** A block of a long text: a paragraph or a bulleted list. */
export type TextBlock = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/** Splits a plain text into paragraphs (blank line) and bulleted lists (lines starting with "- " or "* "). */
export function blocksOf(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    let para: string[] = [];
    let list: string[] = [];
    const flushPara = () => {
      if (para.length) blocks.push({ kind: 'p', text: para.join(' ') });
      para = [];
    };
    const flushList = () => {
      if (list.length) blocks.push({ kind: 'ul', items: list });
      list = [];
    };
    for (const line of lines) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      if (bullet) {
        flushPara();
        list.push(bullet[1]!.trim());
      } else {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/** The markers ts_headline puts around a hit (control characters, refused in any text a user sends). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** A fragment of the search's snippet: `hit` when it matched the words asked. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/** The snippet ts_headline returned (hits between HIT_START and HIT_END) as segments, adjacent texts merged. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += text;
    else out.push({ text, hit });
  };
  let rest = headline;
  while (rest.length) {
    const s = rest.indexOf(HIT_START);
    if (s < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, s), false);
    const e = rest.indexOf(HIT_END, s + 1);
    if (e < 0) {
      push(rest.slice(s + 1), true);
      break;
    }
    push(rest.slice(s + 1, e), true);
    rest = rest.slice(e + 1);
  }
  return out;
}
