import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBudget, setBudget } from './budget.service.js';
import { addMeasure, updateMeasure } from './measures.service.js';
import { printPai } from './pai.pdf.js';
import { langQuerySchema } from '../shared/lang.js';
import {
  budgetComuneSchema,
  budgetParams,
  budgetQuerySchema,
  budgetSchema,
  caseParams,
  createMeasureSchema,
  createPaiSchema,
  measureParams,
  measureSchema,
  paiDetailSchema,
  paiParams,
  paiTransitionSchema,
  paiVersionParams,
  paiVersionSchema,
  setBudgetSchema,
  updateMeasureSchema,
  updatePaiSchema,
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
      tags,
      operationId: 'createPilotPai',
      summary: 'Draft the PAI of a member of the case admitted to the measures',
      description:
        'Case staff (`pilot.cases.write`): drafts the individual assistance programme (PAI) of a member admitted to the measures; 409 `pilot.not_eligible`, or `pilot.pai_exists` while the person has a PAI not closed.',
      params: caseParams,
      body: createPaiSchema,
      response: { 201: paiDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPai(req.ctx, req.params.caseId, req.body)),
  });
  app.get('/pais/:paiId', {
    config,
    schema: {
      tags,
      operationId: 'getPilotPai',
      summary: 'A PAI with its measures, totals, versions and the steps allowed now (audited)',
      description:
        'Referente_comunale, or the operatore of the case (`pilot.cases.read`): the PAI with measures, budget totals, frozen versions and the steps the caller may take now; audited. 404 `pilot.pai.not_found`.',
      params: paiParams,
      response: { 200: paiDetailSchema },
    },
    handler: (req) => getPai(req.ctx, req.params.paiId),
  });
  app.get('/pais/:paiId/versions/:version', {
    config,
    schema: {
      tags,
      operationId: 'getPilotPaiVersion',
      summary: 'An earlier version of a PAI, frozen when its revision started (audited)',
      description:
        'Referente_comunale, or the operatore of the case (`pilot.cases.read`): a version of the PAI frozen when its revision started; audited. 404 `pilot.pai.not_found` for a version that does not exist.',
      params: paiVersionParams,
      response: { 200: paiVersionSchema },
    },
    handler: (req) => getPaiVersion(req.ctx, req.params.paiId, req.params.version),
  });
  app.patch('/pais/:paiId', {
    config,
    schema: {
      tags,
      operationId: 'updatePilotPai',
      summary: 'Edit the needs and objectives of a draft PAI or of one under revision',
      description:
        'Case staff (`pilot.cases.write`): replaces the needs and/or the objectives of a PAI in draft or under revision; 409 `pilot.stale` when `expectedVersion` is not the current version, `pilot.pai_locked` in other states.',
      params: paiParams,
      body: updatePaiSchema,
      response: { 200: paiDetailSchema },
    },
    handler: (req) => updatePai(req.ctx, req.params.paiId, req.body),
  });
  app.post('/pais/:paiId/transitions', {
    config,
    schema: {
      tags,
      operationId: 'transitionPilotPai',
      summary: 'Move a PAI: share with the beneficiary, approve (referente), start, revise, close',
      description:
        'Case staff (`pilot.cases.write`); approving and the other decisions need the referente (`pilot.cases.decide`). Sharing needs the language of the information notice; 409 `pilot.invalid_transition` for a step not allowed.',
      params: paiParams,
      body: paiTransitionSchema,
      response: { 200: paiDetailSchema },
    },
    handler: (req) => transitionPai(req.ctx, req.params.paiId, req.body),
  });
  app.get('/pais/:paiId/pdf', {
    config,
    schema: {
      tags,
      operationId: 'printPilotPai',
      summary: "The PAI as a tagged PDF in the user's language, ready for signature (audited)",
      description:
        'Referente_comunale, or the operatore of the case (`pilot.cases.read`): the PAI as a tagged PDF with room for signatures, in Italian or, with `lang=en`, in English; audited. 404 `pilot.pai.not_found`.',
      params: paiParams,
      querystring: langQuerySchema,
      response: {
        200: {
          description: 'The PAI (application/pdf)',
          content: { 'application/pdf': { schema: z.file().mime('application/pdf') } },
        },
      },
    },
    handler: async (req, reply) => {
      const pdf = await printPai(req.ctx, req.params.paiId, req.query.lang);
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="pai-${req.params.paiId}.pdf"`)
          // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
          .send(pdf as unknown as File)
      );
    },
  });

  app.post('/pais/:paiId/measures', {
    config,
    schema: {
      tags,
      operationId: 'addPilotMeasure',
      summary: 'Add a measure to a PAI (on an approved PAI its cost must fit the budget)',
      description:
        "Case staff (`pilot.cases.write`): adds a measure to a PAI that is not closed; on an approved PAI its cost must fit the Comune's budget (409 `pilot.budget_exceeded` or `pilot.budget_missing`).",
      params: paiParams,
      body: createMeasureSchema,
      response: { 201: measureSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addMeasure(req.ctx, req.params.paiId, req.body)),
  });
  app.patch('/measures/:measureId', {
    config,
    schema: {
      tags,
      operationId: 'updatePilotMeasure',
      summary: 'Record progress on a measure: status, actual hours and cost, outcome',
      description:
        'Case staff (`pilot.cases.write`): absent fields stay as they are, `null` clears an actual value, the outcome or the end date; a measure starts only on an approved PAI. Starting records the actual start date (`actualStartOn`, default today), completing or interrupting the actual end date (`actualEndOn`, default today); both lie within the PAI (from its approval) and not in the future. An actual cost above 150% of the planned one needs `confirmAbovePlan: true` (409 `pilot.cost_above_plan` otherwise). 404 `pilot.measure.not_found`, 409 `pilot.invalid_transition`, `pilot.pai_locked` or `pilot.budget_exceeded`.',
      params: measureParams,
      body: updateMeasureSchema,
      response: { 200: measureSchema },
    },
    handler: (req) => updateMeasure(req.ctx, req.params.measureId, req.body),
  });

  const budgetTags = ['pilot-monitoring'];
  app.get('/budget', {
    config,
    schema: {
      tags: budgetTags,
      operationId: 'getPilotBudget',
      summary:
        'Allocation, commitments and spending per pilot Comune for a year (own Comune, or all for national roles)',
      description:
        'With `pilot.budget.read`: the own Comune for its staff, every pilot Comune for assistenza_tecnica, mlps and the amministratore. Allocation, committed, spent and claimed amounts per measure type for a year.',
      querystring: budgetQuerySchema,
      response: { 200: budgetSchema },
    },
    handler: (req) => getBudget(req.ctx, req.query.year),
  });
  app.put('/budget/:comuneIstat/:year', {
    config,
    schema: {
      tags: budgetTags,
      operationId: 'setPilotBudget',
      summary: "Set a pilot Comune's allocation for a year (ANCI/Cittalia, who manage the pilot funds)",
      description:
        "Assistenza tecnica (ANCI/Cittalia) only (`pilot.budget.manage`): sets the allocation of a pilot Comune for a year, from the previous year up to three years ahead (400 otherwise); audited with the previous amount. 404 `comune.not_found` for a Comune outside the pilot; 409 `pilot.allocation_below_committed` (context: `committed`, `year`) for an allocation below what the Comune's approved PAIs already commit that year.",
      params: budgetParams,
      body: setBudgetSchema,
      response: { 200: budgetComuneSchema },
    },
    handler: (req) => setBudget(req.ctx, req.params.comuneIstat, req.params.year, req.body.allocation),
  });
}
