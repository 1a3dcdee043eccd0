import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, maxDocumentBase64Chars } from '../../../platform/documents/index.js';
import {
  anchorChoicesSchema,
  attachmentParams,
  listThreadsQuery,
  MAX_ATTACHMENTS,
  messageBodySchema,
  openThreadSchema,
  participantListSchema,
  participantsQuery,
  patchThreadSchema,
  threadDetailSchema,
  threadListSchema,
  threadParams,
} from './dialogue.schema.js';
import {
  downloadAttachment,
  getThread,
  listAnchorChoices,
  listParticipants,
  listThreads,
  openThread,
  patchThread,
  postMessage,
  setThreadStatus,
} from './dialogue.service.js';

const binary = (type: string) => z.file().mime(type);
const reach =
  'A Comune reads its own threads, a Regione scope (its staff, the regional ANCI branch) those of its Comuni, ANCI/Cittalia all; MLPS and the revisore none (403). A thread out of reach is 404 `plans.dialogue.not_found`.';
const writers = '`plans.dialogue.write` (referente comunale, Regione, assistenza tecnica)';
// the JSON body carries up to three files in base64, above the global 1 MiB limit
const withAttachments = MAX_ATTACHMENTS * maxDocumentBase64Chars + 64 * 1024;

/** The routes of the plans' dialogue (mounted by ../index.ts under /api/v1): the threads between a Region and its Comuni (ANCI/Cittalia and the regional ANCI branch may join), with attachments, mentions, due dates and e-mail notifications. */
export async function dialogueRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const config = { auth: 'session' } as const;

  app.get('/plan-threads', {
    config,
    schema: {
      tags,
      operationId: 'listPlanThreads',
      summary: 'The Region–Comune threads in reach',
      description: `\`plans.dialogue.read\`. ${reach} Open threads first, overdue first, then by the last message; filters \`status\`, \`comune\`, \`anchor\`, \`planId\` (the plan or its actions), \`awaitingMe\` (the last message came from another organisation, or mentions the user), \`overdue\`.`,
      querystring: listThreadsQuery,
      response: { 200: threadListSchema },
    },
    handler: (req) => listThreads(req.ctx, req.query),
  });

  app.get('/plan-threads/participants', {
    config,
    schema: {
      tags,
      operationId: 'listPlanThreadParticipants',
      summary: "Who takes part in a Comune's threads (who may be mentioned)",
      description:
        "`plans.dialogue.read`. The Comune's referenti, the Region's staff, the regional ANCI branch and ANCI/Cittalia: name, organisation and roles, never an e-mail address. 400 `plans.dialogue.comune` for a Comune out of reach.",
      querystring: participantsQuery,
      response: { 200: participantListSchema },
    },
    handler: (req) => listParticipants(req.ctx, req.query.comuneIstat),
  });

  app.get('/plan-threads/anchors', {
    config,
    schema: {
      tags,
      operationId: 'listPlanThreadAnchors',
      summary: 'What a thread with a Comune may be anchored to: its plans, their actions, its projects',
      description:
        '`plans.dialogue.read`. For the picker of a new thread. 400 `plans.dialogue.comune` for a Comune out of reach.',
      querystring: participantsQuery,
      response: { 200: anchorChoicesSchema },
    },
    handler: (req) => listAnchorChoices(req.ctx, req.query.comuneIstat),
  });

  app.post('/plan-threads', {
    config,
    bodyLimit: withAttachments,
    schema: {
      tags,
      operationId: 'openPlanThread',
      summary: 'Open a thread with a Comune, anchored to its plan, an action, a project or a topic',
      description: `${writers}. The Comune: a Comune's staff only their own, a Regione scope only its Comuni, ANCI/Cittalia any (400 \`plans.dialogue.comune\`). The anchor must be of that Comune (400 \`plans.reference\`); the due date not past; mentions only of participants (400 \`plans.dialogue.mention\`); up to ${MAX_ATTACHMENTS} attachments, PDF, PNG or JPEG by content (400 \`plans.document.refused\`). The other participants get an e-mail.`,
      body: openThreadSchema,
      response: { 201: threadDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await openThread(req.ctx, req.body)),
  });

  app.get('/plan-threads/:threadId', {
    config,
    schema: {
      tags,
      operationId: 'getPlanThread',
      summary: 'A thread with its messages, mentions and attachments',
      description: `\`plans.dialogue.read\`. ${reach}`,
      params: threadParams,
      response: { 200: threadDetailSchema },
    },
    handler: (req) => getThread(req.ctx, req.params.threadId),
  });

  app.post('/plan-threads/:threadId/messages', {
    config,
    bodyLimit: withAttachments,
    schema: {
      tags,
      operationId: 'postPlanThreadMessage',
      summary: 'Write in a thread',
      description: `${writers}. 404 \`plans.dialogue.not_found\`; 409 \`plans.state\` on a closed thread; mentions only of participants (400 \`plans.dialogue.mention\`); up to ${MAX_ATTACHMENTS} attachments (400 \`plans.document.refused\`). The other participants get an e-mail (a mentioned one because of the mention).`,
      params: threadParams,
      body: messageBodySchema,
      response: { 200: threadDetailSchema },
    },
    handler: (req) => postMessage(req.ctx, req.params.threadId, req.body),
  });

  app.patch('/plan-threads/:threadId', {
    config,
    schema: {
      tags,
      operationId: 'patchPlanThread',
      summary: "Change a thread's due date",
      description: `${writers}. \`dueDate\` null removes it; a new one may not be past (400). 409 \`plans.stale\` when \`rowVersion\` is not the current one.`,
      params: threadParams,
      body: patchThreadSchema,
      response: { 200: threadDetailSchema },
    },
    handler: (req) => patchThread(req.ctx, req.params.threadId, req.body),
  });

  app.post('/plan-threads/:threadId/close', {
    config,
    schema: {
      tags,
      operationId: 'closePlanThread',
      summary: 'Close a thread',
      description: `${writers}. 409 \`plans.state\` when already closed.`,
      params: threadParams,
      response: { 200: threadDetailSchema },
    },
    handler: (req) => setThreadStatus(req.ctx, req.params.threadId, true),
  });

  app.post('/plan-threads/:threadId/reopen', {
    config,
    schema: {
      tags,
      operationId: 'reopenPlanThread',
      summary: 'Reopen a closed thread',
      description: `${writers}. 409 \`plans.state\` when open.`,
      params: threadParams,
      response: { 200: threadDetailSchema },
    },
    handler: (req) => setThreadStatus(req.ctx, req.params.threadId, false),
  });

  app.get('/plan-threads/:threadId/attachments/:documentId', {
    config,
    schema: {
      tags,
      operationId: 'downloadPlanThreadAttachment',
      summary: "Download an attachment of a thread's message (always as an attachment); audited",
      description: `\`plans.dialogue.read\`. ${reach} 404 \`plans.document.not_found\` for a document not of this thread.`,
      params: attachmentParams,
      response: {
        200: {
          description: 'The attachment',
          content: {
            'application/pdf': { schema: binary('application/pdf') },
            'image/png': { schema: binary('image/png') },
            'image/jpeg': { schema: binary('image/jpeg') },
          },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await downloadAttachment(req.ctx, req.params.threadId, req.params.documentId);
      return (
        reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
          .send(file.bytes as unknown as File)
      );
    },
  });
}
