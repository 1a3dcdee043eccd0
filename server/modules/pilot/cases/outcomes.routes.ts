/** Routes of a case's employment contracts and outcomes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from './cases.schema.js';
import { caseOutcomesSchema, createContractSchema, createOutcomeSchema } from './outcomes.schema.js';
import { addContract, addOutcome, listOutcomes } from './outcomes.service.js';

export async function pilotOutcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot'];
  const params = z.object({ caseId: idParam });
  app.get('/cases/:caseId/outcomes', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'listPilotOutcomes',
      summary: 'Employment contracts and outcomes of a case',
      description:
        'Referente_comunale, or the operatore of the case (`pilot.cases.read`): the employment contracts and outcomes (certificates, ADI, housing autonomy, follow-ups) of a case.',
      params,
      response: { 200: caseOutcomesSchema },
    },
    handler: (req) => listOutcomes(req.ctx, req.params.caseId),
  });
  app.post('/cases/:caseId/contracts', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'addPilotContract',
      summary: 'Record an employment contract of a member',
      description:
        'Case staff (`pilot.cases.write`): records an employment contract (type, ATECO sector, dates) of a member of the case.',
      params,
      body: createContractSchema,
      response: { 201: caseOutcomesSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addContract(req.ctx, req.params.caseId, req.body)),
  });
  app.post('/cases/:caseId/outcomes', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'addPilotOutcome',
      summary: 'Record an outcome (certificate, ADI, housing autonomy, follow-up)',
      description:
        'Case staff (`pilot.cases.write`): records an outcome of a member of the case; a follow-up only after the case is closed (409 `pilot.invalid_transition`).',
      params,
      body: createOutcomeSchema,
      response: { 201: caseOutcomesSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addOutcome(req.ctx, req.params.caseId, req.body)),
  });
}
