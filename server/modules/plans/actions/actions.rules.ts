/**
 * Pure logic of the plan's actions and monitorings: the order of periods (a year or a semester),
 * whether a period falls within the plan's years, the target that applies to a period, an
 * indicator's progress (its latest value against the target of that period) and the totals of the
 * actions by axis, by priority action and by both (the summary table). No I/O.
 */
import { axes, PERIOD_PATTERN, priorityActions, type Axis, type PriorityAction } from '../shared/vocabulary.js';

/** "2025" → {year 2025, half null}; "2025-S2" → {year 2025, half 2}; null when not a period. */
export function parsePeriod(period: string): { year: number; half: 1 | 2 | null } | null {
  if (!PERIOD_PATTERN.test(period)) return null;
  const [y, s] = period.split('-S');
  return { year: Number(y), half: s === undefined ? null : (Number(s) as 1 | 2) };
}

/** A period within the plan's years (from–to, both included). */
export function periodWithin(period: string, from: number, to: number): boolean {
  const p = parsePeriod(period);
  return p !== null && p.year >= from && p.year <= to;
}

/**
 * Orders periods by when they end: the first semester, then the second and the whole year (which
 * end together; the year comes after its second semester).
 */
export function periodRank(period: string): number {
  const p = parsePeriod(period);
  if (!p) return -1;
  return p.year * 10 + (p.half === 1 ? 1 : p.half === 2 ? 2 : 3);
}

export const comparePeriods = (a: string, b: string): number => periodRank(a) - periodRank(b);

/**
 * The target that applies to a period: the one set for that very period; else, for a semester,
 * the year's; else, for a year, its second semester's (where the year ends). Null without one.
 */
export function targetFor(targets: ReadonlyArray<{ period: string; target: number }>, period: string): number | null {
  const exact = targets.find((t) => t.period === period);
  if (exact) return exact.target;
  const p = parsePeriod(period);
  if (!p) return null;
  const fallback = p.half === null ? `${p.year}-S2` : `${p.year}`;
  return targets.find((t) => t.period === fallback)?.target ?? null;
}

export interface ReportedValue {
  period: string;
  referenceDate: string;
  value: number;
  monitoringId: string;
}

export interface Progress {
  period: string;
  value: number;
  target: number | null;
  /** value / target in whole percent (null without a target, or with a target of 0) */
  percent: number | null;
  referenceDate: string;
  monitoringId: string;
}

/** The latest value reported (by period, then reference date) against the target of its period. */
export function progressOf(
  targets: ReadonlyArray<{ period: string; target: number }>,
  values: readonly ReportedValue[],
): Progress | null {
  if (values.length === 0) return null;
  const latest = [...values].sort(
    (a, b) => comparePeriods(b.period, a.period) || b.referenceDate.localeCompare(a.referenceDate),
  )[0]!;
  const target = targetFor(targets, latest.period);
  return {
    period: latest.period,
    value: latest.value,
    target,
    percent: target === null || target === 0 ? null : Math.round((latest.value / target) * 100),
    referenceDate: latest.referenceDate,
    monitoringId: latest.monitoringId,
  };
}

export interface ActionFigures {
  axis: Axis;
  priorityAction: PriorityAction;
  budgetCents: number | null;
}

export interface Total {
  actions: number;
  budgetCents: number;
}

export interface ActionTotals {
  all: Total;
  byAxis: Array<Total & { axis: Axis }>;
  byPriorityAction: Array<Total & { priorityAction: PriorityAction }>;
  /** the cells of the summary table axes × priority actions that hold at least one action */
  cells: Array<Total & { axis: Axis; priorityAction: PriorityAction }>;
}

/** The count and budget of the actions, by axis, by priority action and by both. */
export function totalsOf(actions: readonly ActionFigures[]): ActionTotals {
  const add = (t: Total, a: ActionFigures) => {
    t.actions += 1;
    t.budgetCents += a.budgetCents ?? 0;
  };
  const all: Total = { actions: 0, budgetCents: 0 };
  const byAxis = axes.map((axis) => ({ axis, actions: 0, budgetCents: 0 }));
  const byPriorityAction = priorityActions.map((priorityAction) => ({ priorityAction, actions: 0, budgetCents: 0 }));
  const cells = new Map<string, Total & { axis: Axis; priorityAction: PriorityAction }>();
  for (const a of actions) {
    add(all, a);
    add(byAxis.find((x) => x.axis === a.axis)!, a);
    add(byPriorityAction.find((x) => x.priorityAction === a.priorityAction)!, a);
    const key = `${a.axis}:${a.priorityAction}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { axis: a.axis, priorityAction: a.priorityAction, actions: 0, budgetCents: 0 }));
    add(cell, a);
  }
  return {
    all,
    byAxis,
    byPriorityAction,
    cells: [...cells.values()].sort(
      (x, y) => axes.indexOf(x.axis) - axes.indexOf(y.axis) || x.priorityAction - y.priorityAction,
    ),
  };
}
