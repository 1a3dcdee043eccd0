/**
 * API schemas of the Region–Comune dialogue (issue 13 item 4): threads between a Region and one of
 * its Comuni (ANCI/Cittalia and the regional ANCI branch may join), anchored to a plan, an action,
 * a project or a topic, with messages, mentions, attachments and a due date.
 */
import { z } from 'zod';
import { maxDocumentBase64Chars } from '../../../platform/documents/index.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const istat = z.string().regex(/^[0-9]{6}$/, 'An ISTAT code of 6 digits');

export const threadParams = z.object({ threadId: z.uuid() }).strict();
export const attachmentParams = z.object({ threadId: z.uuid(), documentId: z.uuid() }).strict();

export const anchorKinds = ['PIANO', 'AZIONE', 'PROGETTO', 'TEMA'] as const;
export type AnchorKind = (typeof anchorKinds)[number];
export const anchorKindSchema = z.enum(anchorKinds).meta({ id: 'PlanThreadAnchorKind' });
export const threadStatuses = ['APERTA', 'CHIUSA'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];
export const threadStatusSchema = z.enum(threadStatuses).meta({ id: 'PlanThreadStatus' });

export const MAX_ATTACHMENTS = 3;
const attachmentSchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    /** the file's bytes in base64 (PDF, PNG or JPEG, at most 10 MB) */
    content: z.base64().min(1).max(maxDocumentBase64Chars),
  })
  .strict()
  .meta({ id: 'PlanThreadAttachmentUpload' });

const mentionsSchema = z
  .array(z.uuid())
  .max(20)
  .default([])
  .describe('The users mentioned: participants of the thread');
const attachmentsSchema = z.array(attachmentSchema).max(MAX_ATTACHMENTS).default([]);

export const openThreadSchema = z
  .object({
    comuneIstat: istat,
    subject: z.string().trim().min(3).max(200),
    anchorKind: anchorKindSchema,
    planId: z.uuid().nullable().default(null),
    actionId: z.uuid().nullable().default(null),
    projectId: z.uuid().nullable().default(null),
    topic: z.string().trim().min(2).max(200).nullable().default(null),
    dueDate: day.nullable().default(null),
    body: z.string().trim().min(1).max(8000),
    mentions: mentionsSchema,
    attachments: attachmentsSchema,
  })
  .strict()
  .superRefine((b, ctx) => {
    const needed = { PIANO: 'planId', AZIONE: 'actionId', PROGETTO: 'projectId', TEMA: 'topic' } as const;
    for (const [kind, field] of Object.entries(needed)) {
      const given = b[field] !== null;
      if (kind === b.anchorKind && !given)
        ctx.addIssue({ code: 'custom', path: [field], message: `A thread on ${kind} names its ${field}` });
      if (kind !== b.anchorKind && given)
        ctx.addIssue({ code: 'custom', path: [field], message: `Only a thread on ${kind} names a ${field}` });
    }
  })
  .meta({ id: 'PlanThreadOpen' });
export type OpenThreadBody = z.infer<typeof openThreadSchema>;

export const messageBodySchema = z
  .object({ body: z.string().trim().min(1).max(8000), mentions: mentionsSchema, attachments: attachmentsSchema })
  .strict()
  .meta({ id: 'PlanThreadMessageRequest' });
export type MessageBody = z.infer<typeof messageBodySchema>;

export const patchThreadSchema = z
  .object({ dueDate: day.nullable(), rowVersion: z.number().int().positive().optional() })
  .strict()
  .meta({ id: 'PlanThreadPatch' });
export type PatchThreadBody = z.infer<typeof patchThreadSchema>;

export const listThreadsQuery = z
  .object({
    status: threadStatusSchema.optional(),
    comune: istat.optional(),
    anchor: anchorKindSchema.optional(),
    /** the threads anchored to this plan or to one of its actions */
    planId: z.uuid().optional(),
    /** only the open threads awaiting the user: the last message came from another organisation, or mentions them */
    awaitingMe: z.enum(['true', 'false']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ListThreadsQuery = z.infer<typeof listThreadsQuery>;

export const participantsQuery = z.object({ comuneIstat: istat }).strict();

export const threadSummarySchema = z
  .object({
    id: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    subject: z.string(),
    anchorKind: anchorKindSchema,
    planId: z.string().nullable(),
    actionId: z.string().nullable(),
    projectId: z.string().nullable(),
    topic: z.string().nullable(),
    /** the anchor in words: the plan's title, "A1 – title" of an action, "CUP – title" of a project, the topic */
    anchorLabel: z.string().nullable(),
    dueDate: day.nullable(),
    /** open and past its due date */
    overdue: z.boolean(),
    daysOverdue: z.number().int().nullable(),
    status: threadStatusSchema,
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    messages: z.number().int(),
    lastMessageAt: z.iso.datetime().nullable(),
    /** open, and the last message came from another organisation or mentions the user since they last wrote */
    awaitingMe: z.boolean(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'PlanThreadSummary' });
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListSchema = z
  .object({
    items: z.array(threadSummarySchema),
    overdue: z.number().int(),
    awaitingMe: z.number().int(),
    /** with the `planId` filter: the plan (its title and Comune), for its page */
    plan: z
      .object({
        id: z.uuid(),
        title: z.string(),
        comuneIstat: z.string(),
        periodFrom: z.number(),
        periodTo: z.number(),
      })
      .nullable(),
  })
  .meta({ id: 'PlanThreadList' });

export const attachmentOutSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
  })
  .meta({ id: 'PlanThreadAttachment' });

export const threadMessageSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    authorId: z.uuid(),
    authorName: z.string(),
    authorOrganisation: z.string(),
    createdAt: z.iso.datetime(),
    mentions: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
    attachments: z.array(attachmentOutSchema),
  })
  .meta({ id: 'PlanThreadMessage' });
export type ThreadMessageOut = z.infer<typeof threadMessageSchema>;

export const threadDetailSchema = z
  .object({ thread: threadSummarySchema, messages: z.array(threadMessageSchema) })
  .meta({ id: 'PlanThread' });
export type ThreadDetail = z.infer<typeof threadDetailSchema>;

export const participantSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    organisation: z.string(),
    /** role codes (referente_comunale, regione, assistenza_tecnica): the page shows their names */
    roles: z.array(z.string()),
  })
  .meta({ id: 'PlanThreadParticipant' });
export type Participant = z.infer<typeof participantSchema>;
export const participantListSchema = z
  .object({ items: z.array(participantSchema) })
  .meta({ id: 'PlanThreadParticipantList' });

export const anchorChoicesSchema = z
  .object({
    plans: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
    actions: z.array(z.object({ id: z.uuid(), planId: z.uuid(), code: z.string(), title: z.string() })),
    projects: z.array(z.object({ id: z.uuid(), cup: z.string().nullable(), title: z.string() })),
  })
  .meta({ id: 'PlanThreadAnchorChoices' });
export type AnchorChoices = z.infer<typeof anchorChoicesSchema>;
