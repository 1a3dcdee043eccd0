/**
 * Identifiers of the finance documents: the Codice Unico di Progetto (CUP), the partita IVA and
 * the codice fiscale of an expense's issuer. Pure.
 */
import { checkCodiceFiscale } from '../../pilot/index.js';

/**
 * The CUP's shape: 15 characters, a letter, two digits (the year), a letter, then 11 letters or
 * digits (DIPE, Sistema CUP). The CUP has no published check character, so only the shape and
 * the year's plausibility can be checked.
 */
export function checkCup(input: string): { valid: true; normalised: string } | { valid: false; reason: string } {
  const s = input.replace(/\s+/g, '').toUpperCase();
  if (s.length !== 15) return { valid: false, reason: 'length' };
  if (!/^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$/.test(s)) return { valid: false, reason: 'shape' };
  return { valid: true, normalised: s };
}

/** The partita IVA: 11 digits whose last is the check digit (the Luhn-like rule of the Agenzia delle Entrate). */
export function checkPartitaIva(input: string): boolean {
  const s = input.replace(/\s+/g, '').replace(/^IT/i, '');
  if (!/^[0-9]{11}$/.test(s) || s === '00000000000') return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = s.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === s.charCodeAt(10) - 48;
}

export type TaxIdCheck =
  | { valid: true; normalised: string; kind: 'PARTITA_IVA' | 'CODICE_FISCALE' }
  | { valid: false; reason: 'partita_iva' | 'codice_fiscale' | 'shape' };

/**
 * An issuer's tax id: a partita IVA (11 digits, also the codice fiscale of a company or public
 * body) or the codice fiscale of a natural person (16 characters, omocodia included).
 */
export function checkIssuerTaxId(input: string): TaxIdCheck {
  const s = input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^IT(?=[0-9]{11}$)/, '');
  if (/^[0-9]{11}$/.test(s)) {
    return checkPartitaIva(s)
      ? { valid: true, normalised: s, kind: 'PARTITA_IVA' }
      : { valid: false, reason: 'partita_iva' };
  }
  if (s.length === 16) {
    const cf = checkCodiceFiscale(s);
    return cf.valid
      ? { valid: true, normalised: cf.normalised, kind: 'CODICE_FISCALE' }
      : { valid: false, reason: 'codice_fiscale' };
  }
  return { valid: false, reason: 'shape' };
}

/**
 * The keys of the double-funding check: the issuer by tax id (else by name, letters and digits
 * only, upper case) and the document number without spaces, separators or leading zeros of its
 * numeric parts ("FT 0012/2025" and "12/2025" are the same invoice).
 */
export function issuerKey(name: string, taxId: string | null | undefined): string {
  if (taxId)
    return `T:${taxId
      .replace(/\s+/g, '')
      .toUpperCase()
      .replace(/^IT(?=[0-9]{11}$)/, '')}`;
  return `N:${name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()}`;
}

const numberWords = new Set(['FATTURA', 'FATT', 'FT', 'FAT', 'N', 'NR', 'NUM', 'NO', 'DOC', 'RICEVUTA', 'RIC']);

export function documentNumberKey(number: string): string {
  const parts = number
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== '');
  // words before the number ("Fatt. n.", "FT") are not part of it
  while (parts.length > 1 && numberWords.has(parts[0]!)) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p)).join('/');
}
