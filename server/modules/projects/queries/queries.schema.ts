/**
 * API schemas of the query threads (chiarimenti; decision 0052): a question from ANCI/Cittalia or
 * MLPS anchored to a line of a project, its messages, the project's threads and the user's work list.
 */
import { z } from 'zod';

const day = z.iso.date().describe('A date, YYYY-MM-DD');

export const projectParams = z.object({ projectId: z.uuid() }).strict();
export const queryParams = z.object({ projectId: z.uuid(), queryId: z.uuid() }).strict();

export const anchorTypes = ['PROGETTO', 'RIGA_BUDGET', 'SPESA', 'DOMANDA', 'MONITORAGGIO'] as const;
export type AnchorType = (typeof anchorTypes)[number];
export const anchorTypeSchema = z.enum(anchorTypes).meta({ id: 'ProjectQueryAnchorType' });
export const queryStatuses = ['APERTA', 'RISPOSTA', 'RISOLTA'] as const;
export const queryStatusSchema = z.enum(queryStatuses).meta({ id: 'ProjectQueryStatus' });
export type QueryStatus = (typeof queryStatuses)[number];
export const queryLevelSchema = z.enum(['ANCI', 'MLPS']).meta({ id: 'ProjectQueryLevel' });

/** A field of a scheda trimestrale (as its review comments name them). */
const monitoringField = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'A field of the scheda, such as procurements.0.cig')
  .max(100);

export const openQuerySchema = z
  .object({
    anchorType: anchorTypeSchema,
    /** the budget line's key, the expense, the claim or the scheda; none for the whole project */
    anchorId: z.uuid().nullable().default(null),
    /** for a scheda: the field the question is about */
    anchorField: monitoringField.nullable().default(null),
    subject: z.string().trim().min(3).max(300),
    dueOn: day.nullable().default(null),
    message: z.string().trim().min(1).max(8000),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.anchorType === 'PROGETTO' && q.anchorId !== null)
      ctx.addIssue({ code: 'custom', path: ['anchorId'], message: 'A query on the whole project has no anchor id' });
    if (q.anchorType !== 'PROGETTO' && q.anchorId === null)
      ctx.addIssue({ code: 'custom', path: ['anchorId'], message: 'Say which line the query is about' });
    if (q.anchorType !== 'MONITORAGGIO' && q.anchorField !== null)
      ctx.addIssue({ code: 'custom', path: ['anchorField'], message: 'Only a scheda trimestrale has fields' });
  })
  .meta({ id: 'ProjectQueryOpen' });
export type OpenQueryBody = z.infer<typeof openQuerySchema>;

export const messageBodySchema = z
  .object({ body: z.string().trim().min(1).max(8000) })
  .strict()
  .meta({ id: 'ProjectQueryMessageRequest' });
export type MessageBody = z.infer<typeof messageBodySchema>;

export const resolveSchema = z
  .object({ reopen: z.boolean().default(false) })
  .strict()
  .meta({ id: 'ProjectQueryResolve' });

export const listQuerySchema = z.object({ status: queryStatusSchema.optional() }).strict();

const querySummaryShape = {
  id: z.uuid(),
  projectId: z.uuid(),
  anchorType: anchorTypeSchema,
  anchorId: z.string().nullable(),
  anchorField: z.string().nullable(),
  /** the line in words: "A2 – Personale", "Fattura 12 di Rossi srl del 2025-03-01", "Domanda n. 1", "Scheda 2025 T1" */
  anchorLabel: z.string().nullable(),
  subject: z.string(),
  dueOn: day.nullable(),
  status: queryStatusSchema,
  openedLevel: queryLevelSchema,
  openedBy: z.string().nullable(),
  openedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  messages: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
  /** days past the due date while the Comune's answer is awaited; null when not overdue */
  daysOverdue: z.number().int().nullable(),
};

export const querySummarySchema = z.object(querySummaryShape).meta({ id: 'ProjectQuerySummary' });
export type QuerySummary = z.infer<typeof querySummarySchema>;

export const queryListSchema = z.object({ items: z.array(querySummarySchema) }).meta({ id: 'ProjectQueryList' });

export const queryMessageSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    authorName: z.string().nullable(),
    /** COMUNE, ANCI or MLPS */
    side: z.enum(['COMUNE', 'ANCI', 'MLPS']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProjectQueryMessage' });
export type QueryMessageOut = z.infer<typeof queryMessageSchema>;

export const queryDetailSchema = z
  .object({ ...querySummaryShape, messages: z.number().int(), thread: z.array(queryMessageSchema) })
  .meta({ id: 'ProjectQuery' });
export type QueryDetail = z.infer<typeof queryDetailSchema>;

export const workItemSchema = z
  .object({
    ...querySummaryShape,
    projectTitle: z.string(),
    projectCup: z.string().nullable(),
    comuneIstat: z.string(),
    comuneName: z.string().nullable(),
  })
  .meta({ id: 'ProjectQueryWorkItem' });
export type WorkItem = z.infer<typeof workItemSchema>;
export const workListSchema = z
  .object({ items: z.array(workItemSchema), overdue: z.number().int() })
  .meta({ id: 'ProjectQueryWorkList' });
