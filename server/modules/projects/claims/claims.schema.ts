/**
 * API schemas of the reimbursement claims, the revisore's assignments and verification (the one
 * schema source: requests, responses, OpenAPI components). Money is integer cents (`*Cents`).
 */
import { z } from 'zod';
import { MAX_CENTS } from '../shared/money.js';
import { checklist, claimStatuses, outcomes } from './claims.rules.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const cents = z
  .number()
  .int()
  .min(0)
  .max(MAX_CENTS - 1);
const note = z.string().trim().max(4000);

export const claimStatusSchema = z.enum(claimStatuses).meta({ id: 'ProjectClaimStatus' });
export const outcomeSchema = z.enum(outcomes).meta({ id: 'ProjectVerificationOutcome' });
export const checklistSchema = z.enum(checklist).meta({ id: 'ProjectVerificationReason' });

export const projectParams = z.object({ projectId: z.uuid() }).strict();
export const claimParams = z.object({ projectId: z.uuid(), claimId: z.uuid() }).strict();
export const verificationParams = z.object({ projectId: z.uuid(), claimId: z.uuid(), expenseId: z.uuid() }).strict();
export const assignmentParams = z.object({ projectId: z.uuid(), assignmentId: z.uuid() }).strict();

const period = <T extends { periodStart: string; periodEnd: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.periodEnd < v.periodStart)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The period ends before it starts' });
};

// ——— claims ———

export const createClaimSchema = z
  .object({ periodStart: day, periodEnd: day })
  .strict()
  .superRefine(period)
  .meta({ id: 'ProjectClaimCreate' });
export type CreateClaimBody = z.infer<typeof createClaimSchema>;

export const setClaimExpensesSchema = z
  .object({
    expenseIds: z.array(z.uuid()).max(2000),
    rowVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'ProjectClaimExpensesSet' });
export type SetClaimExpensesBody = z.infer<typeof setClaimExpensesSchema>;

export const submitClaimSchema = z
  .object({ rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'ProjectClaimSubmit' });
export type SubmitClaimBody = z.infer<typeof submitClaimSchema>;

export const claimTransitionSchema = z
  .object({
    to: claimStatusSchema,
    note: z.string().trim().max(8000).optional(),
    /** MLPS's approval: the amount approved (default: the verified amount; at most that) */
    approvedCents: cents.optional(),
    /** MLPS's payment: the amount paid (at most the approved) and the date */
    paidCents: cents.optional(),
    paidOn: day.optional(),
    rowVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'ProjectClaimTransition' });
export type ClaimTransitionBody = z.infer<typeof claimTransitionSchema>;

export const verificationSchema = z
  .object({
    outcome: outcomeSchema,
    eligibleCents: cents.optional(),
    reasons: z.array(checklistSchema).max(checklist.length).default([]),
    note: note.optional(),
  })
  .strict()
  .meta({ id: 'ProjectVerificationSet' });
export type VerificationBody = z.infer<typeof verificationSchema>;

export const verbaleSchema = z
  .object({
    /** the verbale's number; the platform numbers it when omitted */
    verbaleNo: z.string().trim().min(1).max(60).optional(),
    /** the revisore's conclusions, written in the verbale */
    note: z.string().trim().max(8000).optional(),
  })
  .strict()
  .meta({ id: 'ProjectVerbaleIssue' });
export type VerbaleBody = z.infer<typeof verbaleSchema>;

const expenseSnapshotSchema = z
  .object({
    docType: z.string(),
    issuerName: z.string(),
    issuerTaxId: z.string().nullable(),
    docNumber: z.string(),
    docDate: z.string(),
    description: z.string().nullable(),
    netCents: z.number().int(),
    vatCents: z.number().int(),
    chargedCents: z.number().int(),
    lineKey: z.string(),
    categoryCode: z.string(),
    lineDescription: z.string(),
    paymentDate: z.string().nullable(),
    paymentMeans: z.string().nullable(),
    paymentRef: z.string().nullable(),
    paymentCents: z.number().int().nullable(),
    status: z.string(),
  })
  .meta({ id: 'ProjectClaimExpenseFigures' });

const verificationOutSchema = z
  .object({
    outcome: outcomeSchema,
    eligibleCents: z.number().int(),
    reasons: z.array(checklistSchema),
    note: z.string().nullable(),
    verifiedAt: z.string(),
  })
  .meta({ id: 'ProjectVerification' });

export const claimExpenseSchema = z
  .object({
    expenseId: z.uuid(),
    /** the figures as sent (frozen) once the claim is sent; the live ones while it is a draft */
    frozen: z.boolean(),
    expense: expenseSnapshotSchema,
    verification: verificationOutSchema.nullable(),
  })
  .meta({ id: 'ProjectClaimExpense' });

const categoryTotalSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    parent: z.string().nullable(),
    budgetCents: z.number().int(),
    claimedCents: z.number().int(),
    previousCents: z.number().int(),
    cumulativeCents: z.number().int(),
    progressBp: z.number().int(),
  })
  .meta({ id: 'ProjectClaimCategoryTotal' });

export const claimTotalsSchema = z
  .object({
    categories: z.array(categoryTotalSchema),
    budgetCents: z.number().int(),
    claimedCents: z.number().int(),
    previousCents: z.number().int(),
    cumulativeCents: z.number().int(),
    progressBp: z.number().int(),
  })
  .meta({ id: 'ProjectClaimTotals' });

const eventSchema = z
  .object({
    id: z.uuid(),
    from: z.string().nullable(),
    to: z.string(),
    note: z.string().nullable(),
    actorName: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ProjectClaimEvent' });

export const claimSummarySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    claimNo: z.number().int(),
    versionNo: z.number().int(),
    supersedesId: z.uuid().nullable(),
    supersededById: z.uuid().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: claimStatusSchema,
    requestedCents: z.number().int().nullable(),
    verifiedCents: z.number().int().nullable(),
    approvedCents: z.number().int().nullable(),
    paidCents: z.number().int().nullable(),
    paidOn: z.string().nullable(),
    submittedAt: z.string().nullable(),
    verbale: z.object({ number: z.string(), issuedAt: z.string(), byName: z.string().nullable() }).nullable(),
    createdAt: z.string(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ProjectClaimSummary' });
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

export const claimListSchema = z
  .object({ items: z.array(claimSummarySchema), actions: z.array(z.enum(['CREATE', 'ASSIGN_REVISORE'])) })
  .meta({ id: 'ProjectClaimList' });

export const claimDetailSchema = claimSummarySchema
  .extend({
    project: z.object({ id: z.uuid(), title: z.string(), cup: z.string().nullable() }),
    expenses: z.array(claimExpenseSchema),
    /** per category against the budget in force, with the earlier claims (cumulative progress) */
    totals: claimTotalsSchema,
    events: z.array(eventSchema),
    /** what the caller may do now: target states, EXPENSES, SUBMIT, NEW_VERSION, VERIFY, VERBALE */
    actions: z.array(z.string()),
    /** for a draft: the expenses it could take (validated, in the period, in no other active claim) */
    available: z.array(z.object({ expenseId: z.uuid(), expense: expenseSnapshotSchema })),
  })
  .meta({ id: 'ProjectClaimDetail' });
export type ClaimDetail = z.infer<typeof claimDetailSchema>;

// ——— revisori ———

export const assignRevisoreSchema = z
  .object({
    userId: z.uuid(),
    periodStart: day,
    periodEnd: day,
    validFrom: day,
    validTo: day,
  })
  .strict()
  .superRefine((v, ctx) => {
    period(v, ctx);
    if (v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The validity ends before it starts' });
  })
  .meta({ id: 'ProjectRevisoreAssign' });
export type AssignRevisoreBody = z.infer<typeof assignRevisoreSchema>;

export const assignmentSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    organisation: z.string().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    assignedAt: z.string(),
    revokedAt: z.string().nullable(),
    /** valid today and not revoked */
    active: z.boolean(),
  })
  .meta({ id: 'ProjectRevisoreAssignment' });
export type AssignmentOut = z.infer<typeof assignmentSchema>;

export const assignmentListSchema = z
  .object({ items: z.array(assignmentSchema) })
  .meta({ id: 'ProjectRevisoreAssignmentList' });

export const revisorePickerQuery = z.object({ q: z.string().trim().max(100).default('') }).strict();
export const revisorePickerSchema = z
  .object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), organisation: z.string().nullable() })) })
  .meta({ id: 'ProjectRevisorePicker' });

export const myAssignmentSchema = assignmentSchema
  .extend({ projectTitle: z.string(), cup: z.string().nullable(), comune: z.string().nullable() })
  .meta({ id: 'ProjectMyAssignment' });
export const myAssignmentListSchema = z
  .object({ items: z.array(myAssignmentSchema) })
  .meta({ id: 'ProjectMyAssignmentList' });
