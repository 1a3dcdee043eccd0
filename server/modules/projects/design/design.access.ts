/** The design's common steps: a project loaded for a change by its owner, and its call's rules. */
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { assertOwner, assertVersion, loadProject, type ProjectRow } from '../shared/access.js';
import { callRulesSchema, type CallRules } from '../shared/call-rules.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { selectCallVersion } from './design.repo.js';

/**
 * The project, locked, for a change of its design: 404 outside the actor's reach, 403 without
 * `projects.design.write` or for another organisation than the lead Comune's staff, 409 when the
 * row version read is stale.
 */
export async function loadForDesign(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  rowVersion?: number,
): Promise<ProjectRow> {
  // read first (404, then 403), lock after: a reader without write rights cannot lock the row
  const { project: seen } = await loadProject(tx, ctx, projectId, 'projects.design.write');
  assertOwner(ctx.actor!, seen);
  const project = (await selectProjectRow(tx, projectId, true))!;
  assertVersion(project.row_version, rowVersion);
  return project;
}

/** Whether the actor is the lead Comune's design staff. */
export function canDesign(ctx: Ctx, project: { comune_istat: string }): boolean {
  const a = ctx.actor;
  return (
    !!a && can(a, 'projects.design.write') && a.scope.level === 'comune' && a.scope.comuneIstat === project.comune_istat
  );
}

/** 409 `projects.state` unless the project is in one of the states. */
export function assertStatus(project: { status: string }, allowed: (s: string) => boolean, action: string): void {
  if (!allowed(project.status)) {
    throw new AppError('projects.state', `Not possible while the project is ${project.status}: ${action}.`, {
      context: { status: project.status },
    });
  }
}

export async function rulesOfVersion(tx: Queryable, callVersionId: string): Promise<CallRules> {
  const v = await selectCallVersion(tx, callVersionId);
  return callRulesSchema.parse(v!.rules);
}

export const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });
