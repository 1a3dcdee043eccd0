/**
 * API schemas of the events' registrations (issue 14 item 1; decision 0055): a user's own
 * registration, an external participant's (confirmed by e-mail), the waitlist and the organisers'
 * list. Tokens travel only in request bodies (never in a URL) and never in a response.
 */
import { z } from 'zod';
import { feedbackStates } from '../shared/feedback.js';
import { participantOrgTypes, PRIVACY_VERSION, registrationStatuses } from '../shared/vocabulary.js';

export const registrationStatusSchema = z.enum(registrationStatuses).meta({ id: 'EventRegistrationStatus' });
export const participantOrgTypeSchema = z.enum(participantOrgTypes).meta({ id: 'EventParticipantOrgType' });

export const eventParams = z.object({ eventId: z.uuid() }).strict();
export const slugParams = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .min(3)
      .max(80),
  })
  .strict();
export const registrationParams = z.object({ id: z.uuid() }).strict();

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'A link token');
export const tokenBodySchema = z.object({ token }).strict().meta({ id: 'EventRegistrationTokenBody' });

export const selfRegistrationSchema = z
  .object({
    consent: z.literal(true).optional().describe('Consent to the participants’ privacy notice'),
    privacyVersion: z.string().min(1).max(40).optional().describe(`The notice's version (now ${PRIVACY_VERSION})`),
  })
  .strict()
  .meta({ id: 'EventSelfRegistration' });
export type SelfRegistrationBody = z.infer<typeof selfRegistrationSchema>;

export const publicRegistrationSchema = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    email: z.email().max(254),
    organisationName: z.string().trim().min(2).max(300),
    organisationType: participantOrgTypeSchema,
    comuneIstat: z
      .string()
      .regex(/^[0-9]{6}$/, 'An ISTAT code of 6 digits')
      .optional(),
    consent: z.literal(true).describe('Consent to the participants’ privacy notice'),
    privacyVersion: z.string().min(1).max(40),
  })
  .strict()
  .meta({ id: 'EventPublicRegistration' });
export type PublicRegistrationBody = z.infer<typeof publicRegistrationSchema>;

export const acceptedSchema = z.object({ message: z.string() }).strict().meta({ id: 'EventRegistrationAccepted' });

const eventSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().nullable(),
    status: z.string(),
  })
  .strict()
  .meta({ id: 'EventRegistrationEvent' });

/** A registration as its participant sees it. */
export const myRegistrationSchema = z
  .object({
    id: z.uuid(),
    status: registrationStatusSchema,
    /** 1 = the first waiting (IN_ATTESA only) */
    waitlistPosition: z.number().int().positive().nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
    queuedAt: z.iso.datetime({ offset: true }).nullable(),
    cancelledAt: z.iso.datetime({ offset: true }).nullable(),
    event: eventSummary,
    certificate: z.boolean().describe('a certificate of attendance was issued (GET …/certificate.pdf)'),
    feedback: z
      .enum(feedbackStates)
      .describe(
        'The feedback questionnaire: NESSUNO (none), NON_ANCORA (the event has not ended), NON_PRESENTE (no check-in), APERTO (to answer), INVIATO (answered)',
      ),
  })
  .strict()
  .meta({ id: 'EventMyRegistration' });
export type MyRegistration = z.infer<typeof myRegistrationSchema>;
export const myRegistrationListSchema = z
  .object({ items: z.array(myRegistrationSchema) })
  .strict()
  .meta({ id: 'EventMyRegistrationList' });

/** A registration as the organisers see it: with the participant's personal data (audited read). */
export const organiserRegistrationSchema = z
  .object({
    id: z.uuid(),
    status: registrationStatusSchema,
    waitlistPosition: z.number().int().positive().nullable(),
    userId: z.uuid().nullable(),
    fullName: z.string().nullable(),
    email: z.string().nullable(),
    organisationName: z.string().nullable(),
    organisationType: participantOrgTypeSchema.nullable(),
    comuneIstat: z.string().nullable(),
    regionCode: z.string().nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
    queuedAt: z.iso.datetime({ offset: true }).nullable(),
    cancelledAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
  .meta({ id: 'EventOrganiserRegistration' });
export type OrganiserRegistration = z.infer<typeof organiserRegistrationSchema>;
export const organiserRegistrationListSchema = z
  .object({
    capacity: z.number().int(),
    confirmed: z.number().int(),
    waiting: z.number().int(),
    items: z.array(organiserRegistrationSchema),
  })
  .strict()
  .meta({ id: 'EventOrganiserRegistrationList' });
