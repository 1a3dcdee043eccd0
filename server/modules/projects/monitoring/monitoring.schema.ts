/**
 * API schemas of the quarterly monitoring (scheda trimestrale; decision 0052): what the Comune
 * enters (the content), what the platform computes from its own data (financial progress,
 * activities, the indicators it can compute), the review with comments on fields.
 */
import { z } from 'zod';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const cents = z.number().int().min(0).max(99_999_999_999);
const text = (max: number) => z.string().trim().max(max);

export const projectParams = z.object({ projectId: z.uuid() }).strict();
export const reportParams = z.object({ projectId: z.uuid(), reportId: z.uuid() }).strict();

export const monitoringStatuses = ['BOZZA', 'INVIATA', 'RESTITUITA', 'VALIDATA_ANCI', 'APPROVATA'] as const;
export const monitoringStatusSchema = z.enum(monitoringStatuses).meta({ id: 'ProjectMonitoringStatus' });
export type MonitoringStatus = (typeof monitoringStatuses)[number];

export const procurementProcedures = [
  'AFFIDAMENTO_DIRETTO',
  'PROCEDURA_NEGOZIATA',
  'PROCEDURA_APERTA',
  'ADESIONE_CONVENZIONE',
  'CO_PROGETTAZIONE',
  'ALTRO',
] as const;
export const procurementSteps = [
  'DETERMINA_A_CONTRARRE',
  'PUBBLICAZIONE',
  'AGGIUDICAZIONE',
  'STIPULA',
  'AVVIO_ESECUZIONE',
  'CONCLUSIONE',
] as const;
/** The steps after which the amount is a legal obligation of the Comune (committed). */
export const committingSteps: ReadonlyArray<(typeof procurementSteps)[number]> = ['AGGIUDICAZIONE', 'STIPULA'];

const procurementSchema = z
  .object({
    object: z.string().trim().min(2).max(300),
    procedure: z.enum(procurementProcedures),
    cig: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{10}$/, 'A CIG is 10 letters or digits')
      .nullable()
      .default(null),
    amountCents: cents,
    steps: z
      .array(
        z
          .object({
            step: z.enum(procurementSteps),
            plannedOn: day.nullable().default(null),
            doneOn: day.nullable().default(null),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();

/** What the Comune writes in a scheda (PUT …/content). */
export const monitoringContentSchema = z
  .object({
    general: z
      .object({
        referenteName: text(200).default(''),
        summary: text(4000).default(''),
      })
      .strict()
      .default({ referenteName: '', summary: '' }),
    procurements: z.array(procurementSchema).max(50).default([]),
    activities: z
      .array(
        z
          .object({
            activityId: z.uuid(),
            progressPct: z.number().int().min(0).max(100),
            note: text(2000).default(''),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    indicators: z
      .array(
        z
          .object({
            indicatorCode: z.string().min(1).max(40),
            value: z.number().min(0).max(999_999_999_999),
            source: z.string().trim().min(2, 'Say where the figure comes from').max(500),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    financialNotes: text(4000).default(''),
    criticalIssues: text(4000).default(''),
  })
  .strict();
export type MonitoringContent = z.infer<typeof monitoringContentSchema>;

export const putContentSchema = z
  .object({ rowVersion: z.number().int().min(1), content: monitoringContentSchema })
  .strict()
  .meta({ id: 'ProjectMonitoringContentRequest' });
export type PutContentBody = z.infer<typeof putContentSchema>;

export const createReportSchema = z
  .object({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) })
  .strict()
  .meta({ id: 'ProjectMonitoringReportCreate' });
export type CreateReportBody = z.infer<typeof createReportSchema>;

export const submitSchema = z
  .object({ rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'ProjectMonitoringSubmit' });

/** A field of the scheda a comment points at: a section, or a path into it ("procurements.0.cig"). */
export const fieldPathSchema = z
  .string()
  .regex(
    /^(general|procurements|activities|indicators|financial|financialNotes|criticalIssues)(\.[A-Za-z0-9_.-]{1,60}){0,4}$/,
    'A section of the scheda (general, procurements, activities, indicators, financial, financialNotes, criticalIssues), optionally with a path such as procurements.0.cig',
  )
  .max(200);

export const reviewSchema = z
  .object({
    decision: z.enum(['validate', 'return', 'approve']),
    comments: z
      .array(z.object({ field: fieldPathSchema, text: z.string().trim().min(2).max(4000) }).strict())
      .max(50)
      .default([]),
    rowVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((r) => r.decision !== 'return' || r.comments.length > 0, {
    message: 'Returning a scheda needs at least one comment on a field',
    path: ['comments'],
  })
  .meta({ id: 'ProjectMonitoringReview' });
export type ReviewBody = z.infer<typeof reviewSchema>;

// --- what the platform computes

export const financialProgressSchema = z
  .object({
    /** the budget in force (the approved version with the highest number) */
    plannedCents: cents,
    /** procurements awarded or signed (the scheda's own figures) */
    committedCents: cents,
    /** expenses loaded (CARICATA and after) dated up to the quarter's end */
    spentCents: cents,
    /** in claims sent (not drafts nor replaced) for periods ending by the quarter's end */
    claimedCents: cents,
    /** found eligible by the revisore in the claims whose verbale is issued */
    verifiedCents: cents,
    /** paid by MLPS up to the quarter's end */
    paidCents: cents,
    spentShareBp: z.number().int(),
    byCategory: z.array(
      z.object({ categoryCode: z.string(), plannedCents: cents, spentCents: cents, claimedCents: cents }),
    ),
  })
  .meta({ id: 'ProjectMonitoringFinancial' });
export type FinancialProgress = z.infer<typeof financialProgressSchema>;

export const computedSchema = z
  .object({
    /** the last day of the quarter: the figures are cumulative up to it */
    asOf: day,
    /** when they were computed (live while the Comune edits; frozen at submission) */
    computedAt: z.iso.datetime(),
    project: z.object({
      title: z.string(),
      cup: z.string().nullable(),
      comuneIstat: z.string(),
      startDate: day,
      endDate: day,
    }),
    financial: financialProgressSchema,
    activities: z.array(
      z.object({
        activityId: z.uuid(),
        code: z.string(),
        title: z.string(),
        plannedStart: day,
        plannedEnd: day,
        actualStart: day.nullable(),
        actualEnd: day.nullable(),
        progressPct: z.number().int(),
      }),
    ),
    indicators: z.array(
      z.object({
        indicatorCode: z.string(),
        labelIt: z.string(),
        labelEn: z.string().nullable(),
        unit: z.string(),
        /** null: the platform does not hold the data, the Comune enters it with a source */
        computedValue: z.number().nullable(),
        target: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProjectMonitoringComputed' });
export type Computed = z.infer<typeof computedSchema>;

export const commentSchema = z
  .object({
    id: z.uuid(),
    level: z.enum(['ANCI', 'MLPS']),
    field: z.string(),
    text: z.string(),
    authorName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProjectMonitoringComment' });
export type CommentOut = z.infer<typeof commentSchema>;
export const commentListSchema = z
  .object({ items: z.array(commentSchema) })
  .meta({ id: 'ProjectMonitoringCommentList' });

export const reportSummarySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    year: z.number().int(),
    quarter: z.number().int(),
    status: monitoringStatusSchema,
    submittedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    openComments: z.number().int(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ProjectMonitoringReportSummary' });
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListSchema = z
  .object({
    items: z.array(reportSummarySchema),
    /** the quarters of the project's dates that have no scheda yet, up to the current one */
    missingQuarters: z.array(z.object({ year: z.number().int(), quarter: z.number().int() })),
  })
  .meta({ id: 'ProjectMonitoringReportList' });

export const reportSchema = reportSummarySchema
  .extend({
    content: monitoringContentSchema,
    computed: computedSchema,
    /** the computed figures are frozen (sent or approved) rather than live */
    frozen: z.boolean(),
    /** the scheda is approved: read-only for ever */
    locked: z.boolean(),
    comments: z.array(commentSchema),
  })
  .meta({ id: 'ProjectMonitoringReport' });
export type ReportOut = z.infer<typeof reportSchema>;
