import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  callDetailSchema,
  callListSchema,
  callParams,
  createCallSchema,
  createFundingSourceSchema,
  fundingSourceListSchema,
  fundingSourceSchema,
  saveVersionSchema,
  versionParams,
} from './calls.schema.js';
import {
  createCall,
  createFundingSource,
  createVersion,
  getCall,
  listCalls,
  listFundingSources,
  publishVersion,
  saveVersion,
} from './calls.service.js';

/** Funding sources and calls with the versions of their rules (issue 12 item 1). */
export async function callsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;

  app.get('/funding-sources', {
    config,
    schema: {
      tags,
      operationId: 'listFundingSources',
      summary: 'The funding sources (FNPM, PN FAMI, PN Inclusione…)',
      description: 'Whoever reads the projects (`projects.read`).',
      response: { 200: fundingSourceListSchema },
    },
    handler: (req) => listFundingSources(req.ctx),
  });

  app.post('/funding-sources', {
    config,
    schema: {
      tags,
      operationId: 'createFundingSource',
      summary: 'Add a funding source',
      description:
        'ANCI/Cittalia or MLPS (`projects.calls.manage`). 409 `projects.funding_source.code_taken` when the code is used. Audited.',
      body: createFundingSourceSchema,
      response: { 201: fundingSourceSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createFundingSource(req.ctx, req.body)),
  });

  app.get('/funding-calls', {
    config,
    schema: {
      tags,
      operationId: 'listFundingCalls',
      summary: 'The calls for proposals, newest first, with the version of the rules new projects use',
      description: 'Whoever reads the projects (`projects.read`).',
      response: { 200: callListSchema },
    },
    handler: (req) => listCalls(req.ctx),
  });

  app.post('/funding-calls', {
    config,
    schema: {
      tags,
      operationId: 'createFundingCall',
      summary: 'Create a call with the first (draft) version of its rules',
      description:
        'ANCI/Cittalia or MLPS (`projects.calls.manage`). The rules are validated whole: categories named once, caps naming known categories, the period in order (400 with the issues). 409 `projects.call.code_taken`. Audited.',
      body: createCallSchema,
      response: { 201: callDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createCall(req.ctx, req.body)),
  });

  app.get('/funding-calls/:callId', {
    config,
    schema: {
      tags,
      operationId: 'getFundingCall',
      summary: 'A call with the versions of its rules',
      description:
        '`projects.read`; the draft version is shown only to those who configure calls (`projects.calls.manage`). 404 `projects.call.not_found`.',
      params: callParams,
      response: { 200: callDetailSchema },
    },
    handler: (req) => getCall(req.ctx, req.params.callId),
  });

  app.post('/funding-calls/:callId/versions', {
    config,
    schema: {
      tags,
      operationId: 'createFundingCallVersion',
      summary: 'Start a new draft version of the call’s rules',
      description:
        '`projects.calls.manage`. 409 `projects.call.draft_exists` when a draft is already open. Projects already designed keep the version they were designed under. Audited.',
      params: callParams,
      body: saveVersionSchema,
      response: { 201: callDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createVersion(req.ctx, req.params.callId, req.body)),
  });

  app.put('/funding-calls/:callId/versions/:versionId', {
    config,
    schema: {
      tags,
      operationId: 'saveFundingCallVersion',
      summary: 'Save the draft version’s rules',
      description:
        '`projects.calls.manage`. 409 `projects.call.version_published`: a published version never changes. Audited.',
      params: versionParams,
      body: saveVersionSchema,
      response: { 200: callDetailSchema },
    },
    handler: (req) => saveVersion(req.ctx, req.params.callId, req.params.versionId, req.body),
  });

  app.post('/funding-calls/:callId/versions/:versionId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishFundingCallVersion',
      summary: 'Publish the draft version: new projects are designed under it',
      description: '`projects.calls.manage`. 409 `projects.call.version_published` when already published. Audited.',
      params: versionParams,
      response: { 200: callDetailSchema },
    },
    handler: (req) => publishVersion(req.ctx, req.params.callId, req.params.versionId),
  });
}
