/** The pure rules of good practices: address, workflow, who writes, and the safe text (blocks, snippets). */
import { describe, expect, it } from 'vitest';
import { canStep, firstDuplicate, freeSlug, mayWriteFor, nextStatus, slugOf } from './practices.rules.js';
import { blocksOf, HIT_END, HIT_START, snippetSegments } from './practices.text.js';

describe('the public address', () => {
  it('is made from the title without accents, cut at a word, unique', () => {
    expect(slugOf('Città più sicure: l’abitare è un diritto')).toBe('citta-piu-sicure-l-abitare-e-un-diritto');
    expect(slugOf('Ü')).toBe('pratica-u');
    expect(slugOf('!!', 'caso-studio')).toBe('caso-studio');
    expect(slugOf(`${'parola '.repeat(20)}`).length).toBeLessThanOrEqual(70);
    expect(freeSlug('a-b', ['a-b', 'a-b-2'])).toBe('a-b-3');
  });
});

describe('the workflow', () => {
  it('edits and submits drafts, returns or publishes what is in review, nothing else', () => {
    expect(canStep('edit', 'BOZZA')).toBe(true);
    expect(canStep('edit', 'IN_REVISIONE')).toBe(false);
    expect(canStep('edit', 'PUBBLICATA')).toBe(false);
    expect(canStep('submit', 'BOZZA')).toBe(true);
    expect(canStep('submit', 'IN_REVISIONE')).toBe(false);
    expect(canStep('publish', 'BOZZA')).toBe(false);
    expect(canStep('publish', 'IN_REVISIONE')).toBe(true);
    expect(canStep('return', 'IN_REVISIONE')).toBe(true);
    expect(canStep('return', 'PUBBLICATA')).toBe(false);
    expect(nextStatus).toEqual({ submit: 'IN_REVISIONE', return: 'BOZZA', publish: 'PUBBLICATA' });
  });

  it("lets a Comune's user write only their Comune's practices, the national scope any", () => {
    const comune = { level: 'comune', comuneIstat: '058091' };
    expect(mayWriteFor(comune, '058091')).toBe(true);
    expect(mayWriteFor(comune, '015146')).toBe(false);
    expect(mayWriteFor(comune, null)).toBe(false);
    expect(mayWriteFor({ level: 'national', comuneIstat: null }, null)).toBe(true);
    expect(mayWriteFor({ level: 'regione', comuneIstat: null }, '058091')).toBe(false);
    expect(firstDuplicate(['a', 'b', 'a'], (x) => x)).toBe(2);
    expect(firstDuplicate(['a', 'b'], (x) => x)).toBe(-1);
  });
});

describe('the safe text', () => {
  it('splits a long text into paragraphs and bulleted lists, never markup', () => {
    expect(blocksOf('Primo\nancora primo\n\n- uno\n- due\nDopo la lista\n\n\n<b>non html</b>')).toEqual([
      { kind: 'p', text: 'Primo ancora primo' },
      { kind: 'ul', items: ['uno', 'due'] },
      { kind: 'p', text: 'Dopo la lista' },
      { kind: 'p', text: '<b>non html</b>' },
    ]);
    expect(blocksOf('  \n\n ')).toEqual([]);
  });

  it('reads the highlighted fragments into segments', () => {
    expect(snippetSegments(`Il ${HIT_START}lavoratore${HIT_END} e i ${HIT_START}lavoratori${HIT_END}.`)).toEqual([
      { text: 'Il ', hit: false },
      { text: 'lavoratore', hit: true },
      { text: ' e i ', hit: false },
      { text: 'lavoratori', hit: true },
      { text: '.', hit: false },
    ]);
    expect(snippetSegments(`${HIT_START}a${HIT_END}${HIT_START}b${HIT_END}`)).toEqual([{ text: 'ab', hit: true }]);
    expect(snippetSegments(`x ${HIT_START}aperto`)).toEqual([
      { text: 'x ', hit: false },
      { text: 'aperto', hit: true },
    ]);
    expect(snippetSegments('')).toEqual([]);
  });
});
