/**
 * What every use case of the expenses reads first: the project (visible to the actor, else 404;
 * the permission, else 403), the rules of its call and the lines of its budget in force; for a
 * change, also the owner and the project's state.
 */
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { can, type Permission } from '../../../platform/policy.js';
import { assertOwner, loadProject, type LoadedProject, type ProjectRow } from '../shared/access.js';
import { callRulesSchema, type CallRules } from '../shared/call-rules.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { selectCallRules, selectLinesInForce } from './expenses.repo.js';
import { lockedStatuses, projectStatusesOpen, type ExpenseStatus, type LineInForce } from './expenses.rules.js';

export interface ExpenseScope {
  loaded: LoadedProject;
  project: ProjectRow;
  rules: CallRules;
  lines: LineInForce[];
}

export async function loadScope(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  permission: Permission = 'projects.read',
): Promise<ExpenseScope> {
  const loaded = await loadProject(tx, ctx, projectId, permission);
  const rules = callRulesSchema.parse(await selectCallRules(tx, loaded.project.call_version_id));
  const lines = await selectLinesInForce(tx, projectId);
  return { loaded, project: loaded.project, rules, lines };
}

/** Whether the project takes expenses now. */
export const projectOpen = (p: ProjectRow): boolean => (projectStatusesOpen as readonly string[]).includes(p.status);

/** The scope of a change: owner staff (403), project approved or running (409 projects.state). */
export async function loadScopeForChange(tx: Queryable, ctx: Ctx, projectId: string): Promise<ExpenseScope> {
  const scope = await loadScope(tx, ctx, projectId, 'projects.expenses.write');
  assertOwner(ctx.actor!, scope.project);
  // locked once the actor is known to own it (a row another scope only reads is not lockable: 404,
  // where 403 is the answer); the lock keeps the line totals of concurrent changes consistent
  await selectProjectRow(tx, projectId, true);
  if (!projectOpen(scope.project))
    throw new AppError('projects.state', 'Expenses are recorded only on an approved or running project.', {
      context: { status: scope.project.status },
    });
  return scope;
}

/** Whether the actor may change the project's expenses now (for the page's buttons). */
export function mayEdit(ctx: Ctx, project: ProjectRow): boolean {
  const actor = ctx.actor;
  return (
    !!actor &&
    can(actor, 'projects.expenses.write') &&
    actor.scope.level === 'comune' &&
    actor.scope.comuneIstat === project.comune_istat &&
    projectOpen(project)
  );
}

/** An expense in a claim or verified answers 409 to any change. */
export function assertNotLocked(status: string): void {
  if (lockedStatuses.includes(status as ExpenseStatus))
    throw new AppError('projects.expense.locked', 'The expense is in a reimbursement claim: it can no longer change.', {
      context: { status },
    });
}
