import type { Config } from '../config.js';
import type { FieldCipher } from './crypto.js';
import type { Database } from './db/db.js';
import { openDatabase } from './db/open.js';
import { kernelMigrationsDir, migrate } from './db/migrate.js';
import { migrationFolders, type DemoAccount, type ModuleDefinition } from './module.js';

export interface PreparedDatabase {
  db: Database;
  /** Migrations applied by this start. */
  migrations: string[];
  /** One line per module that had something to say (e.g. "Comuni: 7894"). */
  notes: string[];
  demoAccounts: DemoAccount[];
}

/**
 * Opens the database and brings it up to date for the given modules: every module's migrations in
 * global order, then each module's `prepare` (reference data, upgrades of stored rows), then, in
 * demo mode, each module's demo data. With a cipher, demo identities are encrypted.
 */
export async function prepareDatabase(
  config: Config,
  modules: readonly ModuleDefinition[],
  opts: { db?: Database; cipher?: FieldCipher } = {},
): Promise<PreparedDatabase> {
  const db = opts.db ?? (await openDatabase(config));
  const migrations = await migrate(db, migrationFolders(kernelMigrationsDir(), modules));
  const deps = { db, config, ...(opts.cipher ? { cipher: opts.cipher } : {}) };
  const notes: string[] = [];
  for (const m of modules) {
    const note = await m.prepare?.(deps);
    if (note) notes.push(note);
  }
  const demoAccounts: DemoAccount[] = [];
  if (config.demoMode) {
    for (const m of modules)
      demoAccounts.push(...((await m.seedDemo?.({ ...deps, password: config.demoPassword })) ?? []));
  }
  return { db, migrations, notes, demoAccounts };
}
