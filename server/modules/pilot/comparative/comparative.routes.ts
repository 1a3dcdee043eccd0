import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  comparativeQuerySchema,
  comparativeTableSchema,
  pseudonymisedRecordPageSchema,
  recordsQuerySchema,
  XLSX_MEDIA_TYPE,
  xlsxResponse,
} from './comparative.schema.js';
import { exportComparativeXlsx, findPseudonymisedRecords, getComparative } from './comparative.service.js';

/** The quadro comparativo (JSON and XLSX) and the pseudonymised rows for technical assistance. */
export async function pilotComparativeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot-monitoring'];

  app.get('/comparative', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'getPilotComparative',
      summary: 'Quadro comparativo: the pilot Comuni side by side for a period, disclosure-controlled',
      description:
        'Every role with `pilot.comparative.read`: the pilot Comuni side by side on the indicators of a period, small counts suppressed by disclosure control; audited. 400 `pilot.invalid` for a wrong period.',
      querystring: comparativeQuerySchema,
      response: { 200: comparativeTableSchema },
    },
    handler: (req) => getComparative(req.ctx, req.query),
  });

  app.get('/comparative.xlsx', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'exportPilotComparativeXlsx',
      summary: 'Quadro comparativo as an XLSX download, with the same disclosure control',
      description:
        'The same callers and the same disclosure control as the quadro comparativo: the table of a period as an XLSX file; audited.',
      querystring: comparativeQuerySchema,
      response: { 200: xlsxResponse },
    },
    handler: async (req, reply) => {
      const { filename, body } = await exportComparativeXlsx(req.ctx, req.query);
      return reply.type(XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(body);
    },
  });

  app.get('/comparative/records', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'findPilotPseudonymisedRecords',
      summary: 'Pseudonymised rows of one pilot Comune, for ANCI/Cittalia technical assistance (no identity)',
      description:
        'Assistenza_tecnica only (`pilot.pseudonymised.read`): a page of pseudonymised rows of one pilot Comune, without identity, for data-quality support; audited. 404 `comune.not_found`.',
      querystring: recordsQuerySchema,
      response: { 200: pseudonymisedRecordPageSchema },
    },
    handler: (req) => findPseudonymisedRecords(req.ctx, req.query),
  });
}
