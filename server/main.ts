/** Starts InCaS: database (embedded unless DATABASE_URL is set), migrations, data, HTTP server. */
import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { prepareDatabase } from './platform/bootstrap.js';
import { startJobs } from './platform/jobs.js';
import { createFieldCipher, resolveDataKey } from './platform/crypto.js';
import { jobsOf } from './platform/module.js';
import { StartupError } from './platform/startup.js';
import { modules } from './modules.js';
import { closePdfRenderer } from './platform/pdf.js';

/** A wrong configuration or a failed start-up check ends the start with its message, not a stack trace. */
async function orExit<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof StartupError)) throw err;
    console.error(`InCaS did not start. ${err.message}`);
    process.exit(1);
  }
}

const started = Date.now();
const { config, cipher, prepared } = await orExit(async () => {
  const config = loadConfig();
  const cipher = createFieldCipher(resolveDataKey(config));
  return { config, cipher, prepared: await prepareDatabase(config, modules, { cipher }) };
});
const { db, demoAccounts, migrations, notes } = prepared;
const app = await buildApp({ config, db, cipher, modules });

/** What a last-resort handler logs of an error: its kind, message and code, no data it may carry. */
function summary(e: unknown): { name?: string; message: string; code?: unknown } {
  return e instanceof Error
    ? { name: e.name, message: e.message, code: (e as { code?: unknown }).code }
    : { message: String(e) };
}
// Last resort. A promise that failed with no one awaiting it is a bug, logged at error level; it
// leaves no half-run code behind, so the server keeps serving. An exception that reached the top
// of the stack left state nobody knows: it is logged and the process exits (1), for the service
// manager to start it again (docs/ops/incas.service). Database connection losses never get here.
process.on('unhandledRejection', (reason) => app.log.error({ err: summary(reason) }, 'unhandled promise rejection'));
process.on('uncaughtException', (err) => {
  app.log.fatal({ err: summary(err) }, 'uncaught exception: exiting');
  process.exit(1);
});
await app.listen({ port: config.port, host: config.host });
const jobs = await startJobs({ db, config, log: app.log, cipher }, jobsOf(modules));

const lines = [
  '',
  `InCaS is running at ${config.publicUrl}  (listening on ${config.host}:${config.port}` +
    `${config.apiDocs ? `; API docs: ${config.publicUrl}/api/docs` : ''})`,
  `Database: ${config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}` +
    ` · migrations applied now: ${migrations.length} · ${notes.join(' · ')}` +
    ` · ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
];
if (config.demoMode) {
  lines.push('', `Demo mode: every demo account has the password "${config.demoPassword}" and logs in without TOTP.`);
  for (const a of demoAccounts) lines.push(`  ${a.email.padEnd(48)} ${a.roles.join(', ')}`);
}
lines.push('');
console.log(lines.join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void app
      .close()
      .then(() => jobs.stop())
      .then(() => closePdfRenderer())
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}
