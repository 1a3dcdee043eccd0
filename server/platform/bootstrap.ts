import type { Config } from '../config.js';
import type { FieldCipher } from './crypto.js';
import type { Database } from './db/db.js';
import { openDatabase } from './db/open.js';
import { kernelMigrationsDir, migrate } from './db/migrate.js';
import { checkDataKey } from './data-key.js';
import { encryptedColumnsOf, migrationFolders, type DemoAccount, type ModuleDefinition } from './module.js';
import { checkAppRole, hasMigrations, STARTUP_LOCK } from './startup.js';

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
 * global order, the start-up checks (the application role and its privileges; with a cipher, the
 * data key against the fingerprint kept in the database), then each module's `prepare` (reference
 * data, upgrades of stored rows), then, in demo mode, each module's demo data. With a cipher, demo
 * identities are encrypted.
 *
 * All of it runs under one exclusive lock (an advisory lock on a PostgreSQL server), so instances
 * started at once on a fresh database prepare it one after the other: the first loads, the others
 * find it loaded. A failed check throws a StartupError (and closes the database it opened).
 */
export async function prepareDatabase(
  config: Config,
  modules: readonly ModuleDefinition[],
  opts: { db?: Database; cipher?: FieldCipher } = {},
): Promise<PreparedDatabase> {
  const db = opts.db ?? (await openDatabase(config));
  try {
    return await db.exclusive(STARTUP_LOCK, async () => {
      // a database restored without its role must not get as far as a migration's GRANT
      if (await hasMigrations(db)) await checkAppRole(db);
      const migrations = await migrate(db, migrationFolders(kernelMigrationsDir(), modules));
      await checkAppRole(db);
      if (opts.cipher) await checkDataKey(db, opts.cipher, encryptedColumnsOf(modules));
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
    });
  } catch (err) {
    if (!opts.db) await db.close().catch(() => undefined);
    throw err;
  }
}
