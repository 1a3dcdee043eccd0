import { join } from 'node:path';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { seedSurveysDemo } from './demo/seed.js';
import { surveysJobs } from './messages/messages.jobs.js';
import { surveysAuditActions } from './shared/audit-actions.js';
import { surveysErrors } from './shared/errors.js';
import { surveysPermissions } from './shared/policy.js';
import { surveysRoutes } from './surveys.routes.js';

/**
 * The national surveys of the Comuni (issue 10): questionnaires (own model, XLSForm import and
 * export, expressions and form engine shared with the browser), published versions, waves over a
 * universe of the registry, each Comune's access (users or a personal link), invitations and
 * reminders, filling in, review with return for correction, and the live funnel.
 */
export const surveysModule: ModuleDefinition = {
  name: 'surveys',
  routes: surveysRoutes,
  prefix: '/api/v1/surveys',
  tags: [
    { name: 'surveys', description: 'National surveys: questionnaires, versions, waves, universe, funnel' },
    { name: 'survey-responses', description: 'National surveys: a Comune’s response, review, personal links' },
  ],
  migrations: join(moduleDir('surveys'), 'migrations'),
  errors: surveysErrors,
  permissions: surveysPermissions,
  auditActions: surveysAuditActions,
  jobs: surveysJobs,
  seedDemo: seedSurveysDemo,
};
