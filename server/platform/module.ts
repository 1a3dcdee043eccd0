/**
 * The module kit: what a module owns and declares, in one definition in its `index.ts`. The
 * composition root (`server/modules.ts`) lists the modules; the kernel reads the list to mount
 * routes, run migrations, schedule jobs, prepare the database and seed demo data. The kernel
 * never imports a module (ESLint enforces it).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { FieldCipher } from './crypto.js';
import type { Database, Queryable } from './db/db.js';
import type { ErrorKind } from './errors.js';
import type { JobDefinition } from './jobs.js';
import type { AuditAction, AuditEntityType } from './audit-actions.js';
import type { Permission } from './policy.js';

/** What a module gets when the database is prepared at start (migrations already applied). */
export interface PrepareDeps {
  db: Database;
  config: Config;
  /** Absent in tools that only migrate (the test template, create-admin). */
  cipher?: FieldCipher;
}

export interface DemoAccount {
  email: string;
  roles: string[];
}

/**
 * A column the module keeps encrypted with the data key (`FieldCipher.encrypt`/`encryptJson`),
 * declared so that the key can be checked at start and rotated (`npm run rotate-data-key`). The
 * row is found by its `id` column.
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The additional authenticated data of a row's value; `{id}` stands for the row's id. */
  aad: string;
  /** Values stored in clear before encryption (no `v1:` prefix) may remain; rotation encrypts them. */
  legacyPlaintext?: boolean;
  /** Rows rotated per statement (default 500); a few for a column of large values such as files. */
  batchRows?: number;
  /**
   * Blind-index columns of the same row derived from the decrypted value, recomputed on rotation.
   * `current` is the stored index (an index that was null stays null when `compute` says so).
   */
  blindIndexes?: ReadonlyArray<{
    column: string;
    compute: (cipher: FieldCipher, plain: string, current: string | null) => string | null;
  }>;
  /**
   * Rows of other tables derived from the decrypted values under the key (a search index kept in
   * a table of its own), rebuilt under the new key on rotation: called with each batch of
   * re-encrypted rows, inside the rotation's transaction, as the owner.
   */
  rebuildDerived?: (
    tx: Queryable,
    cipher: FieldCipher,
    rows: ReadonlyArray<{ id: string; plain: string }>,
  ) => Promise<void>;
}

export interface ModuleDefinition {
  /** Short name, also the folder name under server/modules. */
  name: string;
  /** The module's HTTP routes: a Fastify plugin mounted at `prefix` (default `/api/v1`). */
  routes?: FastifyPluginAsync;
  prefix?: string;
  /** OpenAPI tags its routes use. */
  tags?: Array<{ name: string; description: string }>;
  /** Absolute path of the folder of its forward-only SQL migrations (`NNNN_name.sql`). */
  migrations?: string;
  /** Its error codes (from `defineErrors`) and permissions (from `definePolicy`), for the docs and the OpenAPI enums. */
  errors?: Record<string, ErrorKind>;
  permissions?: readonly Permission[];
  /** What it writes to the audit trail (from `defineAuditActions`), for the OpenAPI enums and the web's words. */
  auditActions?: { actions: readonly AuditAction[]; entityTypes: readonly AuditEntityType[] };
  /** Every column it keeps encrypted with the data key (key check and rotation). */
  encryptedColumns?: readonly EncryptedColumn[];
  /** Background jobs, started by the server. */
  jobs?: ReadonlyArray<JobDefinition<unknown>>;
  /** Runs at every start after the migrations (reference data, one-off upgrades of stored rows). */
  prepare?: (deps: PrepareDeps) => Promise<string | void>;
  /** Demo data, in demo mode only, after every module is prepared; returns the demo accounts it made. */
  seedDemo?: (deps: PrepareDeps & { password: string; today?: Date }) => Promise<DemoAccount[] | void>;
}

/** The migration folders of the modules, kernel first. */
export function migrationFolders(kernel: string, modules: readonly ModuleDefinition[]): string[] {
  return [kernel, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];
}

/** Every encrypted column of every module. */
export function encryptedColumnsOf(modules: readonly ModuleDefinition[]): EncryptedColumn[] {
  return modules.flatMap((m) => m.encryptedColumns ?? []);
}

/** Every job of every module. */
export function jobsOf(modules: readonly ModuleDefinition[]): Array<JobDefinition<unknown>> {
  return modules.flatMap((m) => m.jobs ?? []);
}
