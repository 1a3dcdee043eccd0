import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { actionsAuditActions } from './actions/actions.audit-actions.js';
import { actionsErrors } from './actions/actions.errors.js';
import { actionsRoutes } from './actions/actions.routes.js';
import { coverageAuditActions } from './coverage/coverage.audit-actions.js';
import { coverageErrors } from './coverage/coverage.errors.js';
import { coveragePermissions } from './coverage/coverage.policy.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { dialogueAuditActions } from './dialogue/dialogue.audit-actions.js';
import { dialogueErrors } from './dialogue/dialogue.errors.js';
import { threadNoticesJob } from './dialogue/dialogue.jobs.js';
import { dialoguePermissions } from './dialogue/dialogue.policy.js';
import { dialogueRoutes } from './dialogue/dialogue.routes.js';
import { networksAuditActions } from './networks/networks.audit-actions.js';
import { networksErrors } from './networks/networks.errors.js';
import { networksPermissions } from './networks/networks.policy.js';
import { networksRoutes } from './networks/networks.routes.js';
import { seedPlansDemo } from './plans.demo.js';
import { plansPartAuditActions } from './plans/plans.audit-actions.js';
import { plansPartErrors } from './plans/plans.errors.js';
import { plansPartRoutes } from './plans/plans.routes.js';
import { plansAuditActions } from './shared/audit-actions.js';
import { plansEncryptedColumns } from './shared/documents.js';
import { plansErrors } from './shared/errors.js';
import { plansPermissions } from './shared/policy.js';

/** Every route of the plans module, mounted under /api/v1 (each part under its own paths). */
async function plansRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(plansPartRoutes);
  await fastify.register(actionsRoutes);
  await fastify.register(coverageRoutes);
  await fastify.register(networksRoutes);
  await fastify.register(dialogueRoutes);
}

// the Piano triennale's words, for the modules that classify by them (knowledge's good practices)
export { axes, priorityActions, type Axis, type PriorityAction } from './shared/vocabulary.js';

/**
 * Local multi-sector plans against labour exploitation (issue 13; decision 0054): a Comune's plan
 * with its states, adoption act, context analysis and versions (plans), its actions on the Piano
 * triennale's axes and priority actions with indicators and monitorings (actions), the national
 * coverage matrix and map (coverage), tavoli, working groups and meetings (networks), and the
 * dialogue between Regions and their Comuni (dialogue), over a shared kernel (access, vocabulary,
 * documents).
 */
export const plansModule: ModuleDefinition = {
  name: 'plans',
  routes: plansRoutes,
  prefix: '/api/v1',
  tags: [
    { name: 'plans', description: 'Local multi-sector plans (PLM), networks and meetings, Region–Comune dialogue' },
  ],
  migrations: join(moduleDir('plans'), 'migrations'),
  // the bytes of the resolutions, minutes and attachments (plm_document_contents.content)
  encryptedColumns: plansEncryptedColumns,
  // the e-mails owed for the dialogue's new messages
  jobs: [threadNoticesJob],
  errors: {
    ...plansErrors,
    ...plansPartErrors,
    ...actionsErrors,
    ...coverageErrors,
    ...networksErrors,
    ...dialogueErrors,
  },
  permissions: [...plansPermissions, ...coveragePermissions, ...networksPermissions, ...dialoguePermissions],
  auditActions: {
    actions: [
      ...plansAuditActions.actions,
      ...plansPartAuditActions.actions,
      ...actionsAuditActions.actions,
      ...coverageAuditActions.actions,
      ...networksAuditActions.actions,
      ...dialogueAuditActions.actions,
    ],
    entityTypes: [...plansAuditActions.entityTypes],
  },
  // after the demo module's organisations and accounts, and after the projects' demo (an action may
  // name a project): server/modules.ts lists this module after both
  seedDemo: ({ db, password, cipher, today }) =>
    seedPlansDemo({ db, password, ...(cipher ? { cipher } : {}), ...(today ? { today } : {}) }),
};
