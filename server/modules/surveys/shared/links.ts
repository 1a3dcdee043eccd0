/**
 * Personal links for a Comune without an account (issue 10, point 5). The token is 32 random
 * bytes in base64url (256 bits): it is shown once (in the page that issues it and in the e-mail
 * that carries it) and only its SHA-256 is stored, so a copy of the database opens nothing. It
 * travels in the URL's fragment (`/q#<token>`, never sent to a server) and then in the
 * `x-survey-link` request header, never in a path or a query string, so that it never reaches
 * a log.
 */
import { createHash, randomBytes } from 'node:crypto';

export const LINK_HEADER = 'x-survey-link';
/** How long a personal link stays valid by default. */
export const LINK_VALID_DAYS = 90;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

/** The stored form of a token (its SHA-256 in hex). */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isLinkTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && TOKEN.test(token);
}

/** The address a Comune opens: the page reads the token from the fragment. */
export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/q#${token}`;
}
