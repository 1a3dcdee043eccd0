import { join } from 'node:path';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { registryErrors } from './registry.errors.js';
import { registryAuditActions } from './registry.audit-actions.js';
import { registryPermissions } from './registry.policy.js';
import { registryRoutes } from './registry.routes.js';
import { loadRegistry } from './registry.load.js';

export { loadRegistry, registrySources, type RegistryLoadResult } from './registry.load.js';
export { foldName, bandOf } from './registry.rules.js';
export { selectOrganisation } from './organisations.repo.js';
export type { Organisation } from './registry.schema.js';
export { organisationTypeSchema } from './registry.schema.js';

/** Regions, provinces and Comuni (ISTAT/ANPR), loaded at start, and the organisations on them. */
export const registryModule: ModuleDefinition = {
  name: 'registry',
  routes: registryRoutes,
  tags: [
    { name: 'registry', description: 'Regions, provinces and Comuni (ISTAT/ANPR)' },
    { name: 'organisations', description: 'Organisations acting on the territory' },
  ],
  migrations: join(moduleDir('registry'), 'migrations'),
  errors: registryErrors,
  permissions: registryPermissions,
  auditActions: registryAuditActions,
  prepare: async ({ db }) => `Comuni: ${(await loadRegistry(db)).comuni}`,
};
