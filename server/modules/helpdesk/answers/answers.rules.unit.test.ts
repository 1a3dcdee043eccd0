import { describe, expect, it } from 'vitest';
import { keywordsList, keywordsText, personalDataWarnings, slugOf } from './answers.rules.js';

const none = { comuneNames: [], personNames: [] };

describe("the check of an entry for the Comune's details", () => {
  it('finds e-mail addresses, Italian phone numbers and codici fiscali', () => {
    const w = personalDataWarnings(
      {
        question: 'Chi contattare per la rendicontazione?',
        answer:
          'Scrivere a ufficio.sociale@comune.esempio.it o chiamare 06 1234 5678, cell. +39 347 123 4567; CF RSSMRA80A01H501U.',
        keywords: '',
      },
      none,
    );
    expect(w.map((x) => x.kind).sort()).toEqual(['CODICE_FISCALE', 'EMAIL', 'TELEFONO', 'TELEFONO']);
    expect(w.find((x) => x.kind === 'EMAIL')!.match).toBe('ufficio.sociale@comune.esempio.it');
  });
  it("finds the Comune's name and the people's names as whole words, any case", () => {
    const w = personalDataWarnings(
      {
        question: 'Il comune di Borgo Prova chiede…',
        answer: 'Come spiegato a mario rossi, la spesa è ammissibile.',
        keywords: 'borgo prova',
      },
      { comuneNames: ['Borgo Prova'], personNames: ['Mario Rossi'] },
    );
    expect(w).toEqual([
      { kind: 'COMUNE', field: 'question', match: 'Borgo Prova' },
      { kind: 'NOME', field: 'answer', match: 'mario rossi' },
      { kind: 'COMUNE', field: 'keywords', match: 'borgo prova' },
    ]);
    // a name inside another word is not a match
    expect(
      personalDataWarnings(
        { question: 'Proviamo Borgo Provaccia', answer: 'x', keywords: '' },
        { comuneNames: ['Borgo Prova'], personNames: [] },
      ),
    ).toEqual([]);
  });
  it('leaves alone what is not personal: years, amounts, article numbers, CUP codes', () => {
    expect(
      personalDataWarnings(
        {
          question: "L'art. 18-ter del d.lgs. 286/1998 si applica dal 2024?",
          answer:
            'Sì: il contributo di 150.000 euro (CUP J11B22000450006) copre il periodo 2025-2027, il 10% è compensabile.',
          keywords: 'rendicontazione, 2025',
        },
        none,
      ),
    ).toEqual([]);
  });
});

describe('slugs and keywords', () => {
  it('makes the address from the question without accents', () => {
    expect(slugOf("Quando è ammissibile l'IVA?")).toBe('quando-e-ammissibile-l-iva');
    expect(slugOf('??').length).toBeGreaterThanOrEqual(3);
    expect(slugOf('x'.repeat(200)).length).toBeLessThanOrEqual(70);
  });
  it('stores keywords lower case without repeats', () => {
    expect(keywordsText([' IVA ', 'iva', 'Spese', ''])).toBe('iva, spese');
    expect(keywordsList('iva, spese')).toEqual(['iva', 'spese']);
    expect(keywordsList('')).toEqual([]);
  });
});
