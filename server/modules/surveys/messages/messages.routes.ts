import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bounceSchema,
  dispatchResultSchema,
  messageParams,
  messagesQuerySchema,
  phoneListPageSchema,
  phoneListQuerySchema,
  phoneListXlsxQuerySchema,
  surveyMessagePageSchema,
  surveyMessageSchema,
  waveParams,
} from './messages.schema.js';
import { dispatchWaveNow, listMessages, markMessageBounced, phoneList, phoneListXlsx } from './messages.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Invitations and reminders in working days, the messages log, the phone list. */
export async function messagesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;

  app.get('/waves/:waveId/messages', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyMessages',
      summary: "A wave's invitations and reminders, per Comune, with their delivery state",
      description:
        'Whoever runs waves (`surveys.waves.manage`) or follows the surveys (`surveys.read`; a Regione sees its own Comuni): every message, by Comune and step, with the relay’s answer for a failure and the reason of a bounce. Filters: `comune` (ISTAT code), `status`. 404 `surveys.wave.not_found`.',
      params: waveParams,
      querystring: messagesQuerySchema,
      response: { 200: surveyMessagePageSchema },
    },
    handler: (req) => listMessages(req.ctx, req.params.waveId, req.query),
  });

  app.post('/waves/:waveId/messages/dispatch', {
    config,
    schema: {
      tags,
      operationId: 'dispatchSurveyMessages',
      summary: 'Send the invitations and reminders due now for a wave (idempotent)',
      description:
        '`surveys.waves.manage`: the same work the job does every 5 minutes, for this wave: each message is claimed under its unique (response, step, address) key before it is sent, so calling this twice sends nothing twice. Comuni without a survey user get a personal link. 404 `surveys.wave.not_found`; 503 `surveys.message.no_relay` without an SMTP relay.',
      params: waveParams,
      response: { 200: dispatchResultSchema },
    },
    handler: (req) => dispatchWaveNow(req.ctx, req.params.waveId),
  });

  app.post('/messages/:messageId/bounce', {
    config,
    schema: {
      tags,
      operationId: 'bounceSurveyMessage',
      summary: 'Record that a delivered message bounced',
      description:
        '`surveys.waves.manage`: marks a delivered message `rimbalzato` with the reason read in the bounce; audited. 404 `surveys.message.not_found`; 409 `surveys.message.state` for a message not delivered.',
      params: messageParams,
      body: bounceSchema,
      response: { 200: surveyMessageSchema },
    },
    handler: (req) => markMessageBounced(req.ctx, req.params.messageId, req.body),
  });

  app.get('/waves/:waveId/phone-list', {
    config,
    schema: {
      tags,
      operationId: 'findSurveyPhoneList',
      summary: 'The Comuni to phone: past the last reminder (or without an address) and not submitted',
      description:
        'For the regional ANCI liaisons: `surveys.waves.manage` or `surveys.read` (a Regione sees its own Comuni). Each Comune with its Region, state, reminders sent and its survey contacts and users. Filter `region` (ISTAT code). 404 `surveys.wave.not_found`.',
      params: waveParams,
      querystring: phoneListQuerySchema,
      response: { 200: phoneListPageSchema },
    },
    handler: (req) => phoneList(req.ctx, req.params.waveId, req.query),
  });

  app.get('/waves/:waveId/phone-list.xlsx', {
    config,
    schema: {
      tags,
      operationId: 'exportSurveyPhoneList',
      summary: 'The Comuni to phone as XLSX',
      description: 'The same list as `findSurveyPhoneList`, every row, one sheet. 404 `surveys.wave.not_found`.',
      params: waveParams,
      querystring: phoneListXlsxQuerySchema,
      response: {
        200: {
          description: 'The phone list (XLSX workbook)',
          content: { [XLSX]: { schema: z.file().mime(XLSX) } },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await phoneListXlsx(req.ctx, req.params.waveId, req.query.region);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body as unknown as File);
    },
  });
}
