/**
 * API schemas of the help desk's requests (issue 14 item 4): a Comune's question on a topic,
 * optionally about one of its projects or its local plan (never about a person), the conversation
 * with attachments, assignment, resolution, closing or reopening, and the Comune's rating.
 */
import { z } from 'zod';
import { uploadFileFields } from '../../../platform/documents/index.js';
import { topicSchema } from '../shared/schema.js';
import { escalationKinds, helpPriorities, requestStatuses } from '../shared/vocabulary.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const rowVersion = z.number().int().positive().optional();

export const prioritySchema = z.enum(helpPriorities).meta({ id: 'HelpPriority' });
export const requestStatusSchema = z.enum(requestStatuses).meta({ id: 'HelpRequestStatus' });
export const escalationKindSchema = z.enum(escalationKinds).meta({ id: 'HelpEscalationKind' });

export const requestParams = z.object({ requestId: z.uuid() }).strict();
export const attachmentParams = z.object({ requestId: z.uuid(), documentId: z.uuid() }).strict();
export const escalationParams = z.object({ escalationId: z.uuid() }).strict();

export const MAX_ATTACHMENTS = 3;
const attachmentsSchema = z
  .array(z.object(uploadFileFields).strict().meta({ id: 'HelpAttachmentUpload' }))
  .max(MAX_ATTACHMENTS)
  .default([]);
const text = z.string().trim().min(1).max(8000);

export const openRequestSchema = z
  .object({
    topic: topicSchema,
    priority: prioritySchema.default('NORMALE'),
    subject: z.string().trim().min(3).max(200),
    /** the question; never personal data of beneficiaries */
    body: text,
    /** one of the Comune's projects, or */
    projectId: z.uuid().nullable().default(null),
    /** the Comune's local plan */
    planId: z.uuid().nullable().default(null),
    attachments: attachmentsSchema,
  })
  .strict()
  .refine((b) => b.projectId === null || b.planId === null, {
    path: ['planId'],
    message: 'A request is about a project or a plan, not both',
  })
  .meta({ id: 'HelpRequestOpen' });
export type OpenRequestBody = z.infer<typeof openRequestSchema>;

export const messageBodySchema = z
  .object({
    body: text,
    /** the help desk only: a note the Comune never sees */
    internal: z.boolean().default(false),
    /** the help desk only: the answer asks the Comune something (IN_ATTESA_COMUNE) */
    awaitComune: z.boolean().default(false),
    attachments: attachmentsSchema,
  })
  .strict()
  .refine((b) => !(b.internal && b.awaitComune), {
    path: ['awaitComune'],
    message: 'An internal note does not wait for the Comune',
  })
  .meta({ id: 'HelpMessageRequest' });
export type MessageBody = z.infer<typeof messageBodySchema>;

export const assignSchema = z.object({ assigneeId: z.uuid(), rowVersion }).strict().meta({ id: 'HelpAssign' });
export type AssignBody = z.infer<typeof assignSchema>;
export const resolveSchema = z.object({ resolution: text, rowVersion }).strict().meta({ id: 'HelpResolve' });
export type ResolveBody = z.infer<typeof resolveSchema>;
export const reopenSchema = z.object({ reason: text, rowVersion }).strict().meta({ id: 'HelpReopen' });
export type ReopenBody = z.infer<typeof reopenSchema>;
export const closeSchema = z.object({ rowVersion }).strict().meta({ id: 'HelpClose' });
export const satisfactionSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .meta({ id: 'HelpSatisfaction' });
export type SatisfactionBody = z.infer<typeof satisfactionSchema>;

const bool = z.enum(['true', 'false']);
export const listRequestsQuery = z
  .object({
    status: requestStatusSchema.optional(),
    /** open: every state before RISOLTA */
    open: bool.optional(),
    topic: topicSchema.optional(),
    region: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional(),
    /** a user's id, or `none` for the unassigned */
    assignee: z.union([z.uuid(), z.literal('none')]).optional(),
    overdue: bool.optional(),
    escalated: bool.optional(),
  })
  .strict();
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('AT-<number>'),
    comuneIstat: z.string(),
    comuneName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    topic: topicSchema,
    priority: prioritySchema,
    subject: z.string(),
    projectId: z.uuid().nullable(),
    planId: z.uuid().nullable(),
    /** the project ("CUP – title") or the plan (its title) in words */
    aboutLabel: z.string().nullable(),
    status: requestStatusSchema,
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    createdByName: z.string(),
    createdAt: z.iso.datetime(),
    firstAnswerDue: day,
    resolutionDue: day,
    firstAnswerAt: z.iso.datetime().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    /** open and past a due date (the first answer's while none was given, or the resolution's) */
    overdue: z.boolean(),
    escalatedAt: z.iso.datetime().nullable(),
    reopenedCount: z.number().int(),
    satisfaction: z.number().int().nullable(),
    lastMessageAt: z.iso.datetime().nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'HelpRequestSummary' });
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestListSchema = z
  .object({ items: z.array(requestSummarySchema), overdue: z.number().int(), unassigned: z.number().int() })
  .meta({ id: 'HelpRequestList' });

export const attachmentOutSchema = z
  .object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })
  .meta({ id: 'HelpAttachment' });

export const messageOutSchema = z
  .object({
    id: z.uuid(),
    side: z.enum(['COMUNE', 'ANCI']),
    internal: z.boolean(),
    body: z.string(),
    authorName: z.string(),
    createdAt: z.iso.datetime(),
    attachments: z.array(attachmentOutSchema),
  })
  .meta({ id: 'HelpMessage' });
export type MessageOut = z.infer<typeof messageOutSchema>;

export const requestEventSchema = z
  .object({
    kind: z.enum(['APERTA', 'ASSEGNATA', 'STATO', 'SOLLECITO']),
    fromStatus: requestStatusSchema.nullable(),
    toStatus: requestStatusSchema.nullable(),
    assigneeName: z.string().nullable(),
    actorName: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'HelpRequestEvent' });

export const requestDetailSchema = z
  .object({
    request: requestSummarySchema,
    resolution: z.string().nullable(),
    satisfactionComment: z.string().nullable(),
    messages: z.array(messageOutSchema),
    events: z.array(requestEventSchema),
    /** the Comune may still reopen it (resolved or closed within the reopening period) */
    canReopen: z.boolean(),
  })
  .meta({ id: 'HelpRequest' });
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const choicesSchema = z
  .object({
    projects: z.array(z.object({ id: z.uuid(), label: z.string() })),
    plans: z.array(z.object({ id: z.uuid(), label: z.string() })),
  })
  .meta({ id: 'HelpRequestChoices' });

export const staffSchema = z
  .object({
    items: z.array(
      z.object({ userId: z.uuid(), displayName: z.string(), organisation: z.string(), open: z.number().int() }),
    ),
  })
  .meta({ id: 'HelpStaffList' });

export const escalationSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    code: z.string(),
    subject: z.string(),
    kind: escalationKindSchema,
    dueDate: day,
    assigneeName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'HelpEscalation' });
export const escalationListSchema = z.object({ items: z.array(escalationSchema) }).meta({ id: 'HelpEscalationList' });
