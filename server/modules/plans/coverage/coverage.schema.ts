/** API schemas of the plans' coverage (issue 13 item 2): the matrix, the uncovered priority actions, the map, the XLSX. */
import { z } from 'zod';
import { actionStatuses, axes, planStatuses } from '../shared/vocabulary.js';
import { statusGroups } from './coverage.rules.js';

const bands = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;

const region = z
  .string()
  .regex(/^[0-9]{2}$/)
  .optional()
  .describe('ISTAT code of a Region (two digits)');
const band = z.enum(bands).optional().describe('The Comune’s demographic band (the registry’s)');
const statusGroup = z
  .enum(['adopted', 'preparation', 'all'])
  .default('all')
  .describe('adopted: ADOTTATO and after; preparation: AVVIO to BOZZA; all');
const axis = z.enum(axes).optional();
const priorityAction = z.coerce.number().int().min(1).max(10).optional();

export const coverageFiltersSchema = z
  .object({
    region,
    band,
    statusGroup,
    axis: axis.describe('Only the Comuni whose plan has an action on this axis'),
    priorityAction: priorityAction.describe('Only the Comuni whose plan has an action on this priority action (1–10)'),
  })
  .strict();
export type CoverageFiltersIn = z.infer<typeof coverageFiltersSchema>;

export const coverageQuerySchema = coverageFiltersSchema
  .extend({
    page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page of the rows'),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(100)
      .describe('Rows per page (1–1000: 1000 is every Comune with a plan at national scale in one answer)'),
    detail: z
      .enum(['states'])
      .optional()
      .describe(
        'states: each row also carries priorityActionStatuses (the actions of each priority action per action state); without it the rows are lean',
      ),
  })
  .strict();
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const coverageMapQuerySchema = z
  .object({
    region,
    band,
    statusGroup,
    axis: axis.describe('Category: whether the Comune’s plan covers this axis'),
    priorityAction: priorityAction.describe('Category: whether the Comune’s plan covers this priority action'),
  })
  .strict();

const int = z.number().int();
const regionOption = z.object({ code: z.string(), name: z.string() });

/**
 * A row of the matrix: what the table shows, and no more (the whole national list is one answer):
 * the Region's name is in options.regions, the plan's title and the province's name on the plan's
 * own page and in the XLSX.
 */
const rowSchema = z
  .object({
    planId: z.uuid(),
    periodFrom: int,
    periodTo: int,
    status: z.enum(planStatuses),
    statusGroup: z.enum(statusGroups).describe('adopted: ADOTTATO and after; preparation: AVVIO to BOZZA'),
    comuneIstat: z.string(),
    comuneName: z.string(),
    provinceSigla: z.string(),
    regionCode: z.string().describe('its name is in options.regions'),
    band: z.enum(bands),
    actions: int.describe('every action of the plan'),
    priorityActions: z.array(int).describe('10 numbers: the actions of priority action 1…10'),
    priorityActionStatuses: z
      .array(z.array(int))
      .optional()
      .describe(
        `only with detail=states: 10 × 6 numbers, the actions of priority action 1…10 in each state (${actionStatuses.join(', ')})`,
      ),
    axes: z.array(int).describe(`4 numbers: the actions on each axis (${axes.join(', ')})`),
  })
  .meta({ id: 'PlanCoverageRow' });

const totalsSchema = z
  .object({
    comuni: int.describe('Comuni with a plan (of the filters)'),
    adopted: int,
    preparation: int,
    actions: int,
    priorityActions: z.array(
      z.object({
        priorityAction: int,
        axis: z.enum(axes).describe('the axis the Piano triennale puts it under'),
        actions: int,
        statuses: z.array(int).describe(`6 numbers, in the order ${actionStatuses.join(', ')}`),
        comuni: int.describe('Comuni whose plan has at least one action on it'),
      }),
    ),
    axes: z.array(z.object({ axis: z.enum(axes), actions: int, comuni: int })),
  })
  .meta({ id: 'PlanCoverageTotals' });

const filtersOut = z.object({
  region: z.string().nullable(),
  band: z.enum(bands).nullable(),
  statusGroup: z.enum(['adopted', 'preparation', 'all']),
  axis: z.enum(axes).nullable(),
  priorityAction: int.nullable(),
});

export const coverageSchema = z
  .object({
    filters: filtersOut,
    options: z.object({ regions: z.array(regionOption).describe('the Regions in the actor’s reach') }),
    actionStatuses: z.array(z.enum(actionStatuses)).describe('the order of the states in the counts'),
    axes: z.array(z.enum(axes)).describe('the order of the axes in the counts'),
    totals: totalsSchema,
    rows: z.object({ items: z.array(rowSchema), total: int, page: int, pageSize: int }),
  })
  .meta({ id: 'PlanCoverage' });
export type CoverageOut = z.infer<typeof coverageSchema>;

export const uncoveredSchema = z
  .object({
    filters: filtersOut.omit({ axis: true, priorityAction: true }),
    regions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        comuni: int.describe('Comuni of the Region with a plan (of the filters)'),
        uncovered: z.array(int).describe('the priority actions no plan of the Region covers'),
        covered: z.array(z.object({ priorityAction: int, comuni: int.describe('Comuni whose plan covers it') })),
      }),
    ),
  })
  .meta({ id: 'PlanCoverageUncovered' });
export type UncoveredOut = z.infer<typeof uncoveredSchema>;

export const coverageMapSchema = z
  .object({
    filters: filtersOut,
    items: z.array(
      z.object({
        code: z.string().describe('ISTAT code of the Comune (6 digits)'),
        name: z.string(),
        category: z.enum(['adopted', 'preparation', 'covered', 'not_covered']),
      }),
    ),
  })
  .meta({ id: 'PlanCoverageMap' });
export type CoverageMapOut = z.infer<typeof coverageMapSchema>;

export const uncoveredQuerySchema = coverageMapQuerySchema.omit({ axis: true, priorityAction: true }).strict();
export type UncoveredQuery = z.infer<typeof uncoveredQuerySchema>;
