import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, maxDocumentBase64Chars } from '../../../platform/documents/index.js';
import {
  followUpCreateSchema,
  followUpParams,
  followUpSchema,
  followUpUpdateSchema,
  meetingCreateSchema,
  meetingDetailSchema,
  meetingListQuery,
  meetingListSchema,
  meetingParams,
  meetingUpdateSchema,
  memberBodySchema,
  memberParams,
  minutesUploadSchema,
  networkCreateSchema,
  networkDetailSchema,
  networkListQuery,
  networkListSchema,
  networkParams,
  networkUpdateSchema,
  totalsQuery,
  totalsSchema,
  workListSchema,
} from './networks.schema.js';
import {
  changeFollowUp,
  changeMeeting,
  changeNetwork,
  createFollowUp,
  createMeeting,
  createNetwork,
  downloadMinutes,
  getMeeting,
  getNetwork,
  listMeetings,
  listNetworks,
  myFollowUps,
  networkTotals,
  removeMember,
  setMember,
  uploadMinutes,
} from './networks.service.js';

const binary = (type: string) => z.file().mime(type);
const editors =
  '`plans.networks.edit`, and the place: a Comune its own; a Regione its Region’s and its Comuni’s; ANCI/Cittalia any; a regional ANCI branch its Region’s own (403 `plans.networks.not_editor`)';

/** The routes of the plans' networks (mounted by ../index.ts under /api/v1): tavoli and thematic working groups, their member organisations, meetings with minutes, decisions and follow-ups on the work list, totals. */
export async function networksRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const config = { auth: 'session' } as const;

  app.get('/plan-networks', {
    config,
    schema: {
      tags,
      operationId: 'listPlanNetworks',
      summary: 'The tavoli and working groups in reach, with members, meetings and the last meeting',
      description:
        '`plans.networks.read`: a Comune its own, a Regione its Region’s and its Comuni’s, ANCI/Cittalia and MLPS all. Filters `comune`, `region`, `kind`, `axis`, `active`, `regional` (only the Regions’ own).',
      querystring: networkListQuery,
      response: { 200: networkListSchema },
    },
    handler: (req) => listNetworks(req.ctx, req.query),
  });

  app.get('/plan-networks/totals', {
    config,
    schema: {
      tags,
      operationId: 'getPlanNetworkTotals',
      summary: 'Totals of the networks and meetings in reach, beside the figures of phase 1',
      description:
        '`plans.networks.read`: networks by kind, distinct member organisations, meetings by kind and year, participants, follow-ups open and done; `reference` holds phase 1’s 36 groups, 250 organisations, 110 meetings. Filters `comune`, `region`.',
      querystring: totalsQuery,
      response: { 200: totalsSchema },
    },
    handler: (req) => networkTotals(req.ctx, req.query),
  });

  app.post('/plan-networks', {
    config,
    schema: {
      tags,
      operationId: 'createPlanNetwork',
      summary: 'A new tavolo or thematic working group of a Comune or of a Region',
      description: `${editors}. The place is the Comune given, or the Region given (no Comune), or the actor’s own; 400 \`request.invalid\` for an unknown place or a plan of another Comune.`,
      body: networkCreateSchema,
      response: { 201: networkDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createNetwork(req.ctx, req.body)),
  });

  app.get('/plan-networks/:networkId', {
    config,
    schema: {
      tags,
      operationId: 'getPlanNetwork',
      summary: 'A network with its member organisations and meetings',
      description: '`plans.networks.read`. 404 `plans.networks.not_found` outside the actor’s reach.',
      params: networkParams,
      response: { 200: networkDetailSchema },
    },
    handler: (req) => getNetwork(req.ctx, req.params.networkId),
  });

  app.patch('/plan-networks/:networkId', {
    config,
    schema: {
      tags,
      operationId: 'updatePlanNetwork',
      summary: 'Change a network: name, kind, theme, axis, plan, active',
      description: `${editors}. 404 \`plans.networks.not_found\`; 409 \`plans.stale\` when \`rowVersion\` is not the current one.`,
      params: networkParams,
      body: networkUpdateSchema,
      response: { 200: networkDetailSchema },
    },
    handler: (req) => changeNetwork(req.ctx, req.params.networkId, req.body),
  });

  app.put('/plan-networks/:networkId/members/:organisationId', {
    config,
    schema: {
      tags,
      operationId: 'setPlanNetworkMember',
      summary: 'Add an organisation of the registry to a network, or change its role',
      description: `${editors}. Role COORDINATORE, SEGRETERIA, MEMBRO or OSSERVATORE; 400 \`request.invalid\` for an organisation not in the registry.`,
      params: memberParams,
      body: memberBodySchema,
      response: { 200: networkDetailSchema },
    },
    handler: (req) => setMember(req.ctx, req.params.networkId, req.params.organisationId, req.body),
  });

  app.delete('/plan-networks/:networkId/members/:organisationId', {
    config,
    schema: {
      tags,
      operationId: 'removePlanNetworkMember',
      summary: 'Remove an organisation from a network',
      description: `${editors}. 404 \`plans.networks.not_found\` for a network out of reach or an organisation not a member.`,
      params: memberParams,
      response: { 200: networkDetailSchema },
    },
    handler: (req) => removeMember(req.ctx, req.params.networkId, req.params.organisationId),
  });

  app.get('/plan-meetings', {
    config,
    schema: {
      tags,
      operationId: 'listPlanMeetings',
      summary: 'The meetings in reach, the latest first',
      description: '`plans.networks.read`. Filters `networkId`, `comune`, `region`, `year`, `kind`.',
      querystring: meetingListQuery,
      response: { 200: meetingListSchema },
    },
    handler: (req) => listMeetings(req.ctx, req.query),
  });

  app.post('/plan-meetings', {
    config,
    schema: {
      tags,
      operationId: 'createPlanMeeting',
      summary: 'Record a meeting: of a network, or of a place on its own (a workshop, a training)',
      description: `${editors}. The date not before 2015 nor more than a year ahead; the organisations from the registry (400 \`request.invalid\` otherwise).`,
      body: meetingCreateSchema,
      response: { 201: meetingDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createMeeting(req.ctx, req.body)),
  });

  app.get('/plan-meetings/:meetingId', {
    config,
    schema: {
      tags,
      operationId: 'getPlanMeeting',
      summary: 'A meeting with its organisations, minutes, decisions and follow-ups',
      description:
        '`plans.networks.read`. For those who may change it, the actions of the Comune’s plans and the possible owners. 404 `plans.networks.meeting_not_found`.',
      params: meetingParams,
      response: { 200: meetingDetailSchema },
    },
    handler: (req) => getMeeting(req.ctx, req.params.meetingId),
  });

  app.patch('/plan-meetings/:meetingId', {
    config,
    schema: {
      tags,
      operationId: 'updatePlanMeeting',
      summary: 'Change a meeting',
      description: `${editors}. 404 \`plans.networks.meeting_not_found\`; 400 \`request.invalid\`; 409 \`plans.stale\`.`,
      params: meetingParams,
      body: meetingUpdateSchema,
      response: { 200: meetingDetailSchema },
    },
    handler: (req) => changeMeeting(req.ctx, req.params.meetingId, req.body),
  });

  app.post('/plan-meetings/:meetingId/minutes', {
    config,
    bodyLimit: maxDocumentBase64Chars + 4096,
    schema: {
      tags,
      operationId: 'uploadPlanMeetingMinutes',
      summary: 'Upload the minutes of a meeting (PDF, PNG or JPEG), replacing earlier ones',
      description: `${editors}. The type is read from the content: 400 \`plans.document.refused\` otherwise. Stored encrypted; audited.`,
      params: meetingParams,
      body: minutesUploadSchema,
      response: { 200: meetingDetailSchema },
    },
    handler: (req) => uploadMinutes(req.ctx, req.params.meetingId, req.body),
  });

  app.get('/plan-meetings/:meetingId/minutes', {
    config,
    schema: {
      tags,
      operationId: 'downloadPlanMeetingMinutes',
      summary: 'Download the minutes of a meeting (always as an attachment); audited',
      description:
        '`plans.networks.read`. Every download is audited. 404 `plans.networks.meeting_not_found`, `plans.document.not_found`.',
      params: meetingParams,
      response: {
        200: {
          description: 'The minutes',
          content: {
            'application/pdf': { schema: binary('application/pdf') },
            'image/png': { schema: binary('image/png') },
            'image/jpeg': { schema: binary('image/jpeg') },
          },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await downloadMinutes(req.ctx, req.params.meetingId);
      return (
        reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Fastify sends a Buffer as it is; the schema only documents the binary body
          .send(file.bytes as unknown as File)
      );
    },
  });

  app.post('/plan-meetings/:meetingId/follow-ups', {
    config,
    schema: {
      tags,
      operationId: 'createPlanFollowUp',
      summary: 'A decision or a follow-up of a meeting, with owner, due date and the plan’s action it advances',
      description: `${editors}. 400 \`request.invalid\`: an action not of a plan of the meeting’s Comune, an owner not of the same Comune, Region or ANCI, an organisation not in the registry, a due date before the meeting or more than five years after.`,
      params: meetingParams,
      body: followUpCreateSchema,
      response: { 201: followUpSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createFollowUp(req.ctx, req.params.meetingId, req.body)),
  });

  app.patch('/plan-follow-ups/:followUpId', {
    config,
    schema: {
      tags,
      operationId: 'updatePlanFollowUp',
      summary: 'Change a follow-up, or mark it done',
      description: `${editors}; its owner (\`plans.networks.read\`) changes only \`status\` (APERTO, FATTO, ANNULLATO). 404 \`plans.networks.follow_up_not_found\`; 400 as on creation.`,
      params: followUpParams,
      body: followUpUpdateSchema,
      response: { 200: followUpSchema },
    },
    handler: (req) => changeFollowUp(req.ctx, req.params.followUpId, req.body),
  });

  app.get('/plan-follow-ups/mine', {
    config,
    schema: {
      tags,
      operationId: 'listMyPlanFollowUps',
      summary: 'The user’s work list: open follow-ups they own (a referente: also their Comune’s), overdue first',
      description: '`plans.networks.read`. Each item carries `daysOverdue` (null when not overdue).',
      response: { 200: workListSchema },
    },
    handler: (req) => myFollowUps(req.ctx),
  });
}
