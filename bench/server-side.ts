/**
 * Shared by the two server children (bench/app-server.ts, bench/floor-server.ts): counts database
 * round trips, answers the parent's stats requests, reports readiness, and shuts down when the
 * parent asks (SIGTERM), on Ctrl+C (SIGINT reaches the whole process group) or when the parent
 * goes away (IPC disconnect), so that no server outlives a benchmark run.
 */
import type { Server } from 'node:http';
import pg from 'pg';
import { isStatsRequest, type ChildMessage } from './protocol.js';

let queries = 0;
let requests = 0;

/** Counts every pg.Client#query of this process (pools call it too); the cost is one increment. */
function countQueries(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
    queries++;
    return original.apply(this, args);
  };
}

function send(message: ChildMessage): void {
  if (process.send && process.connected) process.send(message);
}

export function serveParent(close: () => Promise<void>): {
  /** Counts the HTTP requests the server receives, then tells the parent its port. */
  ready: (server: Server, info: Record<string, string | number>) => void;
  failed: (err: unknown) => never;
} {
  if (!process.send) throw new Error('Run by bench/run.ts (needs an IPC channel to the parent).');
  countQueries();
  process.on('message', (m: unknown) => {
    if (!isStatsRequest(m)) return;
    const cpu = process.cpuUsage();
    send({ type: 'stats', id: m.id, requests, queries, cpuUserUs: cpu.user, cpuSystemUs: cpu.system });
  });
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(0), 3000);
    timer.unref();
    void close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
  return {
    ready: (server, info) => {
      server.on('request', () => {
        requests++;
      });
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('The server has no TCP address');
      send({ type: 'ready', port: address.port, info });
    },
    failed: (err) => {
      send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      process.exit(1);
    },
  };
}
