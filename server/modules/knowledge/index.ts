import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { knowledgeErrors } from './shared/errors.js';
import { seedPracticesDemo } from './practices/practices.demo.js';
import { practicesAuditActions } from './practices/practices.audit-actions.js';
import { practicesErrors } from './practices/practices.errors.js';
import { practicesPermissions } from './practices/practices.policy.js';
import { practicesRoutes } from './practices/practices.routes.js';

/** Every route of the knowledge module, mounted under /api/v1 (each part under its own paths). */
async function knowledgeRoutes(fastify: FastifyInstance): Promise<void> {
  // the parts register their routes here
  await fastify.register(async () => {});
  await fastify.register(practicesRoutes);
}

/**
 * Knowledge of InCaS plus (issue 14 items 2–3): the catalogue of good practices and the five case
 * studies (practices), the Handbook, the Policy Paper and the survey reports (publications), with
 * their public pages. Each part declares its routes, errors, permissions and audit actions in its
 * own folder and is listed here.
 */
export const knowledgeModule: ModuleDefinition = {
  name: 'knowledge',
  routes: knowledgeRoutes,
  prefix: '/api/v1',
  tags: [
    {
      name: 'knowledge',
      description: 'Good practices, case studies and publications, with their public library',
    },
  ],
  migrations: join(moduleDir('knowledge'), 'migrations'),
  jobs: [],
  errors: { ...knowledgeErrors, ...practicesErrors },
  permissions: [...practicesPermissions],
  auditActions: {
    actions: [...practicesAuditActions.actions],
    entityTypes: [...practicesAuditActions.entityTypes],
  },
  // after the demo module's accounts and the other modules' demos (plan actions, projects to link)
  seedDemo: async ({ db, today }) => {
    await seedPracticesDemo(db, today ?? new Date());
  },
};
