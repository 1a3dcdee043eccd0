export { registryRoutes } from './registry.routes.js';
export { loadRegistry, registrySources, type RegistryLoadResult } from './registry.load.js';
export { foldName, bandOf } from './registry.rules.js';
export { selectOrganisation } from './organisations.repo.js';
export type { Organisation } from './registry.schema.js';
export { organisationTypeSchema } from './registry.schema.js';
