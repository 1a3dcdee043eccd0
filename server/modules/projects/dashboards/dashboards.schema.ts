/** API schemas of the projects' dashboards (issue 12 item 8). Money in cents, shares in basis points. */
import { z } from 'zod';
import { PROJECT_STATUSES, WAITING_CLAIM_STATUSES } from './dashboards.rules.js';

export const projectStatusSchema = z.enum(PROJECT_STATUSES);

export const nationalQuerySchema = z
  .object({
    region: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional()
      .describe('ISTAT code of a Region (two digits)'),
    callId: z.uuid().optional().describe('A call (avviso)'),
    status: projectStatusSchema.optional().describe('The projects’ status'),
    page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page of the project rows'),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Project rows per page (1–200)'),
  })
  .strict();
export type NationalQuery = z.infer<typeof nationalQuerySchema>;

export const nationalExportQuerySchema = nationalQuerySchema.omit({ page: true, pageSize: true }).strict();
export type NationalExportQuery = z.infer<typeof nationalExportQuerySchema>;

const cents = z.number().int();
const bp = z.number().int();

export const figuresSchema = z
  .object({
    planCents: cents.describe('Σ of the lines of the budget version in force (approved, highest number)'),
    spentCents: cents.describe('Σ charged of the expenses loaded, validated, in a claim or verified'),
    claimedCents: cents.describe('Σ charged of the expenses in claims sent (not drafts, not superseded)'),
    verifiedCents: cents.describe('Σ verified by the revisore, of those claims'),
    paidCents: cents.describe('Σ paid of the claims paid (LIQUIDATA)'),
    expectedCents: cents.describe('Σ of each project’s plan × the share of its duration elapsed'),
    spentShareBp: bp.describe('spent / plan'),
    expectedShareBp: bp.describe('expected / plan'),
  })
  .meta({ id: 'ProjectDashboardFigures' });

export const projectFiguresSchema = z
  .object({
    id: z.uuid(),
    cup: z.string().nullable(),
    title: z.string(),
    status: projectStatusSchema,
    startDate: z.string(),
    endDate: z.string(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    callId: z.uuid(),
    callCode: z.string(),
    callTitle: z.string(),
    figures: figuresSchema,
    warnedExpenses: z.number().int().describe('expenses with warnings (drafts aside)'),
    waitingClaims: z.number().int(),
    overdueQueries: z.number().int(),
  })
  .meta({ id: 'ProjectDashboardRow' });

export const issueSchema = z
  .object({
    kind: z.enum(['claim_waiting', 'ending_underspent', 'query_overdue', 'expense_warning']),
    projectId: z.uuid(),
    projectTitle: z.string(),
    cup: z.string().nullable(),
    comuneName: z.string(),
    code: z.string().nullable().describe('the warning’s code (expense_warning)'),
    claimId: z.uuid().nullable(),
    claimNo: z.number().int().nullable(),
    count: z.number().int().describe('expenses warned, queries overdue; 1 otherwise'),
    cents: cents.nullable().describe('expenses warned, the claim, the spending so far'),
    days: z.number().int().nullable().describe('days the claim waited, days left, days the earliest query is overdue'),
    date: z.string().nullable().describe('the project’s end, the earliest overdue query’s due date'),
    shareBp: bp.nullable().describe('spent of the plan (ending_underspent)'),
  })
  .meta({ id: 'ProjectDashboardIssue' });

export const waitingClaimSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string(),
    cup: z.string().nullable(),
    comuneName: z.string(),
    regionName: z.string(),
    claimNo: z.number().int(),
    versionNo: z.number().int(),
    status: z.enum(WAITING_CLAIM_STATUSES),
    claimedCents: cents,
    requestedCents: cents.nullable(),
    sentOn: z.string().nullable(),
    statusSince: z.string().nullable(),
    ageDays: z.number().int().nullable().describe('days since it was sent'),
  })
  .meta({ id: 'ProjectDashboardWaitingClaim' });

const groupFields = { projects: z.number().int(), figures: figuresSchema };

export const nationalDashboardSchema = z
  .object({
    today: z.string(),
    filters: z.object({
      region: z.string().nullable(),
      callId: z.uuid().nullable(),
      status: projectStatusSchema.nullable(),
    }),
    options: z.object({
      regions: z.array(z.object({ code: z.string(), name: z.string() })),
      calls: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
    }),
    totals: z.object(groupFields),
    byRegion: z.array(z.object({ code: z.string(), name: z.string(), ...groupFields })),
    byCall: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string(), ...groupFields })),
    byStatus: z.array(z.object({ status: projectStatusSchema, ...groupFields })),
    projects: z.object({
      items: z.array(projectFiguresSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
    claimsWaiting: z.object({
      items: z.array(waitingClaimSchema).describe('the longest waiting first, at most 100'),
      total: z.number().int(),
    }),
    criticalIssues: z.object({
      items: z.array(issueSchema).describe('the most pressing first, at most 100'),
      total: z.number().int(),
      byKind: z.object({
        claim_waiting: z.number().int(),
        ending_underspent: z.number().int(),
        query_overdue: z.number().int(),
        expense_warning: z.number().int(),
      }),
    }),
  })
  .meta({ id: 'ProjectNationalDashboard' });
export type NationalDashboardOut = z.infer<typeof nationalDashboardSchema>;

export const deadlineSchema = z
  .object({
    kind: z.enum(['project_end', 'claim_integrations', 'query_due', 'monitoring_missing']),
    date: z.string(),
    overdue: z.boolean(),
    claimId: z.uuid().nullable(),
    claimNo: z.number().int().nullable(),
    queryId: z.uuid().nullable(),
    subject: z.string().nullable(),
    year: z.number().int().nullable(),
    quarter: z.number().int().nullable(),
  })
  .meta({ id: 'ProjectDashboardDeadline' });

export const comuneDashboardSchema = z
  .object({
    today: z.string(),
    comune: z.object({ istat: z.string(), name: z.string() }),
    totals: z.object(groupFields),
    projects: z.array(
      projectFiguresSchema.extend({
        elapsedShareBp: bp,
        deadlines: z.array(deadlineSchema),
        issues: z.array(issueSchema),
      }),
    ),
  })
  .meta({ id: 'ProjectComuneDashboard' });
export type ComuneDashboardOut = z.infer<typeof comuneDashboardSchema>;
