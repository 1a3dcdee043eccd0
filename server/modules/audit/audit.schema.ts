import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';

export const auditOutcome = z.enum(['success', 'failure', 'denied']);

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    actorOrganisationId: z.uuid().nullable(),
    actorOrganisationName: z.string().nullable(),
    tenantComune: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    outcome: auditOutcome,
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z
  .object({
    actorUserId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(80).optional(),
    tenantComune: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...pageQuery,
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = pageOf(auditEntrySchema).meta({ id: 'AuditPage' });

export const auditVerificationSchema = z
  .object({ ok: z.boolean(), checked: z.number().int(), firstInvalidSeq: z.number().int().nullable() })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
