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
import type { CaseStatus, ExitReason } from './vocab.js';

export interface CaseRow {
  id: string;
  comune_istat: string;
  holder_person_id: string;
  referral_id: string | null;
  owner_user_id: string;
  status: CaseStatus;
  opened_on: string;
  admitted_on: string | null;
  closed_on: string | null;
  exit_reason: ExitReason | null;
  in_sai: boolean;
  version: number;
}

const caseColumns = `id, comune_istat, holder_person_id, referral_id, owner_user_id, status, opened_on::text AS opened_on,
  admitted_on::text AS admitted_on, closed_on::text AS closed_on, exit_reason, in_sai, version`;

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
  tx: Queryable, ctx: Ctx, caseId: string, permission: Permission, opts: { lock?: boolean } = {},
): Promise<CaseRow> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const [row] = await tx.query<CaseRow>(
    `SELECT ${caseColumns} FROM pilot_cases WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [caseId],
  );
  if (!row || (!seesAllCases(ctx.actor) && row.owner_user_id !== ctx.actor.userId)) {
    throw new AppError('pilot.case.not_found');
  }
  assertCan(ctx.actor, permission);
  return row;
}

/** The case a person belongs to (holder or family member), with the same visibility rules. */
export async function loadCaseOfPerson(
  tx: Queryable, ctx: Ctx, personId: string, permission: Permission, opts: { lock?: boolean } = {},
): Promise<CaseRow> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const [m] = await tx.query<{ case_id: string }>('SELECT case_id FROM pilot_case_members WHERE person_id = $1', [personId]);
  if (!m) throw new AppError('pilot.person.not_found');
  try {
    return await loadCase(tx, ctx, m.case_id, permission, opts);
  } catch (err) {
    if (err instanceof AppError && err.code === 'pilot.case.not_found') throw new AppError('pilot.person.not_found');
    throw err;
  }
}

/** A closed case is history: nothing in it changes any more. */
export function assertCaseOpen(c: CaseRow): void {
  if (c.status === 'chiuso') throw new AppError('pilot.invalid_transition', 'The case is closed: it can no longer change.');
}

/** Appends to the case's own history (domain.md §1.6), inside the caller's transaction. */
export async function recordCaseEvent(
  tx: Queryable, ctx: Ctx,
  e: { caseId: string; comune: string; personId?: string | null; type: string; from?: string | null; to?: string | null; on: string; note?: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_case_events (case_id, comune_istat, person_id, type, from_status, to_status, occurred_on, recorded_at, actor_user_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.caseId, e.comune, e.personId ?? null, e.type, e.from ?? null, e.to ?? null, e.on, ctx.clock.now(), ctx.actor?.userId ?? null, e.note ?? null],
  );
}

/** Today's date (UTC) on the context's clock, as the rules want it. */
export function todayOf(ctx: Pick<Ctx, 'clock'>): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}
