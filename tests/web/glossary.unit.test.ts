/**
 * The glossary (web/src/features/help): one catalogue of terms in Italian and English, every term
 * the pages link to is in it, and the search finds terms whatever the capitals and accents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByLetter, matchTerms, type GlossaryEntry } from '../../web/src/features/help/glossary.js';

interface HelpCatalogue {
  hints: Record<string, string>;
  terms: Record<string, { term: string; definition: string }>;
  [key: string]: unknown;
}

const webSrc = join(import.meta.dirname, '..', '..', 'web', 'src');
const catalogue = (lang: 'it' | 'en') =>
  JSON.parse(readFileSync(join(webSrc, 'features', 'help', 'i18n', `${lang}.json`), 'utf8')) as HelpCatalogue;
const it_ = catalogue('it');
const en = catalogue('en');
const ids = Object.keys(it_.terms);

/** Every .ts/.tsx file of the web client, with its path. */
function sources(dir = webSrc): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'api' ? [] : sources(path);
    return /\.tsx?$/.test(d.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const entries = (lang: HelpCatalogue): GlossaryEntry[] =>
  Object.entries(lang.terms).map(([id, v]) => ({ id, term: v.term, definition: v.definition }));

describe('the glossary catalogue', () => {
  it('has between 30 and 80 terms (the pilot and the surveys), each with an anchor-safe id', () => {
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(ids.length).toBeLessThanOrEqual(80);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has every term, definition and hint in Italian and in English, and nothing more in either', () => {
    expect(Object.keys(en.terms).sort()).toEqual([...ids].sort());
    expect(Object.keys(en.hints).sort()).toEqual(Object.keys(it_.hints).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(it_).sort());
    for (const lang of [it_, en]) {
      for (const [id, { term, definition }] of Object.entries(lang.terms)) {
        expect(term.trim(), id).not.toBe('');
        // a plain-language definition of one to three sentences, not a page
        expect(definition.length, id).toBeGreaterThan(60);
        expect(definition.length, id).toBeLessThan(700);
        expect(definition, id).toMatch(/[.)]$/);
      }
    }
  });

  it('writes no Italian definition in English and no English one in Italian', () => {
    for (const id of ids) {
      expect(en.terms[id]?.definition, id).not.toBe(it_.terms[id]?.definition);
    }
  });

  it('cites the law where the pilot rests on it', () => {
    expect(it_.terms['permesso-18-ter']?.definition).toMatch(/d\.lgs\. 286\/1998/);
    expect(it_.terms['permesso-18-ter']?.definition).toMatch(/603-bis c\.p\./);
    expect(it_.terms['ammissione']?.definition).toMatch(/art\. 6 del DL 145\/2024/);
    expect(it_.terms['pacchetto-accesso']?.definition).toMatch(/art\. 15/);
    expect(en.terms['permesso-18-ter']?.definition).toMatch(/Legislative Decree 286\/1998/);
  });
});

describe('the terms the pages use', () => {
  const files = sources();
  const used = (pattern: RegExp) =>
    files.flatMap(({ path, text }) => [...text.matchAll(pattern)].map((m) => ({ path, id: m[1] ?? '' })));

  it('links only to terms of the catalogue (<Term id>, TermDefinitions ids, /glossario#id)', () => {
    const fromTerm = used(/<Term\s+id="([^"]+)"/g);
    const fromLists = files.flatMap(({ path, text }) =>
      [...text.matchAll(/<TermDefinitions\s+ids=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((q) => ({ path, id: q[1] ?? '' })),
      ),
    );
    const fromHashes = used(/\/glossario#([a-z0-9-]+)/g);
    const all = [...fromTerm, ...fromLists, ...fromHashes];
    // the pages do use the glossary: PAI, permits, admission, closure, budget, quadro, import, viewers
    for (const id of [
      'stato-pai',
      'misura',
      'scadenza-permesso',
      'ammissione',
      'chiusura',
      'impegnato',
      'controllo-divulgazione',
      'modalita-importazione',
      'chi-ha-consultato',
    ]) {
      expect(
        all.some((u) => u.id === id),
        id,
      ).toBe(true);
    }
    for (const u of all) expect(ids, `${u.path}: ${u.id}`).toContain(u.id);
  });

  it('reads only keys of the help catalogue (help.terms.<id>.…, help.hints.…)', () => {
    for (const u of used(/'help\.terms\.([a-z0-9-]+)\.(?:term|definition)'/g)) expect(ids, u.path).toContain(u.id);
    for (const u of used(/'help\.hints\.([A-Za-z]+)'/g)) expect(Object.keys(it_.hints), u.path).toContain(u.id);
  });
});

describe('searching the glossary', () => {
  const italian = entries(it_);
  const english = entries(en);
  const found = (list: GlossaryEntry[], query: string) => matchTerms(list, query).map((e) => e.id);

  it('finds "permesso" in the terms and in the definitions', () => {
    const ids = found(italian, 'permesso');
    expect(ids).toContain('permesso-18-ter');
    expect(ids).toContain('permesso-di-soggiorno');
    expect(ids).toContain('scadenza-permesso');
    expect(ids).not.toContain('pseudonimo');
  });

  it.each(['modalita', 'MODALITÀ', 'Modalità', "modalita' importazione", 'modalita’'])(
    'finds «Modalità di importazione» from %s',
    (q) => {
      expect(found(italian, q)).toContain('modalita-importazione');
    },
  );

  it('needs every word of the query, in any order', () => {
    expect(found(italian, 'costo effettivo')).toContain('costo-previsto-effettivo');
    expect(found(italian, 'effettivo costo previsto')).toContain('costo-previsto-effettivo');
    expect(found(italian, 'permesso zanzara')).toEqual([]);
  });

  it('keeps every term for an empty query', () => {
    expect(found(italian, '   ')).toHaveLength(italian.length);
  });

  it('searches the English words when the UI is in English', () => {
    expect(found(english, 'residence permit')).toContain('permesso-di-soggiorno');
    expect(found(english, 'PERMESSO')).toContain('permesso-di-soggiorno');
  });
});

describe('the alphabetical groups', () => {
  it('sorts the Italian terms by letter, accents folded, every term once', () => {
    const groups = groupByLetter(entries(it_), 'it');
    const letters = groups.map((g) => g.letter);
    expect(letters).toEqual([...letters].sort());
    expect(new Set(letters).size).toBe(letters.length);
    expect(groups.flatMap((g) => g.entries).length).toBe(ids.length);
    for (const g of groups)
      for (const e of g.entries) expect(e.term.normalize('NFD').charAt(0).toUpperCase()).toBe(g.letter);
  });

  it('puts a term starting with a digit under "0–9", first', () => {
    const groups = groupByLetter(entries(en), 'en');
    expect(groups[0]?.letter).toBe('0–9');
    expect(groups[0]?.entries.map((e) => e.id)).toEqual(['sperimentazione']);
  });
});
