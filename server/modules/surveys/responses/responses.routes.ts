import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { htmlToPdf } from '../../../platform/pdf.js';
import { AppError } from '../../../platform/errors.js';
import { hashLinkToken, isLinkTokenShaped, LINK_HEADER } from '../shared/links.js';
import { linkCaller, userCaller, type Caller } from './responses.access.js';
import { todayOf } from './responses.form.js';
import { renderResponseHtml } from './responses.print.js';
import {
  flagBodySchema,
  flagParams,
  historySchema,
  linkHeaderSchema,
  myResponseListSchema,
  openFlagSchema,
  queuePageSchema,
  queueQuerySchema,
  responseParams,
  responseSchema,
  returnBodySchema,
  saveAnswersSchema,
  saveResultSchema,
  stateResultSchema,
  submitSchema,
  waveParams,
} from './responses.schema.js';
import {
  addFlag,
  getResponse,
  listMyResponses,
  loadForPrint,
  responseHistory,
  reviewQueue,
  reviewTransition,
  saveAnswers,
  submitResponse,
  withdrawFlag,
} from './responses.service.js';

const noContent = z.null().describe('No content');
const pdfResponse = {
  200: {
    description: 'The answers as a tagged PDF (application/pdf)',
    content: { 'application/pdf': { schema: z.file().mime('application/pdf') } },
  },
};

async function sendPdf(ctx: Ctx, caller: Caller, id: string, reply: FastifyReply) {
  const { row, index } = await loadForPrint(ctx, caller, id);
  const pdf = await htmlToPdf(
    renderResponseHtml({
      form: index.form,
      answers: row.answers,
      comuneName: row.comune_name,
      surveyTitle: row.survey_title_it,
      waveTitle: row.wave_title_it,
      status: row.status,
      submittedAt: row.submitted_at,
      printedOn: todayOf(ctx.clock.now()),
    }),
  );
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="questionario-${row.comune_istat}.pdf"`)
    .send(pdf);
}

const linkOf = (ctx: Ctx, headers: Record<string, unknown>) => linkCaller(ctx, headers[LINK_HEADER]);
/** the response a personal link opens is its own: the link's caller finds it inside the transaction */
const LINKED = '';

/** A Comune's response: answers (saved per question, no lost update), submission, review with return for correction, history, PDF; the same through a personal link. */
export async function responsesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['survey-responses'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;
  // a personal link's routes: a missing or malformed token answers 401 before the body is even
  // validated (a shaped one is looked up inside the route's transaction, see linkCaller)
  const linkGate = {
    onRequest: async (req: { headers: Record<string, unknown> }) => {
      const token = req.headers[LINK_HEADER];
      if (!isLinkTokenShaped(token)) {
        hashLinkToken('x'.repeat(43));
        throw new AppError('surveys.link.invalid', 'The link is not valid.');
      }
    },
  };

  app.get('/my/responses', {
    config,
    schema: {
      tags,
      operationId: 'listMySurveyResponses',
      summary: "The questionnaires of the user's Comune, with state, dates and progress",
      description:
        "A Comune's compilatore, validatore or referente (`surveys.response.fill`): every launched wave the Comune is in, newest first, with the response's state, the wave's dates and the progress (questions answered, required ones missing).",
      response: { 200: myResponseListSchema },
    },
    handler: (req) => listMyResponses(req.ctx),
  });

  app.get('/responses/:responseId', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyResponse',
      summary: 'A response with its questionnaire, answers, versions and open flags',
      description:
        "The Comune's own users (`surveys.response.fill`) and the reviewers (`surveys.review`, `surveys.read`: read-only). The first opening by the Comune is recorded. `editable` says what may change now (`flagged`: only the answers with an open flag, after a return for correction); `canSubmit` whether this user may send it. 404 `surveys.response.not_found` for a response of another Comune.",
      params: responseParams,
      response: { 200: responseSchema },
    },
    handler: (req) => getResponse(req.ctx, userCaller(req.ctx), req.params.responseId),
  });

  const saveDescription =
    "Top-level question names only (a repeat's value is its whole list of entries; null clears an answer). In one transaction: any sent answer saved by someone else after `baseVersion` refuses the whole save with 409 `surveys.response.conflict` (`context.questions`, `context.rowVersion`) and nothing is written. An unknown name or a value of the wrong type answers 400 `surveys.response.answer_invalid`; rules not met (constraints, missing answers) do not stop a draft: they come back as `issues`. The first save starts the compilation; after a return for correction only the flagged answers may change (409 `surveys.response.not_flagged`); once sent, 409 `surveys.response.state`. After the first submission every change is kept in the history.";

  app.patch('/responses/:responseId/answers', {
    config,
    schema: {
      tags,
      operationId: 'saveSurveyAnswers',
      summary: 'Save some answers (per question, no lost update)',
      description: `The Comune's users (\`surveys.response.fill\`). ${saveDescription}`,
      params: responseParams,
      body: saveAnswersSchema,
      response: { 200: saveResultSchema },
    },
    handler: (req) => saveAnswers(req.ctx, userCaller(req.ctx), req.params.responseId, req.body),
  });

  app.post('/responses/:responseId/submit', {
    config,
    schema: {
      tags,
      operationId: 'submitSurveyResponse',
      summary: 'Send the questionnaire on behalf of the Comune',
      description:
        "The Comune's validatore or referente (`surveys.response.submit`; a compilatore gets 403). The stored answers are checked by the form engine: anything missing or breaking a rule answers 400 `surveys.response.incomplete` with each problem in `errors` and nothing changes; `declaration: false` answers 400 `surveys.response.declaration`. From `in_compilazione` or `da_ricontattare` (the flags whose answer changed are resolved) to `inviato`; 409 `surveys.response.state` otherwise.",
      params: responseParams,
      body: submitSchema,
      response: { 200: stateResultSchema },
    },
    handler: (req) => submitResponse(req.ctx, userCaller(req.ctx), req.params.responseId, req.body.declaration),
  });

  const transition = (
    path: string,
    action: 'start' | 'validate' | 'consolidate',
    operationId: string,
    summary: string,
    description: string,
  ) =>
    app.post(path, {
      config,
      schema: { tags, operationId, summary, description, params: responseParams, response: { 200: stateResultSchema } },
      handler: (req) => reviewTransition(req.ctx, req.params.responseId, action),
    });

  transition(
    '/responses/:responseId/review/start',
    'start',
    'startSurveyReview',
    'Start reviewing a sent response',
    'Reviewers (`surveys.review`): `inviato` → `in_validazione`; 409 `surveys.response.state` from any other state.',
  );
  transition(
    '/responses/:responseId/validate',
    'validate',
    'validateSurveyResponse',
    'Validate a response under review',
    'Reviewers (`surveys.review`): `in_validazione` → `validato`, only with no open flag (409 `surveys.response.state` otherwise).',
  );
  transition(
    '/responses/:responseId/consolidate',
    'consolidate',
    'consolidateSurveyResponse',
    'Consolidate a validated response',
    'Reviewers (`surveys.review`): `validato` → `consolidato`; 409 `surveys.response.state` otherwise.',
  );

  app.post('/responses/:responseId/return', {
    config,
    schema: {
      tags,
      operationId: 'returnSurveyResponse',
      summary: 'Return a response to the Comune for correction',
      description:
        'Reviewers (`surveys.review`): `in_validazione` → `da_ricontattare`, with at least one open flag (409 `surveys.response.state` otherwise); the review round goes up by one. The Comune sees the reasons and may change only the flagged answers.',
      params: responseParams,
      body: returnBodySchema,
      response: { 200: stateResultSchema },
    },
    handler: (req) => reviewTransition(req.ctx, req.params.responseId, 'return', req.body.note),
  });

  app.post('/responses/:responseId/flags', {
    config,
    schema: {
      tags,
      operationId: 'flagSurveyAnswer',
      summary: 'Flag an answer with the reason the Comune will read',
      description:
        'Reviewers (`surveys.review`), while the response is `in_validazione` (409 `surveys.response.state` otherwise). The question must be one of the questionnaire (400 `surveys.response.answer_invalid`); the reason is mandatory (3 to 2000 characters).',
      params: responseParams,
      body: flagBodySchema,
      response: { 201: openFlagSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addFlag(req.ctx, req.params.responseId, req.body)),
  });

  app.delete('/responses/:responseId/flags/:flagId', {
    config,
    schema: {
      tags,
      operationId: 'withdrawSurveyFlag',
      summary: 'Withdraw a flag',
      description:
        'Reviewers (`surveys.review`), while the response is `in_validazione`. 404 `surveys.flag.not_found` for a flag that is not open.',
      params: flagParams,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await withdrawFlag(req.ctx, req.params.responseId, req.params.flagId);
      return reply.code(204).send(null);
    },
  });

  app.get('/responses/:responseId/history', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyResponseHistory',
      summary: "A response's history: state changes, answer changes after submission, flags",
      description:
        'The Comune (`surveys.response.fill`) and the reviewers: every state change (who, when, note), every answer changed after the first submission (old and new value, who, when, round) and every flag with its reason.',
      params: responseParams,
      response: { 200: historySchema },
    },
    handler: (req) => responseHistory(req.ctx, userCaller(req.ctx), req.params.responseId),
  });

  app.get('/responses/:responseId/pdf', {
    config,
    schema: {
      tags,
      operationId: 'printSurveyResponse',
      summary: 'The answers as a tagged PDF in Italian; audited',
      description:
        'The Comune and the reviewers: title, Comune, wave, state, each section with its questions and the answers in words; repeats as tables. Audited (`surveys.response.print`).',
      params: responseParams,
      response: pdfResponse,
    },
    handler: (req, reply) => sendPdf(req.ctx, userCaller(req.ctx), req.params.responseId, reply),
  });

  app.get('/waves/:waveId/review-queue', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyReviewQueue',
      summary: 'The responses of a wave to review',
      description:
        'Reviewers (`surveys.review`): the responses sent (`inviato`), under review (`in_validazione`) or returned (`da_ricontattare`), oldest submission first, with their open flags. 404 `surveys.wave.not_found`.',
      params: waveParams,
      querystring: queueQuerySchema,
      response: { 200: queuePageSchema },
    },
    handler: (req) => reviewQueue(req.ctx, req.params.waveId, req.query),
  });

  // --- a personal link: the token in the x-survey-link header, no session
  const linkNote = `No session: the personal link's token in the \`${LINK_HEADER}\` header. A malformed, unknown, expired or revoked token answers 401 \`surveys.link.invalid\`, the same for all.`;

  app.get('/link/response', {
    ...linkGate,
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getSurveyResponseByLink',
      summary: "The Comune's response a personal link opens",
      description: `${linkNote} The response of the link's Comune in the link's wave, as \`getSurveyResponse\`.`,
      headers: linkHeaderSchema,
      response: { 200: responseSchema },
    },
    handler: async (req) => {
      const caller = linkOf(req.ctx, req.headers);
      return getResponse(req.ctx, caller, LINKED);
    },
  });

  app.patch('/link/response/answers', {
    ...linkGate,
    config: publicConfig,
    schema: {
      tags,
      operationId: 'saveSurveyAnswersByLink',
      summary: 'Save some answers through a personal link',
      description: `${linkNote} ${saveDescription}`,
      headers: linkHeaderSchema,
      body: saveAnswersSchema,
      response: { 200: saveResultSchema },
    },
    handler: async (req) => {
      const caller = linkOf(req.ctx, req.headers);
      return saveAnswers(req.ctx, caller, LINKED, req.body);
    },
  });

  app.post('/link/response/submit', {
    ...linkGate,
    config: publicConfig,
    schema: {
      tags,
      operationId: 'submitSurveyResponseByLink',
      summary: 'Send the questionnaire through a personal link',
      description: `${linkNote} The link stands for the Comune: as \`submitSurveyResponse\`.`,
      headers: linkHeaderSchema,
      body: submitSchema,
      response: { 200: stateResultSchema },
    },
    handler: async (req) => {
      const caller = linkOf(req.ctx, req.headers);
      return submitResponse(req.ctx, caller, LINKED, req.body.declaration);
    },
  });

  app.get('/link/response/pdf', {
    ...linkGate,
    config: publicConfig,
    schema: {
      tags,
      operationId: 'printSurveyResponseByLink',
      summary: 'The answers as a tagged PDF, through a personal link; audited',
      description: `${linkNote} As \`printSurveyResponse\`.`,
      headers: linkHeaderSchema,
      response: pdfResponse,
    },
    handler: async (req, reply) => {
      const caller = linkOf(req.ctx, req.headers);
      return sendPdf(req.ctx, caller, LINKED, reply);
    },
  });
}
