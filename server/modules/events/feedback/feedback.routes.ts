import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attachFeedbackSchema,
  eventParams,
  feedbackAnswerSchema,
  feedbackAttachmentSchema,
  feedbackFormListSchema,
  feedbackReceiptSchema,
  feedbackResultsSchema,
  feedbackTokenAnswerSchema,
  feedbackTokenSchema,
  participantFeedbackSchema,
  registrationParams,
} from './feedback.schema.js';
import {
  answerByToken,
  answerMine,
  attachFeedback,
  feedbackByToken,
  feedbackResultsOf,
  getAttachment,
  listFeedbackForms,
  myFeedback,
} from './feedback.service.js';

const organisers =
  "`events.manage`: ANCI/Cittalia's assistenza tecnica (403 for everyone else); 404 `events.event.not_found`";
const answerRules =
  'Checked by the surveys’ form engine: 400 `request.invalid` with each problem at `body.answers.<question>` (a required answer missing, a wrong type, an unknown choice, a broken constraint). Once per registration: a second answer is 200 with `already: true` and is not kept. 409 `events.feedback.not_open` (context.state) when there is no questionnaire, the event has not ended or no check-in was recorded. The answers are stored without the registration (decision 0059).';

/** The routes of the events' feedback questionnaire (mounted by ../index.ts under /api/v1). */
export async function feedbackRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.get('/event-feedback-forms', {
    config,
    schema: {
      tags,
      operationId: 'listEventFeedbackForms',
      summary: 'The published questionnaire versions (survey engine) an event’s feedback may use',
      description: `${organisers.split(';')[0]}. Newest survey first, then newest version.`,
      response: { 200: feedbackFormListSchema },
    },
    handler: (req) => listFeedbackForms(req.ctx),
  });

  app.get('/events/:eventId/feedback-form', {
    config,
    schema: {
      tags,
      operationId: 'getEventFeedbackForm',
      summary: 'The feedback questionnaire attached to an event, with the answers received so far',
      description: organisers,
      params: eventParams,
      response: { 200: feedbackAttachmentSchema },
    },
    handler: (req) => getAttachment(req.ctx, req.params.eventId),
  });

  app.put('/events/:eventId/feedback-form', {
    config,
    schema: {
      tags,
      operationId: 'attachEventFeedbackForm',
      summary: 'Attach a published questionnaire version as the event’s feedback (null: detach); audited',
      description: `${organisers}; 409 \`events.stale\` when \`rowVersion\` is not the event’s current one; 400 for a version that is not published; 409 \`events.feedback.answered\` once answers were received; 409 \`events.state\` for a cancelled event.`,
      params: eventParams,
      body: attachFeedbackSchema,
      response: { 200: feedbackAttachmentSchema },
    },
    handler: (req) => attachFeedback(req.ctx, req.params.eventId, req.body),
  });

  app.get('/events/:eventId/feedback', {
    config,
    schema: {
      tags,
      operationId: 'getEventFeedbackResults',
      summary: 'The feedback results: counts per choice, means, free texts without names',
      description: `${organisers}. Nothing is shown (\`suppressed\`) while fewer than \`minimum\` participants have answered.`,
      params: eventParams,
      response: { 200: feedbackResultsSchema },
    },
    handler: (req) => feedbackResultsOf(req.ctx, req.params.eventId),
  });

  app.get('/event-registrations/:registrationId/feedback', {
    config,
    schema: {
      tags,
      operationId: 'getMyEventFeedback',
      summary: 'The feedback questionnaire of the user’s own registration: its state, and the questionnaire when open',
      description:
        '`events.register`: the user’s own registration (404 `events.registration.not_found` for another’s).',
      params: registrationParams,
      response: { 200: participantFeedbackSchema },
    },
    handler: (req) => myFeedback(req.ctx, req.params.registrationId),
  });

  app.post('/event-registrations/:registrationId/feedback', {
    config,
    schema: {
      tags,
      operationId: 'answerMyEventFeedback',
      summary: 'Answer the feedback questionnaire for the user’s own registration; once; audited',
      description: `\`events.register\`: the user’s own registration (404 otherwise). ${answerRules}`,
      params: registrationParams,
      body: feedbackAnswerSchema,
      response: { 200: feedbackReceiptSchema },
    },
    handler: (req) => answerMine(req.ctx, req.params.registrationId, req.body.answers),
  });

  app.post('/public/registrations/feedback', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getEventFeedbackByToken',
      summary: 'An external participant’s feedback questionnaire, by the token of their own link (no login)',
      description: '404 `events.link.invalid` for an unknown token (or a registration erased after retention).',
      body: feedbackTokenSchema,
      response: { 200: participantFeedbackSchema },
    },
    handler: (req) => feedbackByToken(req.ctx, req.body.token),
  });

  app.post('/public/registrations/feedback/answer', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'answerEventFeedbackByToken',
      summary: 'An external participant answers the feedback questionnaire, by their link’s token; once; audited',
      description: `404 \`events.link.invalid\` for an unknown token. ${answerRules}`,
      body: feedbackTokenAnswerSchema,
      response: { 200: feedbackReceiptSchema },
    },
    handler: (req) => answerByToken(req.ctx, req.body.token, req.body.answers),
  });
}
