/**
 * API schemas of the events' events (issue 14 item 1): the organisers' list with drafts and the
 * registrations' counts, an event's detail, its creation and change (row_version), publication and
 * cancellation; the public site's list, page and calendar file (no personal data, no drafts).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { eventKinds, eventStatuses } from '../shared/vocabulary.js';

const instant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with its offset');
const region = z
  .string()
  .regex(/^[0-9]{2}$/)
  .describe('A Region by its ISTAT code');

export const eventKindSchema = z.enum(eventKinds).meta({ id: 'EventKind' });
export const eventStatusSchema = z.enum(eventStatuses).meta({ id: 'EventStatus' });

export const eventParams = z.object({ eventId: z.uuid() }).strict();
export const slugParams = z
  .object({
    slug: z
      .string()
      .min(3)
      .max(80)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  })
  .strict();

export const listEventsQuerySchema = z
  .object({
    kind: eventKindSchema.optional(),
    status: eventStatusSchema.optional(),
    region: region.optional(),
    from: instant.optional().describe('Events ending at or after this instant'),
    to: instant.optional().describe('Events starting before this instant'),
    ...pageQuery,
  })
  .strict();
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

export const listPublicEventsQuerySchema = z
  .object({ kind: eventKindSchema.optional(), region: region.optional(), ...pageQuery })
  .strict();
export type ListPublicEventsQuery = z.infer<typeof listPublicEventsQuerySchema>;

const fields = {
  kind: eventKindSchema,
  title: z.string().trim().min(3).max(300),
  summary: z.string().trim().min(1).max(2000),
  programme: z.string().trim().max(20000).nullable(),
  audience: z.string().trim().max(1000).nullable(),
  startsAt: instant,
  endsAt: instant,
  place: z.string().trim().min(2).max(300).nullable().describe('Where it takes place (in person)'),
  onlineUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .describe('The link to follow it online (https)'),
  regionCode: region.nullable(),
  capacity: z.number().int().min(1).max(100000),
  registrationClosesAt: instant.nullable().describe('Registrations close then (null: when the event starts)'),
  certificateHours: z.number().min(0.5).max(200).multipleOf(0.5).nullable().describe('Training hours certified'),
};

/** The rules across fields, for a whole event (on create; on change, after merging with the stored one). */
export function eventRules(
  e: {
    startsAt?: string | undefined;
    endsAt?: string | undefined;
    place?: string | null | undefined;
    onlineUrl?: string | null | undefined;
    registrationClosesAt?: string | null | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end comes after the start' });
  if (e.place === null && e.onlineUrl === null)
    ctx.addIssue({ code: 'custom', path: ['place'], message: 'A place or an online link' });
  if (e.registrationClosesAt && e.endsAt && Date.parse(e.registrationClosesAt) > Date.parse(e.endsAt))
    ctx.addIssue({
      code: 'custom',
      path: ['registrationClosesAt'],
      message: 'Registrations close before the event ends',
    });
}

export const createEventSchema = z
  .object({
    ...fields,
    programme: fields.programme.default(null),
    audience: fields.audience.default(null),
    place: fields.place.default(null),
    onlineUrl: fields.onlineUrl.default(null),
    regionCode: fields.regionCode.default(null),
    registrationClosesAt: fields.registrationClosesAt.default(null),
    certificateHours: fields.certificateHours.default(null),
  })
  .strict()
  .superRefine(eventRules)
  .meta({ id: 'EventCreate' });
export type CreateEventBody = z.infer<typeof createEventSchema>;

export const patchEventSchema = z
  .object({ rowVersion: z.number().int().min(1), ...fields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'EventPatch' });
export type PatchEventBody = z.infer<typeof patchEventSchema>;

export const publishEventSchema = z
  .object({ rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'EventPublish' });
export type PublishEventBody = z.infer<typeof publishEventSchema>;

export const cancelEventSchema = z
  .object({ reason: z.string().trim().min(3).max(1000), rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'EventCancel' });
export type CancelEventBody = z.infer<typeof cancelEventSchema>;

export const eventSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: eventKindSchema,
    status: eventStatusSchema,
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    capacity: z.number().int(),
    confirmed: z.number().int().describe('Registrations CONFERMATA (seats taken)'),
    waiting: z.number().int().describe('Registrations IN_ATTESA (the waitlist)'),
    toConfirm: z.number().int().describe('Registrations DA_CONFERMARE (e-mail not confirmed yet)'),
    seatsLeft: z.number().int(),
    publishedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof eventSummarySchema>;
export const eventPageSchema = pageOf(eventSummarySchema).meta({ id: 'EventPage' });

export const eventDetailSchema = z
  .object({
    ...eventSummarySchema.shape,
    summary: z.string(),
    programme: z.string().nullable(),
    audience: z.string().nullable(),
    registrationClosesAt: instant.nullable(),
    certificateHours: z.number().nullable(),
    cancelledReason: z.string().nullable(),
    rowVersion: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const registrationWindowSchema = z
  .object({
    open: z.boolean(),
    closesAt: instant.describe('When registrations close (the deadline, else the start)'),
    closedReason: z
      .enum(['ANNULLATO', 'CONCLUSO', 'TERMINE_SCADUTO'])
      .nullable()
      .describe('Why they are closed: the event cancelled, over, or the deadline past'),
    waitlist: z.boolean().describe('Open but no seat left: a registration joins the waitlist'),
  })
  .meta({ id: 'EventRegistrationWindow' });

export const publicEventSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: eventKindSchema,
    status: eventStatusSchema.describe('PUBBLICATO, CONCLUSO or ANNULLATO (never a draft)'),
    title: z.string(),
    summary: z.string(),
    startsAt: instant,
    endsAt: instant,
    place: z.string().nullable(),
    online: z.boolean().describe('It can be followed online'),
    regionName: z.string().nullable(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    registration: registrationWindowSchema,
  })
  .meta({ id: 'PublicEventSummary' });
export type PublicEventSummary = z.infer<typeof publicEventSummarySchema>;
export const publicEventPageSchema = pageOf(publicEventSummarySchema).meta({ id: 'PublicEventPage' });

export const publicEventRegionsSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string().length(2).describe('ISTAT code of the Region'),
        name: z.string(),
        events: z.number().int().describe('published events there, past ones included'),
      }),
    ),
  })
  .meta({ id: 'PublicEventRegionList' });
export type PublicEventRegions = z.infer<typeof publicEventRegionsSchema>;

export const publicEventSchema = z
  .object({
    ...publicEventSummarySchema.shape,
    programme: z.string().nullable(),
    audience: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    regionCode: z.string().nullable(),
    certificateHours: z.number().nullable(),
    cancelledReason: z.string().nullable(),
  })
  .meta({ id: 'PublicEvent' });
export type PublicEvent = z.infer<typeof publicEventSchema>;
