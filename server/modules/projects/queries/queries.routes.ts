import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  listQuerySchema,
  messageBodySchema,
  openQuerySchema,
  projectParams,
  queryDetailSchema,
  queryListSchema,
  queryParams,
  resolveSchema,
  workListSchema,
} from './queries.schema.js';
import { getQuery, listQueries, openQuery, postMessage, resolveQuery, workList } from './queries.service.js';

/** The routes of the projects' queries (mounted by ../index.ts under /api/v1). */
export async function queriesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;
  const base = '/projects/:projectId/queries';

  app.get('/project-queries', {
    config,
    schema: {
      tags,
      operationId: 'listMyProjectQueries',
      summary: "The user's work list of query threads, overdue first",
      description:
        "`projects.queries.read`. The lead Comune's staff: the threads awaiting its answer; ANCI/Cittalia and MLPS: their own threads the Comune answered and those overdue still awaiting the Comune; a Regione: every open thread of its Comuni. Overdue first, with `daysOverdue`.",
      response: { 200: workListSchema },
    },
    handler: (req) => workList(req.ctx),
  });

  app.get(base, {
    config,
    schema: {
      tags,
      operationId: 'listProjectQueries',
      summary: "A project's query threads",
      description:
        '`projects.queries.read` (not the revisore): open threads first, overdue first; filter `status`. 404 `projects.project.not_found`.',
      params: projectParams,
      querystring: listQuerySchema,
      response: { 200: queryListSchema },
    },
    handler: (req) => listQueries(req.ctx, req.params.projectId, req.query.status),
  });

  app.post(base, {
    config,
    schema: {
      tags,
      operationId: 'openProjectQuery',
      summary: 'Open a query anchored to a line of the project',
      description:
        '`projects.queries.open` (ANCI/Cittalia, MLPS): the anchor — PROGETTO (no id), RIGA_BUDGET (the line key), SPESA, DOMANDA, MONITORAGGIO (the scheda, optionally a field) — must be of this project (400), the due date not past; the first message is the question. The thread is APERTA, awaiting the Comune.',
      params: projectParams,
      body: openQuerySchema,
      response: { 201: queryDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await openQuery(req.ctx, req.params.projectId, req.body)),
  });

  app.get(`${base}/:queryId`, {
    config,
    schema: {
      tags,
      operationId: 'getProjectQuery',
      summary: 'A query thread with its messages',
      description: '`projects.queries.read`. 404 `projects.query.not_found`.',
      params: queryParams,
      response: { 200: queryDetailSchema },
    },
    handler: (req) => getQuery(req.ctx, req.params.projectId, req.params.queryId),
  });

  app.post(`${base}/:queryId/messages`, {
    config,
    schema: {
      tags,
      operationId: 'postProjectQueryMessage',
      summary: 'Answer or reply in a query thread',
      description:
        "The lead Comune's staff (`projects.queries.answer`) answer: → RISPOSTA. The side that asked (`projects.queries.open`, the same level: ANCI/Cittalia or MLPS; 403 `projects.query.not_asker` for the other) replies: → APERTA. 409 `projects.state` on a resolved thread.",
      params: queryParams,
      body: messageBodySchema,
      response: { 200: queryDetailSchema },
    },
    handler: (req) => postMessage(req.ctx, req.params.projectId, req.params.queryId, req.body),
  });

  app.post(`${base}/:queryId/resolve`, {
    config,
    schema: {
      tags,
      operationId: 'resolveProjectQuery',
      summary: 'Resolve a query thread (or reopen it)',
      description:
        '`projects.queries.open`, the side that asked: → RISOLTA; with `reopen: true` a resolved thread goes back to APERTA. 403 `projects.query.not_asker`; 409 `projects.state`.',
      params: queryParams,
      body: resolveSchema,
      response: { 200: queryDetailSchema },
    },
    handler: (req) => resolveQuery(req.ctx, req.params.projectId, req.params.queryId, req.body.reopen),
  });
}
