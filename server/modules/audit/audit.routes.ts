import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from './audit.schema.js';
import { findAuditEntries, verifyAudit } from './audit.service.js';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/audit', {
    config: { auth: 'session' },
    schema: {
      tags: ['audit'],
      operationId: 'findAuditEntries',
      summary: 'Browse the audit trail (administrator: all; referente comunale: own Comune)',
      description:
        'Amministratore (every row) and referente_comunale (rows of the own Comune, by row-level security), with `audit.read`: a page of audit entries filtered by the query parameters.',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema },
    },
    handler: (req) => findAuditEntries(req.ctx, req.query),
  });
  app.get('/audit/verify', {
    config: { auth: 'session' },
    schema: {
      tags: ['audit'],
      operationId: 'verifyAuditChain',
      summary: 'Recompute the audit hash chain and name the first tampered row',
      description:
        'Amministratore only (`audit.verify`): recomputes the hash chain of the whole audit trail and names the first row that does not match, if any.',
      response: { 200: auditVerificationSchema },
    },
    handler: (req) => verifyAudit(req.ctx),
  });
}
