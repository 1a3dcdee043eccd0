/**
 * The shapes of the events' feedback questionnaire (issue 14 item 1; decision 0059): the
 * questionnaires an organiser may attach (published versions of the survey engine), the
 * attachment, what a participant sees and sends, and the aggregated results (no names).
 */
import { z } from 'zod';
import { feedbackStates } from '../shared/feedback.js';

export const eventParams = z.object({ eventId: z.uuid() }).strict();
export const registrationParams = z.object({ registrationId: z.uuid() }).strict();

const token = z.string().min(16).max(200).describe('the token of the participant’s own link (from the e-mail)');
const answers = z
  .record(z.string().max(200), z.unknown())
  .describe(
    'The answers keyed by question name, as the surveys’ questionnaires take them (checked by the same form engine)',
  );

export const feedbackFormListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.uuid().describe('the published questionnaire version'),
          surveyId: z.uuid(),
          surveyCode: z.string(),
          title: z.string().describe('the survey’s Italian title'),
          versionNo: z.number().int(),
          questionCount: z.number().int(),
          publishedAt: z.iso.datetime({ offset: true }),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: 'EventFeedbackFormList' });
export type FeedbackFormList = z.infer<typeof feedbackFormListSchema>;

export const attachFeedbackSchema = z
  .object({
    formVersionId: z.uuid().nullable().describe('a published questionnaire version; null detaches it'),
    rowVersion: z.number().int().positive().describe('the event’s row version as read'),
  })
  .strict()
  .meta({ id: 'EventFeedbackAttach' });
export type AttachFeedbackBody = z.infer<typeof attachFeedbackSchema>;

export const feedbackAttachmentSchema = z
  .object({
    eventId: z.uuid(),
    formVersionId: z.uuid().nullable(),
    title: z.string().nullable(),
    versionNo: z.number().int().nullable(),
    answers: z.number().int().describe('answers received so far'),
    rowVersion: z.number().int(),
  })
  .strict()
  .meta({ id: 'EventFeedbackAttachment' });
export type FeedbackAttachment = z.infer<typeof feedbackAttachmentSchema>;

export const participantFeedbackSchema = z
  .object({
    state: z.enum(feedbackStates),
    event: z
      .object({
        title: z.string(),
        slug: z.string(),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
      })
      .strict(),
    form: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('the questionnaire in the surveys’ model (while APERTO; null otherwise)'),
  })
  .strict()
  .meta({ id: 'EventParticipantFeedback' });
export type ParticipantFeedback = z.infer<typeof participantFeedbackSchema>;

export const feedbackTokenSchema = z.object({ token }).strict().meta({ id: 'EventFeedbackTokenBody' });
export const feedbackAnswerSchema = z.object({ answers }).strict().meta({ id: 'EventFeedbackAnswer' });
export type FeedbackAnswerBody = z.infer<typeof feedbackAnswerSchema>;
export const feedbackTokenAnswerSchema = z.object({ token, answers }).strict().meta({ id: 'EventFeedbackTokenAnswer' });
export type FeedbackTokenAnswerBody = z.infer<typeof feedbackTokenAnswerSchema>;

export const feedbackReceiptSchema = z
  .object({
    state: z.literal('INVIATO'),
    already: z.boolean().describe('true: answered before, this answer was not recorded (one per participant)'),
  })
  .strict()
  .meta({ id: 'EventFeedbackReceipt' });
export type FeedbackReceipt = z.infer<typeof feedbackReceiptSchema>;

const local = z.object({ it: z.string().optional(), en: z.string().optional() }).strict();

export const feedbackQuestionResultSchema = z
  .object({
    name: z.string(),
    label: local,
    kind: z.enum(['choice', 'multiple', 'number', 'text', 'answered']),
    answered: z.number().int().describe('answers to this question'),
    choices: z
      .array(z.object({ code: z.string(), label: local, count: z.number().int() }).strict())
      .describe('choice questions: how many chose each, in the list’s order'),
    mean: z
      .number()
      .nullable()
      .describe('numbers, and choice lists whose codes are all numbers (a 1–5 scale): the mean, 2 decimals'),
    texts: z.array(z.string()).describe('free text: every answer, without names, in alphabetical order'),
  })
  .strict()
  .meta({ id: 'EventFeedbackQuestionResult' });
export type FeedbackQuestionResult = z.infer<typeof feedbackQuestionResultSchema>;

export const feedbackResultsSchema = z
  .object({
    eventId: z.uuid(),
    title: z.string().nullable().describe('the questionnaire’s title; null when none is attached'),
    versionNo: z.number().int().nullable(),
    attended: z.number().int().describe('participants checked in (who may answer)'),
    answers: z.number().int().describe('answers received'),
    minimum: z.number().int().describe('the fewest answers shown (the small-number rule)'),
    suppressed: z.boolean().describe('true: fewer answers than `minimum`, no result is shown'),
    questions: z.array(feedbackQuestionResultSchema).describe('empty when suppressed'),
  })
  .strict()
  .meta({ id: 'EventFeedbackResults' });
export type FeedbackResults = z.infer<typeof feedbackResultsSchema>;
