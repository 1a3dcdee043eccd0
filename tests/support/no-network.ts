/**
 * Vitest setup file: the API tests may talk only to this machine. Any TCP or TLS connection to a
 * host that is not loopback (127.0.0.0/8, ::1, "localhost") throws at once, and so does a DNS
 * lookup or query of any other name, so a test that would reach the network fails loudly instead
 * of hanging or passing by luck. Unix sockets, PGlite (in process), the PostgreSQL server on
 * 127.0.0.1 and the loopback SMTP test server keep working.
 */
import dns from 'node:dns';
import { isIP } from 'node:net';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';

export class OutboundNetworkError extends Error {
  readonly code = 'E_TEST_OUTBOUND_NETWORK';
  constructor(target: string) {
    super(`Outbound network is blocked in the tests: refused a connection to ${target} (only loopback is allowed)`);
    this.name = 'OutboundNetworkError';
  }
}

/** True for the names and addresses of this machine's loopback interface. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === '' || h === 'localhost' || h.endsWith('.localhost')) return true;
  const v = isIP(h);
  if (v === 4) return h.startsWith('127.');
  if (v === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

interface ConnectTarget {
  host?: string;
  port?: number | string;
  path?: string;
}

/** What a call to `socket.connect(...)` aims at, in any of its call forms. */
function targetOf(args: unknown[]): ConnectTarget {
  let first = args[0];
  // net.connect() hands the socket its normalised arguments as an array
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') return first;
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { port: first as number, host: typeof args[1] === 'string' ? args[1] : undefined };
}

const installed = Symbol.for('incas.tests.noNetwork');

function install(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[installed]) return;
  g[installed] = true;

  // kept with its `this`: the guard calls it on the socket being connected
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const t = targetOf(args);
    if (!t.path && !isLoopback(t.host ?? 'localhost')) {
      throw new OutboundNetworkError(`${t.host}:${String(t.port)}`);
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  };

  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) throw new OutboundNetworkError(`${hostname} (DNS lookup)`);
    return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  } as typeof dns.lookup;
  const lookupP = dns.promises.lookup;
  dns.promises.lookup = function guardedLookupP(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) return Promise.reject(new OutboundNetworkError(`${hostname} (DNS lookup)`));
    return (lookupP as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
  } as typeof dns.promises.lookup;

  // queries to the DNS servers themselves (resolve*, reverse) leave the machine: refuse them all
  const queries = [
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveTxt',
    'resolveSrv',
    'resolvePtr',
    'resolveNaptr',
    'resolveSoa',
    'resolveCaa',
    'reverse',
  ];
  type Methods = Record<string, unknown>;
  const callbackApis = [dns, dns.Resolver.prototype] as unknown as Methods[];
  const promiseApis = [dns.promises, dns.promises.Resolver.prototype] as unknown as Methods[];
  for (const name of queries) {
    for (const api of callbackApis) {
      if (typeof api[name] === 'function')
        api[name] = (host: unknown) => {
          throw new OutboundNetworkError(`${String(host)} (DNS ${name})`);
        };
    }
    for (const api of promiseApis) {
      if (typeof api[name] === 'function')
        api[name] = (host: unknown) => Promise.reject(new OutboundNetworkError(`${String(host)} (DNS ${name})`));
    }
  }
  // `import { lookup } from 'node:dns'` sees the guarded functions too
  syncBuiltinESMExports();
}

install();
