import { z } from 'zod';
import { auditActionSchema, auditEntityTypeSchema } from '../../platform/http/openapi.js';
import { pageOf, pageQuery } from '../../platform/pagination.js';

export const auditOutcome = z.enum(['success', 'failure', 'denied']);

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorOrganisationId: z.uuid().nullable(),
    actorOrganisationName: z.string().nullable(),
    tenantComune: z.string().nullable(),
    // a row keeps the name it was written with, even after its action is withdrawn from the catalogue
    action: z.union([auditActionSchema, z.string().describe('An action no longer declared (older rows).')]),
    entityType: z
      .union([auditEntityTypeSchema, z.string().describe('A type no longer declared (older rows).')])
      .nullable(),
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
    entityType: auditEntityTypeSchema.optional(),
    entityId: z.string().max(100).optional(),
    action: auditActionSchema.optional(),
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

/**
 * What a picker searches: a part of the name or e-mail (`q`), or one id to show the one already
 * chosen (a link from a user's page).
 */
export const auditPickerQuerySchema = z
  .object({
    q: z.string().trim().min(2).max(100).optional(),
    id: z.uuid().optional(),
  })
  .strict()
  .refine((v) => (v.q === undefined) !== (v.id === undefined), {
    message: 'Give either q (2 to 100 characters) or id',
    path: ['q'],
  });
export type AuditPickerQuery = z.infer<typeof auditPickerQuerySchema>;

/** At most this many matches: a picker shows a few, the person types more to narrow. */
export const AUDIT_PICKER_LIMIT = 20;

export const auditActorSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    organisationName: z.string().nullable(),
  })
  .meta({ id: 'AuditActor' });
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditActorListSchema = z
  .object({ items: z.array(auditActorSchema).max(AUDIT_PICKER_LIMIT) })
  .meta({ id: 'AuditActorList' });

export const auditOrganisationSchema = z
  .object({ id: z.uuid(), name: z.string(), type: z.string() })
  .meta({ id: 'AuditOrganisation' });
export type AuditOrganisation = z.infer<typeof auditOrganisationSchema>;

export const auditOrganisationListSchema = z
  .object({ items: z.array(auditOrganisationSchema).max(AUDIT_PICKER_LIMIT) })
  .meta({ id: 'AuditOrganisationList' });

export const auditPageSchema = pageOf(auditEntrySchema).meta({ id: 'AuditPage' });

export const auditVerificationSchema = z
  .object({ ok: z.boolean(), checked: z.number().int(), firstInvalidSeq: z.number().int().nullable() })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
