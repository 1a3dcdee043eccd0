/**
 * Deterministic ids and codici fiscali for the synthetic pilot data: ids derived from a namespace
 * and a counter, and a syntactically valid synthetic codice fiscale. The seeded generator itself
 * is the platform's (platform/random.ts), shared with the surveys' demo.
 */
import { createHash } from 'node:crypto';
import { checkCodiceFiscale } from '../pilot/index.js';
import { foreignStateCodes } from './demo.pilot.words.js';

/** Deterministic UUIDs (version 4 layout) from a namespace and a counter. */
export function idMaker(namespace: string): () => string {
  let n = 0;
  return () => {
    const b = createHash('sha256').update(`incas-demo-pilot/${namespace}/${n++}`).digest();
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.subarray(0, 16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
}

// ───────────────────────────── codice fiscale ─────────────────────────────

const MONTHS = 'ABCDEHLMPRST';
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function letters(s: string): { consonants: string; vowels: string } {
  const up = s.toUpperCase().replace(/[^A-Z]/g, '');
  return { consonants: up.replace(/[AEIOU]/g, ''), vowels: up.replace(/[^AEIOU]/g, '') };
}

function part(s: string, isName: boolean): string {
  const { consonants, vowels } = letters(s);
  if (isName && consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/**
 * A codice fiscale built with the Agenzia delle Entrate rules from invented names, a birth date
 * and the code of a foreign state: valid in shape and check character, for demo persons only.
 */
export function syntheticCodiceFiscale(
  surname: string,
  givenNames: string,
  birthDate: string,
  sex: 'F' | 'M' | 'X',
  country: string,
): string | null {
  const place = foreignStateCodes[country];
  if (!place) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const day = d + (sex === 'F' ? 40 : 0);
  const body = `${part(surname, false)}${part(givenNames, true)}${String(y % 100).padStart(2, '0')}${MONTHS[m - 1]}${String(day).padStart(2, '0')}${place}`;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = body[i]!;
    const idx = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[idx]! : idx;
  }
  const cf = body + String.fromCharCode(65 + (sum % 26));
  return checkCodiceFiscale(cf).valid ? cf : null;
}
