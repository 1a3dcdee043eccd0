import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { callsAuditActions } from './calls/calls.audit-actions.js';
import { callsErrors } from './calls/calls.errors.js';
import { callsPermissions } from './calls/calls.policy.js';
import { callsRoutes } from './calls/calls.routes.js';
import { claimsAuditActions } from './claims/claims.audit-actions.js';
import { claimsErrors } from './claims/claims.errors.js';
import { claimsPermissions } from './claims/claims.policy.js';
import { claimsRoutes } from './claims/claims.routes.js';
import { dashboardsAuditActions } from './dashboards/dashboards.audit-actions.js';
import { dashboardsErrors } from './dashboards/dashboards.errors.js';
import { dashboardsPermissions } from './dashboards/dashboards.policy.js';
import { dashboardsRoutes } from './dashboards/dashboards.routes.js';
import { designAuditActions } from './design/design.audit-actions.js';
import { designErrors } from './design/design.errors.js';
import { designPermissions } from './design/design.policy.js';
import { designRoutes } from './design/design.routes.js';
import { expensesEncryptedColumns } from './expenses/documents.store.js';
import { expensesAuditActions } from './expenses/expenses.audit-actions.js';
import { expensesErrors } from './expenses/expenses.errors.js';
import { expensesPermissions } from './expenses/expenses.policy.js';
import { expensesRoutes } from './expenses/expenses.routes.js';
import { monitoringAuditActions } from './monitoring/monitoring.audit-actions.js';
import { monitoringErrors } from './monitoring/monitoring.errors.js';
import { monitoringPermissions } from './monitoring/monitoring.policy.js';
import { monitoringRoutes } from './monitoring/monitoring.routes.js';
import { queriesAuditActions } from './queries/queries.audit-actions.js';
import { queriesErrors } from './queries/queries.errors.js';
import { queryDigestJob } from './queries/queries.jobs.js';
import { queriesPermissions } from './queries/queries.policy.js';
import { queriesRoutes } from './queries/queries.routes.js';
import { seedProjectsDemo } from './projects.demo.js';
import { projectsAuditActions } from './shared/audit-actions.js';
import { projectsErrors } from './shared/errors.js';
import { projectsPermissions } from './shared/policy.js';

/** Every route of the projects module, mounted under /api/v1 (each part under its own paths). */
async function projectsRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(callsRoutes);
  await fastify.register(designRoutes);
  await fastify.register(expensesRoutes);
  await fastify.register(claimsRoutes);
  await fastify.register(monitoringRoutes);
  await fastify.register(queriesRoutes);
  await fastify.register(dashboardsRoutes);
}

/**
 * MLPS-funded municipal projects (issue 12): funding calls and their rules as data (calls), project
 * design with its logical framework, activities, indicators and budget versions with caps and
 * rimodulazione (design), expenses with their giustificativi (expenses), reimbursement claims with
 * the revisore's verification and verbale (claims), quarterly monitoring (monitoring), query
 * threads (queries) and dashboards (dashboards), over a shared kernel (access, money in cents,
 * call rules and caps, tax ids).
 */
export const projectsModule: ModuleDefinition = {
  name: 'projects',
  routes: projectsRoutes,
  prefix: '/api/v1',
  tags: [
    { name: 'projects', description: 'MLPS-funded projects: calls, design, budget, expenses, claims, verification' },
  ],
  migrations: join(moduleDir('projects'), 'migrations'),
  jobs: [queryDigestJob],
  // the bytes of the expenses' documents (project_document_contents.content, decision 0050)
  encryptedColumns: expensesEncryptedColumns,
  errors: {
    ...projectsErrors,
    ...callsErrors,
    ...designErrors,
    ...expensesErrors,
    ...claimsErrors,
    ...monitoringErrors,
    ...queriesErrors,
    ...dashboardsErrors,
  },
  permissions: [
    ...projectsPermissions,
    ...callsPermissions,
    ...designPermissions,
    ...expensesPermissions,
    ...claimsPermissions,
    ...monitoringPermissions,
    ...queriesPermissions,
    ...dashboardsPermissions,
  ],
  auditActions: {
    actions: [
      ...projectsAuditActions.actions,
      ...callsAuditActions.actions,
      ...designAuditActions.actions,
      ...expensesAuditActions.actions,
      ...claimsAuditActions.actions,
      ...monitoringAuditActions.actions,
      ...queriesAuditActions.actions,
      ...dashboardsAuditActions.actions,
    ],
    entityTypes: [...projectsAuditActions.entityTypes],
  },
  // after the demo module's organisations and accounts (server/modules.ts lists this module after it)
  seedDemo: ({ db, password, today }) => seedProjectsDemo({ db, password, ...(today ? { today } : {}) }),
};
