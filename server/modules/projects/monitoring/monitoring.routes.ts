import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  commentListSchema,
  createReportSchema,
  projectParams,
  putContentSchema,
  reportListSchema,
  reportParams,
  reportSchema,
  reviewSchema,
  submitSchema,
} from './monitoring.schema.js';
import {
  createReport,
  getReport,
  listComments,
  listReports,
  putContent,
  reviewReport,
  submitReport,
} from './monitoring.service.js';

/** The routes of the projects' monitoring (mounted by ../index.ts under /api/v1). */
export async function monitoringRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;
  const base = '/projects/:projectId/monitoring-reports';

  app.get(base, {
    config,
    schema: {
      tags,
      operationId: 'listProjectMonitoringReports',
      summary: "A project's quarterly monitoring reports (schede trimestrali)",
      description:
        '`projects.monitoring.read` (the lead Comune, ANCI/Cittalia, MLPS, the Regione of the Comune; not the revisore): every scheda, newest quarter first, with its state and open comments, and the quarters up to today still without one. 404 `projects.project.not_found`.',
      params: projectParams,
      response: { 200: reportListSchema },
    },
    handler: (req) => listReports(req.ctx, req.params.projectId),
  });

  app.post(base, {
    config,
    schema: {
      tags,
      operationId: 'createProjectMonitoringReport',
      summary: 'Start the scheda of a quarter',
      description:
        "`projects.monitoring.write`, the lead Comune's staff: a draft (BOZZA) for a quarter overlapping the project's dates (400 otherwise). 409 `projects.monitoring.duplicate` when the quarter has one; 403 `projects.project.not_owner` for anyone but the lead Comune.",
      params: projectParams,
      body: createReportSchema,
      response: { 201: reportSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createReport(req.ctx, req.params.projectId, req.body)),
  });

  app.get(`${base}/:reportId`, {
    config,
    schema: {
      tags,
      operationId: 'getProjectMonitoringReport',
      summary: 'A scheda with its content, computed sections and comments',
      description:
        '`projects.monitoring.read`. The computed sections (general data, financial progress in cents, activities, the indicators the platform computes) are live while the scheda is BOZZA or RESTITUITA and as frozen at submission afterwards (`frozen`). An approved scheda is `locked`. 404 `projects.monitoring.not_found`.',
      params: reportParams,
      response: { 200: reportSchema },
    },
    handler: (req) => getReport(req.ctx, req.params.projectId, req.params.reportId),
  });

  app.put(`${base}/:reportId/content`, {
    config,
    schema: {
      tags,
      operationId: 'putProjectMonitoringContent',
      summary: 'Save what the Comune writes in the scheda',
      description:
        "`projects.monitoring.write`, the lead Comune's staff, while BOZZA or RESTITUITA (409 `projects.state` under review, 409 `projects.monitoring.locked` once approved): general data, procurements with CIG and steps, activities' progress, the indicators the platform does not compute (with their source), financial notes and critical issues. Activities and indicators must be the project's (400). `rowVersion` as read (409 `projects.stale`).",
      params: reportParams,
      body: putContentSchema,
      response: { 200: reportSchema },
    },
    handler: (req) => putContent(req.ctx, req.params.projectId, req.params.reportId, req.body),
  });

  app.post(`${base}/:reportId/submit`, {
    config,
    schema: {
      tags,
      operationId: 'submitProjectMonitoringReport',
      summary: 'Send the scheda for review',
      description:
        "`projects.monitoring.write`, the lead Comune's staff: BOZZA or RESTITUITA → INVIATA. The computed sections are frozen into the content; the comments of the previous round are resolved. 409 `projects.state` otherwise.",
      params: reportParams,
      body: submitSchema,
      response: { 200: reportSchema },
    },
    handler: (req) => submitReport(req.ctx, req.params.projectId, req.params.reportId, req.body.rowVersion),
  });

  app.post(`${base}/:reportId/review`, {
    config,
    schema: {
      tags,
      operationId: 'reviewProjectMonitoringReport',
      summary: 'Review the scheda: validate, return with comments, approve',
      description:
        '`projects.monitoring.review`. ANCI/Cittalia (assistenza_tecnica) reviews a scheda INVIATA: `validate` (→ VALIDATA_ANCI) or `return` (→ RESTITUITA); MLPS reviews a scheda VALIDATA_ANCI: `approve` (→ APPROVATA, locked for ever) or `return`. A return needs at least one comment on a field (400). 403 `projects.monitoring.not_your_level` for the other level or decision; 409 `projects.state` when nothing waits for review, `projects.monitoring.locked` once approved.',
      params: reportParams,
      body: reviewSchema,
      response: { 200: reportSchema },
    },
    handler: (req) => reviewReport(req.ctx, req.params.projectId, req.params.reportId, req.body),
  });

  app.get(`${base}/:reportId/comments`, {
    config,
    schema: {
      tags,
      operationId: 'listProjectMonitoringComments',
      summary: "The reviewers' comments on the scheda's fields",
      description:
        '`projects.monitoring.read`: every comment of every round, with its level (ANCI, MLPS), field and whether it is resolved (the Comune sent the scheda again). 404 `projects.monitoring.not_found`.',
      params: reportParams,
      response: { 200: commentListSchema },
    },
    handler: (req) => listComments(req.ctx, req.params.projectId, req.params.reportId),
  });
}
