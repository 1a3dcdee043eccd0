/**
 * The national coverage of the Piano triennale by the Comuni's plans (issue 13 item 2): for
 * ANCI/Cittalia and MLPS every Comune with a plan, for a Regione its own Comuni (row-level
 * security, and the Region as a condition of the statement). One grouped statement gives every
 * answer (matrix, uncovered priority actions, map, XLSX); reads only, the XLSX is audited.
 */
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import { assertCan } from '../../../platform/policy.js';
import type { Queryable } from '../../../platform/db/db.js';
import { recordAudit } from '../../audit/index.js';
import { todayOf } from '../shared/access.js';
import { actionStatuses, axes, type Axis } from '../shared/vocabulary.js';
import { selectCoverage, selectRegions, type CoverageFilters } from './coverage.repo.js';
import {
  covers,
  mapCategoryOf,
  rowOf,
  statusesOfGroup,
  totalsOf,
  uncoveredOf,
  type CoverageRow,
  type CoverageTotals,
  type StatusGroup,
} from './coverage.rules.js';
import type {
  CoverageFiltersIn,
  CoverageMapOut,
  CoverageOut,
  CoverageQuery,
  UncoveredOut,
  UncoveredQuery,
} from './coverage.schema.js';
import { coverageXlsx } from './coverage.xlsx.js';

interface Filters {
  region?: string | undefined;
  band?: CoverageFiltersIn['band'];
  statusGroup: StatusGroup | 'all';
  axis?: Axis | undefined;
  priorityAction?: number | undefined;
}

/** A Regione's reach (its staff, a regional ANCI branch): its own Region; the national bodies: none. */
const actorRegionOf = (actor: Actor | null): string | null =>
  actor?.scope.level === 'regione' ? actor.scope.regionCode : null;

function repoFilters(actor: Actor | null, f: Filters): CoverageFilters {
  return {
    actorRegion: actorRegionOf(actor),
    region: f.region,
    band: f.band,
    statuses: f.statusGroup === 'all' ? undefined : statusesOfGroup(f.statusGroup),
  };
}

const filtersOut = (f: Filters) => ({
  region: f.region ?? null,
  band: f.band ?? null,
  statusGroup: f.statusGroup,
  axis: f.axis ?? null,
  priorityAction: f.priorityAction ?? null,
});

/** Every Comune with a plan of the filters (axis and priority action aside) and the Regions in reach. */
async function load(
  tx: Queryable,
  actor: Actor | null,
  f: Filters,
): Promise<{ rows: CoverageRow[]; regions: { code: string; name: string }[] }> {
  const rf = repoFilters(actor, f);
  const sources = await selectCoverage(tx, rf);
  const regions = await selectRegions(tx, { actorRegion: rf.actorRegion });
  return { rows: sources.map(rowOf), regions };
}

function read<T>(ctx: Ctx, f: Filters, build: (l: Awaited<ReturnType<typeof load>>) => T): Promise<T> {
  assertCan(ctx.actor, 'plans.coverage.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => build(await load(tx, ctx.actor, f)));
}

type Item = CoverageOut['rows']['items'][number];
type Matrix = Omit<CoverageOut, 'rows' | 'totals'> & { totals: CoverageTotals; rows: CoverageRow[] };

function matrixOf(f: Filters, l: Awaited<ReturnType<typeof load>>): Matrix {
  const rows = l.rows.filter((r) => covers(r, f));
  return {
    filters: filtersOut(f),
    options: { regions: l.regions },
    actionStatuses: [...actionStatuses],
    axes: [...axes],
    totals: totalsOf(rows),
    rows,
  };
}

/**
 * The matrix: one row per Comune with a plan (its latest: the highest period_from, then the latest
 * created), its actions by priority action and by axis (and, with detail=states, by priority action
 * and action state), with the column totals; the axis and priority action filters keep the Comuni
 * whose plan covers them.
 */
export async function coverageMatrix(ctx: Ctx, q: CoverageQuery): Promise<CoverageOut> {
  const m = await read(ctx, q, (l) => matrixOf(q, l));
  const from = (q.page - 1) * q.pageSize;
  // what the table shows; the per-state breakdown of every cell (60 numbers a row) only when asked:
  // the whole national list stays one light answer
  const items: CoverageOut['rows']['items'] = m.rows.slice(from, from + q.pageSize).map((r) => ({
    planId: r.planId,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status: r.status as Item['status'],
    statusGroup: r.statusGroup,
    comuneIstat: r.comuneIstat,
    comuneName: r.comuneName,
    provinceSigla: r.provinceSigla,
    regionCode: r.regionCode,
    band: r.band as Item['band'],
    actions: r.actions,
    priorityActions: r.priorityActions,
    axes: r.axes,
    ...(q.detail === 'states' ? { priorityActionStatuses: r.priorityActionStatuses } : {}),
  }));
  return {
    ...m,
    rows: {
      items,
      total: m.rows.length,
      page: q.page,
      pageSize: q.pageSize,
    },
  };
}

/** Per Region in reach, the priority actions no plan of it covers, and how many Comuni cover the others. */
export function coverageUncovered(ctx: Ctx, q: UncoveredQuery): Promise<UncoveredOut> {
  return read(ctx, q, (l) => ({
    filters: { region: q.region ?? null, band: q.band ?? null, statusGroup: q.statusGroup },
    regions: uncoveredOf(q.region ? l.regions.filter((r) => r.code === q.region) : l.regions, l.rows),
  }));
}

/** The map's items: one per Comune with a plan, its category the status group or whether it covers what is asked. */
export function coverageMap(ctx: Ctx, q: Filters): Promise<CoverageMapOut> {
  return read(ctx, q, (l) => ({
    filters: filtersOut(q),
    items: l.rows.map((r) => ({ code: r.comuneIstat, name: r.comuneName, category: mapCategoryOf(r, q) })),
  }));
}

/** The matrix (every row) and the uncovered priority actions as an XLSX. Audited (`plans.coverage.export`). */
export async function coverageWorkbook(ctx: Ctx, q: CoverageFiltersIn): Promise<{ filename: string; body: Buffer }> {
  const { matrix, uncovered } = await read(ctx, q, (l) => ({
    matrix: matrixOf(q, l),
    uncovered: uncoveredOf(q.region ? l.regions.filter((r) => r.code === q.region) : l.regions, l.rows),
  }));
  const today = todayOf(ctx);
  const body = await coverageXlsx({ today, matrix, uncovered });
  await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    recordAudit(tx, ctx, {
      action: 'plans.coverage.export',
      details: { format: 'xlsx', ...matrix.filters, comuni: matrix.rows.length },
    }),
  );
  return { filename: `copertura-piani-${today}.xlsx`, body };
}
