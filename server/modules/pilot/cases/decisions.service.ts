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
import type { AdmissionDecisionBody, CaseDetail, CaseTransitionBody } from './cases.schema.js';
import { getCase, readCaseFile } from './cases.service.js';
import { canTransition, caseMachine, caseStatusLabelsIt, exitReasonsAllowedFrom } from '../shared/machines.js';
import type { CaseStatus, ExitReason } from '../shared/vocab.js';

function refuse(from: CaseStatus, to: CaseStatus, why?: string): AppError {
  return new AppError('pilot.invalid_transition',
    `Passaggio non consentito da «${caseStatusLabelsIt[from]}» a «${caseStatusLabelsIt[to]}»${why ? `: ${why}` : ''}.`);
}

function assertNotBefore(on: string, earliest: string | null, what: string): void {
  if (earliest && on < earliest) {
    throw new AppError('request.invalid', `La data non può precedere ${what}`, {
      fieldIssues: [{ path: 'body.on', message: `La data non può precedere ${what} (${earliest})`, code: 'too_early' }],
    });
  }
}

async function setStatus(tx: Queryable, ctx: Ctx, c: CaseRow, to: CaseStatus, extra: { admittedOn?: string; closedOn?: string; exitReason?: ExitReason } = {}) {
  await tx.query(
    `UPDATE pilot_cases SET status = $2, admitted_on = coalesce($3, admitted_on), closed_on = $4, exit_reason = $5,
            version = version + 1, updated_at = $6 WHERE id = $1`,
    [c.id, to, extra.admittedOn ?? null, extra.closedOn ?? null, extra.exitReason ?? null, ctx.clock.now()],
  );
}

/** Admits one person (holder or family member) after checking eligibility; inside the caller's tx. */
async function admit(tx: Queryable, ctx: Ctx, c: CaseRow, personId: string, on: string, reason: string): Promise<void> {
  const file = await readCaseFile(tx, ctx, c);
  const m = file.members.find((x) => x.personId === personId);
  if (!m) throw new AppError('pilot.person.not_found');
  if (m.admission?.status === 'ammesso') throw new AppError('pilot.invalid_transition', 'La persona è già ammessa alle misure.');
  if (!m.eligibility.eligible) {
    throw new AppError('pilot.not_eligible', `${m.eligibility.explanation} (${m.eligibility.legalReference})`);
  }
  await tx.query(
    `INSERT INTO pilot_admissions (case_id, person_id, comune_istat, status, decided_on, decided_by, reason, eligibility_code, created_at)
     VALUES ($1, $2, $3, 'ammesso', $4, $5, $6, $7, $8)`,
    [c.id, personId, c.comune_istat, on, ctx.actor!.userId, reason, m.eligibility.code, ctx.clock.now()],
  );
  await recordCaseEvent(tx, ctx, { caseId: c.id, comune: c.comune_istat, personId, type: 'AMMISSIONE_MISURE', on, note: reason });
}

/** Closes the case: live admissions end (revoked under art. 7, or ceased), open PAIs close. */
async function close(tx: Queryable, ctx: Ctx, c: CaseRow, on: string, exitReason: ExitReason, reason: string): Promise<void> {
  const revoked = exitReason === 'revoca_art7';
  await tx.query(
    `UPDATE pilot_admissions SET status = $2, ended_on = $3, ended_by = $4, end_reason = $5
      WHERE case_id = $1 AND status = 'ammesso'`,
    [c.id, revoked ? 'revocato' : 'cessato', on, ctx.actor!.userId, reason],
  );
  await tx.query(
    `UPDATE pilot_pais SET status = 'chiuso', closed_on = $2, updated_at = $3 WHERE case_id = $1 AND status <> 'chiuso'`,
    [c.id, on, ctx.clock.now()],
  );
  await setStatus(tx, ctx, c, 'chiuso', { closedOn: on, exitReason });
  await recordCaseEvent(tx, ctx, {
    caseId: c.id, comune: c.comune_istat, type: revoked ? 'REVOCA_AMMISSIONE_MISURE' : 'USCITA_PROGRAMMA',
    from: c.status, to: 'chiuso', on, note: `${exitReason}: ${reason}`,
  });
}

/** Moves a case along its state machine; an invalid move is refused with a clear error. */
export async function transitionCase(ctx: Ctx, caseId: string, body: CaseTransitionBody): Promise<CaseDetail> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    if (!canTransition(caseMachine, c.status, body.to)) throw refuse(c.status, body.to);
    if (body.on > todayOf(ctx)) {
      throw new AppError('request.invalid', 'La data è nel futuro', { fieldIssues: [{ path: 'body.on', message: 'La data è nel futuro', code: 'future_date' }] });
    }
    assertNotBefore(body.on, c.opened_on, 'la presa in carico');
    if (body.to !== 'chiuso' && body.exitReason) throw refuse(c.status, body.to, 'il motivo di uscita vale solo per la chiusura');
    switch (body.to) {
      case 'ammesso_misure': {
        assertCan(ctx.actor, 'pilot.cases.decide');
        await admit(tx, ctx, c, c.holder_person_id, body.on, body.reason);
        await setStatus(tx, ctx, c, 'ammesso_misure', { admittedOn: body.on });
        break;
      }
      case 'pai_attivo':
        // from admission, a PAI's approval activates the case; by hand only when resuming
        if (c.status !== 'sospeso') throw refuse(c.status, body.to, 'il caso diventa attivo con l\'approvazione del PAI');
        await setStatus(tx, ctx, c, 'pai_attivo');
        break;
      case 'sospeso':
        await setStatus(tx, ctx, c, 'sospeso');
        break;
      case 'chiuso': {
        if (!body.exitReason) {
          throw new AppError('request.invalid', 'Indicare il motivo di uscita', {
            fieldIssues: [{ path: 'body.exitReason', message: 'Il motivo di uscita è obbligatorio per chiudere il caso', code: 'required' }],
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
        caseId, comune: c.comune_istat, type: 'CAMBIO_STATO', from: c.status, to: body.to, on: body.on,
        note: body.to === 'ammesso_misure' ? null : body.reason,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'pilot.case.transition', entityType: 'pilot_case', entityId: caseId, tenantComune: c.comune_istat,
      details: { from: c.status, to: body.to, exitReason: body.exitReason ?? null },
    });
  });
  return getCase(ctx, caseId, { afterChange: true });
}

/**
 * Admits a family member (the holder is admitted by the case transition), or revokes one
 * person's admission. Revoking the holder's admission closes the case under art. 7.
 */
export async function decideAdmission(ctx: Ctx, caseId: string, personId: string, body: AdmissionDecisionBody): Promise<CaseDetail> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.decide', { lock: true });
    assertCaseOpen(c);
    assertNotBefore(body.on, c.opened_on, 'la presa in carico');
    const [member] = await tx.query<{ role: string }>('SELECT role FROM pilot_case_members WHERE case_id = $1 AND person_id = $2', [caseId, personId]);
    if (!member) throw new AppError('pilot.person.not_found');
    if (body.decision === 'ammetti') {
      if (member.role === 'titolare') {
        throw new AppError('pilot.invalid_transition', 'Il titolare è ammesso con il passaggio del caso a «ammesso alle misure».');
      }
      await admit(tx, ctx, c, personId, body.on, body.reason);
    } else if (member.role === 'titolare') {
      if (!exitReasonsAllowedFrom(c.status).includes('revoca_art7')) throw refuse(c.status, 'chiuso', 'il titolare non è ammesso alle misure');
      await close(tx, ctx, c, body.on, 'revoca_art7', body.reason);
    } else {
      const rows = await tx.query(
        `UPDATE pilot_admissions SET status = 'revocato', ended_on = $3, ended_by = $4, end_reason = $5
          WHERE case_id = $1 AND person_id = $2 AND status = 'ammesso' RETURNING id`,
        [caseId, personId, body.on, ctx.actor!.userId, body.reason],
      );
      if (!rows.length) throw new AppError('pilot.invalid_transition', 'La persona non è ammessa alle misure: non c\'è nulla da revocare.');
      await tx.query(
        `UPDATE pilot_pais SET status = 'chiuso', closed_on = $2, updated_at = $3 WHERE person_id = $1 AND status <> 'chiuso'`,
        [personId, body.on, ctx.clock.now()],
      );
      await recordCaseEvent(tx, ctx, { caseId, comune: c.comune_istat, personId, type: 'REVOCA_AMMISSIONE_MISURE', on: body.on, note: body.reason });
    }
    await recordAudit(tx, ctx, {
      action: `pilot.admission.${body.decision === 'ammetti' ? 'grant' : 'revoke'}`, entityType: 'pilot_case', entityId: caseId,
      tenantComune: c.comune_istat, details: { person: personId },
    });
  });
  return getCase(ctx, caseId, { afterChange: true });
}
