import type { Config } from '../config.js';
import type { FieldCipher } from './crypto.js';
import type { Database } from './db/db.js';
import { openDatabase } from './db/open.js';
import { migrate } from './db/migrate.js';
import { loadRegistry } from '../modules/registry/index.js';
import { sealLegacyTotpSecrets } from '../modules/access/index.js';
import { seedDemo, type DemoAccount } from '../modules/demo/index.js';

/**
 * Opens the database and brings it up to date: migrations, reference data, demo data (with a
 * cipher, also the synthetic data of the 18-ter pilot, whose identities it encrypts).
 */
export async function prepareDatabase(
  config: Config, db?: Database, cipher?: FieldCipher,
): Promise<{ db: Database; demoAccounts: DemoAccount[]; migrations: string[]; registry: { skipped: boolean; comuni: number } }> {
  const database = db ?? (await openDatabase(config));
  const migrations = await migrate(database);
  const registry = await loadRegistry(database);
  // TOTP secrets written before they were encrypted (release 0.1) are encrypted now
  if (cipher) await sealLegacyTotpSecrets(database, cipher);
  const demoAccounts = config.demoMode ? (await seedDemo(database, config.demoPassword, cipher ? { cipher } : undefined)).accounts : [];
  return { db: database, demoAccounts, migrations, registry };
}
