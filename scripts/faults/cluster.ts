/**
 * A throw-away PostgreSQL 15 cluster for the fault-injection suite: initdb into a temporary folder,
 * pg_ctl on a free loopback port, removed at the end. As root the server tools run as the
 * `postgres` OS user (initdb refuses root). When no cluster can be made, the suite falls back to a
 * throw-away database on the server at 127.0.0.1:5432 and skips the scenarios that stop a server:
 * that server is not ours to stop.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface Cluster {
  /** The application's database. */
  appUrl: string;
  /** The `postgres` database of the same server, for the suite's own checks. */
  adminUrl: string;
  /** The database name, to pick the application's backends in pg_stat_activity. */
  dbName: string;
  /** False on the shared fallback server: no restart, no kill. */
  ours: boolean;
  note: string;
  /** `pg_ctl restart -m immediate`: a crash-like stop, crash recovery, start. */
  restartImmediate(): Promise<void>;
  /** SIGKILL to the postmaster; its backends die with it. */
  killPostmaster(): void;
  /** Starts the server again after killPostmaster (retries while orphaned backends exit). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const PG_BIN = process.env.FAULTS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function run(cmd: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const asPostgres = process.getuid?.() === 0;
  const file = asPostgres ? 'runuser' : cmd;
  const argv = asPostgres ? ['-u', 'postgres', '--', cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The uid and gid of the `postgres` OS user, which the server tools run as when we are root. */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root and there is no postgres OS user');
  return { uid: Number(uid), gid: Number(gid) };
}

async function ownCluster(): Promise<Cluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`no initdb in ${PG_BIN} (set FAULTS_PG_BIN)`);
  const owner = process.getuid?.() === 0 ? postgresUser() : null;
  const dir = mkdtempSync(join(tmpdir(), 'incas-faults-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=60 -c shared_buffers=64MB`;
  const pgCtl = (...args: string[]) =>
    run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  const start = () => pgCtl('-w', '-t', '60', '-o', opts, 'start');
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const initdb = ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
    await run(join(PG_BIN, 'initdb'), initdb);
    await start();
    await createDatabase(adminUrl, 'incas');
  } catch (err) {
    await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    appUrl: withDb(adminUrl, 'incas'),
    adminUrl,
    dbName: 'incas',
    ours: true,
    note: `throw-away cluster (initdb + pg_ctl, port ${port})`,
    async restartImmediate() {
      await pgCtl('-w', '-t', '60', '-m', 'immediate', 'restart');
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
    async destroy() {
      await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function sharedServer(reason: string): Promise<Cluster> {
  const adminUrl = process.env.FAULTS_FALLBACK_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `incas_faults_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, name);
  const refuse = () => {
    throw new Error('the shared server is not ours to stop');
  };
  return {
    appUrl: withDb(adminUrl, name),
    adminUrl,
    dbName: name,
    ours: false,
    note: `throw-away database ${name} on the shared server (no cluster: ${reason.split('\n')[0]}); server restarts skipped`,
    restartImmediate: async () => refuse(),
    killPostmaster: refuse,
    start: async () => refuse(),
    async destroy() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Our own cluster when possible, else a throw-away database on the shared server. */
export async function makeCluster(): Promise<Cluster> {
  try {
    return await ownCluster();
  } catch (err) {
    return sharedServer(err instanceof Error ? err.message : String(err));
  }
}
