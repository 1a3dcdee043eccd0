import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { extractSchema } from './extract.schema.js';
import { createExtract } from './extract.service.js';

/** The pseudonymised release for technical assistance, as a JSON download (mounted under /api/v1/pilot). */
export async function pilotExtractRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/comparative/extract', {
    config: { auth: 'session' },
    schema: {
      tags: ['pilot-monitoring'],
      operationId: 'createPilotPseudonymisedExtract',
      summary:
        'A new pseudonymised release for technical assistance: keyed references of this release only, k ≥ 5, manifest',
      description:
        'Assistenza_tecnica only (`pilot.pseudonymised.read`): a new release of pseudonymised rows with references keyed for this release only, generalised until every group holds at least 5 people, and its manifest; audited.',
      response: { 200: extractSchema },
    },
    handler: async (req, reply) => {
      const extract = await createExtract(req.ctx);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="estratto-pseudonimizzato-${extract.manifest.release}.json"`,
        )
        .send(extract);
    },
  });
}
