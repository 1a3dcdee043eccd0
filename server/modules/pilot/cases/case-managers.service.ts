/**
 * Case managers (responsabile del caso): who holds each case of the Comune. A case gets its
 * manager when it is opened (the operatore who opens it, or whom the referente names; on import,
 * whom the import names) and the referente reassigns it, audited and recorded in the case's
 * history. Only active operatori and referenti of the Comune may hold a case.
 */
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, comuneOf, loadCase, recordCaseEvent, seesAllCases, todayOf } from '../shared/access.js';
import { reassignOpenTasks } from '../shared/tasks.repo.js';
import type { CaseDetail, CaseManagerList, ReassignCaseBody } from './cases.schema.js';
import { readCaseAfterChange } from './case-file.js';
import { selectCaseManagerCandidate, selectCaseManagers, updateCaseOwner } from './case-managers.repo.js';
import { caseManagerIssue } from './case-managers.rules.js';
import { invalid } from './checks.js';

/**
 * Why `userId` may not hold a case of `comune` (a field issue on `path`), or null when they may:
 * an active account of the Comune (or of one of its bodies) with the operatore or referente role.
 * For every path that names a case manager: the case form, the import, the reassignment.
 */
export async function checkCaseManager(
  tx: Queryable,
  comune: string,
  userId: string,
  path: string,
): Promise<FieldIssue | null> {
  return caseManagerIssue(await selectCaseManagerCandidate(tx, userId), comune, path);
}

/**
 * The case manager of a case being opened by `actor`: themselves when none is named; someone
 * else only when the actor is the referente (403 otherwise) and that person may hold the case
 * (a field issue on `path` otherwise, pushed to `issues`).
 */
export async function resolveCaseManager(
  tx: Queryable,
  actor: Actor,
  comune: string,
  requested: string | undefined,
  path: string,
  issues: FieldIssue[],
): Promise<string> {
  if (!requested || requested === actor.userId) return actor.userId;
  if (!seesAllCases(actor))
    throw new AppError('forbidden', 'Only the referente comunale assigns a case to someone else.');
  const issue = await checkCaseManager(tx, comune, requested, path);
  if (issue) issues.push(issue);
  return requested;
}

/** The Comune's operatori and referenti who may hold cases, with how many each holds. */
export async function listCaseManagers(ctx: Ctx): Promise<CaseManagerList> {
  assertCan(ctx.actor, 'pilot.cases.decide');
  const comune = comuneOf(ctx.actor);
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectCaseManagers(tx, comune));
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      roles: r.roles,
      openCases: r.open_cases,
      closedCases: r.closed_cases,
    })),
  };
}

/**
 * The referente gives an open case to another case manager: the case row, its open tasks of the
 * former manager, an event in the case's history and an audit row, in one transaction.
 */
export async function reassignCase(ctx: Ctx, caseId: string, body: ReassignCaseBody): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.decide', { lock: true });
    assertCaseOpen(c);
    if (body.version !== undefined && body.version !== c.version)
      throw new AppError('pilot.stale', 'The case changed meanwhile: reload it and try again.');
    const path = 'body.ownerUserId';
    if (body.ownerUserId === c.owner_user_id)
      throw invalid([{ path, message: 'La persona scelta è già responsabile del caso', code: 'case_manager_same' }]);
    const candidate = await selectCaseManagerCandidate(tx, body.ownerUserId);
    const issue = caseManagerIssue(candidate, c.comune_istat, path);
    if (issue) throw invalid([issue]);
    const former = await selectCaseManagerCandidate(tx, c.owner_user_id);
    const now = ctx.clock.now();
    await updateCaseOwner(tx, caseId, body.ownerUserId, now);
    const tasks = await reassignOpenTasks(tx, caseId, c.owner_user_id, body.ownerUserId);
    await recordCaseEvent(tx, ctx, {
      caseId,
      comune: c.comune_istat,
      type: 'RESPONSABILE_CAMBIATO',
      on: todayOf(ctx),
      note: `${former?.displayName ?? '—'} → ${candidate!.displayName}`,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.case.reassign',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { from: c.owner_user_id, to: body.ownerUserId, tasks },
    });
    return readCaseAfterChange(tx, ctx, caseId);
  });
}
