/**
 * API schemas of the knowledge base (issue 14 item 4): entries written by the help desk (a question
 * and an answer rewritten without the Comune's details, a topic, keywords), searched in Italian by
 * every logged-in user and publicly.
 */
import { z } from 'zod';
import { answerStatuses } from '../shared/vocabulary.js';
import { topicSchema } from '../shared/schema.js';

const rowVersion = z.number().int().positive().optional();
export const answerStatusSchema = z.enum(answerStatuses).meta({ id: 'HelpAnswerStatus' });
export const answerParams = z.object({ answerId: z.uuid() }).strict();
export const slugParams = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(90),
  })
  .strict();

const question = z.string().trim().min(10).max(1000);
const answer = z.string().trim().min(10).max(12000);
const keywords = z.array(z.string().trim().min(1).max(40)).max(12);

export const createAnswerSchema = z
  .object({
    /** the resolved request it is rewritten from (the help desk's own reference, never published) */
    sourceRequestId: z.uuid().nullable().default(null),
    topic: topicSchema,
    question,
    answer,
    keywords: keywords.default([]),
  })
  .strict()
  .meta({ id: 'HelpAnswerCreate' });
export type CreateAnswerBody = z.infer<typeof createAnswerSchema>;

export const patchAnswerSchema = z
  .object({
    topic: topicSchema.optional(),
    question: question.optional(),
    answer: answer.optional(),
    keywords: keywords.optional(),
    rowVersion,
  })
  .strict()
  .meta({ id: 'HelpAnswerPatch' });
export type PatchAnswerBody = z.infer<typeof patchAnswerSchema>;

export const publishAnswerSchema = z
  .object({
    /** publish even though the check found something (the help desk read it and it is not personal) */
    acknowledgeWarnings: z.boolean().default(false),
    rowVersion,
  })
  .strict()
  .meta({ id: 'HelpAnswerPublish' });
export type PublishAnswerBody = z.infer<typeof publishAnswerSchema>;
export const withdrawAnswerSchema = z.object({ rowVersion }).strict().meta({ id: 'HelpAnswerWithdraw' });

export const searchAnswersQuery = z
  .object({
    /** words, "a phrase", -excluded, or (websearch syntax, Italian stemming) */
    q: z.string().trim().max(200).optional(),
    topic: topicSchema.optional(),
    /** the help desk only: drafts and withdrawn entries too */
    status: answerStatusSchema.optional(),
  })
  .strict();
export type SearchAnswersQuery = z.infer<typeof searchAnswersQuery>;
export const publicSearchQuery = searchAnswersQuery.omit({ status: true }).strict();

export const warningSchema = z
  .object({
    kind: z.enum(['COMUNE', 'NOME', 'EMAIL', 'TELEFONO', 'CODICE_FISCALE']),
    field: z.enum(['question', 'answer', 'keywords']),
    match: z.string(),
  })
  .meta({ id: 'HelpAnswerWarning' });

export const publicAnswerSchema = z
  .object({
    slug: z.string(),
    topic: topicSchema,
    question: z.string(),
    answer: z.string(),
    keywords: z.array(z.string()),
    publishedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'HelpAnswerPublic' });
export type PublicAnswer = z.infer<typeof publicAnswerSchema>;

export const answerHitSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    topic: topicSchema,
    status: answerStatusSchema,
    question: z.string(),
    /** the beginning of the answer */
    excerpt: z.string(),
    keywords: z.array(z.string()),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'HelpAnswerHit' });
export const answerHitsSchema = z.object({ items: z.array(answerHitSchema) }).meta({ id: 'HelpAnswerHits' });
export const publicHitsSchema = z
  .object({ items: z.array(answerHitSchema.omit({ id: true, status: true }).meta({ id: 'HelpAnswerPublicHit' })) })
  .meta({ id: 'HelpAnswerPublicHits' });

export const answerDetailSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    topic: topicSchema,
    status: answerStatusSchema,
    question: z.string(),
    answer: z.string(),
    keywords: z.array(z.string()),
    /** the help desk only: the request it came from (null for others) */
    sourceRequestId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    /** the help desk only: what looks like the Comune's or a person's details */
    warnings: z.array(warningSchema),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'HelpAnswer' });
export type AnswerDetail = z.infer<typeof answerDetailSchema>;
