import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  comuneDashboardSchema,
  nationalDashboardSchema,
  nationalExportQuerySchema,
  nationalQuerySchema,
} from './dashboards.schema.js';
import { comuneDashboard, nationalDashboard, nationalDashboardXlsx } from './dashboards.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = z.any().meta({ type: 'string', format: 'binary' });

const FIGURES =
  'Figures in cents: plan = the lines of the budget version in force (approved, highest number); spent = expenses CARICATA, VALIDATA, IN_DOMANDA, VERIFICATA; ' +
  'claimed = the expenses of claims sent and not superseded; verified = their verified amount; paid = the claims LIQUIDATA; expected = plan × the share of the project’s duration elapsed. ' +
  'Critical issues: expenses with warnings, claims waiting over 60 days since sent, projects ending within 90 days with less than 50% spent, open queries past their due date.';

/** The routes of the projects' dashboards (mounted by ../index.ts under /api/v1). */
export async function dashboardsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/project-dashboards/comune', {
    config: { auth: 'session' },
    schema: {
      tags: ['projects'],
      operationId: 'getProjectComuneDashboard',
      summary: 'The Comune’s dashboard: its projects’ spending, deadlines and critical issues',
      description:
        '`projects.dashboards.comune` (the referente and responsabile amministrativo of a Comune): each of the Comune’s projects with its figures, ' +
        'the next deadlines (the project’s end, claims waiting for the Comune’s integrations, open queries with their due date, monitoring quarters ended without a scheda sent) and its critical issues. ' +
        FIGURES,
      response: { 200: comuneDashboardSchema },
    },
    handler: (req) => comuneDashboard(req.ctx),
  });

  app.get('/project-dashboards/national', {
    config: { auth: 'session' },
    schema: {
      tags: ['projects'],
      operationId: 'getProjectNationalDashboard',
      summary: 'The national dashboard: every project by Region, call and status; claims waiting; critical issues',
      description:
        '`projects.dashboards.national` (ANCI/Cittalia, MLPS; a Regione over its own Comuni only). Filters: region, callId, status. ' +
        'Totals and groups are of every project of the filters the actor reaches; the project rows are paged (pageSize up to 200); claims waiting (the longest first) and critical issues (the most pressing first) at most 100 each, with their totals. ' +
        FIGURES,
      querystring: nationalQuerySchema,
      response: { 200: nationalDashboardSchema },
    },
    handler: (req) => nationalDashboard(req.ctx, req.query),
  });

  app.get('/project-dashboards/national.xlsx', {
    config: { auth: 'session' },
    schema: {
      tags: ['projects'],
      operationId: 'exportProjectNationalDashboard',
      summary: 'The national dashboard as an XLSX',
      description:
        '`projects.dashboards.national`, with the same filters: sheets of the projects, by Region, by call, by status, the claims waiting and the critical issues (all of them); ' +
        'amounts as numbers in euro, shares in percent. Audited (`projects.dashboards.export`).',
      querystring: nationalExportQuerySchema,
      response: { 200: { description: 'The workbook', content: { [XLSX]: { schema: binary } } } },
    },
    handler: async (req, reply) => {
      const file = await nationalDashboardXlsx(req.ctx, req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}
