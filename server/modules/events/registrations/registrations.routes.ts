import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptedSchema,
  eventParams,
  myRegistrationListSchema,
  myRegistrationSchema,
  organiserRegistrationListSchema,
  publicRegistrationSchema,
  registrationParams,
  selfRegistrationSchema,
  slugParams,
  tokenBodySchema,
} from './registrations.schema.js';
import {
  cancelByToken,
  cancelRegistration,
  confirmRegistration,
  listEventRegistrations,
  listMine,
  lookupRegistration,
  registerSelf,
  requestRegistration,
} from './registrations.service.js';

const seatRule =
  'Seats are decided under the event row’s lock (decision 0055): a seat while one is free, else the waitlist in arrival order; a freed seat goes to the first waiting.';

/** The routes of the events' registrations (mounted by ../index.ts under /api/v1). Tokens travel only in bodies. */
export async function registrationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const config = { auth: 'session' } as const;
  // the public flows: per client IP, as the login
  const publicConfig = {
    auth: 'public',
    rateLimit: {
      max: (req: { ctx: { config: { loginRateLimitPerMinute: number } } }) => req.ctx.config.loginRateLimitPerMinute,
      timeWindow: '1 minute',
    },
  } as const;

  app.post('/events/:eventId/registrations', {
    config,
    schema: {
      tags,
      operationId: 'registerForEvent',
      summary: 'Register oneself for an event',
      description: `\`events.register\`. Name, e-mail and organisation from the account; queues at once. ${seatRule} 404 \`events.event.not_found\`, 409 \`events.state\` when registrations are closed, 409 \`events.registration.duplicate\`.`,
      params: eventParams,
      body: selfRegistrationSchema,
      response: { 201: myRegistrationSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await registerSelf(req.ctx, req.params.eventId, req.body)),
  });

  app.get('/events/:eventId/registrations', {
    config,
    schema: {
      tags,
      operationId: 'listEventRegistrations',
      summary: 'Every registration of an event, with the participants’ personal data (audited)',
      description: '`events.manage`. Seats by arrival, then the waitlist, then the rest. 404 `events.event.not_found`.',
      params: eventParams,
      response: { 200: organiserRegistrationListSchema },
    },
    handler: (req) => listEventRegistrations(req.ctx, req.params.eventId),
  });

  app.get('/event-registrations/mine', {
    config,
    schema: {
      tags,
      operationId: 'listMyEventRegistrations',
      summary: 'My registrations, with the event, the status and the waitlist position',
      description: '`events.register`.',
      response: { 200: myRegistrationListSchema },
    },
    handler: (req) => listMine(req.ctx),
  });

  app.post('/event-registrations/:id/cancel', {
    config,
    schema: {
      tags,
      operationId: 'cancelEventRegistration',
      summary: 'Cancel a registration (one’s own; an organiser anyone’s)',
      description: `\`events.register\` for one’s own, \`events.manage\` for anyone’s; takes no body. ${seatRule} 404 \`events.registration.not_found\`, 409 \`events.state\` when no longer live.`,
      params: registrationParams,
      response: { 200: myRegistrationSchema },
    },
    handler: (req) => cancelRegistration(req.ctx, req.params.id),
  });

  app.post('/public/events/:slug/registrations', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'requestEventRegistration',
      summary: 'An external participant asks to register (no login); an e-mail with the confirmation link follows',
      description:
        'Public, rate-limited per IP. Holds no seat until the e-mail is confirmed. Always 202 with the same answer, whether or not the e-mail was already registered. 404 `events.event.not_found`, 409 `events.state` when closed, 400 for a stale `privacyVersion` or an unknown Comune.',
      params: slugParams,
      body: publicRegistrationSchema,
      response: { 202: acceptedSchema },
    },
    handler: async (req, reply) => reply.code(202).send(await requestRegistration(req.ctx, req.params.slug, req.body)),
  });

  app.post('/public/registrations/confirm', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'confirmEventRegistration',
      summary: 'Confirm the e-mail of a registration: it enters the queue (seat or waitlist)',
      description: `Public, rate-limited. Idempotent: a second confirmation answers the current state. ${seatRule} 404 \`events.link.invalid\` for an unknown or expired link.`,
      body: tokenBodySchema,
      response: { 200: myRegistrationSchema },
    },
    handler: (req) => confirmRegistration(req.ctx, req.body.token),
  });

  app.post('/public/registrations/lookup', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'lookupEventRegistration',
      summary: 'The registration a participant’s link opens: status, event, waitlist position',
      description: 'Public, rate-limited. 404 `events.link.invalid`.',
      body: tokenBodySchema,
      response: { 200: myRegistrationSchema },
    },
    handler: (req) => lookupRegistration(req.ctx, req.body.token),
  });

  app.post('/public/registrations/cancel', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'cancelEventRegistrationByLink',
      summary: 'Cancel a registration with the participant’s link',
      description: `Public, rate-limited. ${seatRule} 404 \`events.link.invalid\`, 409 \`events.state\` when no longer live.`,
      body: tokenBodySchema,
      response: { 200: myRegistrationSchema },
    },
    handler: (req) => cancelByToken(req.ctx, req.body.token),
  });
}
