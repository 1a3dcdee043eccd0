/**
 * Who may touch a plan (issue 13; domain.md §7.4). Row-level security keeps other Comuni's plans
 * out of every query (a Regione reads its own Comuni's; ANCI/Cittalia and MLPS all). A plan the
 * actor may not see answers 404, as if it did not exist; one they see but may not change, 403.
 */
import type { Actor, Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, type Permission } from '../../../platform/policy.js';
import { romeDate } from '../../../platform/calendar.js';
import { selectPlanRow, type PlanRow } from './plan.repo.js';

export type { PlanRow } from './plan.repo.js';

/** Today in Italy, by the context's clock (tests move it). */
export const todayOf = (ctx: Pick<Ctx, 'clock'>): string => romeDate(ctx.clock.now());

/**
 * Loads a plan the actor may see: 404 outside the actor's reach (row-level security), then 403
 * without `permission`. No row lock (FOR UPDATE needs the right to update, which a Regione never
 * has): a writer locks afterwards with `selectPlanRow(tx, id, true)`, once its role checks passed.
 */
export async function loadPlan(
  tx: Queryable,
  ctx: Ctx,
  planId: string,
  permission: Permission = 'plans.read',
): Promise<PlanRow> {
  assertCan(ctx.actor, 'plans.read');
  const plan = await selectPlanRow(tx, planId);
  if (!plan) throw new AppError('plans.plan.not_found');
  assertCan(ctx.actor, permission);
  return plan;
}

/** Only the staff of the plan's Comune change it. */
export function assertPlanOwner(actor: Actor, plan: Pick<PlanRow, 'comune_istat'>): void {
  if (actor.scope.level !== 'comune' || actor.scope.comuneIstat !== plan.comune_istat) {
    throw new AppError('plans.plan.not_owner', "Only the staff of the plan's Comune change it.");
  }
}

/** Loads and locks a plan for a change by its own Comune: 404, then 403 (permission, owner). */
export async function loadPlanForChange(
  tx: Queryable,
  ctx: Ctx,
  planId: string,
  permission: Permission,
): Promise<PlanRow> {
  const plan = await loadPlan(tx, ctx, planId, permission);
  assertPlanOwner(ctx.actor!, plan);
  return (await selectPlanRow(tx, planId, true))!;
}

/** Optimistic concurrency: the row version the page read must be the current one. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) {
    throw new AppError('plans.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
  }
}
