/**
 * API schemas of a Comune's plan (PLM; issue 13 item 1): the list in reach, the header, the states
 * with who and when, the adoption act and its resolution, the context analysis beside the Comune's
 * survey answers and settlements, the versions and what changed between two of them.
 */
import { z } from 'zod';
import { uploadFileFields } from '../../../platform/documents/index.js';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { adoptionOrgans, planStatuses } from '../shared/vocabulary.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const year = z.number().int().min(2000).max(2100);

export const planStatusSchema = z.enum(planStatuses).meta({ id: 'PlanStatus' });
export const adoptionOrganSchema = z.enum(adoptionOrgans).meta({ id: 'PlanAdoptionOrgan' });

export const planParams = z.object({ planId: z.uuid() }).strict();
export const versionParams = z.object({ planId: z.uuid(), no: z.coerce.number().int().min(1).max(100000) }).strict();
export const changesQuerySchema = z
  .object({
    against: z
      .union([z.literal('current'), z.coerce.number().int().min(1).max(100000)])
      .optional()
      .describe('The other side: a version number or `current`; by default the version before (or `current` for 1)'),
  })
  .strict();

export const listPlansQuerySchema = z
  .object({
    region: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional(),
    status: planStatusSchema.optional(),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the Comune's name or of the title"),
    ...pageQuery,
  })
  .strict();
export type ListPlansQuery = z.infer<typeof listPlansQuerySchema>;

const headerFields = {
  title: z.string().trim().min(3).max(300),
  periodFrom: year,
  periodTo: year,
  summary: z.string().trim().max(4000).nullable(),
};

const periodOrder = (p: { periodFrom?: number; periodTo?: number }, ctx: z.RefinementCtx) => {
  if (p.periodFrom !== undefined && p.periodTo !== undefined) {
    if (p.periodTo < p.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'The last year comes after the first' });
    else if (p.periodTo > p.periodFrom + 10)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'A plan covers at most ten years' });
  }
};

export const createPlanSchema = z
  .object({ ...headerFields, summary: headerFields.summary.default(null) })
  .strict()
  .superRefine(periodOrder)
  .meta({ id: 'PlanCreate' });
export type CreatePlanBody = z.infer<typeof createPlanSchema>;

export const patchPlanSchema = z
  .object({ rowVersion: z.number().int().min(1), ...headerFields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'PlanPatch' });
export type PatchPlanBody = z.infer<typeof patchPlanSchema>;

export const transitionSchema = z
  .object({
    to: planStatusSchema,
    note: z.string().trim().max(2000).nullable().default(null),
    rowVersion: z.number().int().min(1),
  })
  .strict()
  .meta({ id: 'PlanTransition' });
export type TransitionBody = z.infer<typeof transitionSchema>;

export const adoptionSchema = z
  .object({
    organ: adoptionOrganSchema,
    number: z.string().trim().min(1).max(40),
    date: day,
    rowVersion: z.number().int().min(1),
  })
  .strict()
  .meta({ id: 'PlanAdoption' });
export type AdoptionBody = z.infer<typeof adoptionSchema>;

export const uploadAdoptionDocumentSchema = z
  .object({ ...uploadFileFields })
  .strict()
  .meta({ id: 'PlanAdoptionDocumentUpload' });
export type UploadAdoptionDocumentBody = z.infer<typeof uploadAdoptionDocumentSchema>;

export const putContextSchema = z
  .object({ text: z.string().max(30000), rowVersion: z.number().int().min(1) })
  .strict()
  .meta({ id: 'PlanContextPut' });
export type PutContextBody = z.infer<typeof putContextSchema>;

export const planDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['DELIBERA', 'VERBALE', 'ALLEGATO']),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanDocument' });

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    title: z.string(),
    periodFrom: z.number().int(),
    periodTo: z.number().int(),
    status: planStatusSchema,
    actions: z.number().int().describe('How many actions the plan has'),
    adoptionDate: day.nullable(),
    versionNo: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof planSummarySchema>;
export const planPageSchema = pageOf(planSummarySchema).meta({ id: 'PlanPage' });

export const planEventSchema = z
  .object({
    from: planStatusSchema.nullable(),
    to: planStatusSchema,
    note: z.string().nullable(),
    by: z.string().describe('The display name of who took the step'),
    at: z.iso.datetime(),
  })
  .meta({ id: 'PlanEvent' });

export const planDetailSchema = z
  .object({
    ...planSummarySchema.shape,
    summary: z.string().nullable(),
    adoption: z.object({
      organ: adoptionOrganSchema.nullable(),
      number: z.string().nullable(),
      date: day.nullable(),
      document: planDocumentSchema.nullable(),
    }),
    monitorings: z.number().int(),
    events: z.array(planEventSchema),
    /** the steps this actor may take now (none for a reader) */
    allowedSteps: z.array(planStatusSchema),
    canEdit: z.boolean(),
    rowVersion: z.number().int(),
    documents: z.array(planDocumentSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof planDetailSchema>;

const localText = z.object({ it: z.string().optional(), en: z.string().optional() }).meta({ id: 'PlanLocalText' });

const figure = z.union([z.number(), z.string()]).nullable();
export const contextAnswerSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['choice', 'multiple', 'number', 'range']),
    label: localText,
    section: localText.nullable(),
    choices: z.array(z.object({ code: z.string(), label: localText })).nullable(),
    number: z.number().nullable(),
    range: z.object({ min: figure, max: figure, quality: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'PlanContextAnswer' });

export const contextSettlementSchema = z
  .object({
    entry: z.number().int(),
    place: z.string().nullable().describe('Free text: ANCI/Cittalia and the Comune itself only'),
    type: z.string().nullable(),
    kind: z.string().nullable(),
    persons: z.object({ min: figure, max: figure, quality: z.string().nullable() }),
    season: z.string().nullable(),
    services: z.array(z.string()),
    distanceKm: z.number().nullable(),
    years: z.number().nullable(),
  })
  .meta({ id: 'PlanContextSettlement' });

const surveySource = z.object({
  waveId: z.uuid(),
  waveTitle: z.string(),
  status: z.string(),
  submittedAt: z.iso.datetime().nullable(),
});

export const planContextSchema = z
  .object({
    planId: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    text: z.string().nullable(),
    canEdit: z.boolean(),
    rowVersion: z.number().int(),
    /** the Comune's latest counted response; null: no survey answer */
    survey: surveySource.extend({ answers: z.array(contextAnswerSchema) }).nullable(),
    /** the settlements of agricultural workers in the Comune's latest counted response that lists them; null: none recorded */
    settlements: surveySource.extend({ items: z.array(contextSettlementSchema) }).nullable(),
  })
  .meta({ id: 'PlanContext' });
export type PlanContext = z.infer<typeof planContextSchema>;

export const planVersionReasonSchema = z.enum(['ADOZIONE', 'AGGIORNAMENTO']).meta({ id: 'PlanVersionReason' });
export const planVersionSummarySchema = z
  .object({
    no: z.number().int(),
    reason: planVersionReasonSchema,
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    actions: z.number().int(),
  })
  .meta({ id: 'PlanVersionSummary' });
export const planVersionListSchema = z
  .object({ items: z.array(planVersionSummarySchema), currentVersionNo: z.number().int() })
  .meta({ id: 'PlanVersionList' });

// a frozen snapshot of the plan
const snapshotPartner = z.object({ organisationId: z.string(), name: z.string(), role: z.string() });
const snapshotIndicator = z.object({
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  targets: z.record(z.string(), z.number()),
});
export const snapshotActionSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  axis: z.string(),
  priorityAction: z.number().int(),
  leadOrganisation: z.string().nullable(),
  budgetCents: z.number().int().nullable(),
  fundingSource: z.string().nullable(),
  projectId: z.string().nullable(),
  status: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  partners: z.array(snapshotPartner),
  indicators: z.array(snapshotIndicator),
});
export const planSnapshotSchema = z
  .object({
    header: z.object({
      title: z.string(),
      periodFrom: z.number().int(),
      periodTo: z.number().int(),
      summary: z.string().nullable(),
      adoptionOrgan: z.string().nullable(),
      adoptionNumber: z.string().nullable(),
      adoptionDate: z.string().nullable(),
    }),
    actions: z.array(snapshotActionSchema),
  })
  .meta({ id: 'PlanSnapshot' });

export const planVersionSchema = z
  .object({ ...planVersionSummarySchema.shape, snapshot: planSnapshotSchema })
  .meta({ id: 'PlanVersion' });

const value = z.union([z.string(), z.number(), z.null()]);
export const fieldChangeSchema = z
  .object({
    field: z.string().describe('The field: title, budgetCents, axis, target… (the page puts it in words)'),
    period: z.string().nullable().describe('For an indicator target: its period'),
    before: value,
    after: value,
  })
  .meta({ id: 'PlanFieldChange' });
export const planChangesSchema = z
  .object({
    from: z.object({ no: z.number().int().nullable(), label: z.string() }),
    to: z.object({ no: z.number().int().nullable(), label: z.string() }),
    header: z.array(fieldChangeSchema),
    actions: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        change: z.enum(['ADDED', 'REMOVED', 'CHANGED']),
        fields: z.array(fieldChangeSchema),
        partners: z.array(
          z.object({
            name: z.string(),
            change: z.enum(['ADDED', 'REMOVED', 'CHANGED']),
            before: z.string().nullable(),
            after: z.string().nullable(),
          }),
        ),
        indicators: z.array(
          z.object({
            name: z.string(),
            change: z.enum(['ADDED', 'REMOVED', 'CHANGED']),
            fields: z.array(fieldChangeSchema),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PlanChanges' });
