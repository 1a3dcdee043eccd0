/**
 * The codice fiscale: pattern, omocodia and check character. Pure: no I/O, no clock (the caller
 * passes `today`).
 */

/** Omocodia: the Agenzia delle Entrate replaces digits 0–9 with these letters to resolve collisions. */
const OMOCODIA = 'LMNPQRSTUV';
const CF_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
/** Values of the characters in odd positions (1st, 3rd, …), indexed by digit value or letter A–Z. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
}

/** Reads an omocodia-capable digit back to its digit value. */
function digitOf(c: string): number {
  const i = OMOCODIA.indexOf(c);
  return i >= 0 ? i : Number(c);
}

/**
 * Checks an Italian codice fiscale of a natural person (16 characters), omocodia included: shape,
 * day of birth (1–31, or 41–71 for women) and the check character of the Agenzia delle Entrate
 * algorithm (odd positions through the conversion table, even positions by plain value, sum mod 26).
 * Trims and upper-cases first, so what the user typed with spaces or in lower case is accepted.
 */
export function checkCodiceFiscale(cf: string): { valid: true; normalised: string } | { valid: false; reason: string } {
  const s = cf.trim().toUpperCase();
  if (s.length !== 16) return { valid: false, reason: 'lunghezza diversa da 16 caratteri' };
  if (!CF_PATTERN.test(s)) return { valid: false, reason: 'formato non valido' };
  const day = digitOf(s[9]!) * 10 + digitOf(s[10]!);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return { valid: false, reason: 'formato non valido' };
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(s[i]!);
    // positions are counted from 1, so index 0 is the first odd position
    sum += i % 2 === 0 ? ODD_VALUES[idx]! : idx;
  }
  const expected = String.fromCharCode(65 + (sum % 26));
  if (s[15] !== expected) return { valid: false, reason: `carattere di controllo errato: atteso ${expected}` };
  return { valid: true, normalised: s };
}
