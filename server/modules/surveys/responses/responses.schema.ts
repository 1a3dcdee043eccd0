import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';

import { responseStatuses, responseStatusSchema } from '../shared/status.js';
export { responseStatuses, responseStatusSchema };

export const responseParams = z.object({ responseId: z.uuid() });
export const flagParams = z.object({ responseId: z.uuid(), flagId: z.uuid() });
export const waveParams = z.object({ waveId: z.uuid() });

const bilingual = z.object({ it: z.string(), en: z.string() });

export const answerIssueSchema = z
  .object({ path: z.string(), question: z.string(), code: z.string(), message: bilingual })
  .meta({ id: 'SurveyAnswerIssue' });

export const progressSchema = z
  .object({
    questions: z.number().int(),
    answered: z.number().int(),
    required: z.number().int(),
    missing: z.number().int(),
  })
  .meta({ id: 'SurveyResponseProgress' });

export const myResponseSchema = z
  .object({
    id: z.uuid(),
    waveId: z.uuid(),
    surveyTitle: z.string(),
    waveTitle: z.string(),
    waveStatus: z.enum(['bozza', 'aperta', 'chiusa']),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    status: responseStatusSchema,
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    openFlags: z.number().int(),
    progress: progressSchema,
  })
  .meta({ id: 'SurveyMyResponse' });
export const myResponseListSchema = z.object({ items: z.array(myResponseSchema) }).meta({ id: 'SurveyMyResponseList' });

export const openFlagSchema = z
  .object({ id: z.uuid(), question: z.string(), reason: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'SurveyFlag' });

export const responseSchema = z
  .object({
    id: z.uuid(),
    state: responseStatusSchema,
    wave: z.object({
      id: z.uuid(),
      title: z.string(),
      titleEn: z.string().nullable(),
      surveyTitle: z.string(),
      status: z.enum(['bozza', 'aperta', 'chiusa']),
      opensOn: z.iso.date(),
      closesOn: z.iso.date(),
      versionNo: z.number().int(),
    }),
    comune: z.object({ istat: z.string(), name: z.string() }),
    /** the questionnaire model of the wave's published version (shared/form/model.ts) */
    form: z.record(z.string(), z.unknown()),
    answers: z.record(z.string(), z.unknown()),
    rowVersion: z.number().int(),
    answerVersions: z.record(z.string(), z.number().int()),
    openFlags: z.array(openFlagSchema),
    editable: z.enum(['all', 'flagged', 'none']),
    canSubmit: z.boolean(),
    /** this caller sends the questionnaire for the Comune (validatore, referente, a personal link), whatever the state */
    maySubmit: z.boolean(),
    /** the Comune's side (its users or a link) or a reviewer's read-only view */
    side: z.enum(['comune', 'reviewer']),
    reviewRound: z.number().int(),
    openedAt: z.iso.datetime().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    validatedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SurveyResponse' });

const answersBody = z
  .record(z.string().min(1).max(200), z.unknown())
  .refine((o) => Object.keys(o).length > 0, 'At least one answer')
  .refine((o) => Object.keys(o).length <= 2000, 'At most 2000 answers at once');

export const saveAnswersSchema = z
  .object({
    /** the rowVersion the page read */
    baseVersion: z.number().int().min(0),
    /** top-level question names (a repeat's value is its whole array of entries); null clears */
    answers: answersBody,
  })
  .meta({ id: 'SurveySaveAnswers' });

export const saveResultSchema = z
  .object({
    rowVersion: z.number().int(),
    savedAt: z.iso.datetime(),
    state: responseStatusSchema,
    issues: z.array(answerIssueSchema),
  })
  .meta({ id: 'SurveySaveResult' });

export const submitSchema = z.object({ declaration: z.boolean() }).meta({ id: 'SurveySubmit' });

export const flagBodySchema = z
  .object({ question: z.string().min(1).max(200), reason: z.string().trim().min(3).max(2000) })
  .meta({ id: 'SurveyFlagCreate' });

export const returnBodySchema = z.object({ note: z.string().trim().max(2000).optional() }).meta({ id: 'SurveyReturn' });

export const stateResultSchema = z
  .object({ id: z.uuid(), state: responseStatusSchema, reviewRound: z.number().int() })
  .meta({ id: 'SurveyResponseState' });

export const historySchema = z
  .object({
    events: z.array(
      z.object({
        id: z.uuid(),
        from: responseStatusSchema.nullable(),
        to: responseStatusSchema,
        note: z.string().nullable(),
        by: z.string().nullable(),
        byLink: z.boolean(),
        at: z.iso.datetime(),
      }),
    ),
    changes: z.array(
      z.object({
        id: z.uuid(),
        question: z.string(),
        oldValue: z.unknown(),
        newValue: z.unknown(),
        by: z.string().nullable(),
        byLink: z.boolean(),
        at: z.iso.datetime(),
        round: z.number().int(),
      }),
    ),
    flags: z.array(
      z.object({
        id: z.uuid(),
        question: z.string(),
        reason: z.string(),
        round: z.number().int(),
        by: z.string().nullable(),
        createdAt: z.iso.datetime(),
        resolvedAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: 'SurveyResponseHistory' });

export const queueQuerySchema = z.object({
  status: z.enum(['inviato', 'in_validazione', 'da_ricontattare']).optional(),
  ...pageQuery,
});

export const queueItemSchema = z
  .object({
    id: z.uuid(),
    comune: z.object({ istat: z.string(), name: z.string() }),
    status: responseStatusSchema,
    submittedAt: z.iso.datetime().nullable(),
    statusChangedAt: z.iso.datetime(),
    reviewRound: z.number().int(),
    openFlags: z.number().int(),
  })
  .meta({ id: 'SurveyReviewQueueItem' });
export const queuePageSchema = pageOf(queueItemSchema).meta({ id: 'SurveyReviewQueue' });

export const linkHeaderSchema = z.object({ 'x-survey-link': z.string().max(200).optional() });

export type SaveAnswersBody = z.infer<typeof saveAnswersSchema>;
export type ResponseOut = z.infer<typeof responseSchema>;
export type MyResponse = z.infer<typeof myResponseSchema>;
export type AnswerIssueOut = z.infer<typeof answerIssueSchema>;
export type HistoryOut = z.infer<typeof historySchema>;
