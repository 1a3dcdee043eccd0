import type { FastifyInstance } from 'fastify';
import { ResponseSerializationError, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeParse, type $ZodType } from 'zod/v4/core';
import {
  coverageFiltersSchema,
  coverageMapQuerySchema,
  coverageMapSchema,
  coverageQuerySchema,
  coverageSchema,
  uncoveredQuerySchema,
  uncoveredSchema,
} from './coverage.schema.js';
import { coverageMap, coverageMatrix, coverageUncovered, coverageWorkbook } from './coverage.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = z.any().meta({ type: 'string', format: 'binary' });

const WHO =
  '`plans.coverage.read` (ANCI/Cittalia and MLPS: every Comune; a Regione and a regional ANCI branch: their own Region’s Comuni). ' +
  'One row per Comune with a plan: its latest (the highest period_from, then the latest created). ' +
  'Filters: region, band (the registry’s demographic band), statusGroup (adopted: ADOTTATO and after; preparation: AVVIO to BOZZA; all). ' +
  '401 without a session, 403 `forbidden` without the permission, 400 `request.invalid` for a bad filter.';

/**
 * The matrix's answer (up to 1,000 rows) checked against its schema by zod's compiled parse, then
 * JSON: the app's default serializer encodes, which walks the rows uncompiled (about 4× the time on
 * the whole list). The schema has no codecs: parse and encode give the same output.
 */
const parsedJson =
  ({ schema, method, url }: { schema: unknown; method: string; url: string }) =>
  (data: unknown): string => {
    const r = safeParse(schema as $ZodType, data);
    if (!r.success) throw new ResponseSerializationError(method, url, { cause: r.error });
    return JSON.stringify(r.data);
  };

/** The routes of the plans' coverage (mounted by ../index.ts under /api/v1): the national coverage matrix Comuni × axes × priority actions, the map, the uncovered priority actions, XLSX. */
export async function coverageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/plans-coverage', {
    config: { auth: 'session' },
    schema: {
      tags: ['plans'],
      operationId: 'getPlansCoverage',
      summary: 'The coverage matrix: Comuni with a plan × the Piano triennale’s axes and priority actions',
      description:
        `${WHO} Each row counts the plan’s actions per priority action (1–10) and per axis, and with detail=states per priority action and action state ` +
        '(10 arrays of 6 counts: without it the rows are lean, the whole list one light answer); ' +
        'the totals are of every row of the filters (actions, and Comuni covering each priority action and axis). ' +
        'axis / priorityAction keep only the Comuni whose plan covers them. Rows paged (pageSize up to 1000: every Comune at national scale).',
      querystring: coverageQuerySchema,
      response: { 200: coverageSchema },
    },
    serializerCompiler: parsedJson,
    handler: (req) => coverageMatrix(req.ctx, req.query),
  });

  app.get('/plans-coverage/uncovered', {
    config: { auth: 'session' },
    schema: {
      tags: ['plans'],
      operationId: 'getPlansCoverageUncovered',
      summary: 'Per Region, the priority actions no plan covers',
      description: `${WHO} Every Region in reach (a Region with no plan has all ten uncovered), with how many Comuni cover the others.`,
      querystring: uncoveredQuerySchema,
      response: { 200: uncoveredSchema },
    },
    handler: (req) => coverageUncovered(req.ctx, req.query),
  });

  app.get('/plans-coverage/map', {
    config: { auth: 'session' },
    schema: {
      tags: ['plans'],
      operationId: 'getPlansCoverageMap',
      summary: 'The map of the Comuni with a plan',
      description:
        `${WHO} One item per Comune with a plan, \`{ code (ISTAT, 6 digits), name, category }\`: the category is the plan’s status group (adopted, preparation), ` +
        'or with priorityAction or axis whether the plan covers it (covered, not_covered).',
      querystring: coverageMapQuerySchema,
      response: { 200: coverageMapSchema },
    },
    handler: (req) => coverageMap(req.ctx, req.query),
  });

  app.get('/plans-coverage.xlsx', {
    config: { auth: 'session' },
    schema: {
      tags: ['plans'],
      operationId: 'exportPlansCoverage',
      summary: 'The coverage matrix and the uncovered priority actions as an XLSX',
      description:
        `${WHO} With the matrix’s filters: a sheet of the matrix (every row, the priority actions under their axes, counts as numbers, the totals) ` +
        'and a sheet of the uncovered priority actions per Region. Audited (`plans.coverage.export`).',
      querystring: coverageFiltersSchema,
      response: { 200: { description: 'The workbook', content: { [XLSX]: { schema: binary } } } },
    },
    handler: async (req, reply) => {
      const file = await coverageWorkbook(req.ctx, req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}
