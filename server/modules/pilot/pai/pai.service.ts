/**
 * The PAI (Programma di Assistenza Individuale, domain.md §7.3): drafted with the beneficiary,
 * shared (co-signed), approved by the referente comunale, in progress ⇄ under revision, closed.
 * Each revision freezes the PAI and its measures as they stood, so earlier versions stay readable.
 * Reading a PAI is reading a case file: every read is audited. The rules are in pai.rules.ts.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, type Permission } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, loadCase, recordCaseEvent, todayOf, type CaseRow } from '../shared/access.js';
import { moveCaseStatus } from '../shared/access.repo.js';
import { refreshCaseTasks } from '../shared/tasks.js';
import { selectOpenMeasures, settleOpenMeasures } from '../shared/pais.repo.js';
import { settlementOf } from '../shared/settlement.js';
import { assertWithinBudget } from './budget.service.js';
import { toPaiDetail, toPaiSnapshot, toPaiVersion } from './pai.mapper.js';
import {
  existsLivePaiOf,
  insertPai,
  insertVersion,
  isAdmittedMember,
  selectMeasures,
  selectPai,
  selectPerson,
  selectUserName,
  selectVersion,
  selectVersions,
  updatePaiContent,
  updatePaiStatus,
  type PaiRow,
} from './pai.repo.js';
import {
  allowedPaiTransitions,
  assertPaiEditable,
  assertPaiStep,
  isPaiDecision,
  planPaiTransition,
} from './pai.rules.js';
import type {
  CreatePaiBody,
  PaiDetail,
  PaiSnapshot,
  PaiTransitionBody,
  PaiVersion,
  UpdatePaiBody,
} from './pai.schema.js';

/**
 * Loads a PAI with its case under the case's visibility rules: 404 for a PAI of another Comune
 * or of a case not assigned to the operatore, then 403 without `permission`. With `lock` the case
 * and then the PAI row are locked, in that order everywhere.
 */
export async function loadPai(
  tx: Queryable,
  ctx: Ctx,
  paiId: string,
  permission: Permission,
  opts: { lock?: boolean } = {},
): Promise<{ pai: PaiRow; kase: CaseRow }> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const found = await selectPai(tx, paiId);
  if (!found) throw new AppError('pilot.pai.not_found');
  let kase: CaseRow;
  try {
    kase = await loadCase(tx, ctx, found.case_id, permission, { lock: opts.lock ?? false });
  } catch (err) {
    if (err instanceof AppError && err.code === 'pilot.case.not_found') throw new AppError('pilot.pai.not_found');
    throw err;
  }
  const pai = opts.lock ? (await selectPai(tx, paiId, { lock: true }))! : found;
  return { pai, kase };
}

/** The PAI's content as it stands: what the detail shows and what a revision freezes. */
async function readContent(tx: Queryable, pai: PaiRow): Promise<PaiSnapshot> {
  return toPaiSnapshot(pai, await selectMeasures(tx, pai.id), await selectUserName(tx, pai.approved_by));
}

/** The detail of a PAI, inside the caller's transaction (no audit: the caller decides). */
export async function readPaiDetail(tx: Queryable, ctx: Ctx, paiId: string, kase: CaseRow): Promise<PaiDetail> {
  const pai = (await selectPai(tx, paiId))!;
  const person = await selectPerson(tx, pai.person_id);
  const content = await readContent(tx, pai);
  return toPaiDetail(
    pai,
    person?.pseudonym,
    content,
    await selectVersions(tx, pai.id),
    allowedPaiTransitions(ctx.actor, pai.status, kase.status),
  );
}

/**
 * Drafts the PAI of a member of the case. The person must belong to the household and hold a live
 * admission to the measures (409 `pilot.not_eligible`); one live PAI per person (409 `pilot.pai_exists`).
 */
export async function createPai(ctx: Ctx, caseId: string, body: CreatePaiBody): Promise<PaiDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const kase = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(kase);
    if (!(await isAdmittedMember(tx, caseId, body.personId))) {
      throw new AppError(
        'pilot.not_eligible',
        'Il PAI si redige per un componente del caso ammesso alle misure di assistenza.',
      );
    }
    if (await existsLivePaiOf(tx, body.personId)) {
      throw new AppError('pilot.pai_exists', 'Questa persona ha già un PAI non chiuso.');
    }
    const id = await insertPai(tx, {
      caseId,
      personId: body.personId,
      comune: kase.comune_istat,
      needs: body.needs,
      objectives: body.objectives,
      now: ctx.clock.now(),
    });
    await recordCaseEvent(tx, ctx, {
      caseId,
      comune: kase.comune_istat,
      personId: body.personId,
      type: 'PAI_CREATO',
      on: todayOf(ctx),
      note: 'PAI v1: bozza',
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.create',
      entityType: 'pilot_pai',
      entityId: id,
      tenantComune: kase.comune_istat,
      details: { caseId, personId: body.personId },
    });
    return readPaiDetail(tx, ctx, id, kase);
  });
}

/** One PAI with its measures, totals and versions; the read is audited. */
export async function getPai(ctx: Ctx, paiId: string): Promise<PaiDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.read');
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.read',
      entityType: 'pilot_pai',
      entityId: pai.id,
      tenantComune: kase.comune_istat,
    });
    return readPaiDetail(tx, ctx, pai.id, kase);
  });
}

/** An earlier version of a PAI as it was frozen when its revision started; the read is audited. */
export async function getPaiVersion(ctx: Ctx, paiId: string, version: number): Promise<PaiVersion> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.read');
    const frozen = await selectVersion(tx, pai.id, version);
    if (!frozen) throw new AppError('pilot.pai.not_found', `Il PAI non ha una versione ${version} archiviata.`);
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.read',
      entityType: 'pilot_pai',
      entityId: pai.id,
      tenantComune: kase.comune_istat,
      details: { version },
    });
    const person = await selectPerson(tx, pai.person_id);
    return toPaiVersion(pai, person?.pseudonym, version, frozen);
  });
}

/**
 * Edits needs and objectives, only while the PAI is a draft or under revision (409
 * `pilot.pai_locked` otherwise). Concurrency: `expectedVersion` must be the PAI's current version,
 * so an edit prepared on a version that has since been frozen by a revision is refused (409
 * `pilot.stale`); within one version the row lock (FOR UPDATE) serialises concurrent edits and
 * the last one wins.
 */
export async function updatePai(ctx: Ctx, paiId: string, body: UpdatePaiBody): Promise<PaiDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(kase);
    assertPaiEditable(pai.status, pai.version, body.expectedVersion);
    await updatePaiContent(tx, pai.id, { needs: body.needs, objectives: body.objectives, now: ctx.clock.now() });
    const fields = (['needs', 'objectives'] as const).filter((f) => body[f] !== undefined);
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.update',
      entityType: 'pilot_pai',
      entityId: pai.id,
      tenantComune: kase.comune_istat,
      details: { fields: [...fields] },
    });
    return readPaiDetail(tx, ctx, pai.id, kase);
  });
}

/**
 * Moves a PAI along paiMachine (the step planned by planPaiTransition). Approving, and resuming
 * after a revision, are decisions of the referente and run the budget guard; starting a revision
 * freezes the current version; an approval moves the case to 'pai_attivo'; closing settles the
 * measures (planned ones cancelled, started ones interrupted: shared/settlement.ts).
 */
export async function transitionPai(ctx: Ctx, paiId: string, body: PaiTransitionBody): Promise<PaiDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.write', { lock: true });
    const { to, on } = body;
    const from = pai.status;
    if (isPaiDecision(from, to)) assertCan(ctx.actor, 'pilot.cases.decide');
    assertPaiStep(from, to);
    if (to !== 'chiuso') assertCaseOpen(kase);
    const { patch, decision, freeze, caseMove } = planPaiTransition(
      { pai, kase, actorUserId: ctx.actor!.userId, today: todayOf(ctx) },
      body,
    );

    const now = ctx.clock.now();
    if (decision) await assertWithinBudget(tx, pai.comune_istat, pai.id);
    if (to === 'chiuso') {
      // closing settles the measures: planned ones cancelled (released), started ones interrupted
      const settlement = settlementOf(await selectOpenMeasures(tx, { paiId: pai.id }));
      if (settlement.cancelled.length + settlement.interrupted.length > 0) {
        await settleOpenMeasures(tx, { paiId: pai.id }, on, now);
        await recordAudit(tx, ctx, {
          action: 'pilot.measures.settle',
          entityType: 'pilot_pai',
          entityId: pai.id,
          tenantComune: kase.comune_istat,
          details: {
            cancelled: settlement.cancelled.map((m) => m.measureId),
            interrupted: settlement.interrupted.map((m) => m.measureId),
            released: settlement.released,
          },
        });
      }
    }
    if (freeze)
      await insertVersion(tx, {
        paiId: pai.id,
        version: pai.version,
        comune: pai.comune_istat,
        snapshot: await readContent(tx, pai),
        now,
      });
    await updatePaiStatus(tx, pai.id, to, patch, now);
    if (caseMove) await moveCaseStatus(tx, kase.id, caseMove.to, now);

    // the case's history: from/to name the case's own statuses, set when the step moved the case
    await recordCaseEvent(tx, ctx, {
      caseId: kase.id,
      comune: kase.comune_istat,
      personId: pai.person_id,
      type: `PAI_${to.toUpperCase()}`,
      from: caseMove?.from ?? null,
      to: caseMove?.to ?? null,
      on,
      note: `PAI v${pai.version}: ${from} → ${to}`,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.transition',
      entityType: 'pilot_pai',
      entityId: pai.id,
      tenantComune: kase.comune_istat,
      details: { from, to, version: patch.version ?? pai.version, ...(caseMove ? { caseStatus: caseMove.to } : {}) },
    });
    await refreshCaseTasks(tx, ctx, kase.id);
    return readPaiDetail(tx, ctx, pai.id, caseMove ? { ...kase, status: caseMove.to } : kase);
  });
}
