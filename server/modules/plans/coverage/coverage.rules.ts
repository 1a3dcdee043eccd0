/**
 * The coverage of the Piano triennale by the Comuni's plans (issue 13 item 2), pure: from one row
 * per Comune (its plan and the counts of its actions by priority action and state, by axis) to the
 * matrix with its column totals, the priority actions no plan of a Region covers, and the map's
 * categories. No database, no platform.
 */
import {
  actionStatuses,
  adoptedStatuses,
  axes,
  axisOfPriorityAction,
  priorityActions,
  type ActionStatus,
  type Axis,
  type PlanStatus,
  type PriorityAction,
} from '../shared/vocabulary.js';

export const statusGroups = ['adopted', 'preparation'] as const;
/** A plan adopted (ADOTTATO and after) or in preparation (AVVIO to BOZZA). */
export type StatusGroup = (typeof statusGroups)[number];

export const statusGroupOf = (status: string): StatusGroup =>
  adoptedStatuses.includes(status as PlanStatus) ? 'adopted' : 'preparation';

/** The states of a status group (for the query's filter). */
export const statusesOfGroup = (group: StatusGroup): string[] =>
  group === 'adopted' ? [...adoptedStatuses] : ['AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA'];

/**
 * Where the count of the actions of priority action `p` (1–10) in state `s` sits in a row's flat
 * `counts`: (p − 1) × 6 + the state's index in `actionStatuses`.
 */
export const countIndex = (p: PriorityAction, s: ActionStatus): number =>
  (p - 1) * actionStatuses.length + actionStatuses.indexOf(s);

/** One Comune's plan as the query returns it (`counts`: 60 numbers, see countIndex; `axisCounts`: 4, in `axes` order). */
export interface CoverageSource {
  planId: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: string;
  comuneIstat: string;
  comuneName: string;
  provinceCode: string;
  provinceName: string;
  provinceSigla: string;
  regionCode: string;
  regionName: string;
  band: string;
  counts: readonly number[];
  axisCounts: readonly number[];
}

/** A row of the matrix: the plan, and its actions by priority action (with the 6 states) and by axis. */
export interface CoverageRow extends Omit<CoverageSource, 'counts' | 'axisCounts'> {
  statusGroup: StatusGroup;
  adopted: boolean;
  actions: number;
  /** 10 numbers: the actions of priority action 1…10 */
  priorityActions: number[];
  /** 10 × 6 numbers: the actions of priority action 1…10 in each state, in `actionStatuses` order */
  priorityActionStatuses: number[][];
  /** 4 numbers: the actions on each axis, in `axes` order */
  axes: number[];
}

export function rowOf(s: CoverageSource): CoverageRow {
  const { counts, axisCounts, ...rest } = s;
  const byPa = priorityActions.map((p) => actionStatuses.map((st) => counts[countIndex(p, st)] ?? 0));
  const perPa = byPa.map((xs) => xs.reduce((a, b) => a + b, 0));
  const group = statusGroupOf(s.status);
  return {
    ...rest,
    statusGroup: group,
    adopted: group === 'adopted',
    actions: perPa.reduce((a, b) => a + b, 0),
    priorityActions: perPa,
    priorityActionStatuses: byPa,
    axes: axes.map((_, i) => axisCounts[i] ?? 0),
  };
}

/** Does the plan hold an action on the priority action (or the axis) asked? Nothing asked: yes. */
export function covers(row: CoverageRow, q: { axis?: Axis | undefined; priorityAction?: number | undefined }): boolean {
  if (q.priorityAction !== undefined && (row.priorityActions[q.priorityAction - 1] ?? 0) === 0) return false;
  if (q.axis !== undefined && (row.axes[axes.indexOf(q.axis)] ?? 0) === 0) return false;
  return true;
}

export interface CoverageTotals {
  comuni: number;
  adopted: number;
  preparation: number;
  actions: number;
  priorityActions: {
    priorityAction: PriorityAction;
    axis: Axis;
    actions: number;
    statuses: number[];
    /** Comuni whose plan has at least one action on it */
    comuni: number;
  }[];
  axes: { axis: Axis; actions: number; comuni: number }[];
}

/** The column totals of the rows given. */
export function totalsOf(rows: readonly CoverageRow[]): CoverageTotals {
  const pa = priorityActions.map((p) => ({
    priorityAction: p,
    axis: axisOfPriorityAction[p],
    actions: 0,
    statuses: actionStatuses.map(() => 0),
    comuni: 0,
  }));
  const ax = axes.map((axis) => ({ axis, actions: 0, comuni: 0 }));
  let adopted = 0;
  let actions = 0;
  for (const r of rows) {
    if (r.adopted) adopted++;
    actions += r.actions;
    for (const [i, t] of pa.entries()) {
      const n = r.priorityActions[i] ?? 0;
      t.actions += n;
      if (n > 0) t.comuni++;
      for (const [j, m] of (r.priorityActionStatuses[i] ?? []).entries()) t.statuses[j] = (t.statuses[j] ?? 0) + m;
    }
    for (const [i, t] of ax.entries()) {
      const n = r.axes[i] ?? 0;
      t.actions += n;
      if (n > 0) t.comuni++;
    }
  }
  return { comuni: rows.length, adopted, preparation: rows.length - adopted, actions, priorityActions: pa, axes: ax };
}

export interface UncoveredRegion {
  code: string;
  name: string;
  /** Comuni of the Region with a plan (of the filters) */
  comuni: number;
  /** the priority actions no plan of the Region covers, 1…10 in order */
  uncovered: PriorityAction[];
  /** the others, with how many Comuni cover each */
  covered: { priorityAction: PriorityAction; comuni: number }[];
}

/** Per Region given (in their order), the priority actions no plan of it covers and how many Comuni cover the others. */
export function uncoveredOf(
  regions: readonly { code: string; name: string }[],
  rows: readonly CoverageRow[],
): UncoveredRegion[] {
  const byRegion = new Map<string, { comuni: number; pa: number[] }>();
  for (const r of rows) {
    let g = byRegion.get(r.regionCode);
    if (!g) byRegion.set(r.regionCode, (g = { comuni: 0, pa: priorityActions.map(() => 0) }));
    g.comuni++;
    for (const [i, n] of r.priorityActions.entries()) if (n > 0) g.pa[i] = (g.pa[i] ?? 0) + 1;
  }
  return regions.map((reg) => {
    const g = byRegion.get(reg.code);
    const counts = g?.pa ?? priorityActions.map(() => 0);
    return {
      code: reg.code,
      name: reg.name,
      comuni: g?.comuni ?? 0,
      uncovered: priorityActions.filter((_, i) => (counts[i] ?? 0) === 0),
      covered: priorityActions
        .filter((_, i) => (counts[i] ?? 0) > 0)
        .map((p) => ({ priorityAction: p, comuni: counts[p - 1] ?? 0 })),
    };
  });
}

export type MapCategory = StatusGroup | 'covered' | 'not_covered';

/** The map's category of a Comune: its plan's status group, or whether it covers the axis / priority action asked. */
export function mapCategoryOf(
  row: CoverageRow,
  q: { axis?: Axis | undefined; priorityAction?: number | undefined },
): MapCategory {
  if (q.axis === undefined && q.priorityAction === undefined) return row.statusGroup;
  return covers(row, q) ? 'covered' : 'not_covered';
}
