/**
 * The register of critical issues (criticità) of the pilot Comuni and their corrective actions.
 * A Comune's staff raise and follow their own Comune's issues; ANCI/Cittalia (assistenza tecnica)
 * raise and follow them for every pilot Comune; MLPS reads them. Row-level security limits Comune
 * staff to their Comune and lets the national scope see all. Issues carry no personal data, and
 * their audit rows name the changed fields only.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { todayOf } from '../shared/access.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import { toIssue } from './work.mapper.js';
import { insertIssue, selectIssue, selectIssuePage, updateIssue } from './work.repo.js';
import { issueChanges, levelOf } from './work.rules.js';
import type { CreateIssueBody, Issue, IssueQuery, UpdateIssueBody } from './work.schema.js';

/** The issues the actor may see: their Comune's, or every pilot Comune's for the national roles. */
export async function findIssues(ctx: Ctx, q: IssueQuery): Promise<Page<Issue>> {
  assertCan(ctx.actor, 'pilot.issues.read');
  const today = todayOf(ctx);
  const { rows, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectIssuePage(tx, q));
  return { items: rows.map((r) => toIssue(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Raises an issue for a pilot Comune. Comune staff may raise it only for their own Comune (403);
 * a Comune outside the pilot is a 400 on `comuneIstat`.
 */
export async function createIssue(ctx: Ctx, body: CreateIssueBody): Promise<Issue> {
  assertCan(ctx.actor, 'pilot.issues.manage');
  const actor = ctx.actor;
  const level = levelOf(actor);
  if (level === 'comune' && actor.scope.comuneIstat !== body.comuneIstat) {
    throw new AppError('forbidden', 'Comune staff raise issues for their own Comune only.');
  }
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await isPilotComune(tx, body.comuneIstat))) {
      const message = 'Not a Comune of the 18-ter pilot';
      throw new AppError('pilot.invalid', message, {
        fieldIssues: [{ path: 'body.comuneIstat', message, code: 'not_pilot' }],
      });
    }
    const id = await insertIssue(tx, {
      comuneIstat: body.comuneIstat,
      raisedBy: actor.userId,
      raisedByLevel: level,
      category: body.category,
      title: body.title,
      description: body.description,
      correctiveAction: body.correctiveAction,
      owner: body.owner,
      dueOn: body.dueOn,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.issue.create',
      entityType: 'pilot_issue',
      entityId: id,
      tenantComune: body.comuneIstat,
      details: { comune: body.comuneIstat, category: body.category, level },
    });
    return toIssue((await selectIssue(tx, id))!, today);
  });
}

/**
 * Changes an issue's status, corrective action, owner, due date or resolution. Moving it to
 * 'risolta' or 'chiusa' needs a resolution (given now or recorded before).
 */
export async function changeIssue(ctx: Ctx, issueId: string, body: UpdateIssueBody): Promise<Issue> {
  if (!ctx.actor) throw new AppError('auth.required');
  const actor = ctx.actor;
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await selectIssue(tx, issueId, { lock: true });
    if (!row) throw new AppError('pilot.issue.not_found');
    assertCan(actor, 'pilot.issues.manage');
    levelOf(actor);
    const issue = toIssue(row, today);
    const changes = issueChanges(issue, body);
    const fields = Object.keys(changes);
    if (!fields.length) return issue;
    await updateIssue(tx, issueId, changes, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'pilot.issue.update',
      entityType: 'pilot_issue',
      entityId: issueId,
      tenantComune: issue.comuneIstat,
      details: { fields, ...(changes.status ? { status: changes.status } : {}) },
    });
    return toIssue((await selectIssue(tx, issueId))!, today);
  });
}
