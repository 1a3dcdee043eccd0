/**
 * The links sent to participants (confirm the e-mail, see or cancel the registration) carry a
 * random token; the database keeps only its SHA-256, so a copy of the database opens no link.
 * A certificate's code is short and readable (XXXX-XXXX-XXXX-XXXX, no 0/O/1/I), printed on the PDF
 * and checked on the public verification page.
 */
import { createHash, randomBytes } from 'node:crypto';

export const newLinkToken = (): string => randomBytes(24).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newCertificateCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
