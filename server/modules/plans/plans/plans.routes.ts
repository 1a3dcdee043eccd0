import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, maxDocumentBase64Chars } from '../../../platform/documents/index.js';
import {
  adoptionSchema,
  changesQuerySchema,
  createPlanSchema,
  listPlansQuerySchema,
  patchPlanSchema,
  planChangesSchema,
  planContextSchema,
  planDetailSchema,
  planPageSchema,
  planParams,
  planVersionListSchema,
  planVersionSchema,
  putContextSchema,
  transitionSchema,
  uploadAdoptionDocumentSchema,
  versionParams,
} from './plans.schema.js';
import {
  createPlan,
  downloadAdoptionDocument,
  getContext,
  getPlan,
  getVersion,
  listPlans,
  listVersions,
  patchPlan,
  putAdoption,
  putContext,
  transitionPlan,
  uploadAdoptionDocument,
  versionChanges,
} from './plans.service.js';

const readers =
  "`plans.read`: the Comune's referente (its own plan), the Regione (its own Comuni's), ANCI/Cittalia and MLPS (all); another Comune's plan is 404 `plans.plan.not_found`";
const owner =
  "`plans.edit`: the referente of the plan's Comune only (403 `plans.plan.not_owner` for the others who read it; 404 `plans.plan.not_found` for another Comune's)";
const writer = `${owner}; 409 \`plans.stale\` when \`rowVersion\` is not the current one`;

/** The routes of the plans' plans (mounted by ../index.ts under /api/v1): the plan: header, states with who and when, adoption act and resolution, context analysis, versions and what changed. */
export async function plansPartRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const config = { auth: 'session' } as const;

  app.get('/plans', {
    config,
    schema: {
      tags,
      operationId: 'listPlans',
      summary: 'The local plans in reach, by Region and Comune',
      description: `${readers}. Filters \`region\`, \`status\`, \`q\` (part of the Comune's name or of the title); paged. Each with its Comune and Region, state, period, number of actions and adoption date.`,
      querystring: listPlansQuerySchema,
      response: { 200: planPageSchema },
    },
    handler: (req) => listPlans(req.ctx, req.query),
  });

  app.post('/plans', {
    config,
    schema: {
      tags,
      operationId: 'createPlan',
      summary: "Start the Comune's plan (AVVIO); audited",
      description:
        '`plans.edit`: the referente of a Comune, for their own Comune (403 `plans.plan.not_owner` otherwise). One plan per Comune: 409 `plans.plans.exists` (a new period is an update of it). The first event records who started it and when.',
      body: createPlanSchema,
      response: { 201: planDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPlan(req.ctx, req.body)),
  });

  app.get('/plans/:planId', {
    config,
    schema: {
      tags,
      operationId: 'getPlan',
      summary: 'A plan: header, adoption act, state with its steps (who and when), the next steps allowed',
      description: `${readers}. \`allowedSteps\` are the steps this actor may take now (none for a reader); \`canEdit\` says whether they write it.`,
      params: planParams,
      response: { 200: planDetailSchema },
    },
    handler: (req) => getPlan(req.ctx, req.params.planId),
  });

  app.patch('/plans/:planId', {
    config,
    schema: {
      tags,
      operationId: 'updatePlan',
      summary: "Change the plan's header: title, period, summary; audited",
      description: `${writer}. The period covers at most ten years (400).`,
      params: planParams,
      body: patchPlanSchema,
      response: { 200: planDetailSchema },
    },
    handler: (req) => patchPlan(req.ctx, req.params.planId, req.body),
  });

  app.post('/plans/:planId/transitions', {
    config,
    schema: {
      tags,
      operationId: 'transitionPlan',
      summary: 'Take a step of the plan (AVVIO → … → AGGIORNATO); audited',
      description: `${writer}. A step not allowed from the current state is 409 \`plans.state\` with \`context.allowed\`. ADOTTATO needs the adoption act (409 \`plans.plans.adoption_missing\`) and at least one action (409 \`plans.plans.no_actions\`) and freezes version 1 (ADOZIONE); MONITORATO needs a monitoring (409 \`plans.plans.no_monitoring\`); AGGIORNATO freezes the next version (AGGIORNAMENTO).`,
      params: planParams,
      body: transitionSchema,
      response: { 200: planDetailSchema },
    },
    handler: (req) => transitionPlan(req.ctx, req.params.planId, req.body),
  });

  app.put('/plans/:planId/adoption', {
    config,
    schema: {
      tags,
      operationId: 'putPlanAdoption',
      summary: 'Record the adoption act: Giunta or Consiglio, number, date; audited',
      description: `${writer}. Until the plan is adopted (409 \`plans.state\` after); the date not in the future (400).`,
      params: planParams,
      body: adoptionSchema,
      response: { 200: planDetailSchema },
    },
    handler: (req) => putAdoption(req.ctx, req.params.planId, req.body),
  });

  app.post('/plans/:planId/adoption/document', {
    config,
    // the JSON body carries the file in base64, above the global 1 MiB limit
    bodyLimit: maxDocumentBase64Chars + 4096,
    schema: {
      tags,
      operationId: 'uploadPlanAdoptionDocument',
      summary: 'Upload the adoption resolution (PDF); audited',
      description: `${owner}. The type is read from the content, never from the name: 400 \`plans.document.refused\` for anything but a PDF without active content. Replaces the resolution uploaded before. Stored encrypted.`,
      params: planParams,
      body: uploadAdoptionDocumentSchema,
      response: { 201: planDetailSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await uploadAdoptionDocument(req.ctx, req.params.planId, req.body)),
  });

  app.get('/plans/:planId/adoption/document', {
    config,
    schema: {
      tags,
      operationId: 'downloadPlanAdoptionDocument',
      summary: 'Download the adoption resolution (always as an attachment); audited',
      description: `${readers}. 404 \`plans.document.not_found\` when none was uploaded. Every download is audited.`,
      params: planParams,
      response: {
        200: {
          description: 'The resolution',
          content: { 'application/pdf': { schema: z.file().mime('application/pdf') } },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await downloadAdoptionDocument(req.ctx, req.params.planId);
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

  app.get('/plans/:planId/context', {
    config,
    schema: {
      tags,
      operationId: 'getPlanContext',
      summary: "The context analysis: the text, the Comune's own survey answers and its settlements",
      description: `${readers}. The Comune's latest response that counts in the national surveys (choice, number and range questions with their labels) and the settlements of agricultural workers it reported, read with the caller's own reach; null when there is none. Counts of persons exact for the Comune itself and ANCI/Cittalia, controlled for the others (as the survey results); the place's name only for them.`,
      params: planParams,
      response: { 200: planContextSchema },
    },
    handler: (req) => getContext(req.ctx, req.params.planId),
  });

  app.put('/plans/:planId/context', {
    config,
    schema: {
      tags,
      operationId: 'putPlanContext',
      summary: 'Write the text of the context analysis; audited',
      description: `${writer}. Empty text clears it.`,
      params: planParams,
      body: putContextSchema,
      response: { 200: planContextSchema },
    },
    handler: (req) => putContext(req.ctx, req.params.planId, req.body),
  });

  app.get('/plans/:planId/versions', {
    config,
    schema: {
      tags,
      operationId: 'listPlanVersions',
      summary: "The plan's frozen versions, newest first",
      description: `${readers}. Version 1 is frozen at adoption, each update (AGGIORNATO) freezes the next.`,
      params: planParams,
      response: { 200: planVersionListSchema },
    },
    handler: (req) => listVersions(req.ctx, req.params.planId),
  });

  app.get('/plans/:planId/versions/:no', {
    config,
    schema: {
      tags,
      operationId: 'getPlanVersion',
      summary: 'A frozen version of the plan with its snapshot',
      description: `${readers}. 404 \`plans.plans.version_not_found\`.`,
      params: versionParams,
      response: { 200: planVersionSchema },
    },
    handler: (req) => getVersion(req.ctx, req.params.planId, req.params.no),
  });

  app.get('/plans/:planId/versions/:no/changes', {
    config,
    schema: {
      tags,
      operationId: 'getPlanVersionChanges',
      summary: 'What changed between a version and another (or the plan as it is now)',
      description: `${readers}. \`against\`: a version number or \`current\`; by default the version before (\`current\` for version 1). From the older to the newer: header fields, actions added, removed or changed field by field, their partners and indicators with their targets. 404 \`plans.plans.version_not_found\`.`,
      params: versionParams,
      querystring: changesQuerySchema,
      response: { 200: planChangesSchema },
    },
    handler: (req) => versionChanges(req.ctx, req.params.planId, req.params.no, req.query.against),
  });
}
