/** API schemas of the projects' design: projects, partners, logical framework, activities, indicators, budget versions. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { callRulesSchema } from '../shared/call-rules.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const cents = z.number().int().min(0).max(99_999_999_999).describe('Euro cents');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const projectStatusSchema = z
  .enum(['BOZZA', 'PRESENTATO', 'APPROVATO', 'IN_CORSO', 'CONCLUSO', 'REVOCATO'])
  .meta({ id: 'ProjectStatus' });
export const budgetVersionStatusSchema = z
  .enum(['BOZZA', 'PROPOSTA', 'APPROVATA', 'RESPINTA'])
  .meta({ id: 'ProjectBudgetVersionStatus' });
export const partnerRoleSchema = z
  .enum(['PARTNER', 'ENTE_ATTUATORE', 'ASSOCIATO', 'ALTRO'])
  .meta({ id: 'ProjectPartnerRole' });
export const logframeKindSchema = z
  .enum(['OBIETTIVO_GENERALE', 'OBIETTIVO_SPECIFICO', 'RISULTATO'])
  .meta({ id: 'ProjectLogframeKind' });
export const disaggregationSchema = z.enum(['sex', 'age', 'nationality']).meta({ id: 'ProjectDisaggregation' });

export const projectParams = z.object({ projectId: z.uuid() }).strict();
export const versionParams = z.object({ projectId: z.uuid(), versionId: z.uuid() }).strict();
export const itemParams = z.object({ projectId: z.uuid(), itemId: z.uuid() }).strict();

// --- indicator catalogue

export const indicatorDefSchema = z
  .object({
    code: z.string(),
    framework: z.string(),
    kind: z.enum(['OUTPUT', 'RESULT']),
    labelIt: z.string(),
    labelEn: z.string().nullable(),
    unit: z.string(),
    disaggregations: z.array(z.string()),
  })
  .meta({ id: 'ProjectIndicatorDef' });
export type IndicatorDefOut = z.infer<typeof indicatorDefSchema>;
export const indicatorCatalogueSchema = z
  .object({ items: z.array(indicatorDefSchema) })
  .meta({ id: 'ProjectIndicatorCatalogue' });

// --- projects

export const projectListQuery = z
  .object({
    ...pageQuery,
    status: projectStatusSchema.optional(),
    callId: z.uuid().optional(),
    callVersionId: z.uuid().optional(),
    comune: z
      .string()
      .regex(/^\d{6}$/, 'An ISTAT code of six digits')
      .optional(),
    q: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectSummarySchema = z
  .object({
    id: z.uuid(),
    cup: z.string().nullable(),
    title: z.string(),
    acronym: z.string().nullable(),
    status: projectStatusSchema,
    comuneIstat: z.string(),
    comuneName: z.string(),
    regionName: z.string(),
    callId: z.uuid(),
    callTitle: z.string(),
    callVersionId: z.uuid(),
    startDate: day,
    endDate: day,
    /** the total of the budget version in force (null before the first approval) */
    budgetTotalCents: z.number().int().nullable(),
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummaryOut = z.infer<typeof projectSummarySchema>;
export const projectPageSchema = pageOf(projectSummarySchema).meta({ id: 'ProjectPage' });

const cupInput = z.string().trim().max(30).describe('The Codice Unico di Progetto (15 characters)');

export const createProjectSchema = z
  .object({
    callVersionId: z.uuid(),
    cup: cupInput.nullable().default(null),
    title: text(3, 300),
    acronym: text(1, 40).nullable().default(null),
    startDate: day,
    endDate: day,
    summary: text(1, 4000).nullable().default(null),
    partners: z
      .array(z.object({ organisationId: z.uuid(), role: partnerRoleSchema }).strict())
      .max(50)
      .default([]),
  })
  .strict()
  .refine((p) => p.endDate >= p.startDate, { message: 'The end cannot precede the start', path: ['endDate'] })
  .meta({ id: 'ProjectCreate' });
export type CreateProjectBody = z.infer<typeof createProjectSchema>;

export const patchProjectSchema = z
  .object({
    rowVersion: z.number().int().min(1),
    cup: cupInput.nullable().optional(),
    title: text(3, 300).optional(),
    acronym: text(1, 40).nullable().optional(),
    startDate: day.optional(),
    endDate: day.optional(),
    summary: text(1, 4000).nullable().optional(),
    agreementRef: text(1, 200).nullable().optional(),
  })
  .strict()
  .meta({ id: 'ProjectPatch' });
export type PatchProjectBody = z.infer<typeof patchProjectSchema>;

export const partnerSchema = z
  .object({ organisationId: z.uuid(), name: z.string(), type: z.string(), role: partnerRoleSchema })
  .meta({ id: 'ProjectPartner' });
export const putPartnersSchema = z
  .object({
    partners: z.array(z.object({ organisationId: z.uuid(), role: partnerRoleSchema }).strict()).max(50),
  })
  .strict()
  .meta({ id: 'ProjectPartnersPut' });
export type PutPartnersBody = z.infer<typeof putPartnersSchema>;

export const logframeItemSchema = z
  .object({
    id: z.uuid(),
    kind: logframeKindSchema,
    parentId: z.uuid().nullable(),
    code: z.string(),
    text: z.string(),
    position: z.number().int(),
  })
  .meta({ id: 'ProjectLogframeItem' });
export type LogframeItemOut = z.infer<typeof logframeItemSchema>;
const logframeCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.]{0,19}$/, 'A code such as OS1 or R1.2');
export const createLogframeSchema = z
  .object({
    kind: logframeKindSchema,
    parentId: z.uuid().nullable().default(null),
    code: logframeCode,
    text: text(2, 2000),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .meta({ id: 'ProjectLogframeCreate' });
export type CreateLogframeBody = z.infer<typeof createLogframeSchema>;
export const patchLogframeSchema = z
  .object({
    code: logframeCode.optional(),
    text: text(2, 2000).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'ProjectLogframePatch' });
export type PatchLogframeBody = z.infer<typeof patchLogframeSchema>;

export const activitySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    parentId: z.uuid().nullable(),
    resultId: z.uuid().nullable(),
    title: z.string(),
    plannedStart: day,
    plannedEnd: day,
    actualStart: day.nullable(),
    actualEnd: day.nullable(),
    progressPct: z.number().int(),
  })
  .meta({ id: 'ProjectActivity' });
export type ActivityOut = z.infer<typeof activitySchema>;
const wbsCode = z.string().regex(/^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$/, 'A WBS code such as 1 or 1.2');
const progress = z.number().int().min(0).max(100);
export const createActivitySchema = z
  .object({
    code: wbsCode,
    parentId: z.uuid().nullable().default(null),
    resultId: z.uuid().nullable().default(null),
    title: text(2, 300),
    plannedStart: day,
    plannedEnd: day,
    actualStart: day.nullable().default(null),
    actualEnd: day.nullable().default(null),
    progressPct: progress.default(0),
  })
  .strict()
  .refine((a) => a.plannedEnd >= a.plannedStart, { message: 'The end cannot precede the start', path: ['plannedEnd'] })
  .refine((a) => !a.actualEnd || !a.actualStart || a.actualEnd >= a.actualStart, {
    message: 'The end cannot precede the start',
    path: ['actualEnd'],
  })
  .meta({ id: 'ProjectActivityCreate' });
export type CreateActivityBody = z.infer<typeof createActivitySchema>;
export const patchActivitySchema = z
  .object({
    code: wbsCode.optional(),
    parentId: z.uuid().nullable().optional(),
    resultId: z.uuid().nullable().optional(),
    title: text(2, 300).optional(),
    plannedStart: day.optional(),
    plannedEnd: day.optional(),
    actualStart: day.nullable().optional(),
    actualEnd: day.nullable().optional(),
    progressPct: progress.optional(),
  })
  .strict()
  .meta({ id: 'ProjectActivityPatch' });
export type PatchActivityBody = z.infer<typeof patchActivitySchema>;

const targetSchema = z.object({ periodEnd: day, value: z.number().min(0).max(999_999_999_999) }).strict();
export const projectIndicatorSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    framework: z.string(),
    kind: z.enum(['OUTPUT', 'RESULT']),
    labelIt: z.string(),
    labelEn: z.string().nullable(),
    unit: z.string(),
    resultId: z.uuid().nullable(),
    baseline: z.number(),
    disaggregations: z.array(z.string()),
    /** the disaggregations the indicator allows */
    availableDisaggregations: z.array(z.string()),
    targets: z.array(z.object({ periodEnd: day, value: z.number() })),
  })
  .meta({ id: 'ProjectIndicator' });
export type ProjectIndicatorOut = z.infer<typeof projectIndicatorSchema>;
const indicatorValues = {
  resultId: z.uuid().nullable().default(null),
  baseline: z.number().min(0).max(999_999_999_999).default(0),
  disaggregations: z.array(disaggregationSchema).max(3).default([]),
  targets: z.array(targetSchema).max(40).default([]),
};
export const createIndicatorSchema = z
  .object({
    /** a code of the catalogue, or */
    indicatorCode: z.string().min(1).max(40).optional(),
    /** a project-specific indicator */
    custom: z
      .object({
        labelIt: text(2, 400),
        labelEn: text(2, 400).nullable().default(null),
        kind: z.enum(['OUTPUT', 'RESULT']),
        unit: text(1, 60),
        disaggregations: z.array(disaggregationSchema).max(3).default([]),
      })
      .strict()
      .optional(),
    ...indicatorValues,
  })
  .strict()
  .refine((b) => (b.indicatorCode === undefined) !== (b.custom === undefined), {
    message: 'Either a catalogue code or a custom indicator',
    path: ['indicatorCode'],
  })
  .meta({ id: 'ProjectIndicatorCreate' });
export type CreateIndicatorBody = z.infer<typeof createIndicatorSchema>;
export const putIndicatorSchema = z.object(indicatorValues).strict().meta({ id: 'ProjectIndicatorPut' });
export type PutIndicatorBody = z.infer<typeof putIndicatorSchema>;

// --- budget

export const budgetVersionSummarySchema = z
  .object({
    id: z.uuid(),
    versionNo: z.number().int(),
    status: budgetVersionStatusSchema,
    kind: z.enum(['INIZIALE', 'RIMODULAZIONE']),
    reason: z.string().nullable(),
    totalCents: z.number().int(),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ProjectBudgetVersionSummary' });
export type BudgetVersionSummaryOut = z.infer<typeof budgetVersionSummarySchema>;

export const projectDetailSchema = z
  .object({
    ...projectSummarySchema.shape,
    summary: z.string().nullable(),
    agreementRef: z.string().nullable(),
    leadOrgId: z.uuid(),
    leadOrgName: z.string(),
    callVersionNo: z.number().int(),
    rules: callRulesSchema,
    partners: z.array(partnerSchema),
    logframe: z.array(logframeItemSchema),
    activities: z.array(activitySchema),
    indicators: z.array(projectIndicatorSchema),
    budgetVersions: z.array(budgetVersionSummarySchema),
    /** the approved version with the highest number */
    inForceVersionId: z.uuid().nullable(),
    /** the version being edited or waiting for MLPS */
    openVersionId: z.uuid().nullable(),
    /** what the actor may do: design (the lead Comune's staff), decide on budgets (MLPS) */
    canEdit: z.boolean(),
    canDecide: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetailOut = z.infer<typeof projectDetailSchema>;

export const capCheckSchema = z
  .object({
    capId: z.string(),
    labelIt: z.string(),
    kind: z.enum(['MASSIMO', 'FORFAIT']),
    basis: z.enum(['DIRETTI', 'TOTALE']),
    bp: z.number().int(),
    amountCents: z.number().int(),
    basisCents: z.number().int(),
    limitCents: z.number().int(),
    actualBp: z.number().int(),
    ok: z.boolean(),
    message: z.string(),
  })
  .meta({ id: 'ProjectCapCheck' });

export const budgetLineSchema = z
  .object({
    id: z.uuid(),
    lineKey: z.uuid(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    partnerOrgId: z.uuid().nullable(),
    partnerName: z.string(),
    description: z.string(),
    amountCents: z.number().int(),
    position: z.number().int(),
  })
  .meta({ id: 'ProjectBudgetLine' });

export const budgetVersionSchema = z
  .object({
    ...budgetVersionSummarySchema.shape,
    projectId: z.uuid(),
    coFinancingCents: z.number().int(),
    lines: z.array(budgetLineSchema),
    totals: z.object({
      directCents: z.number().int(),
      indirectCents: z.number().int(),
      totalCents: z.number().int(),
      byCategory: z.array(z.object({ code: z.string(), labelIt: z.string(), cents: z.number().int() })),
    }),
    caps: z.array(capCheckSchema),
    coFinancing: z.object({ ok: z.boolean(), actualBp: z.number().int(), message: z.string() }),
    /** every cap and the co-financing hold: the version may be proposed */
    checksOk: z.boolean(),
  })
  .meta({ id: 'ProjectBudgetVersion' });
export type BudgetVersionOut = z.infer<typeof budgetVersionSchema>;

export const putLinesSchema = z
  .object({
    rowVersion: z.number().int().min(1),
    coFinancingCents: cents.optional(),
    lines: z
      .array(
        z
          .object({
            /** keep a line's identity across versions (expenses are charged to it); omitted for a new line */
            lineKey: z.uuid().optional(),
            categoryCode: z.string().min(1).max(10),
            partnerOrgId: z.uuid().nullable().default(null),
            description: text(2, 300),
            amountCents: cents,
          })
          .strict(),
      )
      .max(300),
  })
  .strict()
  .meta({ id: 'ProjectBudgetLinesPut' });
export type PutLinesBody = z.infer<typeof putLinesSchema>;

export const createRimodulazioneSchema = z
  .object({ reason: text(3, 4000) })
  .strict()
  .meta({ id: 'ProjectRimodulazioneCreate' });

export const decisionSchema = z
  .object({ decision: z.enum(['approve', 'reject']), note: text(1, 4000).nullable().default(null) })
  .strict()
  .meta({ id: 'ProjectBudgetDecision' });
export type DecisionBody = z.infer<typeof decisionSchema>;

export const diffQuery = z.object({ against: z.uuid().optional() }).strict();

export const budgetDiffSchema = z
  .object({
    fromVersionId: z.uuid().nullable(),
    toVersionId: z.uuid(),
    lines: z.array(
      z.object({
        lineKey: z.uuid(),
        change: z.enum(['ADDED', 'REMOVED', 'CHANGED', 'UNCHANGED']),
        categoryCode: z.string(),
        categoryLabel: z.string(),
        partnerName: z.string(),
        description: z.string(),
        beforeCents: z.number().int().nullable(),
        afterCents: z.number().int().nullable(),
      }),
    ),
    categories: z.array(
      z.object({ code: z.string(), labelIt: z.string(), beforeCents: z.number().int(), afterCents: z.number().int() }),
    ),
    totals: z.object({ beforeCents: z.number().int(), afterCents: z.number().int() }),
  })
  .meta({ id: 'ProjectBudgetDiff' });
export type BudgetDiffOut = z.infer<typeof budgetDiffSchema>;

export const callOptionSchema = z
  .object({
    callId: z.uuid(),
    callVersionId: z.uuid(),
    versionNo: z.number().int(),
    code: z.string(),
    titleIt: z.string(),
    fundingSource: z.string(),
    eligibilityFrom: day,
    eligibilityTo: day,
  })
  .meta({ id: 'ProjectCallOption' });
export const callOptionsSchema = z.object({ items: z.array(callOptionSchema) }).meta({ id: 'ProjectCallOptions' });
export type CallOptionOut = z.infer<typeof callOptionSchema>;
