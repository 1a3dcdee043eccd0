import type { ModuleDefinition } from '../../platform/module.js';
import { systemRoutes } from './system.routes.js';

/** Health of the instance, outside the versioned API. */
export const systemModule: ModuleDefinition = {
  name: 'system',
  routes: systemRoutes,
  prefix: '',
  tags: [{ name: 'system', description: 'Health and status' }],
};
