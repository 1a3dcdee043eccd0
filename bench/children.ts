/**
 * Starts a benchmark server (bench/app-server.ts or bench/floor-server.ts) as a child Node
 * process running TypeScript through tsx, so that it has its own event loop and can get its own
 * CPU core, away from autocannon in the parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isChildMessage, type ServerStats } from './protocol.js';

export interface ServerChild {
  name: string;
  pid: number;
  port: number;
  info: Record<string, string | number>;
  /** The server's counters now (database round trips, CPU time). */
  stats(): Promise<ServerStats>;
  /** Asks the server to close (SIGTERM), then kills it after a grace period. Idempotent. */
  stop(): Promise<void>;
}

function exited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

export async function startServerChild(
  name: string,
  script: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; nodeArgs?: readonly string[] },
): Promise<ServerChild> {
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', script], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exit = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (exited(proc)) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };

  let ready: { port: number; info: Record<string, string | number> };
  try {
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} server not ready after ${opts.timeoutMs} ms`)),
        opts.timeoutMs,
      );
      proc.on('message', (m: unknown) => {
        if (!isChildMessage(m)) return;
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve({ port: m.port, info: m.info });
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${name} server failed to start:\n${m.message}`));
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} server exited before it was ready (code ${code}, signal ${signal})`));
      });
      proc.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }

  let nextId = 1;
  const stats = (): Promise<ServerStats> =>
    new Promise((resolve, reject) => {
      if (exited(proc) || !proc.connected) return reject(new Error(`${name} server is not running`));
      const id = nextId++;
      const timer = setTimeout(() => {
        proc.off('message', onMessage);
        reject(new Error(`${name} server did not answer a stats request`));
      }, 5000);
      const onMessage = (m: unknown): void => {
        if (!isChildMessage(m) || m.type !== 'stats' || m.id !== id) return;
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve({ requests: m.requests, queries: m.queries, cpuUserUs: m.cpuUserUs, cpuSystemUs: m.cpuSystemUs });
      };
      proc.on('message', onMessage);
      proc.send({ type: 'stats', id });
    });

  return { name, pid: proc.pid ?? -1, port: ready.port, info: ready.info, stats, stop };
}
