import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBudget, setBudget } from './budget.js';
import { addMeasure, updateMeasure } from './measures.service.js';
import { printPai } from './pai.pdf.js';
import {
  budgetComuneSchema, budgetParams, budgetQuerySchema, budgetSchema, caseParams, createMeasureSchema, createPaiSchema,
  measureParams, measureSchema, paiDetailSchema, paiParams, paiTransitionSchema, paiVersionParams, paiVersionSchema,
  setBudgetSchema, updateMeasureSchema, updatePaiSchema,
} from './pai.schema.js';
import { createPai, getPai, getPaiVersion, transitionPai, updatePai } from './pai.service.js';

/** PAI, measures and the budget of the assistance measures (mounted under /api/v1/pilot). */
export async function pilotPaiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot'];
  const config = { auth: 'session' } as const;

  app.post('/cases/:caseId/pais', {
    config,
    schema: {
      tags, operationId: 'createPilotPai', summary: 'Draft the PAI of a member of the case admitted to the measures',
      params: caseParams, body: createPaiSchema, response: { 201: paiDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPai(req.ctx, req.params.caseId, req.body)),
  });
  app.get('/pais/:paiId', {
    config,
    schema: {
      tags, operationId: 'getPilotPai', summary: 'A PAI with its measures, totals, versions and the steps allowed now (audited)',
      params: paiParams, response: { 200: paiDetailSchema },
    },
    handler: (req) => getPai(req.ctx, req.params.paiId),
  });
  app.get('/pais/:paiId/versions/:version', {
    config,
    schema: {
      tags, operationId: 'getPilotPaiVersion', summary: 'An earlier version of a PAI, frozen when its revision started (audited)',
      params: paiVersionParams, response: { 200: paiVersionSchema },
    },
    handler: (req) => getPaiVersion(req.ctx, req.params.paiId, req.params.version),
  });
  app.patch('/pais/:paiId', {
    config,
    schema: {
      tags, operationId: 'updatePilotPai', summary: 'Edit the needs and objectives of a draft PAI or of one under revision',
      params: paiParams, body: updatePaiSchema, response: { 200: paiDetailSchema },
    },
    handler: (req) => updatePai(req.ctx, req.params.paiId, req.body),
  });
  app.post('/pais/:paiId/transitions', {
    config,
    schema: {
      tags, operationId: 'transitionPilotPai',
      summary: 'Move a PAI: share with the beneficiary, approve (referente), start, revise, close',
      params: paiParams, body: paiTransitionSchema, response: { 200: paiDetailSchema },
    },
    handler: (req) => transitionPai(req.ctx, req.params.paiId, req.body),
  });
  app.get('/pais/:paiId/pdf', {
    config,
    schema: {
      tags, operationId: 'printPilotPai', summary: 'The PAI as a tagged PDF in Italian, ready for signature (audited)',
      params: paiParams,
      response: {
        200: { description: 'The PAI (application/pdf)', content: { 'application/pdf': { schema: z.file().mime('application/pdf') } } },
      },
    },
    handler: async (req, reply) => {
      const pdf = await printPai(req.ctx, req.params.paiId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="pai-${req.params.paiId}.pdf"`)
        // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
        .send(pdf as unknown as File);
    },
  });

  app.post('/pais/:paiId/measures', {
    config,
    schema: {
      tags, operationId: 'addPilotMeasure', summary: 'Add a measure to a PAI (on an approved PAI its cost must fit the budget)',
      params: paiParams, body: createMeasureSchema, response: { 201: measureSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addMeasure(req.ctx, req.params.paiId, req.body)),
  });
  app.patch('/measures/:measureId', {
    config,
    schema: {
      tags, operationId: 'updatePilotMeasure', summary: 'Record progress on a measure: status, actual hours and cost, outcome',
      params: measureParams, body: updateMeasureSchema, response: { 200: measureSchema },
    },
    handler: (req) => updateMeasure(req.ctx, req.params.measureId, req.body),
  });

  const budgetTags = ['pilot-monitoring'];
  app.get('/budget', {
    config,
    schema: {
      tags: budgetTags, operationId: 'getPilotBudget',
      summary: 'Allocation, commitments and spending per pilot Comune for a year (own Comune, or all for national roles)',
      querystring: budgetQuerySchema, response: { 200: budgetSchema },
    },
    handler: (req) => getBudget(req.ctx, req.query.year),
  });
  app.put('/budget/:comuneIstat/:year', {
    config,
    schema: {
      tags: budgetTags, operationId: 'setPilotBudget', summary: "Set a pilot Comune's allocation for a year (platform administrator)",
      params: budgetParams, body: setBudgetSchema, response: { 200: budgetComuneSchema },
    },
    handler: (req) => setBudget(req.ctx, req.params.comuneIstat, req.params.year, req.body.allocation),
  });
}
