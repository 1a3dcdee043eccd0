/**
 * The budget of the assistance measures: each Comune's annual allocation (set ahead, year by year,
 * by ANCI/Cittalia, who manage the pilot funds: decision 0023), what its approved PAIs commit, and the guard that refuses a commitment beyond
 * the allocation (the rules are in budget.rules.ts).
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import { refreshAllTasks } from '../shared/tasks.js';
import {
  lockAllocation,
  selectBudget,
  selectCommittedByOthers,
  selectLiveMeasureCosts,
  upsertAllocation,
} from './budget.repo.js';
import {
  assertAllocationCoversCommitted,
  assertAllocationYear,
  assertFitsAllocation,
  plannedOfPai,
  type BudgetChange,
} from './budget.rules.js';
import { toBudget, toBudgetComuni } from './pai.mapper.js';
import type { Budget, BudgetComune } from './pai.schema.js';

/**
 * The over-allocation guard, inside the caller's transaction. For each year concerned it locks
 * the Comune's pilot_budgets row (FOR UPDATE: concurrent approvals in one Comune queue here, and
 * each then reads the commitments the previous one committed), and refuses with 409
 * `pilot.budget_missing` when no allocation exists for the year, or `pilot.budget_exceeded` when
 * the others' commitments plus this PAI's would pass it. The caller's transaction then rolls back,
 * so nothing is written.
 */
export async function assertWithinBudget(
  tx: Queryable,
  comune: string,
  paiId: string,
  change?: BudgetChange,
): Promise<void> {
  const planned = plannedOfPai(await selectLiveMeasureCosts(tx, paiId), change);
  for (const year of [...planned.keys()].sort((a, b) => a - b)) {
    const p = planned.get(year)!;
    if (p.requested === 0) continue; // commits nothing: no allocation needed
    const budget = await lockAllocation(tx, comune, year);
    const committed = budget ? await selectCommittedByOthers(tx, comune, paiId, year) : 0;
    assertFitsAllocation(year, p, budget?.allocation ?? null, committed, comune);
  }
}

/**
 * The budget of one year: for Comune staff their own Comune, for national readers every pilot
 * Comune. Read through `incas_pilot_budget`, which returns sums only (migration 0004).
 */
export async function getBudget(ctx: Ctx, year: number | undefined): Promise<Budget> {
  assertCan(ctx.actor, 'pilot.budget.read');
  const y = year ?? ctx.clock.now().getUTCFullYear();
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectBudget(tx, y));
  return toBudget(y, rows);
}

/**
 * Sets (creates or changes) a pilot Comune's allocation for a year: ANCI/Cittalia (assistenza
 * tecnica), from the previous year up to three years ahead; audited with the previous amount.
 * 409 `pilot.allocation_below_committed` when it is lower than what the Comune already commits that year.
 */
export async function setBudget(
  ctx: Ctx,
  comuneIstat: string,
  year: number,
  allocation: number,
): Promise<BudgetComune> {
  assertCan(ctx.actor, 'pilot.budget.manage');
  assertAllocationYear(year, ctx.clock.now().getUTCFullYear());
  const line = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await isPilotComune(tx, comuneIstat)))
      throw new AppError('comune.not_found', 'No Comune of the pilot has that ISTAT code.');
    // the lock queues this change behind (and ahead of) approvals in the Comune, which lock the same row
    const prev = await lockAllocation(tx, comuneIstat, year);
    const before = toBudgetComuni(await selectBudget(tx, year)).find((c) => c.comuneIstat === comuneIstat);
    assertAllocationCoversCommitted(year, allocation, before?.committed ?? 0);
    await upsertAllocation(tx, comuneIstat, year, allocation, ctx.actor!.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'pilot.budget.set',
      entityType: 'pilot_budget',
      entityId: `${comuneIstat}/${year}`,
      tenantComune: comuneIstat,
      details: { year, allocation, previous: prev ? Number(prev.allocation) : null },
    });
    const line = toBudgetComuni(await selectBudget(tx, year)).find((c) => c.comuneIstat === comuneIstat);
    return line!;
  });
  await refreshAllTasks(ctx, comuneIstat); // the Comune's budget tasks, with system access, once committed
  return line;
}
