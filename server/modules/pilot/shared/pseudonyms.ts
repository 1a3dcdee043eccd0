/**
 * Age bands of aggregated outputs and the pseudonyms of persons (CT-2026-0007). Pure: no I/O, no
 * clock (the caller passes `today`).
 */

/** Age bands of the aggregated outputs (FAMI-style reporting). */
export type AgeBand = '0-17' | '18-24' | '25-34' | '35-44' | '45-54' | '55+';

/**
 * Age band for pseudonymised and aggregated outputs. It uses years only (the age reached during
 * `onYear`), deliberately: those outputs never carry the full date of birth. Throws RangeError
 * when `birthYear` is after `onYear`.
 */
export function ageBand(birthYear: number, onYear: number): AgeBand {
  const age = onYear - birthYear;
  if (!Number.isInteger(age) || age < 0)
    throw new RangeError(`Anno di nascita ${birthYear} non coerente con l'anno ${onYear}`);
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

/** 'CT-2026-0007': prefix, year, sequence padded to four digits (longer when it must). */
export function formatPseudonym(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Progressivo non valido: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The pseudonym prefix of a Comune: its province's sigla (two letters), upper-cased. */
export function pseudonymPrefix(provinceSigla: string): string {
  const s = provinceSigla.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(s)) throw new RangeError(`Sigla di provincia non valida: ${provinceSigla}`);
  return s;
}
