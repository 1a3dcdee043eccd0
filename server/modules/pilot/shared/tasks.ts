/**
 * Keeping the work list equal to the data (decision 0027). A change that may create or end a task
 * (a permit recorded or renewed, a PAI shared, approved or returned, an admission decided, a case
 * closed, a measure's cost…) calls `refreshCaseTasks(tx, ctx, caseId)` inside its own transaction,
 * after its writes: the case's tasks due now are written, the open ones whose cause has ended are
 * closed ('superato'), and the Comune's own tasks (budget, referrals in screening) are brought up to
 * date; a referral recorded or screened calls `refreshComuneOwnTasks` for those alone. The start of the
 * server (job `pilot.refresh-tasks`, runAtStart) and the nightly run do the same for every pilot
 * Comune, one transaction per Comune. A per-Comune advisory lock serialises all of them, so
 * instances starting together, the nightly run and users' changes never race on a Comune's list.
 *
 * A case manager's task is assigned to whoever owns the case when it is read: reassigning a case
 * moves its open tasks with no call here.
 */
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { systemAccess, type Queryable } from '../../../platform/db/db.js';
import type { JobDefinition } from '../../../platform/jobs.js';
import { todayOf } from './access.js';
import { addDays } from './dates.js';
import {
  endTasksNotIn,
  lockComuneTasks,
  selectAdmissionSources,
  selectBudgetSources,
  selectCaseComune,
  selectClosedCaseSources,
  selectCostMissingSources,
  selectLateMeasureSources,
  selectPaiReviewSources,
  selectPermitSources,
  selectReferralSources,
  selectSharedPaiSources,
  selectTaskComuni,
  upsertTasks,
  type TaskScope,
} from './tasks.repo.js';
import {
  MEASURE_START_GRACE_DAYS,
  PAI_REVIEW_LEAD_DAYS,
  PERMIT_EXPIRED_GRACE_DAYS,
  budgetYears,
  followUpSince,
  taskSentence,
  tasksDue,
} from './tasks.rules.js';

export interface RefreshResult {
  created: number;
  ended: number;
}

/** Brings the tasks of one scope (a case, or a whole Comune) in line with the data, in `tx`. */
async function refreshScope(tx: Queryable, ctx: Pick<Ctx, 'clock'>, scope: TaskScope): Promise<RefreshResult> {
  await lockComuneTasks(tx, scope.comune);
  const today = todayOf(ctx);
  const ofCases = !(scope.caseId === null && scope.ownOnly === true);
  const due = tasksDue(today, {
    permits: ofCases
      ? await selectPermitSources(tx, scope, addDays(today, -PERMIT_EXPIRED_GRACE_DAYS), addDays(today, 90))
      : [],
    reviews: ofCases ? await selectPaiReviewSources(tx, scope, addDays(today, PAI_REVIEW_LEAD_DAYS)) : [],
    closed: ofCases ? await selectClosedCaseSources(tx, scope, followUpSince(today)) : [],
    measures: ofCases
      ? await selectLateMeasureSources(tx, scope, today, addDays(today, -MEASURE_START_GRACE_DAYS))
      : [],
    shared: ofCases ? await selectSharedPaiSources(tx, scope) : [],
    admissions: ofCases ? await selectAdmissionSources(tx, scope) : [],
    costs: ofCases ? await selectCostMissingSources(tx, scope) : [],
    // the Comune's own tasks, whatever the scope
    budgets: await selectBudgetSources(tx, scope.comune, budgetYears(today)),
    referrals: await selectReferralSources(tx, scope.comune),
  });
  const now = ctx.clock.now();
  // `label` keeps the Italian words for readers of older releases; the API renders `params`
  const created = await upsertTasks(
    tx,
    due.map((d) => ({ ...d, label: taskSentence('it', d.params) })),
    now,
  );
  const ended = await endTasksNotIn(
    tx,
    scope,
    due.map((d) => d.dedupeKey),
    now,
  );
  return { created, ended };
}

/**
 * The one call for services: after a change to a case (or to what hangs on it: permits, PAIs,
 * measures, admissions, outcomes), inside the change's transaction. Nothing when the
 * transaction does not see the case.
 */
export async function refreshCaseTasks(tx: Queryable, ctx: Pick<Ctx, 'clock'>, caseId: string): Promise<void> {
  const comune = await selectCaseComune(tx, caseId);
  if (comune) await refreshScope(tx, ctx, { caseId, comune });
}

/**
 * The Comune's tasks that belong to no case (referrals in screening, allocation, budget), inside
 * the caller's transaction: after a referral is recorded or screened.
 */
export async function refreshComuneOwnTasks(tx: Queryable, ctx: Pick<Ctx, 'clock'>, comune: string): Promise<void> {
  await refreshScope(tx, ctx, { caseId: null, comune, ownOnly: true });
}

/** Every task of one Comune, inside the caller's transaction (system access or the Comune's own). */
export async function refreshComuneTasks(
  tx: Queryable,
  ctx: Pick<Ctx, 'clock'>,
  comune: string,
): Promise<RefreshResult> {
  return refreshScope(tx, ctx, { caseId: null, comune });
}

/**
 * The work lists of every pilot Comune (or of one), each in its own transaction with system
 * access: at start, nightly, and after a change made outside the Comune (an allocation, set by a
 * national or platform actor who may not write the Comune's rows), once that change has committed.
 */
export async function refreshAllTasks(ctx: Ctx, only?: string): Promise<RefreshResult> {
  const comuni = only ? [only] : await ctx.db.tx(systemAccess, (tx) => selectTaskComuni(tx));
  const total: RefreshResult = { created: 0, ended: 0 };
  for (const comune of comuni) {
    const r = await ctx.db.tx(systemAccess, (tx) => refreshComuneTasks(tx, ctx, comune));
    total.created += r.created;
    total.ended += r.ended;
  }
  ctx.log.info({ ...total, comuni: comuni.length, day: todayOf(ctx) }, 'pilot tasks refreshed');
  return total;
}

const refreshPayload = z
  .object({
    comune: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict() as z.ZodType<{ comune?: string }>;

/**
 * The work list computed at every start of the server, for each pilot Comune (or one Comune, with
 * `comune`). Each instance that starts enqueues it; the per-Comune lock and the idempotent writes
 * make two runs at once harmless.
 */
export const refreshTasksJob: JobDefinition<{ comune?: string }> = {
  name: 'pilot.refresh-tasks',
  payload: refreshPayload,
  runAtStart: true,
  async handler(ctx, payload) {
    await refreshAllTasks(ctx, payload.comune);
  },
};
