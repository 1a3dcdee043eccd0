/**
 * `npm run backup -- <file>`: a backup of the database the configuration names (DATABASE_URL:
 * pg_dump custom format; else the embedded database in INCAS_DATA_DIR, which must be stopped).
 * The data key is not in it: keep INCAS_DATA_KEY apart. Restore with `npm run restore -- <file>`.
 */
import { ConfigError, loadConfig } from '../config.js';
import { backupDatabase, BackupError } from '../platform/db/backup.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run backup -- <file>   (with DATABASE_URL, or INCAS_DATA_DIR for the embedded database)');
  process.exit(2);
}
try {
  // only where the database is: the tool needs no secret
  const { DATABASE_URL, INCAS_DATA_DIR } = process.env;
  const config = loadConfig({ DATABASE_URL, INCAS_DATA_DIR });
  const started = Date.now();
  const r = await backupDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    file,
  );
  console.log(
    `Backup written: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.engine === 'postgres' ? 'PostgreSQL server, pg_dump custom format' : 'embedded database'}, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s). It does not hold the data key: keep INCAS_DATA_KEY apart.`,
  );
} catch (err) {
  if (!(err instanceof BackupError || err instanceof ConfigError)) throw err;
  console.error(`Backup failed. ${err.message}`);
  process.exitCode = 1;
}
