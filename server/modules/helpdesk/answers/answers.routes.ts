import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  answerDetailSchema,
  answerHitsSchema,
  answerParams,
  createAnswerSchema,
  patchAnswerSchema,
  publicAnswerSchema,
  publicHitsSchema,
  publicSearchQuery,
  publishAnswerSchema,
  searchAnswersQuery,
  slugParams,
  withdrawAnswerSchema,
} from './answers.schema.js';
import {
  createAnswer,
  getAnswer,
  getPublicAnswer,
  patchAnswer,
  publishAnswer,
  searchAnswersOf,
  searchPublicAnswers,
  withdrawAnswer,
} from './answers.service.js';

const desk =
  '`helpdesk.handle`: the help desk (ANCI/Cittalia, national); 404 `helpdesk.answer.not_found`; 409 `helpdesk.stale` when `rowVersion` is not the current one';
const search =
  'Italian full text (stemming; websearch syntax: "a phrase", -excluded, or): the question weighs most, then the keywords, then the answer; without `q`, the newest. Filter `topic`. At most 100.';

/** The routes of the knowledge base (mounted by ../index.ts under /api/v1): the help desk's, the logged-in users' and the public ones. */
export async function answersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpdesk'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.get('/help-answers', {
    config,
    schema: {
      tags,
      operationId: 'searchHelpAnswers',
      summary: 'Search the knowledge base',
      description: `\`helpdesk.answers.read\` (every role): published entries. ${search} The help desk may ask for \`status\` (drafts, withdrawn).`,
      querystring: searchAnswersQuery,
      response: { 200: answerHitsSchema },
    },
    handler: (req) => searchAnswersOf(req.ctx, req.query),
  });

  app.post('/help-answers', {
    config,
    schema: {
      tags,
      operationId: 'createHelpAnswer',
      summary: 'Write a draft entry of the knowledge base, from a resolved request or from scratch; audited',
      description:
        "`helpdesk.handle`. A new record: the question and the answer rewritten without the Comune's details; `warnings` lists what looks like the Comune's name, the names of who wrote, e-mail addresses, phone numbers, codici fiscali. 404 `helpdesk.request.not_found`, 409 `helpdesk.state` for a request not resolved.",
      body: createAnswerSchema,
      response: { 201: answerDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createAnswer(req.ctx, req.body)),
  });

  app.get('/help-answers/:answerId', {
    config,
    schema: {
      tags,
      operationId: 'getHelpAnswer',
      summary: 'An entry of the knowledge base',
      description:
        '`helpdesk.answers.read`: a published entry; drafts and withdrawn ones for the help desk only (404 `helpdesk.answer.not_found`).',
      params: answerParams,
      response: { 200: answerDetailSchema },
    },
    handler: (req) => getAnswer(req.ctx, req.params.answerId),
  });

  app.patch('/help-answers/:answerId', {
    config,
    schema: {
      tags,
      operationId: 'patchHelpAnswer',
      summary: 'Rewrite an entry (topic, question, answer, keywords); audited',
      description: `${desk}.`,
      params: answerParams,
      body: patchAnswerSchema,
      response: { 200: answerDetailSchema },
    },
    handler: (req) => patchAnswer(req.ctx, req.params.answerId, req.body),
  });

  app.post('/help-answers/:answerId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishHelpAnswer',
      summary: 'Publish an entry (public, searchable); audited',
      description: `${desk}; 409 \`helpdesk.answer.personal_data\` when the check finds something, unless \`acknowledgeWarnings\`; 409 \`helpdesk.state\` when published already.`,
      params: answerParams,
      body: publishAnswerSchema,
      response: { 200: answerDetailSchema },
    },
    handler: (req) => publishAnswer(req.ctx, req.params.answerId, req.body),
  });

  app.post('/help-answers/:answerId/withdraw', {
    config,
    schema: {
      tags,
      operationId: 'withdrawHelpAnswer',
      summary: 'Withdraw a published entry from the knowledge base; audited',
      description: `${desk}; 409 \`helpdesk.state\` when not published.`,
      params: answerParams,
      body: withdrawAnswerSchema,
      response: { 200: answerDetailSchema },
    },
    handler: (req) => withdrawAnswer(req.ctx, req.params.answerId, req.body.rowVersion),
  });

  app.get('/public/help-answers', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'searchPublicHelpAnswers',
      summary: 'Search the public knowledge base (frequently asked questions)',
      description: `Public: no session; published entries only, never the request they came from. ${search}`,
      querystring: publicSearchQuery,
      response: { 200: publicHitsSchema },
    },
    handler: (req) => searchPublicAnswers(req.ctx, req.query),
  });

  app.get('/public/help-answers/:slug', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicHelpAnswer',
      summary: 'A published entry of the knowledge base',
      description: 'Public: no session; 404 `helpdesk.answer.not_found` for a draft, a withdrawn entry or none.',
      params: slugParams,
      response: { 200: publicAnswerSchema },
    },
    handler: (req) => getPublicAnswer(req.ctx, req.params.slug),
  });
}
