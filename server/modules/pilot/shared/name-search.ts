/**
 * Partial search by name over encrypted identities (decision 0022): a keyed trigram index. A
 * name is normalised (lower case, accents and punctuation folded, one space), cut into the
 * trigrams of each word, and each trigram is stored only as the first 32 bits of an HMAC under a
 * key derived from the data key (`FieldCipher.blindIndex`), with the Comune in the keyed input.
 * A query needs every trigram of its words; the candidates are then decrypted and kept only when
 * each word of the query is part of the name, which drops the false positives of truncation and
 * of trigrams that match out of order.
 */
import { normaliseForIndex, type FieldCipher } from '../../../platform/crypto.js';

/** The shortest query a name search accepts (one trigram). */
export const MIN_NAME_QUERY = 3;

const PURPOSE = 'pilot.person.name-gram';

function trigramsOf(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const w of words) for (let i = 0; i + 3 <= w.length; i++) grams.add(w.slice(i, i + 3));
  return grams;
}

/** The words of a name or a query, normalised as the index normalises them. */
export function nameWords(value: string): string[] {
  return normaliseForIndex(value).split(' ').filter(Boolean);
}

function gramValue(cipher: FieldCipher, comune: string, gram: string): number {
  // the first 32 bits of the HMAC as a signed integer (the column is `integer`)
  return Number.parseInt(cipher.blindIndex(PURPOSE, `${comune} ${gram}`).slice(0, 8), 16) | 0;
}

/** The keyed trigrams of a person's name (surname and given names), distinct. */
export function nameGrams(cipher: FieldCipher, comune: string, surname: string, givenNames: string): number[] {
  const values = new Set<number>();
  for (const g of trigramsOf(nameWords(`${surname} ${givenNames}`))) values.add(gramValue(cipher, comune, g));
  return [...values];
}

/**
 * The keyed trigrams a query needs, or null when no word of it has three letters (a name search
 * is then not possible; the exact blind index may still match a short full name).
 */
export function queryGrams(cipher: FieldCipher, comune: string, query: string): number[] | null {
  const grams = trigramsOf(nameWords(query));
  if (grams.size === 0) return null;
  return [...new Set([...grams].map((g) => gramValue(cipher, comune, g)))];
}

/** True when every word of the query is part of the name (any order), as the index normalises both. */
export function nameMatches(query: string, surname: string, givenNames: string): boolean {
  const name = normaliseForIndex(`${surname} ${givenNames}`);
  return nameWords(query).every((w) => name.includes(w));
}
