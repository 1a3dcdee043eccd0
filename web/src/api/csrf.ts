/**
 * The CSRF token lives in memory only (never in storage). It is bound to the session, so it is
 * fetched again after login and logout, and whenever the server says it is no longer valid.
 */
const CSRF_URL = '/api/v1/auth/csrf';

let pending: Promise<string> | null = null;

async function fetchToken(): Promise<string> {
  const response = await fetch(CSRF_URL, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`CSRF token request failed with ${response.status}`);
  const body: unknown = await response.json();
  if (typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string') {
    return body.token;
  }
  throw new Error('CSRF token response has no token');
}

export function getCsrfToken(): Promise<string> {
  if (pending === null) {
    pending = fetchToken();
    // A failed fetch must not be cached forever: the next write asks again.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}

/** Forget the current token and start fetching a new one (after login, logout, or csrf.invalid). */
export function refreshCsrfToken(): Promise<string> {
  pending = null;
  return getCsrfToken();
}
