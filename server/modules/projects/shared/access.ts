/**
 * Who may touch a project (issue 12; domain.md §7.4). Row-level security keeps other Comuni's
 * projects out of every query (a Regione reads its own Comuni's; ANCI/Cittalia and MLPS all); a
 * revisore sees only the projects assigned to them, and here only while an assignment is valid
 * today. A project the actor may not see answers 404, as if it did not exist; one they see but may
 * not change answers 403.
 */
import { romeDate } from '../../../platform/calendar.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, type Permission } from '../../../platform/policy.js';
import { selectAssignments, selectProjectRow, type AssignmentRow, type ProjectRow } from './project.repo.js';

export type { AssignmentRow, ProjectRow } from './project.repo.js';

/** Today in Italy, by the context's clock (tests move it). */
export const todayOf = (ctx: Pick<Ctx, 'clock'>): string => romeDate(ctx.clock.now());

export const isRevisore = (actor: Actor): boolean => actor.roles.includes('revisore');

export interface LoadedProject {
  project: ProjectRow;
  /** For a revisore, the assignments valid today (at least one); null for everyone else. */
  assignments: AssignmentRow[] | null;
}

/**
 * Loads a project the actor may see. Order of answers: 404 for a project outside the actor's reach
 * (row-level security) or, for a revisore, without an assignment valid today; then 403 when the
 * actor lacks `permission`. It takes no row lock: FOR UPDATE needs the right to update the row,
 * which a revisore or a Regione never has, so a lock would read as 404 for them. A writer locks
 * the row afterwards, once the role checks passed (`selectProjectRow(tx, id, true)`).
 */
export async function loadProject(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  permission: Permission = 'projects.read',
): Promise<LoadedProject> {
  assertCan(ctx.actor, 'projects.read');
  const project = await selectProjectRow(tx, projectId);
  if (!project) throw new AppError('projects.project.not_found');
  let assignments: AssignmentRow[] | null = null;
  if (isRevisore(ctx.actor)) {
    const today = todayOf(ctx);
    assignments = (await selectAssignments(tx, projectId, ctx.actor.userId)).filter(
      (a) => a.valid_from <= today && today <= a.valid_to,
    );
    if (assignments.length === 0) throw new AppError('projects.project.not_found');
  }
  assertCan(ctx.actor, permission);
  return { project, assignments };
}

/** Only the staff of the project's lead Comune change what the Comune owns (design, expenses, claims). */
export function assertOwner(actor: Actor, project: ProjectRow): void {
  if (actor.scope.level !== 'comune' || actor.scope.comuneIstat !== project.comune_istat) {
    throw new AppError('projects.project.not_owner', 'Only the staff of the lead Comune change the project.');
  }
}

/** The revisore's assignment that covers a date of expense (the period under verification), or 403. */
export function assignmentCovering(loaded: LoadedProject, date: string): AssignmentRow {
  const a = loaded.assignments?.find((x) => x.period_start <= date && date <= x.period_end);
  if (!a) throw new AppError('projects.revisore.not_assigned', 'The assignment does not cover this period.');
  return a;
}

/** Optimistic concurrency: the row version the page read must be the current one. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) {
    throw new AppError('projects.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
  }
}
