/**
 * A throw-away PostgreSQL cluster for tests that need a NEW server (roles are cluster-wide, so only
 * a new cluster shows what a restore onto another machine meets): initdb into a temporary folder,
 * started on a free loopback port, stopped and removed at the end. As root the server binaries
 * run as the `postgres` OS user. When they are missing, `startCluster` says why instead.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Cluster {
  port: number;
  /** A connection URL for a database of the cluster, as its superuser `postgres`. */
  url(database: string): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
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

export async function startCluster(): Promise<Cluster> {
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'incas-cluster-'));
  let owner: { uid: number; gid: number } | null = null;
  if (root) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: g } = await exec('id', ['-g', 'postgres']);
    owner = { uid: Number(stdout.trim()), gid: Number(g.trim()) };
    chownSync(dir, owner.uid, owner.gid);
  }
  // initdb refuses to run as root: the server binaries run as the postgres OS user then
  const pg = (tool: string, args: string[]) =>
    root
      ? exec('/usr/sbin/runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args])
      : exec(join(binDir, tool), args);
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
