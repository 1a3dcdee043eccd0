/**
 * Who may touch a case (PRODUCT.md §3): the Comune owns its case data (row-level security keeps
 * other Comuni's rows out of every query); within the Comune a referente sees every case, an
 * operatore only the cases assigned to them. A case the actor may not see answers 404, as if it
 * did not exist; one they see but may not change answers 403.
 */
import type { Actor, Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can, type Permission } from '../../../platform/policy.js';
import { insertCaseEvent, selectCaseIdOfPerson, selectCaseRow, type CaseRow } from './access.repo.js';

export type { CaseRow } from './access.repo.js';

/** The actor works for a Comune of the pilot; returns its ISTAT code. */
export function comuneOf(actor: Actor): string {
  if (actor.scope.level !== 'comune' || !actor.scope.comuneIstat) {
    throw new AppError('pilot.not_in_comune', 'Only the staff of a Comune of the pilot work on its cases.');
  }
  return actor.scope.comuneIstat;
}

/** True when the actor sees every case of the Comune (not only the assigned ones). */
export function seesAllCases(actor: Actor): boolean {
  return can(actor, 'pilot.cases.decide');
}

/**
 * Loads a case the actor may see, with a row lock when it will be changed. Order of answers:
 * 404 for a case of another Comune, an unassigned case of an operatore, or none; then 403 when
 * the actor lacks `permission`.
 */
export async function loadCase(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  permission: Permission,
  opts: { lock?: boolean } = {},
): Promise<CaseRow> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const row = await selectCaseRow(tx, caseId, opts.lock ?? false);
  if (!row || (!seesAllCases(ctx.actor) && row.owner_user_id !== ctx.actor.userId)) {
    throw new AppError('pilot.case.not_found');
  }
  assertCan(ctx.actor, permission);
  return row;
}

/** The case a person belongs to (holder or family member), with the same visibility rules. */
export async function loadCaseOfPerson(
  tx: Queryable,
  ctx: Ctx,
  personId: string,
  permission: Permission,
  opts: { lock?: boolean } = {},
): Promise<CaseRow> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const caseId = await selectCaseIdOfPerson(tx, personId);
  if (!caseId) throw new AppError('pilot.person.not_found');
  try {
    return await loadCase(tx, ctx, caseId, permission, opts);
  } catch (err) {
    if (err instanceof AppError && err.code === 'pilot.case.not_found') throw new AppError('pilot.person.not_found');
    throw err;
  }
}

/** A closed case is history: nothing in it changes any more. */
export function assertCaseOpen(c: CaseRow): void {
  if (c.status === 'chiuso')
    throw new AppError('pilot.invalid_transition', 'The case is closed: it can no longer change.');
}

/** Appends to the case's own history (domain.md §1.6), inside the caller's transaction. */
export async function recordCaseEvent(
  tx: Queryable,
  ctx: Ctx,
  e: {
    caseId: string;
    comune: string;
    personId?: string | null;
    type: string;
    from?: string | null;
    to?: string | null;
    on: string;
    note?: string | null;
  },
): Promise<void> {
  await insertCaseEvent(tx, {
    caseId: e.caseId,
    comune: e.comune,
    personId: e.personId ?? null,
    type: e.type,
    from: e.from ?? null,
    to: e.to ?? null,
    on: e.on,
    recordedAt: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    note: e.note ?? null,
  });
}

/** Today's date (UTC) on the context's clock, as the rules want it. */
export function todayOf(ctx: Pick<Ctx, 'clock'>): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}
