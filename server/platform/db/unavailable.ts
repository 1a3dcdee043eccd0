/**
 * Which database errors mean "the database is not there right now" rather than "this request is
 * wrong": a lost or refused connection, a server shutting down, restarting or still recovering,
 * a statement cut short by a timeout. The HTTP layer answers them 503 `database.unavailable`
 * (the client may retry); everything else stays a 500 worth a look.
 */

/** SQLSTATE codes (class 08, connection exceptions, is matched as a class). */
const unavailableSqlStates = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast/smart server stop
  '57P02', // crash_shutdown: another backend crashed, the server is resetting
  '57P03', // cannot_connect_now: the server is starting or recovering
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout: the connection was closed
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout, or pg_cancel_backend by an operator
]);

/** Socket errors of the connection to the server. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool errors that carry no code, by the start of their message. */
const unavailableMessages = [
  'Connection terminated', // "… unexpectedly", "… due to connection timeout"
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end on the pool',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (unavailableSqlStates.has(code) || unavailableSocketCodes.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === 'string' && unavailableMessages.some((m) => message.startsWith(m));
}
