import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { figuresQuery, figuresSchema } from './figures.schema.js';
import { helpFigures } from './figures.service.js';

/** The route of the help desk's figures (mounted by ../index.ts under /api/v1). */
export async function figuresRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/help-figures', {
    config: { auth: 'session' },
    schema: {
      tags: ['helpdesk'],
      operationId: 'getHelpFigures',
      summary:
        'The help desk in figures: requests by topic, Region and month, answer and resolution times, satisfaction',
      description:
        "`helpdesk.figures.read` (assistenza tecnica, MLPS, Regione). Counts of requests, never a Comune's name. A Region reads its own Region only (403 for another); the national scope every Region or `region`. Months `from`–`to` (YYYY-MM, by the day a request was opened; default the last twelve). Times in calendar days from the opening (median, 90th percentile); the share resolved by the due date is over the resolved requests.",
      querystring: figuresQuery,
      response: { 200: figuresSchema },
    },
    handler: (req) => helpFigures(req.ctx, req.query),
  });
}
