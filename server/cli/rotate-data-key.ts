/**
 * `npm run rotate-data-key`: re-encrypts every encrypted column (as the modules declare them) from
 * INCAS_DATA_KEY to INCAS_NEW_DATA_KEY, recomputes the blind indexes and keeps the new key's
 * fingerprint, in one transaction. Stop every instance first; afterwards start them with
 * INCAS_DATA_KEY set to the new key (the old one is then refused).
 */
import { ConfigError, loadConfig } from '../config.js';
import { prepareDatabase } from '../platform/bootstrap.js';
import { createFieldCipher } from '../platform/crypto.js';
import { rotateDataKey } from '../platform/data-key.js';
import { encryptedColumnsOf } from '../platform/module.js';
import { STARTUP_LOCK, StartupError } from '../platform/startup.js';
import { modules } from '../modules.js';

const isKey = (v: string | undefined): v is string => !!v && Buffer.from(v, 'base64').length === 32;
try {
  const config = { ...loadConfig(), demoMode: false };
  const next = process.env.INCAS_NEW_DATA_KEY;
  if (!isKey(config.dataKey ?? undefined) || !isKey(next))
    throw new ConfigError(
      'Set INCAS_DATA_KEY (the key in use; outside production without it, the content of <INCAS_DATA_DIR>/incas-data.key) ' +
        'and INCAS_NEW_DATA_KEY (base64 of 32 random bytes: openssl rand -base64 32).',
    );
  const from = createFieldCipher(Buffer.from(config.dataKey!, 'base64'));
  const to = createFieldCipher(Buffer.from(next, 'base64'));
  const started = Date.now();
  // migrations and the start-up checks first: the key in use must be the database's
  const { db } = await prepareDatabase(config, modules, { cipher: from });
  try {
    const report = await db.exclusive(STARTUP_LOCK, () => rotateDataKey(db, encryptedColumnsOf(modules), from, to));
    const total = Object.values(report).reduce((a, b) => a + b, 0);
    console.log(
      `Data key rotated: ${total} values re-encrypted (${Object.entries(report)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s. ` +
        'Start every instance with INCAS_DATA_KEY set to the new key; the old one is now refused.',
    );
  } finally {
    await db.close();
  }
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof StartupError)) throw err;
  console.error(`Rotation refused. ${err.message}`);
  process.exitCode = 1;
}
