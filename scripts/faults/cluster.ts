/**
 * The database of the fault-injection suite: a throw-away cluster of our own (tests/support/cluster.ts,
 * durable: fsync and full-page writes on), or, when none can be made, a throw-away database on the
 * server at 127.0.0.1:5432 — then the scenarios that stop a server are skipped: that server is not
 * ours to stop.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { clusterUnavailable, startCluster } from '../../tests/support/cluster.js';
import { databaseUrlWithName } from '../../tests/support/template.js';

export { freePort } from '../../tests/support/cluster.js';

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
  restartImmediate(): Promise<void>;
  killPostmaster(): void;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function ownCluster(): Promise<Cluster> {
  const why = clusterUnavailable();
  if (why) throw new Error(why);
  const cluster = await startCluster({ durable: true, settings: ['max_connections=60', 'shared_buffers=64MB'] });
  const adminUrl = cluster.url('postgres');
  try {
    await onServer(adminUrl, 'CREATE DATABASE incas');
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return {
    appUrl: cluster.url('incas'),
    adminUrl,
    dbName: 'incas',
    ours: true,
    note: `throw-away cluster (initdb + pg_ctl, port ${cluster.port})`,
    restartImmediate: () => cluster.restartImmediate(),
    killPostmaster: () => cluster.killPostmaster(),
    start: () => cluster.start(),
    destroy: () => cluster.stop(),
  };
}

async function sharedServer(reason: string): Promise<Cluster> {
  const adminUrl = process.env.FAULTS_FALLBACK_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `incas_faults_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  const refuse = () => {
    throw new Error('the shared server is not ours to stop');
  };
  return {
    appUrl: databaseUrlWithName(adminUrl, name),
    adminUrl,
    dbName: name,
    ours: false,
    note: `throw-away database ${name} on the shared server (no cluster: ${reason.split('\n')[0]}); server restarts skipped`,
    restartImmediate: async () => refuse(),
    killPostmaster: refuse,
    start: async () => refuse(),
    destroy: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
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
