/**
 * The pages' meta description (web/src/lib/description.ts): short texts pass whole with their
 * spaces tidied; a long one (an event's summary) is cut at a word, within the length a link
 * preview shows, and says so with an ellipsis.
 */
import { describe, expect, it } from 'vitest';
import { shortDescription } from '../../web/src/lib/description.js';

describe('meta description', () => {
  it('keeps a short text whole, on one line', () => {
    expect(shortDescription('Workshop  territoriale\n di Bari.')).toBe('Workshop territoriale di Bari.');
  });

  it('cuts a long text at a word, within the limit, with an ellipsis', () => {
    const long = 'Una giornata di lavoro tra Comuni, servizi e terzo settore, '.repeat(5);
    const short = shortDescription(long);
    expect(short.length).toBeLessThanOrEqual(160);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    // no word cut in half, no dangling comma before the ellipsis
    expect(short).toMatch(/[a-z]…$/);
    expect(shortDescription('abcdefghij klm', 10)).toBe('abcdefghi…');
  });
});
