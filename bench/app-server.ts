/**
 * Child process of bench/run.ts: the real InCaS application, prepared and built with the app's
 * own code exactly as server/main.ts does (migrations, registry of the Comuni, demo accounts),
 * listening on a free port of 127.0.0.1. The database comes from BENCH_DB_URL.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { prepareDatabase } from '../server/platform/bootstrap.js';
import { modules } from '../server/modules.js';
import type { Database } from '../server/platform/db/db.js';
import { serveParent } from './server-side.js';

let app: FastifyInstance | undefined;
let db: Database | undefined;

const parent = serveParent(async () => {
  await app?.close();
  await db?.close();
});

try {
  const url = process.env.BENCH_DB_URL;
  if (!url) throw new Error('BENCH_DB_URL is not set');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    INCAS_RATE_LIMIT: '100000000',
    LOG_LEVEL: 'silent',
    INCAS_DEMO: 'true',
    // the parent passes one key to both servers (the floor decrypts the same identities)
    INCAS_DATA_KEY: process.env.INCAS_DATA_KEY || randomBytes(32).toString('base64'),
  });
  const started = performance.now();
  const prepared = await prepareDatabase(config, modules);
  db = prepared.db;
  const prepareMs = Math.round(performance.now() - started);
  app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  parent.ready(app.server, {
    engine: db.engine,
    migrations: prepared.migrations.length,
    notes: prepared.notes.join(' · '),
    demoAccounts: prepared.demoAccounts.length,
    prepareMs,
  });
} catch (err) {
  parent.failed(err);
}
