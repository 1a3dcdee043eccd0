/**
 * The revisore indipendente's assignments (issue 12 item 5; decision 0051): the Comune's referente
 * or ANCI/Cittalia assign a user holding the revisore role to a project, for the expenses of a
 * period and for a time (validity); revoking ends it at once. The revisore lists their own.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { isRevisore, loadProject, todayOf, type ProjectRow } from '../shared/access.js';
import type { Actor } from '../../../platform/context.js';
import type { AssignmentOut, AssignRevisoreBody } from './claims.schema.js';
import {
  insertAssignment,
  isRevisoreUser,
  revokeAssignment,
  searchRevisori,
  selectAssignment,
  selectProjectAssignments,
  selectUserAssignments,
  type AssignmentFullRow,
} from './revisori.repo.js';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toAssignment(a: AssignmentFullRow, today: string): AssignmentOut {
  return {
    id: a.id,
    projectId: a.project_id,
    userId: a.user_id,
    name: a.name,
    organisation: a.organisation,
    periodStart: a.period_start,
    periodEnd: a.period_end,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    assignedAt: iso(a.assigned_at)!,
    revokedAt: iso(a.revoked_at),
    active: !a.revoked_at && a.valid_from <= today && today <= a.valid_to,
  };
}

/** The referente of the lead Comune, or ANCI/Cittalia (national): who assigns a revisore. */
function assertAssigner(actor: Actor, project: ProjectRow): void {
  assertCan(actor, 'projects.revisori.assign');
  if (actor.scope.level === 'comune' && actor.scope.comuneIstat !== project.comune_istat)
    throw new AppError('projects.project.not_owner');
  if (actor.scope.level !== 'comune' && !actor.roles.includes('assistenza_tecnica'))
    throw new AppError('projects.project.not_owner');
}

/** The revisori assigned to a project (every reader of the project but a revisore). */
export async function listAssignments(ctx: Ctx, projectId: string): Promise<{ items: AssignmentOut[] }> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadProject(tx, ctx, projectId);
    const rows = await selectProjectAssignments(tx, projectId);
    const today = todayOf(ctx);
    // a revisore sees only their own assignments, not their colleagues'
    const mine = isRevisore(ctx.actor!) ? rows.filter((r) => r.user_id === ctx.actor!.userId && !r.revoked_at) : rows;
    return { items: mine.map((r) => toAssignment(r, today)) };
  });
}

/** Assigns a revisore to the project (400 `projects.revisori.not_revisore` for a user without the role). */
export async function assignRevisore(ctx: Ctx, projectId: string, body: AssignRevisoreBody): Promise<AssignmentOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId);
    assertAssigner(ctx.actor!, project);
    if (!(await isRevisoreUser(tx, body.userId)))
      throw new AppError('projects.revisori.not_revisore', 'The user chosen does not hold the revisore role.');
    const id = randomUUID();
    await insertAssignment(tx, {
      id,
      projectId,
      comune: project.comune_istat,
      userId: body.userId,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      validFrom: body.validFrom,
      validTo: body.validTo,
      by: ctx.actor!.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'projects.revisore.assign',
      entityType: 'project_revisore_assignment',
      entityId: id,
      tenantComune: project.comune_istat,
      details: { projectId, userId: body.userId, periodStart: body.periodStart, periodEnd: body.periodEnd },
    });
    const row = (await selectAssignment(tx, projectId, id))!;
    return toAssignment(row, todayOf(ctx));
  });
}

/** Revokes an assignment at once (409 `projects.revisori.revoked` when already revoked). */
export async function revokeRevisore(ctx: Ctx, projectId: string, assignmentId: string): Promise<AssignmentOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId);
    assertAssigner(ctx.actor!, project);
    const row = await selectAssignment(tx, projectId, assignmentId);
    if (!row) throw new AppError('projects.revisori.not_found');
    if (row.revoked_at) throw new AppError('projects.revisori.revoked', 'The assignment is already revoked.');
    await revokeAssignment(tx, assignmentId, ctx.actor!.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.revisore.revoke',
      entityType: 'project_revisore_assignment',
      entityId: assignmentId,
      tenantComune: project.comune_istat,
      details: { projectId, userId: row.user_id },
    });
    return toAssignment((await selectAssignment(tx, projectId, assignmentId))!, todayOf(ctx));
  });
}

/** Users with the revisore role for the picker: name and organisation only. */
export async function findRevisori(
  ctx: Ctx,
  q: string,
): Promise<{ items: { id: string; name: string; organisation: string | null }[] }> {
  assertCan(ctx.actor, 'projects.revisori.assign');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({ items: await searchRevisori(tx, q) }));
}

/** The revisore's own assignments, with the project's title, CUP and Comune. */
export async function myAssignments(
  ctx: Ctx,
): Promise<{ items: (AssignmentOut & { projectTitle: string; cup: string | null; comune: string | null })[] }> {
  assertCan(ctx.actor, 'projects.claims.verify');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const today = todayOf(ctx);
    const rows = await selectUserAssignments(tx, ctx.actor!.userId);
    return {
      items: rows.map((r) => ({
        ...toAssignment(r, today),
        projectTitle: r.project_title,
        cup: r.cup,
        comune: r.comune,
      })),
    };
  });
}
