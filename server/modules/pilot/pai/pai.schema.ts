/**
 * API schemas of the PAI (Programma di Assistenza Individuale), its measures and the budget of
 * the assistance measures (the one schema source: they validate requests, shape responses and
 * become the OpenAPI components).
 */
import { z } from 'zod';
import { isIsoDate } from '../shared/dates.js';
import { isKnownLanguage } from '../shared/languages.js';
import { cefrLevels, educationLevels, measureStatuses, measureTypes, paiStatuses, sectors } from '../shared/vocab.js';

const isoDate = z.string().refine(isIsoDate, 'A calendar date YYYY-MM-DD');
/**
 * ISO 639 language code on the list of languages.ts: the two letters of 639-1, or three for
 * languages that have none (e.g. 'snk'); a code off the list answers the stable code unknown_language.
 */
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'ISO 639 code, lower case')
  .refine(isKnownLanguage, {
    message: 'Unknown language: not an ISO 639 code of the list',
    params: { code: 'unknown_language' },
  });
const hasAtMostDecimals = (v: number, places: number) => {
  const scaled = v * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};
/** Euro amounts: 0 – 1,000,000 with at most two decimals (numeric(12, 2) in SQL). */
export const money = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((v) => hasAtMostDecimals(v, 2), 'At most two decimals');
/** Hours: 0 – 5000 with at most one decimal (numeric(7, 1) in SQL). */
export const hours = z
  .number()
  .min(0)
  .max(5000)
  .refine((v) => hasAtMostDecimals(v, 1), 'At most one decimal');
const year = z.coerce.number().int().min(2020).max(2100);

export const paiStatusSchema = z.enum(paiStatuses).meta({ id: 'PilotPaiStatus' });
export const measureTypeSchema = z.enum(measureTypes).meta({ id: 'PilotMeasureType' });
export const measureStatusSchema = z.enum(measureStatuses).meta({ id: 'PilotMeasureStatus' });

// ---------------------------------------------------------------------------------------------
// PAI
// ---------------------------------------------------------------------------------------------
/** The needs assessment (bilancio dei bisogni): no names, only what the programme builds on. */
export const paiNeedsSchema = z
  .object({
    education: z.enum(educationLevels),
    skills: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
    languages: z
      .array(z.object({ code: languageCode, level: z.enum(cefrLevels) }).strict())
      .max(20)
      .default([]),
    workHistory: z
      .array(
        z
          .object({
            sector: z.enum(sectors),
            years: z.number().min(0).max(60),
            description: z.string().trim().max(300).default(''),
          })
          .strict(),
      )
      .max(30)
      .default([]),
    notes: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'PilotPaiNeeds' });
export type PaiNeeds = z.infer<typeof paiNeedsSchema>;

export const paiObjectivesSchema = z.array(z.string().trim().min(1).max(300)).min(1).max(20);

export const paiParams = z.object({ paiId: z.uuid() }).strict();
export const paiVersionParams = z
  .object({ paiId: z.uuid(), version: z.coerce.number().int().min(1).max(10_000) })
  .strict();
export const caseParams = z.object({ caseId: z.uuid() }).strict();
export const measureParams = z.object({ measureId: z.uuid() }).strict();

export const createPaiSchema = z
  .object({ personId: z.uuid(), needs: paiNeedsSchema, objectives: paiObjectivesSchema })
  .strict()
  .meta({ id: 'PilotCreatePai' });
export type CreatePaiBody = z.infer<typeof createPaiSchema>;

export const updatePaiSchema = z
  .object({
    needs: paiNeedsSchema.optional(),
    objectives: paiObjectivesSchema.optional(),
    /** The PAI's version as last read: a PAI revised meanwhile answers 409 `pilot.stale`. */
    expectedVersion: z.number().int().min(1),
  })
  .strict()
  .refine((b) => b.needs !== undefined || b.objectives !== undefined, { message: 'Nothing to change', path: ['needs'] })
  .meta({ id: 'PilotUpdatePai' });
export type UpdatePaiBody = z.infer<typeof updatePaiSchema>;

export const paiTransitionSchema = z
  .object({
    to: paiStatusSchema,
    /** The date the step happened (signature, approval, start of the revision…). */
    on: isoDate,
    /** Language of the information notice given to the beneficiary: required when sharing. */
    noticeLanguage: languageCode.optional(),
  })
  .strict()
  .meta({ id: 'PilotPaiTransition' });
export type PaiTransitionBody = z.infer<typeof paiTransitionSchema>;

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------
export const createMeasureSchema = z
  .object({
    type: measureTypeSchema,
    providerName: z.string().trim().min(1).max(200),
    providerOrgId: z.uuid().optional(),
    startOn: isoDate,
    endOn: isoDate.optional(),
    hoursPlanned: hours,
    costPlanned: money,
  })
  .strict()
  .refine((b) => !b.endOn || b.endOn >= b.startOn, { message: 'The end date precedes the start date', path: ['endOn'] })
  .meta({ id: 'PilotCreateMeasure' });
export type CreateMeasureBody = z.infer<typeof createMeasureSchema>;

export const updateMeasureSchema = z
  .object({
    status: measureStatusSchema.optional(),
    hoursActual: hours.nullable().optional(),
    costActual: money.nullable().optional(),
    outcome: z.string().trim().max(1000).nullable().optional(),
    endOn: isoDate.nullable().optional(),
    costPlanned: money.optional(),
    /** The day the measure actually started: set when it starts (default today), correctable later. */
    actualStartOn: isoDate.optional(),
    /** The day it actually ended: set when it is completed or interrupted (default today). */
    actualEndOn: isoDate.optional(),
    /** Confirms an actual cost above 150% of the planned one (409 `pilot.cost_above_plan` without it). */
    confirmAbovePlan: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'confirmAbovePlan'), 'Nothing to change')
  .meta({ id: 'PilotUpdateMeasure' });
export type UpdateMeasureBody = z.infer<typeof updateMeasureSchema>;

export const measureSchema = z
  .object({
    id: z.uuid(),
    paiId: z.uuid(),
    type: measureTypeSchema,
    providerName: z.string(),
    providerOrgId: z.uuid().nullable(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    hoursPlanned: z.number(),
    hoursActual: z.number().nullable(),
    costPlanned: z.number(),
    costActual: z.number().nullable(),
    status: measureStatusSchema,
    outcome: z.string().nullable(),
    /** The day it actually started; null while planned. */
    actualStartOn: z.string().nullable(),
    /** The day it actually ended (completed or interrupted); null until then. */
    actualEndOn: z.string().nullable(),
    /** The year whose allocation the measure commits to: the year of its planned start. */
    budgetYear: z.number().int(),
    /** The statuses this measure may move to (measureMachine). */
    allowedTransitions: z.array(measureStatusSchema),
  })
  .meta({ id: 'PilotMeasure' });
export type Measure = z.infer<typeof measureSchema>;

export const paiTotalsSchema = z
  .object({ plannedCost: z.number(), actualCost: z.number(), plannedHours: z.number(), actualHours: z.number() })
  .meta({ id: 'PilotPaiTotals' });
export type PaiTotals = z.infer<typeof paiTotalsSchema>;

const paiContent = {
  status: paiStatusSchema,
  version: z.number().int(),
  needs: paiNeedsSchema,
  objectives: z.array(z.string()),
  sharedOn: z.string().nullable(),
  noticeLanguage: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  measures: z.array(measureSchema),
  totals: paiTotalsSchema,
};

export const paiDetailSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    personId: z.uuid(),
    pseudonym: z.string(),
    ...paiContent,
    /** Frozen earlier versions, readable at /pais/{paiId}/versions/{version}. */
    versions: z.array(z.object({ version: z.number().int(), frozenAt: z.iso.datetime() })),
    /** The statuses this actor may move the PAI to now. */
    allowedTransitions: z.array(paiStatusSchema),
  })
  .meta({ id: 'PilotPaiDetail' });
export type PaiDetail = z.infer<typeof paiDetailSchema>;

/** What a revision freezes: the PAI and its measures as they stood. */
export const paiSnapshotSchema = z.object(paiContent).meta({ id: 'PilotPaiSnapshot' });
export type PaiSnapshot = z.infer<typeof paiSnapshotSchema>;

export const paiVersionSchema = z
  .object({
    paiId: z.uuid(),
    caseId: z.uuid(),
    pseudonym: z.string(),
    version: z.number().int(),
    frozenAt: z.iso.datetime(),
    snapshot: paiSnapshotSchema,
  })
  .meta({ id: 'PilotPaiVersion' });
export type PaiVersion = z.infer<typeof paiVersionSchema>;

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------
export const budgetQuerySchema = z.object({ year: year.optional() }).strict();
export const budgetParams = z.object({ comuneIstat: z.string().regex(/^\d{6}$/, 'Six digits'), year }).strict();
export const setBudgetSchema = z.object({ allocation: money }).strict().meta({ id: 'PilotSetBudget' });

export const budgetComuneSchema = z
  .object({
    comuneIstat: z.string(),
    comuneName: z.string(),
    /** null: no allocation set for the year. */
    allocation: z.number().nullable(),
    /** Planned cost of the measures of approved (or later) PAIs starting in the year. */
    committed: z.number(),
    /** Actual cost recorded on those measures. */
    spent: z.number(),
    /** allocation − committed; null without an allocation. */
    available: z.number().nullable(),
    byType: z.array(z.object({ type: measureTypeSchema, committed: z.number(), spent: z.number() })),
  })
  .meta({ id: 'PilotBudgetComune' });
export type BudgetComune = z.infer<typeof budgetComuneSchema>;

export const budgetSchema = z
  .object({
    year: z.number().int(),
    comuni: z.array(budgetComuneSchema),
    total: z.object({ allocation: z.number(), committed: z.number(), spent: z.number(), available: z.number() }),
  })
  .meta({ id: 'PilotBudget' });
export type Budget = z.infer<typeof budgetSchema>;
