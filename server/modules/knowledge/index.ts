import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { knowledgeErrors } from './shared/errors.js';
import { publicationsAuditActions } from './publications/publications.audit-actions.js';
import { seedPublicationsDemo } from './publications/publications.demo.js';
import { publicationsErrors } from './publications/publications.errors.js';
import { publicationsPermissions } from './publications/publications.policy.js';
import { publicationsRoutes } from './publications/publications.routes.js';
import { publicationsEncryptedColumns } from './publications/publications.service.js';
import { seedPracticesDemo } from './practices/practices.demo.js';
import { practicesAuditActions } from './practices/practices.audit-actions.js';
import { practicesErrors } from './practices/practices.errors.js';
import { practicesPermissions } from './practices/practices.policy.js';
import { practicesRoutes } from './practices/practices.routes.js';

/** Every route of the knowledge module, mounted under /api/v1 (each part under its own paths). */
async function knowledgeRoutes(fastify: FastifyInstance): Promise<void> {
  // the parts register their routes here
  await fastify.register(practicesRoutes);
  await fastify.register(publicationsRoutes);
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
  errors: { ...knowledgeErrors, ...practicesErrors, ...publicationsErrors },
  permissions: [...practicesPermissions, ...publicationsPermissions],
  auditActions: {
    actions: [...practicesAuditActions.actions, ...publicationsAuditActions.actions],
    entityTypes: [...practicesAuditActions.entityTypes, ...publicationsAuditActions.entityTypes],
  },
  encryptedColumns: [...publicationsEncryptedColumns],
  // after the demo module's accounts (ANCI's assistenza tecnica authors the publications) and the
  // other modules' demos (the plan actions and projects a practice names)
  seedDemo: async ({ db, cipher, today }) => {
    await seedPracticesDemo(db, today ?? new Date());
    await seedPublicationsDemo(db, cipher ?? null);
  },
};
