/**
 * Outcomes of a case (domain.md §7.2): employment contracts, certificates obtained, the Assegno di
 * inclusione, housing autonomy, and the follow-ups at 6 and 12 months after exit.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { loadCase, recordCaseEvent, todayOf } from '../shared/access.js';
import { completeTask } from '../shared/tasks.repo.js';
import { followUpEarliest, formatDateIt } from '../shared/dates.js';
import { selectMemberRole } from './cases.repo.js';
import { toCaseOutcomes } from './cases.mapper.js';
import { invalid } from './checks.js';
import type { CaseOutcomes, CreateContractBody, CreateOutcomeBody } from './outcomes.schema.js';
import { insertContract, insertOutcome, selectContractsOfCase, selectOutcomesOfCase } from './outcomes.repo.js';

async function assertMember(tx: Queryable, caseId: string, personId: string): Promise<void> {
  if (!(await selectMemberRole(tx, caseId, personId))) {
    throw invalid([{ path: 'body.personId', message: 'La persona non fa parte di questo caso', code: 'not_member' }]);
  }
}

async function readOutcomes(tx: Queryable, caseId: string): Promise<CaseOutcomes> {
  const contracts = await selectContractsOfCase(tx, caseId);
  const outcomes = await selectOutcomesOfCase(tx, caseId);
  return toCaseOutcomes(contracts, outcomes);
}

/** The contracts and outcomes of a case's members (pseudonyms only). */
export async function listOutcomes(ctx: Ctx, caseId: string): Promise<CaseOutcomes> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    return readOutcomes(tx, caseId);
  });
}

/** Records an employment contract of a member (CONTRATTO_LAVORO_AVVIATO); answers the case's outcomes. */
export async function addContract(ctx: Ctx, caseId: string, body: CreateContractBody): Promise<CaseOutcomes> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    await assertMember(tx, caseId, body.personId);
    const issues: FieldIssue[] = [];
    if (body.endOn && body.endOn < body.startOn)
      issues.push({ path: 'body.endOn', message: "La fine precede l'inizio", code: 'invalid_date' });
    if (body.startOn < c.opened_on)
      issues.push({ path: 'body.startOn', message: 'Il contratto precede la presa in carico', code: 'too_early' });
    if (issues.length) throw invalid(issues);
    const id = await insertContract(tx, {
      personId: body.personId,
      caseId,
      comune: c.comune_istat,
      type: body.type,
      ateco: body.ateco,
      ccnl: body.ccnl ?? null,
      weeklyHours: body.weeklyHours ?? null,
      startOn: body.startOn,
      endOn: body.endOn ?? null,
      now: ctx.clock.now(),
    });
    await recordCaseEvent(tx, ctx, {
      caseId,
      comune: c.comune_istat,
      personId: body.personId,
      type: 'CONTRATTO_LAVORO_AVVIATO',
      on: body.startOn,
      note: body.type,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.contract.create',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { contract: id, person: body.personId },
    });
    return readOutcomes(tx, caseId);
  });
}

/**
 * Records an outcome, not before the case opened nor in the future; a follow-up needs the case to be
 * closed, is dated no earlier than a month before it is due (6 or 12 months after the exit) and says
 * whether the person works.
 */
export async function addOutcome(ctx: Ctx, caseId: string, body: CreateOutcomeBody): Promise<CaseOutcomes> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    await assertMember(tx, caseId, body.personId);
    const followUp = body.kind === 'follow_up_6' || body.kind === 'follow_up_12';
    if (followUp && c.status !== 'chiuso')
      throw new AppError('pilot.invalid_transition', "Il follow-up si registra dopo l'uscita dal programma.");
    const issues: FieldIssue[] = [];
    if (followUp && body.employed === undefined)
      issues.push({ path: 'body.employed', message: 'Indicare se la persona lavora', code: 'required' });
    if (body.occurredOn > todayOf(ctx))
      issues.push({ path: 'body.occurredOn', message: 'La data è nel futuro', code: 'future_date' });
    if (body.occurredOn < c.opened_on)
      issues.push({ path: 'body.occurredOn', message: 'La data precede la presa in carico', code: 'too_early' });
    else if (followUp && c.closed_on) {
      // a follow-up looks at the person after the exit: not before it, and near its due date
      const months = body.kind === 'follow_up_6' ? 6 : 12;
      const earliest = followUpEarliest(c.closed_on, months);
      if (body.occurredOn < earliest)
        issues.push({
          path: 'body.occurredOn',
          message: `Il follow-up a ${months} mesi dall'uscita (${formatDateIt(c.closed_on)}) si registra dal ${formatDateIt(earliest)}`,
          code: 'too_early',
        });
    }
    if (issues.length) throw invalid(issues);
    const id = await insertOutcome(tx, {
      personId: body.personId,
      caseId,
      comune: c.comune_istat,
      kind: body.kind,
      occurredOn: body.occurredOn,
      employed: body.employed ?? null,
      detail: body.detail ?? null,
      now: ctx.clock.now(),
    });
    // the work-list task for this follow-up is done
    if (followUp)
      await completeTask(tx, `follow-up:${caseId}:${body.kind === 'follow_up_6' ? 6 : 12}`, ctx.clock.now());
    await recordCaseEvent(tx, ctx, {
      caseId,
      comune: c.comune_istat,
      personId: body.personId,
      type: followUp ? 'FOLLOW_UP' : `ESITO_${body.kind.toUpperCase()}`,
      on: body.occurredOn,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.outcome.create',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { outcome: id, kind: body.kind, person: body.personId },
    });
    return readOutcomes(tx, caseId);
  });
}
