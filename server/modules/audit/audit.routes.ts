import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  auditActorListSchema,
  auditOrganisationListSchema,
  auditPageSchema,
  auditPickerQuerySchema,
  auditQuerySchema,
  auditVerificationSchema,
} from './audit.schema.js';
import { findAuditActors, findAuditEntries, findAuditOrganisations, verifyAudit } from './audit.service.js';

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
  app.get('/audit/actors', {
    config: { auth: 'session' },
    schema: {
      tags: ['audit'],
      operationId: 'findAuditActors',
      summary: 'Find the authors of audit entries by name or e-mail, to filter the trail by one',
      description:
        'With `audit.read`: at most 20 users who wrote at least one audit entry the caller may read (amministratore: any; referente_comunale: the entries of the own Comune, by row-level security), whose name or e-mail contains `q`; or the one with `id`.',
      querystring: auditPickerQuerySchema,
      response: { 200: auditActorListSchema },
    },
    handler: (req) => findAuditActors(req.ctx, req.query),
  });
  app.get('/audit/organisations', {
    config: { auth: 'session' },
    schema: {
      tags: ['audit'],
      operationId: 'findAuditOrganisations',
      summary: 'Find the organisations of the authors of audit entries by name, to filter the trail by one',
      description:
        'With `audit.read`: at most 20 organisations on whose behalf at least one audit entry the caller may read was written (row-level security as for the entries), whose name contains `q`; or the one with `id`.',
      querystring: auditPickerQuerySchema,
      response: { 200: auditOrganisationListSchema },
    },
    handler: (req) => findAuditOrganisations(req.ctx, req.query),
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
