/**
 * The check-ins that could not be sent (no connection, a server error), kept in localStorage until
 * they are: the registration's id and the QR's code only, never a name. Retried when the page
 * opens, when the connection comes back, every 20 seconds and on "Riprova"; the server records a
 * presence once, so sending one twice is harmless.
 */
const KEY = 'incas.events.checkInQueue';

export interface QueuedCheckIn {
  registrationId: string;
  code: string;
}

export function readQueue(): QueuedCheckIn[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw)
      ? raw.filter(
          (x): x is QueuedCheckIn =>
            typeof x === 'object' &&
            x !== null &&
            typeof (x as QueuedCheckIn).registrationId === 'string' &&
            typeof (x as QueuedCheckIn).code === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function writeQueue(items: QueuedCheckIn[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

export function enqueue(item: QueuedCheckIn): void {
  const items = readQueue().filter((q) => q.registrationId !== item.registrationId);
  writeQueue([...items, { registrationId: item.registrationId, code: item.code }]);
}

export function dequeue(registrationId: string): void {
  writeQueue(readQueue().filter((q) => q.registrationId !== registrationId));
}

/** `#c=<registration id>.<code>` → its parts; null for anything else. */
export function parseFragment(hash: string): QueuedCheckIn | null {
  const m = /^#?c=([0-9a-f-]{36})\.([0-9a-f]{16})$/i.exec(hash.trim());
  return m ? { registrationId: m[1]!.toLowerCase(), code: m[2]!.toLowerCase() } : null;
}
