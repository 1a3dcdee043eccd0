import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { answersAuditActions } from './answers/answers.audit-actions.js';
import { answersErrors } from './answers/answers.errors.js';
import { answersRoutes } from './answers/answers.routes.js';
import { figuresRoutes } from './figures/figures.routes.js';
import { seedHelpdeskDemo } from './helpdesk.demo.js';
import { requestsAuditActions } from './requests/requests.audit-actions.js';
import { requestsErrors } from './requests/requests.errors.js';
import { escalationJob } from './requests/requests.jobs.js';
import { requestsRoutes } from './requests/requests.routes.js';
import { helpdeskAuditActions } from './shared/audit-actions.js';
import { helpdeskEncryptedColumns } from './shared/documents.js';
import { helpdeskErrors } from './shared/errors.js';
import { helpdeskPermissions } from './shared/policy.js';

/** Every route of the help desk, mounted under /api/v1 (each part under its own paths). */
async function helpdeskRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(requestsRoutes);
  await fastify.register(answersRoutes);
  await fastify.register(figuresRoutes);
}

/**
 * The technical-assistance help desk (issue 14 item 4; decision 0058): a Comune's questions to
 * ANCI/Cittalia by topic (requests: assignment, conversation with attachments and internal notes,
 * due dates in working days, escalation of the late ones, resolution, closing or reopening,
 * satisfaction), the knowledge base rewritten from the answers and searchable publicly (answers),
 * and the figures for the monitoring reports (figures).
 */
export const helpdeskModule: ModuleDefinition = {
  name: 'helpdesk',
  routes: helpdeskRoutes,
  prefix: '/api/v1',
  tags: [
    {
      name: 'helpdesk',
      description: "Technical assistance to the Comuni: requests, the knowledge base, the help desk's figures",
    },
  ],
  migrations: join(moduleDir('helpdesk'), 'migrations'),
  jobs: [escalationJob],
  errors: { ...helpdeskErrors, ...requestsErrors, ...answersErrors },
  permissions: [...helpdeskPermissions],
  auditActions: {
    actions: [...helpdeskAuditActions.actions, ...requestsAuditActions.actions, ...answersAuditActions.actions],
    entityTypes: [...helpdeskAuditActions.entityTypes],
  },
  encryptedColumns: helpdeskEncryptedColumns,
  // after the demo module's Comuni and accounts, the projects and the plans
  seedDemo: async ({ db, today }) => {
    await seedHelpdeskDemo(db, today ?? new Date());
  },
};
