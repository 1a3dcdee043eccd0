/**
 * A throw-away PostgreSQL cluster: initdb into a temporary folder, started on a free loopback port,
 * stopped and removed at the end. As root the server binaries run as the `postgres` OS user
 * (initdb refuses root). Used where only a NEW server shows the truth (roles are cluster-wide: a
 * restore onto another machine) and by the fault-injection suite, which restarts and kills it.
 * When the binaries are missing, `clusterUnavailable` says why.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Cluster {
  port: number;
  /** A connection URL for a database of the cluster, as its superuser `postgres`. */
  url(database: string): string;
  /** `pg_ctl restart -m immediate`: a crash-like stop, crash recovery, start. */
  restartImmediate(): Promise<void>;
  /** SIGKILL to the postmaster; its backends die with it. */
  killPostmaster(): void;
  /** Starts the server again after killPostmaster (retries while orphaned backends exit). */
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The PostgreSQL 15 server binaries (PG_BIN_DIR overrides the Debian location). */
const binDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

/** Why a cluster cannot be made here, or null when it can. */
export function clusterUnavailable(): string | null {
  if (!existsSync(join(binDir, 'initdb'))) return `no initdb in ${binDir} (set PG_BIN_DIR)`;
  if (userInfo().uid === 0) {
    if (!existsSync('/usr/sbin/runuser')) return 'running as root without runuser';
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres OS user to run the server as';
    }
  }
  return null;
}

/**
 * Starts a new cluster. `durable` keeps fsync and full-page writes on (the fault suite measures
 * durability); otherwise they are off, for speed. `settings` are more `-c name=value` options.
 */
export async function startCluster(opts: { durable?: boolean; settings?: string[] } = {}): Promise<Cluster> {
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'incas-cluster-'));
  if (root) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: g } = await exec('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(g.trim()));
  }
  // initdb refuses to run as root: the server binaries run as the postgres OS user then
  const pg = (tool: string, args: string[]) =>
    root
      ? exec('/usr/sbin/runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args], { timeout: 90_000 })
      : exec(join(binDir, tool), args, { timeout: 90_000 });
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = [
    'listen_addresses=127.0.0.1',
    ...(opts.durable ? [] : ['fsync=off', 'full_page_writes=off']),
    ...(opts.settings ?? []),
  ];
  const options = `-p ${port} -k ${dir} ${settings.map((s) => `-c ${s}`).join(' ')}`;
  const pgCtl = (...args: string[]) => pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  const start = () => pgCtl('-w', '-t', '60', '-o', options, 'start');
  const stop = async () => {
    await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start();
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restartImmediate() {
      await pgCtl('-w', '-t', '60', '-o', options, '-m', 'immediate', 'restart');
    },
    killPostmaster() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
    },
    async start() {
      // the killed postmaster's backends notice its death and exit within moments; until then the
      // new postmaster refuses to start (shared memory still in use)
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await start();
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
    stop,
  };
}
