/**
 * Decisions on a case (domain.md §7.3): admission to the art. 6 measures and its revocation
 * (art. 7), suspension, resumption and closure with a reason. Admission and revocation are the
 * referente comunale's; every transition is checked against the case machine and audited.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, loadCase, recordCaseEvent, todayOf, type CaseRow } from '../shared/access.js';
import { refreshCaseTasks } from '../shared/tasks.js';
import {
  closePaisOfCase,
  closePaisOfPerson,
  selectOpenMeasures,
  settleOpenMeasures,
  type PaisClosing,
} from '../shared/pais.repo.js';
import { settlementOf, type Settlement } from '../shared/settlement.js';
import type { AdmissionDecisionBody, CaseDetail, CaseTransitionBody, ClosurePreview } from './cases.schema.js';
import { readCaseAfterChange, readCaseFile } from './case-file.js';
import { selectMemberRole } from './cases.repo.js';
import { endAdmissionsOfCase, insertAdmission, revokeAdmissionOf, updateCaseStatus } from './decisions.repo.js';
import { labelOf } from '../shared/labels.js';
import { canTransition, caseMachine, exitReasonsAllowedFrom } from '../shared/machines.js';
import type { CaseStatus, ExitReason } from '../shared/vocab.js';

function refuse(from: CaseStatus, to: CaseStatus, why?: string): AppError {
  return new AppError(
    'pilot.invalid_transition',
    `Passaggio non consentito da «${labelOf('it', 'caseStatus', from)}» a «${labelOf('it', 'caseStatus', to)}»${why ? `: ${why}` : ''}.`,
  );
}

function assertNotBefore(on: string, earliest: string | null, what: string): void {
  if (earliest && on < earliest) {
    throw new AppError('request.invalid', `La data non può precedere ${what}`, {
      fieldIssues: [{ path: 'body.on', message: `La data non può precedere ${what} (${earliest})`, code: 'too_early' }],
    });
  }
}

async function setStatus(
  tx: Queryable,
  ctx: Ctx,
  c: CaseRow,
  to: CaseStatus,
  extra: { admittedOn?: string; closedOn?: string; exitReason?: ExitReason } = {},
) {
  await updateCaseStatus(tx, c.id, to, {
    admittedOn: extra.admittedOn ?? null,
    closedOn: extra.closedOn ?? null,
    exitReason: extra.exitReason ?? null,
    now: ctx.clock.now(),
  });
}

/** Admits one person (holder or family member) after checking eligibility; inside the caller's tx. */
async function admit(tx: Queryable, ctx: Ctx, c: CaseRow, personId: string, on: string, reason: string): Promise<void> {
  const file = await readCaseFile(tx, ctx, c);
  const m = file.members.find((x) => x.personId === personId);
  if (!m) throw new AppError('pilot.person.not_found');
  if (m.admission?.status === 'ammesso')
    throw new AppError('pilot.invalid_transition', 'La persona è già ammessa alle misure.');
  if (!m.eligibility.eligible) {
    throw new AppError('pilot.not_eligible', `${m.eligibility.explanation.it} (${m.eligibility.legalReference.it})`);
  }
  await insertAdmission(tx, {
    caseId: c.id,
    personId,
    comune: c.comune_istat,
    on,
    by: ctx.actor!.userId,
    reason,
    eligibilityCode: m.eligibility.code,
    now: ctx.clock.now(),
  });
  await recordCaseEvent(tx, ctx, {
    caseId: c.id,
    comune: c.comune_istat,
    personId,
    type: 'AMMISSIONE_MISURE',
    on,
    note: reason,
  });
}

/**
 * Settles the measures of the PAIs about to close (planned → cancelled, started → interrupted:
 * shared/settlement.ts), with an audit row naming the measures and the amount released.
 */
async function settle(tx: Queryable, ctx: Ctx, c: CaseRow, which: PaisClosing, on: string): Promise<Settlement> {
  const settlement = settlementOf(await selectOpenMeasures(tx, which));
  if (settlement.cancelled.length + settlement.interrupted.length === 0) return settlement;
  await settleOpenMeasures(tx, which, on, ctx.clock.now());
  await recordAudit(tx, ctx, {
    action: 'pilot.measures.settle',
    entityType: 'pilot_case',
    entityId: c.id,
    tenantComune: c.comune_istat,
    details: {
      cancelled: settlement.cancelled.map((m) => m.measureId),
      interrupted: settlement.interrupted.map((m) => m.measureId),
      released: settlement.released,
    },
  });
  return settlement;
}

/**
 * What closing the case would do to its PAIs' measures, without doing it: the measures cancelled
 * and the amount released, the started measures interrupted (and how many lack an actual cost).
 */
export async function previewClosure(ctx: Ctx, caseId: string): Promise<ClosurePreview> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write');
    assertCaseOpen(c);
    const rows = await selectOpenMeasures(tx, { caseId });
    return { ...settlementOf(rows), paisClosing: new Set(rows.map((r) => r.pai_id)).size };
  });
}

/** Closes the case: live admissions end (revoked under art. 7, or ceased), open PAIs settle and close. */
async function close(
  tx: Queryable,
  ctx: Ctx,
  c: CaseRow,
  on: string,
  exitReason: ExitReason,
  reason: string,
): Promise<void> {
  const revoked = exitReason === 'revoca_art7';
  await endAdmissionsOfCase(tx, c.id, { status: revoked ? 'revocato' : 'cessato', on, by: ctx.actor!.userId, reason });
  await settle(tx, ctx, c, { caseId: c.id }, on);
  await closePaisOfCase(tx, c.id, on, ctx.clock.now());
  await setStatus(tx, ctx, c, 'chiuso', { closedOn: on, exitReason });
  await recordCaseEvent(tx, ctx, {
    caseId: c.id,
    comune: c.comune_istat,
    type: revoked ? 'REVOCA_AMMISSIONE_MISURE' : 'USCITA_PROGRAMMA',
    from: c.status,
    to: 'chiuso',
    on,
    note: `${exitReason}: ${reason}`,
  });
}

/** Moves a case along its state machine; an invalid move is refused with a clear error. */
export async function transitionCase(ctx: Ctx, caseId: string, body: CaseTransitionBody): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    if (!canTransition(caseMachine, c.status, body.to)) throw refuse(c.status, body.to);
    if (body.on > todayOf(ctx)) {
      throw new AppError('request.invalid', 'La data è nel futuro', {
        fieldIssues: [{ path: 'body.on', message: 'La data è nel futuro', code: 'future_date' }],
      });
    }
    assertNotBefore(body.on, c.opened_on, 'la presa in carico');
    if (body.to !== 'chiuso' && body.exitReason)
      throw refuse(c.status, body.to, 'il motivo di uscita vale solo per la chiusura');
    switch (body.to) {
      case 'ammesso_misure': {
        assertCan(ctx.actor, 'pilot.cases.decide');
        await admit(tx, ctx, c, c.holder_person_id, body.on, body.reason);
        await setStatus(tx, ctx, c, 'ammesso_misure', { admittedOn: body.on });
        break;
      }
      case 'pai_attivo':
        // from admission, a PAI's approval activates the case; by hand only when resuming
        if (c.status !== 'sospeso')
          throw refuse(c.status, body.to, "il caso diventa attivo con l'approvazione del PAI");
        await setStatus(tx, ctx, c, 'pai_attivo');
        break;
      case 'sospeso':
        await setStatus(tx, ctx, c, 'sospeso');
        break;
      case 'chiuso': {
        if (!body.exitReason) {
          throw new AppError('request.invalid', 'Indicare il motivo di uscita', {
            fieldIssues: [
              {
                path: 'body.exitReason',
                message: 'Il motivo di uscita è obbligatorio per chiudere il caso',
                code: 'required',
              },
            ],
          });
        }
        if (!exitReasonsAllowedFrom(c.status).includes(body.exitReason)) {
          throw refuse(c.status, body.to, 'la revoca (art. 7) riguarda solo persone ammesse alle misure');
        }
        if (body.exitReason === 'revoca_art7') assertCan(ctx.actor, 'pilot.cases.decide');
        await close(tx, ctx, c, body.on, body.exitReason, body.reason);
        break;
      }
      default:
        throw refuse(c.status, body.to);
    }
    // closing writes its own event; the admission's reason is on its AMMISSIONE_MISURE event
    if (body.to !== 'chiuso') {
      await recordCaseEvent(tx, ctx, {
        caseId,
        comune: c.comune_istat,
        type: 'CAMBIO_STATO',
        from: c.status,
        to: body.to,
        on: body.on,
        note: body.to === 'ammesso_misure' ? null : body.reason,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'pilot.case.transition',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { from: c.status, to: body.to, exitReason: body.exitReason ?? null },
    });
    await refreshCaseTasks(tx, ctx, caseId);
    return readCaseAfterChange(tx, ctx, caseId);
  });
}

/**
 * Admits a family member (the holder is admitted by the case transition), or revokes one
 * person's admission. Revoking the holder's admission closes the case under art. 7.
 */
export async function decideAdmission(
  ctx: Ctx,
  caseId: string,
  personId: string,
  body: AdmissionDecisionBody,
): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.decide', { lock: true });
    assertCaseOpen(c);
    assertNotBefore(body.on, c.opened_on, 'la presa in carico');
    const role = await selectMemberRole(tx, caseId, personId);
    if (!role) throw new AppError('pilot.person.not_found');
    if (body.decision === 'ammetti') {
      if (role === 'titolare') {
        throw new AppError(
          'pilot.invalid_transition',
          'Il titolare è ammesso con il passaggio del caso a «ammesso alle misure».',
        );
      }
      await admit(tx, ctx, c, personId, body.on, body.reason);
    } else if (role === 'titolare') {
      if (!exitReasonsAllowedFrom(c.status).includes('revoca_art7'))
        throw refuse(c.status, 'chiuso', 'il titolare non è ammesso alle misure');
      await close(tx, ctx, c, body.on, 'revoca_art7', body.reason);
    } else {
      const revoked = await revokeAdmissionOf(tx, caseId, personId, {
        on: body.on,
        by: ctx.actor!.userId,
        reason: body.reason,
      });
      if (!revoked)
        throw new AppError(
          'pilot.invalid_transition',
          "La persona non è ammessa alle misure: non c'è nulla da revocare.",
        );
      await settle(tx, ctx, c, { personId }, body.on);
      await closePaisOfPerson(tx, personId, body.on, ctx.clock.now());
      await recordCaseEvent(tx, ctx, {
        caseId,
        comune: c.comune_istat,
        personId,
        type: 'REVOCA_AMMISSIONE_MISURE',
        on: body.on,
        note: body.reason,
      });
    }
    await recordAudit(tx, ctx, {
      action: `pilot.admission.${body.decision === 'ammetti' ? 'grant' : 'revoke'}`,
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { person: personId },
    });
    await refreshCaseTasks(tx, ctx, caseId);
    return readCaseAfterChange(tx, ctx, caseId);
  });
}
