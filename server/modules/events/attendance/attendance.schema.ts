/**
 * API schemas of the events' attendance (issue 14 item 1): check-in by QR or by hand, the list of
 * attendance, certificates and their public verification, the participation figures.
 */
import { z } from 'zod';
import { eventKinds, participantOrgTypes, registrationStatuses } from '../shared/vocabulary.js';

const regionCode = z.string().regex(/^[0-9]{2}$/, 'A Region code of two digits');

export const eventParams = z.object({ eventId: z.uuid() }).strict();
export const registrationParams = z.object({ registrationId: z.uuid() }).strict();
export const eventRegistrationParams = z.object({ eventId: z.uuid(), registrationId: z.uuid() }).strict();

export const checkInBodySchema = z
  .union([
    z
      .object({
        registrationId: z.uuid(),
        code: z
          .string()
          .regex(/^[0-9a-f]{16}$/, 'The code of the QR: 16 hexadecimal characters')
          .describe('the code after the registration id in the QR’s link'),
      })
      .strict(),
    z
      .object({
        registrationId: z.uuid(),
        manual: z.literal(true).describe('an organiser marks the presence by hand, without the code'),
        attended: z.boolean().default(true).describe('false takes the presence back (not once certified)'),
      })
      .strict(),
  ])
  .meta({ id: 'EventCheckInBody' });
export type CheckInBody = z.infer<typeof checkInBodySchema>;

export const checkInResultSchema = z
  .object({
    registrationId: z.uuid(),
    fullName: z.string().nullable(),
    attended: z.boolean(),
    attendedAt: z.iso.datetime().nullable(),
    already: z.boolean().describe('true when the presence was recorded before: attendedAt is the first time'),
  })
  .strict()
  .meta({ id: 'EventCheckInResult' });
export type CheckInResult = z.infer<typeof checkInResultSchema>;

export const attendanceEntrySchema = z
  .object({
    registrationId: z.uuid(),
    fullName: z.string().nullable(),
    organisationName: z.string().nullable(),
    organisationType: z.enum(participantOrgTypes).nullable(),
    status: z.enum(registrationStatuses),
    attended: z.boolean(),
    attendedAt: z.iso.datetime().nullable(),
    certificateCode: z.string().nullable(),
    erased: z.boolean(),
  })
  .strict()
  .meta({ id: 'EventAttendanceEntry' });
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const attendanceListSchema = z
  .object({
    event: z
      .object({
        id: z.uuid(),
        title: z.string(),
        kind: z.enum(eventKinds),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        ended: z.boolean(),
        certificateHours: z.number().nullable(),
      })
      .strict(),
    items: z.array(attendanceEntrySchema),
    confirmed: z.number().int(),
    attended: z.number().int(),
    certified: z.number().int(),
  })
  .strict()
  .meta({ id: 'EventAttendanceList' });
export type AttendanceList = z.infer<typeof attendanceListSchema>;

export const certificatesIssuedSchema = z
  .object({ issued: z.number().int().describe('certificates issued now'), total: z.number().int() })
  .strict()
  .meta({ id: 'EventCertificatesIssued' });

export const tokenBodySchema = z
  .object({ token: z.string().min(16).max(200).describe('the token of the participant’s own link') })
  .strict()
  .meta({ id: 'EventParticipantTokenBody' });

export const verifyBodySchema = z
  .object({ code: z.string().trim().min(1).max(40).describe('as printed; case, spaces and dashes do not matter') })
  .strict()
  .meta({ id: 'EventCertificateVerifyBody' });

export const verificationSchema = z
  .object({
    valid: z.literal(true),
    code: z.string(),
    holder: z.string().nullable().describe('null once the holder’s personal data was erased (retention)'),
    eventTitle: z.string(),
    eventKind: z.enum(eventKinds),
    date: z.iso.date(),
    hours: z.number().nullable(),
    issuedAt: z.iso.datetime(),
  })
  .strict()
  .meta({ id: 'EventCertificateVerification' });
export type Verification = z.infer<typeof verificationSchema>;

export const figuresQuery = z
  .object({
    from: z.iso.date().optional().describe('events starting from this day'),
    to: z.iso.date().optional().describe('events starting up to this day'),
    kind: z.enum(eventKinds).optional(),
    region: regionCode.optional().describe('the Region of the participants (a Regione: always its own)'),
  })
  .strict();
export type FiguresQuery = z.infer<typeof figuresQuery>;

const countsShape = {
  registrations: z.number().int().describe('e-mail confirmed (or a user’s): a seat or a place in the queue, then'),
  confirmed: z.number().int(),
  attended: z.number().int(),
  events: z.number().int().describe('distinct events the group’s participants attended'),
};
export const figuresSchema = z
  .object({
    eventsHeld: z.number().int().describe('events ended in the period, not cancelled'),
    totals: z.object(countsShape).strict(),
    byRegion: z.array(
      z.object({ regionCode: z.string().nullable(), regionName: z.string().nullable(), ...countsShape }).strict(),
    ),
    byOrganisationType: z.array(
      z.object({ organisationType: z.enum(participantOrgTypes).nullable(), ...countsShape }).strict(),
    ),
    byComune: z.array(
      z.object({ comuneIstat: z.string(), comuneName: z.string(), regionCode: z.string(), ...countsShape }).strict(),
    ),
  })
  .strict()
  .meta({ id: 'EventParticipationFigures' });
export type Figures = z.infer<typeof figuresSchema>;
