/**
 * Drafts of forms in progress, so that a session ending in the middle of one loses nothing
 * (decision 0024). A draft is kept in this tab's sessionStorage, keyed by user and form: it
 * survives a reload and a login in place, never reaches another tab, is gone when the tab closes,
 * and is cleared on a successful submit, on logout and when another user logs in here. Secrets
 * (passwords, codes) and files are never written. A draft of an edit form is named after the
 * values it started from (`draftName`), so that once they change on the server it no longer applies.
 */
const PREFIX = 'incas.draft.';
/** Field names never stored, whatever form they are in. */
const SECRET = /password|totp|secret|token/i;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

function keyOf(userId: string, form: string): string {
  return `${PREFIX}${userId}.${form}`;
}

/** A file chosen in a form (a File, a Blob, a FileList): never copied into storage. */
function isFile(value: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof FileList !== 'undefined' && value instanceof FileList)
  );
}

/** A copy of the values without the secret fields and the files (at any depth). */
function storable(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isFile(v)).map(storable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name, v]) => !SECRET.test(name) && !isFile(v))
      .map(([name, v]) => [name, storable(v)]),
  );
}

/**
 * The draft name of an edit form: `form` and a short fingerprint of the values it starts from (the
 * record as the server sent it). A draft typed over other values is not restored over these.
 */
export function draftName(form: string, base: unknown): string {
  const text = JSON.stringify(base) ?? '';
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: a fingerprint, not a secret
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${form}.${hash.toString(36)}`;
}

export function saveDraft(userId: string, form: string, values: unknown): void {
  try {
    storage()?.setItem(keyOf(userId, form), JSON.stringify(storable(values)));
  } catch {
    // full or unavailable storage: the draft is a convenience, the form goes on
  }
}

export function readDraft(userId: string, form: string): Record<string, unknown> | null {
  const text = storage()?.getItem(keyOf(userId, form));
  if (text === null || text === undefined) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function clearDraft(userId: string, form: string): void {
  storage()?.removeItem(keyOf(userId, form));
}

/** Forgets every draft of this tab (logout), or those of other users than `keepUserId`. */
export function clearDrafts(keepUserId?: string): void {
  const s = storage();
  if (s === null) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX) && (keepUserId === undefined || !key.startsWith(`${PREFIX}${keepUserId}.`)))
      keys.push(key);
  }
  for (const key of keys) s.removeItem(key);
}
