/**
 * `npm run restore -- <file>`: restores a backup made by `npm run backup` into an EMPTY database
 * (DATABASE_URL; on a new server it first creates the role incas_app, so the privileges and
 * row-level security policies come back) or an empty INCAS_DATA_DIR. Then start the server with
 * the same INCAS_DATA_KEY as the original: it checks the key and the role before serving.
 */
import { ConfigError, loadConfig } from '../config.js';
import { BackupError, restoreDatabase } from '../platform/db/backup.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <file>   (into an empty DATABASE_URL database, or an empty INCAS_DATA_DIR)');
  process.exit(2);
}
try {
  // only where the database is: the tool needs no secret
  const { DATABASE_URL, INCAS_DATA_DIR } = process.env;
  const config = loadConfig({ DATABASE_URL, INCAS_DATA_DIR });
  const started = Date.now();
  const r = await restoreDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    file,
  );
  console.log(
    `Restored ${file}: ${r.tables} tables, ${r.engine === 'postgres' ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`}` +
      `${r.createdRoles.length ? `, role(s) created: ${r.createdRoles.join(', ')}` : ''} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s). Start InCaS with the original INCAS_DATA_KEY.`,
  );
} catch (err) {
  if (!(err instanceof BackupError || err instanceof ConfigError)) throw err;
  console.error(`Restore failed. ${err.message}`);
  process.exitCode = 1;
}
