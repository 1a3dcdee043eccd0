import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelEventSchema,
  createEventSchema,
  eventDetailSchema,
  eventPageSchema,
  eventParams,
  listEventsQuerySchema,
  listPublicEventsQuerySchema,
  patchEventSchema,
  publicEventPageSchema,
  publicEventRegionsSchema,
  publicEventSchema,
  publishEventSchema,
  slugParams,
} from './events.schema.js';
import {
  cancelEvent,
  createEvent,
  getEvent,
  getPublicEvent,
  listEvents,
  listPublicEventRegions,
  listPublicEvents,
  patchEvent,
  publicEventIcs,
  publishEvent,
} from './events.service.js';

const organisers =
  "`events.manage`: ANCI/Cittalia's assistenza tecnica (403 for everyone else); 404 `events.event.not_found`";
const writer = `${organisers}; 409 \`events.stale\` when \`rowVersion\` is not the current one`;
const publicNote =
  'Public: no session; runs with the anonymous scope (published events only, never a draft: 404 `events.event.not_found`; no registration’s personal data).';

/** The routes of the events' events (mounted by ../index.ts under /api/v1): the organisers' and the public site's. */
export async function eventsPartRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.get('/events', {
    config,
    schema: {
      tags,
      operationId: 'listEvents',
      summary: 'Every event, drafts included, with the counts of its registrations and the seats left',
      description: `${organisers}. Filters \`kind\`, \`status\`, \`region\`, \`from\` (ending at or after), \`to\` (starting before); latest start first; paged.`,
      querystring: listEventsQuerySchema,
      response: { 200: eventPageSchema },
    },
    handler: (req) => listEvents(req.ctx, req.query),
  });

  app.post('/events', {
    config,
    schema: {
      tags,
      operationId: 'createEvent',
      summary: 'Create an event as a draft (BOZZA); its public address is made from the title; audited',
      description: `${organisers.split(';')[0]}. 400 when the end is not after the start, there is neither a place nor an online link, registrations close after the end, or the Region does not exist.`,
      body: createEventSchema,
      response: { 201: eventDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createEvent(req.ctx, req.body)),
  });

  app.get('/events/:eventId', {
    config,
    schema: {
      tags,
      operationId: 'getEvent',
      summary: 'An event with its counts of registrations, for the organisers',
      description: `${organisers}.`,
      params: eventParams,
      response: { 200: eventDetailSchema },
    },
    handler: (req) => getEvent(req.ctx, req.params.eventId),
  });

  app.patch('/events/:eventId', {
    config,
    schema: {
      tags,
      operationId: 'updateEvent',
      summary: 'Change an event (a draft or published); audited',
      description: `${writer}. 409 \`events.state\` once cancelled or over; 409 \`events.events.capacity_below_confirmed\` (with \`context.confirmed\`) for a capacity below the seats confirmed. The public address stays.`,
      params: eventParams,
      body: patchEventSchema,
      response: { 200: eventDetailSchema },
    },
    handler: (req) => patchEvent(req.ctx, req.params.eventId, req.body),
  });

  app.post('/events/:eventId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishEvent',
      summary: 'Publish a draft (BOZZA → PUBBLICATO): its public page appears; audited',
      description: `${writer}. 409 \`events.state\` (with \`context.status\`) unless a draft.`,
      params: eventParams,
      body: publishEventSchema,
      response: { 200: eventDetailSchema },
    },
    handler: (req) => publishEvent(req.ctx, req.params.eventId, req.body),
  });

  app.post('/events/:eventId/cancel', {
    config,
    schema: {
      tags,
      operationId: 'cancelEvent',
      summary:
        'Cancel a published event with a reason (→ ANNULLATO): every live registration is told by e-mail; audited',
      description: `${writer}. 409 \`events.state\` unless published. An e-mail (\`ANNULLATO\`) is queued for every registration with a seat, on the waitlist or with an e-mail to confirm.`,
      params: eventParams,
      body: cancelEventSchema,
      response: { 200: eventDetailSchema },
    },
    handler: (req) => cancelEvent(req.ctx, req.params.eventId, req.body),
  });

  app.get('/public/events', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicEvents',
      summary: 'The published events: the coming ones first (soonest first), then the past ones',
      description: `${publicNote} Filters \`kind\`, \`region\`; paged.`,
      querystring: listPublicEventsQuerySchema,
      response: { 200: publicEventPageSchema },
    },
    handler: (req) => listPublicEvents(req.ctx, req.query),
  });

  app.get('/public/event-regions', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicEventRegions',
      summary: 'The Regions where published events take place, with how many (the public list’s Region filter)',
      description: `${publicNote} Ordered by name.`,
      response: { 200: publicEventRegionsSchema },
    },
    handler: (req) => listPublicEventRegions(req.ctx),
  });

  app.get('/public/events/:slug', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicEvent',
      summary:
        'The public page of an event: programme, place or link, audience, seats left, registrations open or why not',
      description: publicNote,
      params: slugParams,
      response: { 200: publicEventSchema },
    },
    handler: (req) => getPublicEvent(req.ctx, req.params.slug),
  });

  app.get('/public/events/:slug/event.ics', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicEventIcs',
      summary: 'The event as an iCalendar file (.ics) to add to a calendar',
      description: `${publicNote} RFC 5545: CRLF lines folded at 75 octets, times in UTC.`,
      params: slugParams,
      response: {
        200: {
          description: 'The calendar file',
          content: { 'text/calendar': { schema: z.any().meta({ type: 'string' }) } },
        },
      },
    },
    handler: async (req, reply) => {
      const { ics, filename } = await publicEventIcs(req.ctx, req.params.slug);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(ics);
    },
  });
}
