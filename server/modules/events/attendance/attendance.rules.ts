/**
 * Pure rules of the attendance: the check-in code of a registration, the certificate code as a
 * person types it, the retention cut-off.
 *
 * The check-in code is an HMAC of the registration's id under a key derived from the data key
 * (FieldCipher.blindIndex with its own purpose): nothing to store or migrate, the same code on
 * every instance, and a code cannot be forged without the key. A random column would survive a
 * key rotation but needs a migration and a backfill of the existing rows; the key is already the
 * one secret every instance must share, so the HMAC is the simpler robust choice.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from '../../../platform/crypto.js';

/** 16 hex characters (64 bits) of the HMAC: enough against guessing, short enough for a QR code. */
export function checkInCode(cipher: Pick<FieldCipher, 'blindIndex'>, registrationId: string): string {
  return cipher.blindIndex('events/check-in', registrationId).slice(0, 16);
}

/** Compares in constant time (for equal lengths). */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The participant's QR opens this page (the code in the fragment: never in a server's log). */
export function checkInUrl(publicUrl: string, registrationId: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/eventi-gestione/accoglienza#c=${registrationId}.${code}`;
}

export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/verifica-attestato#${code}`;
}

/** "abcd efgh-ijkl mnop" → "ABCD-EFGH-IJKL-MNOP"; null when it cannot be a code. */
export function normaliseCertificateCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (plain.length !== 16) return null;
  return [0, 4, 8, 12].map((i) => plain.slice(i, i + 4)).join('-');
}

/** The events that ended before this moment have their external participants' data erased. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}
