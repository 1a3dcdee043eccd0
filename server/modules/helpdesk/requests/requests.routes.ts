import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, maxDocumentBase64Chars } from '../../../platform/documents/index.js';
import {
  assignSchema,
  attachmentParams,
  choicesSchema,
  closeSchema,
  escalationListSchema,
  escalationParams,
  listRequestsQuery,
  MAX_ATTACHMENTS,
  messageBodySchema,
  openRequestSchema,
  reopenSchema,
  requestDetailSchema,
  requestListSchema,
  requestParams,
  resolveSchema,
  satisfactionSchema,
  staffSchema,
} from './requests.schema.js';
import {
  acknowledge,
  assignRequest,
  closeRequest,
  downloadAttachment,
  getRequest,
  listChoices,
  listEscalations,
  listRequests,
  listStaff,
  openRequest,
  postMessage,
  rateRequest,
  reopenRequest,
  resolveRequest,
} from './requests.service.js';

const binary = (type: string) => z.file().mime(type);
const reach =
  "`helpdesk.request` (a Comune's staff: their own Comune's requests) or `helpdesk.handle` (ANCI/Cittalia's assistenza tecnica: every request); another Comune's request is 404 `helpdesk.request.not_found`.";
const comune = "`helpdesk.request`: the Comune's staff; 404 `helpdesk.request.not_found` for another Comune's request";
const desk = '`helpdesk.handle`: the help desk (ANCI/Cittalia, national); 404 `helpdesk.request.not_found`';
const stale =
  "409 `helpdesk.stale` when `rowVersion` is not the current one; 409 `helpdesk.state` when the request's state does not allow it";
// the JSON body carries up to three files in base64, above the global 1 MiB limit
const withAttachments = MAX_ATTACHMENTS * maxDocumentBase64Chars + 64 * 1024;

/** The routes of the help desk's requests (mounted by ../index.ts under /api/v1). */
export async function requestsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpdesk'];
  const config = { auth: 'session' } as const;

  app.get('/help-requests', {
    config,
    schema: {
      tags,
      operationId: 'listHelpRequests',
      summary: "A Comune's own requests, or the help desk's queue",
      description: `${reach} Overdue first, then newest; filters \`status\`, \`open\`, \`topic\`, \`region\`, \`assignee\` (a user or \`none\`), \`overdue\`, \`escalated\`.`,
      querystring: listRequestsQuery,
      response: { 200: requestListSchema },
    },
    handler: (req) => listRequests(req.ctx, req.query),
  });

  app.get('/help-requests/choices', {
    config,
    schema: {
      tags,
      operationId: 'listHelpRequestChoices',
      summary: "The Comune's projects and local plans a request may be about",
      description: '`helpdesk.request`.',
      response: { 200: choicesSchema },
    },
    handler: (req) => listChoices(req.ctx),
  });

  app.get('/help-requests/staff', {
    config,
    schema: {
      tags,
      operationId: 'listHelpStaff',
      summary: "The help desk's members with their open requests, for the assignment",
      description: '`helpdesk.handle`. Names and organisations, never an e-mail address.',
      response: { 200: staffSchema },
    },
    handler: (req) => listStaff(req.ctx),
  });

  app.post('/help-requests', {
    config,
    bodyLimit: withAttachments,
    schema: {
      tags,
      operationId: 'openHelpRequest',
      summary: "Ask the help desk: a question of one's own Comune on a topic; audited",
      description: `\`helpdesk.request\` (403 for staff not of a Comune). About one of the Comune's projects or its local plan at most (another Comune's: 400 \`helpdesk.request.reference\`); never about a person. Up to ${MAX_ATTACHMENTS} attachments, PDF, PNG or JPEG by content (400 \`helpdesk.document.refused\`). The due dates follow the topic and the priority in Italian working days.`,
      body: openRequestSchema,
      response: { 201: requestDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await openRequest(req.ctx, req.body)),
  });

  app.get('/help-requests/:requestId', {
    config,
    schema: {
      tags,
      operationId: 'getHelpRequest',
      summary: 'A request with its conversation, attachments and history',
      description: `${reach} Internal notes only for the help desk.`,
      params: requestParams,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => getRequest(req.ctx, req.params.requestId),
  });

  app.post('/help-requests/:requestId/assign', {
    config,
    schema: {
      tags,
      operationId: 'assignHelpRequest',
      summary: 'Assign (or reassign) a request to a member of the help desk; audited',
      description: `${desk}; 400 \`helpdesk.request.assignee\` for someone not of the help desk; ${stale}.`,
      params: requestParams,
      body: assignSchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => assignRequest(req.ctx, req.params.requestId, req.body),
  });

  app.post('/help-requests/:requestId/messages', {
    config,
    bodyLimit: withAttachments,
    schema: {
      tags,
      operationId: 'postHelpRequestMessage',
      summary: 'Write in a request: the Comune, the help desk, or an internal note of the help desk; audited',
      description: `${reach} \`internal\` and \`awaitComune\` for the help desk only (400). The help desk's first answer is dated; its answer to a NUOVA request takes it in charge. 409 \`helpdesk.state\` on a resolved or closed request (the Comune reopens it instead). Up to ${MAX_ATTACHMENTS} attachments (400 \`helpdesk.document.refused\`).`,
      params: requestParams,
      body: messageBodySchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => postMessage(req.ctx, req.params.requestId, req.body),
  });

  app.post('/help-requests/:requestId/resolve', {
    config,
    schema: {
      tags,
      operationId: 'resolveHelpRequest',
      summary: 'Resolve a request with a resolution text; audited',
      description: `${desk}; ${stale} (a NUOVA request is assigned first).`,
      params: requestParams,
      body: resolveSchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => resolveRequest(req.ctx, req.params.requestId, req.body),
  });

  app.post('/help-requests/:requestId/close', {
    config,
    schema: {
      tags,
      operationId: 'closeHelpRequest',
      summary: 'Confirm the resolution and close the request; audited',
      description: `${comune}; ${stale}.`,
      params: requestParams,
      body: closeSchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => closeRequest(req.ctx, req.params.requestId, req.body.rowVersion),
  });

  app.post('/help-requests/:requestId/reopen', {
    config,
    schema: {
      tags,
      operationId: 'reopenHelpRequest',
      summary: 'Reopen a resolved or closed request, saying why; audited',
      description: `${comune}; ${stale}; 409 \`helpdesk.request.reopen_expired\` after the reopening period.`,
      params: requestParams,
      body: reopenSchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => reopenRequest(req.ctx, req.params.requestId, req.body),
  });

  app.post('/help-requests/:requestId/satisfaction', {
    config,
    schema: {
      tags,
      operationId: 'rateHelpRequest',
      summary: 'Rate a closed request, 1 to 5 with an optional comment, once; audited',
      description: `${comune}; 409 \`helpdesk.state\` before it is closed, \`helpdesk.request.rated\` when rated already.`,
      params: requestParams,
      body: satisfactionSchema,
      response: { 200: requestDetailSchema },
    },
    handler: (req) => rateRequest(req.ctx, req.params.requestId, req.body),
  });

  app.get('/help-requests/:requestId/attachments/:documentId', {
    config,
    schema: {
      tags,
      operationId: 'downloadHelpAttachment',
      summary: "Download an attachment of a request's message (always as an attachment); audited",
      description: `${reach} 404 \`helpdesk.document.not_found\` for a document not of this request (or an internal one, for the Comune).`,
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
      const file = await downloadAttachment(req.ctx, req.params.requestId, req.params.documentId);
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

  app.get('/help-escalations', {
    config,
    schema: {
      tags,
      operationId: 'listHelpEscalations',
      summary: 'The late requests signalled by the escalation job, not yet taken note of',
      description: '`helpdesk.handle`.',
      response: { 200: escalationListSchema },
    },
    handler: (req) => listEscalations(req.ctx),
  });

  app.post('/help-escalations/:escalationId/acknowledge', {
    config,
    schema: {
      tags,
      operationId: 'acknowledgeHelpEscalation',
      summary: 'Take note of a late request signalled; audited',
      description: '`helpdesk.handle`; 404 `helpdesk.escalation.not_found` (or already taken note of).',
      params: escalationParams,
      response: { 204: z.null().describe('Taken note of') },
    },
    handler: async (req, reply) => {
      await acknowledge(req.ctx, req.params.escalationId);
      return reply.code(204).send(null);
    },
  });
}
