/**
 * API schemas of a plan's actions (issue 13 item 1): each tagged with an axis and a priority action
 * of the Piano triennale, with its lead and partner organisations, budget and funding source, the
 * MLPS-funded project that carries it, its indicators with targets per period; and the plan's
 * monitorings with the values reported and the actions' states.
 */
import { z } from 'zod';
import {
  actionStatuses,
  axes,
  fundingSources,
  partnerRoles,
  PERIOD_PATTERN,
  planStatuses,
} from '../shared/vocabulary.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const cents = z.number().int().min(0).max(99_999_999_999);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const amount = z.number().min(-999_999_999_999).max(999_999_999_999);

export const planParams = z.object({ planId: z.uuid() }).strict();
export const actionParams = z.object({ planId: z.uuid(), actionId: z.uuid() }).strict();
export const monitoringParams = z.object({ planId: z.uuid(), monitoringId: z.uuid() }).strict();

export const axisSchema = z.enum(axes).meta({ id: 'PlanAxis' });
export const actionStatusSchema = z.enum(actionStatuses).meta({ id: 'PlanActionStatus' });
export const fundingSourceSchema = z.enum(fundingSources).meta({ id: 'PlanFundingSource' });
export const partnerRoleSchema = z.enum(partnerRoles).meta({ id: 'PlanPartnerRole' });
const priorityActionSchema = z
  .number()
  .int()
  .min(1)
  .max(10)
  .describe("One of the Piano triennale's ten priority actions, 1 to 10");
const periodSchema = z
  .string()
  .regex(PERIOD_PATTERN, 'A year ("2025") or a semester ("2025-S1", "2025-S2")')
  .describe('A year ("2025") or a semester ("2025-S2"), within the years of the plan');
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,11}$/, 'Up to 12 letters, digits, dots or dashes (e.g. "A1.2")');

const partnersSchema = z
  .array(z.object({ organisationId: z.uuid(), role: partnerRoleSchema }).strict())
  .max(50)
  .refine((ps) => new Set(ps.map((p) => p.organisationId)).size === ps.length, {
    message: 'An organisation is listed twice among the partners',
  });

const actionFields = {
  code,
  title: text(3, 300),
  description: text(0, 4000).nullable(),
  priorityAction: priorityActionSchema,
  axis: axisSchema.describe("Defaults to the priority action's axis in the Piano triennale when omitted"),
  leadOrganisationId: z.uuid().nullable().describe('An organisation of the registry'),
  partners: partnersSchema.describe('Organisations of the registry with their role; the whole list'),
  budgetCents: cents.nullable(),
  fundingSource: fundingSourceSchema.nullable(),
  projectId: z.uuid().nullable().describe("An MLPS-funded project of the plan's Comune"),
  status: actionStatusSchema,
  startDate: day.nullable(),
  endDate: day.nullable(),
};
const datesInOrder = (a: { startDate?: string | null; endDate?: string | null }) =>
  !a.startDate || !a.endDate || a.endDate >= a.startDate;
const datesIssue = { message: 'The end cannot precede the start', path: ['endDate'] };

export const createActionSchema = z
  .object({
    ...actionFields,
    description: actionFields.description.default(null),
    axis: actionFields.axis.optional(),
    leadOrganisationId: actionFields.leadOrganisationId.default(null),
    partners: actionFields.partners.default([]),
    budgetCents: actionFields.budgetCents.default(null),
    fundingSource: actionFields.fundingSource.default(null),
    projectId: actionFields.projectId.default(null),
    status: actionFields.status.default('PROGRAMMATA'),
    startDate: actionFields.startDate.default(null),
    endDate: actionFields.endDate.default(null),
  })
  .strict()
  .refine(datesInOrder, datesIssue)
  .meta({ id: 'PlanActionCreate' });
export type CreateActionBody = z.infer<typeof createActionSchema>;

export const patchActionSchema = z
  .object({
    code: actionFields.code.optional(),
    title: actionFields.title.optional(),
    description: actionFields.description.optional(),
    priorityAction: actionFields.priorityAction.optional(),
    axis: actionFields.axis.optional(),
    leadOrganisationId: actionFields.leadOrganisationId.optional(),
    partners: actionFields.partners.optional(),
    budgetCents: actionFields.budgetCents.optional(),
    fundingSource: actionFields.fundingSource.optional(),
    projectId: actionFields.projectId.optional(),
    status: actionFields.status.optional(),
    startDate: actionFields.startDate.optional(),
    endDate: actionFields.endDate.optional(),
    rowVersion: z.number().int().min(1),
  })
  .strict()
  .refine(datesInOrder, datesIssue)
  .meta({ id: 'PlanActionPatch' });
export type PatchActionBody = z.infer<typeof patchActionSchema>;

export const putIndicatorsSchema = z
  .object({
    rowVersion: z.number().int().min(1).optional().describe("The action's rowVersion as read"),
    indicators: z
      .array(
        z
          .object({
            id: z.uuid().optional().describe('An indicator of this action, to keep it (and its reported values)'),
            name: text(2, 300),
            unit: text(1, 60),
            baseline: amount.nullable().default(null),
            targets: z
              .array(z.object({ period: periodSchema, target: amount }).strict())
              .max(40)
              .default([])
              .refine((ts) => new Set(ts.map((t) => t.period)).size === ts.length, {
                message: 'A period has two targets',
              }),
          })
          .strict(),
      )
      .max(30),
  })
  .strict()
  .meta({ id: 'PlanIndicatorsPut' });
export type PutIndicatorsBody = z.infer<typeof putIndicatorsSchema>;

// --- answers

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const progressSchema = z
  .object({
    period: z.string(),
    value: z.number(),
    target: z.number().nullable(),
    /** value / target in whole percent; null without a target */
    percent: z.number().int().nullable(),
    referenceDate: day,
    monitoringId: z.uuid(),
  })
  .meta({ id: 'PlanIndicatorProgress' });

export const indicatorSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string(),
    baseline: z.number().nullable(),
    targets: z.array(z.object({ period: z.string(), target: z.number() })),
    /** the latest value reported against the target of its period; null before any monitoring */
    latest: progressSchema.nullable(),
  })
  .meta({ id: 'PlanIndicator' });

export const actionSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    axis: axisSchema,
    priorityAction: z.number().int(),
    lead: orgRef.nullable(),
    partners: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: partnerRoleSchema })),
    budgetCents: z.number().int().nullable(),
    fundingSource: fundingSourceSchema.nullable(),
    project: z.object({ id: z.uuid(), title: z.string(), cup: z.string().nullable() }).nullable(),
    status: actionStatusSchema,
    startDate: day.nullable(),
    endDate: day.nullable(),
    position: z.number().int(),
    rowVersion: z.number().int(),
    indicators: z.array(indicatorSchema),
  })
  .meta({ id: 'PlanAction' });
export type ActionOut = z.infer<typeof actionSchema>;

const total = { actions: z.number().int(), budgetCents: z.number().int() };
export const totalsSchema = z
  .object({
    all: z.object(total),
    byAxis: z.array(z.object({ axis: axisSchema, ...total })),
    byPriorityAction: z.array(z.object({ priorityAction: z.number().int(), ...total })),
    cells: z.array(z.object({ axis: axisSchema, priorityAction: z.number().int(), ...total })),
  })
  .meta({ id: 'PlanActionTotals' });

export const planHeadSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    status: z.enum(planStatuses),
    periodFrom: z.number().int(),
    periodTo: z.number().int(),
  })
  .meta({ id: 'PlanActionsPlan' });

/** Why the actor may not change the actions: not the plan's Comune's referente, or the plan's state. */
const blockSchema = z.enum(['ROLE', 'STATE']).nullable();

export const actionListSchema = z
  .object({
    plan: planHeadSchema,
    items: z.array(actionSchema),
    totals: totalsSchema,
    canEdit: z.boolean(),
    editBlockedBy: blockSchema,
  })
  .meta({ id: 'PlanActionList' });
export type ActionListOut = z.infer<typeof actionListSchema>;

// --- monitorings

export const createMonitoringSchema = z
  .object({
    period: periodSchema,
    referenceDate: day,
    note: text(0, 4000).nullable().default(null),
    values: z
      .array(
        z
          .object({
            indicatorId: z.uuid(),
            value: amount,
            note: text(0, 1000).nullable().default(null),
          })
          .strict(),
      )
      .max(500)
      .default([])
      .refine((vs) => new Set(vs.map((v) => v.indicatorId)).size === vs.length, {
        message: 'An indicator has two values',
      }),
    actionStatuses: z
      .array(z.object({ actionId: z.uuid(), status: actionStatusSchema }).strict())
      .max(500)
      .default([])
      .refine((as) => new Set(as.map((a) => a.actionId)).size === as.length, {
        message: 'An action has two states',
      }),
  })
  .strict()
  .meta({ id: 'PlanMonitoringCreate' });
export type CreateMonitoringBody = z.infer<typeof createMonitoringSchema>;

export const monitoringSummarySchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    period: z.string(),
    referenceDate: day,
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    values: z.number().int(),
  })
  .meta({ id: 'PlanMonitoringSummary' });
export type MonitoringSummaryOut = z.infer<typeof monitoringSummarySchema>;

export const monitoringListSchema = z
  .object({
    plan: planHeadSchema,
    items: z.array(monitoringSummarySchema),
    canRecord: z.boolean(),
    recordBlockedBy: blockSchema,
  })
  .meta({ id: 'PlanMonitoringList' });

export const monitoringSchema = monitoringSummarySchema
  .extend({
    items: z.array(
      z.object({
        indicatorId: z.uuid(),
        indicatorName: z.string(),
        unit: z.string(),
        actionId: z.uuid(),
        actionCode: z.string(),
        actionTitle: z.string(),
        value: z.number(),
        note: z.string().nullable(),
        /** the target of the monitoring's period (or of its year, or of the year's second semester) */
        target: z.number().nullable(),
        percent: z.number().int().nullable(),
      }),
    ),
    /** every action's state as the monitoring recorded it, in the actions' order (empty for an older monitoring) */
    actions: z.array(
      z.object({
        actionId: z.uuid(),
        actionCode: z.string(),
        actionTitle: z.string(),
        axis: axisSchema,
        priorityAction: z.number().int(),
        status: actionStatusSchema,
      }),
    ),
  })
  .meta({ id: 'PlanMonitoring' });
export type MonitoringOut = z.infer<typeof monitoringSchema>;
