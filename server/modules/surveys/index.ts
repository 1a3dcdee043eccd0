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
 * reminders, filling in, review with return for correction, the live funnel, the results, and the
 * open data released from them (public, under /api/v1/open-data).
 */
export const surveysModule: ModuleDefinition = {
  name: 'surveys',
  routes: surveysRoutes,
  prefix: '/api/v1',
  tags: [
    { name: 'surveys', description: 'National surveys: questionnaires, versions, waves, universe, funnel' },
    { name: 'survey-responses', description: 'National surveys: a Comune’s response, review, personal links' },
    {
      name: 'open-data',
      description: 'Open data of the national surveys: the public DCAT-AP_IT catalogue, metadata and CSV (no session)',
    },
  ],
  migrations: join(moduleDir('surveys'), 'migrations'),
  errors: surveysErrors,
  permissions: surveysPermissions,
  auditActions: surveysAuditActions,
  jobs: surveysJobs,
  seedDemo: seedSurveysDemo,
};

// read by the plans' context analysis (a Comune's own answers and settlements beside its plan)
export { questionsOfWave } from './results/results.service.js';
export { ownAnswer } from './results/mine.service.js';
export { COUNTED_STATUSES, type ResultQuestion } from './results/results.rules.js';
export { SETTLEMENT_FIELDS, settlementOut } from './results/settlements.rules.js';
// a wave's report as a file, for the publications' one-step publishing (knowledge module)
export { selectReportWave } from './results/report.repo.js';
export { waveReportFile } from './results/report.service.js';
// the Italian working-day calendar, read by the help desk's due dates
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './shared/working-days.js';

// read by the events' feedback questionnaire (decision 0059): a published questionnaire version in
// our own model, checked by the same form engine, summarised by the results' kinds of question;
// its demo writes its questionnaire with the authoring statements
export { Form, evaluateForm, walkItems, type Answers } from './shared/form/public.js';
export { resultQuestions } from './results/results.rules.js';
export { insertSurvey, insertVersion, publishVersion } from './authoring/authoring.repo.js';
