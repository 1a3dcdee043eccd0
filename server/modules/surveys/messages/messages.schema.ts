/** API schemas of invitations and reminders: the messages log, the phone list, dispatch, bounces. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { awaitingStatuses, messageKinds, messageStatuses, phoneReasons } from './messages.rules.js';

export const waveParams = z.object({ waveId: z.uuid() }).strict();
export const messageParams = z.object({ messageId: z.uuid() }).strict();

export const messageStatusSchema = z
  .enum(messageStatuses)
  .describe(
    'in_invio: claimed and being handed to the relay; inviato; fallito: the relay refused or did not answer; rimbalzato: bounced',
  )
  .meta({ id: 'SurveyMessageStatus' });
export const messageKindSchema = z.enum(messageKinds).meta({ id: 'SurveyMessageKind' });

export const messagesQuerySchema = z
  .object({
    comune: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('ISTAT code of one Comune'),
    status: messageStatusSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const surveyMessageSchema = z
  .object({
    id: z.uuid(),
    responseId: z.uuid(),
    waveId: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    step: z.number().int().describe('0 the invitation, 1.. the reminders'),
    kind: messageKindSchema,
    toAddress: z.string(),
    dueOn: z.iso.date(),
    status: messageStatusSchema,
    error: z.string().nullable().describe("The relay's answer for a failure, the reason given for a bounce"),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable().describe('When it was handed to the relay (for a failure: the last attempt)'),
  })
  .meta({ id: 'SurveyMessage' });
export type SurveyMessageOut = z.infer<typeof surveyMessageSchema>;

export const surveyMessagePageSchema = pageOf(surveyMessageSchema).meta({ id: 'SurveyMessagePage' });

export const bounceSchema = z
  .object({ reason: z.string().trim().min(3).max(1000).describe('What the bounce said (e.g. "casella inesistente")') })
  .strict()
  .meta({ id: 'SurveyMessageBounce' });
export type BounceBody = z.infer<typeof bounceSchema>;

export const dispatchResultSchema = z
  .object({
    comuni: z.number().int().describe('Comuni that were due a message'),
    sent: z.number().int(),
    failed: z.number().int(),
    linksIssued: z.number().int().describe('Personal links issued for Comuni without a survey user'),
  })
  .meta({ id: 'SurveyDispatchResult' });
export type DispatchResult = z.infer<typeof dispatchResultSchema>;

export const phoneListQuerySchema = z
  .object({
    region: z
      .string()
      .regex(/^\d{2}$/)
      .optional()
      .describe('ISTAT code of one Region'),
    ...pageQuery,
  })
  .strict();
export type PhoneListQuery = z.infer<typeof phoneListQuerySchema>;

export const phoneListXlsxQuerySchema = phoneListQuerySchema.pick({ region: true }).strict();

export const phoneReasonSchema = z
  .enum(phoneReasons)
  .describe(
    'senza_indirizzo: no address to write to; non_raggiungibile: every copy of the latest message failed or bounced; solleciti_esauriti: every reminder went out',
  )
  .meta({ id: 'SurveyPhoneReason' });

export const phoneContactSchema = z
  .object({
    kind: z.enum(['email_istituzionale', 'pec', 'referente', 'utente']),
    email: z.string(),
    name: z.string().nullable(),
    role: z.string().nullable().describe('The contact’s role, or the survey roles of a user (comma-separated)'),
  })
  .meta({ id: 'SurveyPhoneContact' });

export const phoneEntrySchema = z
  .object({
    responseId: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    provinceSigla: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    status: z.enum(awaitingStatuses),
    reason: phoneReasonSchema,
    invitedAt: z.iso.datetime().nullable(),
    remindersSent: z.number().int(),
    lastSentAt: z.iso.datetime().nullable(),
    contacts: z.array(phoneContactSchema),
  })
  .meta({ id: 'SurveyPhoneEntry' });
export type PhoneEntryOut = z.infer<typeof phoneEntrySchema>;

export const phoneListPageSchema = pageOf(phoneEntrySchema).meta({ id: 'SurveyPhoneListPage' });
