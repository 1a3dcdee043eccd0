/**
 * The Comune's side of a claim's versions (decision 0051): choosing a draft's expenses, sending it
 * (the freeze) and starting a new version of a claim awaiting integrations. Each change is one
 * transaction with its event and audit row, under the project's row lock.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertOwner, assertVersion } from '../shared/access.js';
import { selectProjectRow } from '../shared/project.repo.js';
import {
  freezeClaimExpenses,
  insertClaim,
  replaceClaimExpenses,
  selectCandidateExpenses,
  selectClaim,
  selectClaimExpenses,
  setExpenseStatus,
  updateClaimStatus,
  updateClaimSubmitted,
  updateClaimTouched,
  type ClaimRow,
} from './claims.repo.js';
import type { ClaimDetail, SetClaimExpensesBody, SubmitClaimBody } from './claims.schema.js';
import {
  liveTotals,
  loadClaim,
  readClaimDetail,
  recordClaimChange,
  rulesOf,
  type LoadedClaim,
} from './claims.service.js';

/** Loads a draft for its Comune's staff: 409 `projects.state` once sent, 409 `projects.stale` on a stale version. */
async function loadDraft(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  claimId: string,
  rowVersion: number | undefined,
): Promise<LoadedClaim> {
  const lc = await loadClaim(tx, ctx, projectId, claimId, 'projects.claims.write', { lock: true });
  assertOwner(ctx.actor!, lc.loaded.project);
  // the project's row lock serialises the Comune's changes of its claims, so that two drafts never
  // take the same expense at the same moment (each statement after it sees the other's commit)
  await selectProjectRow(tx, projectId, true);
  if (lc.claim.status !== 'BOZZA')
    throw new AppError('projects.state', 'A sent claim cannot change: a correction is a new version.', {
      context: { status: lc.claim.status },
    });
  assertVersion(lc.claim.row_version, rowVersion);
  return lc;
}

/**
 * The expenses of `ids` as a claim may take them: each of the project, VALIDATA (or IN_DOMANDA in
 * the claim this one supersedes), dated within the period, in no other claim that is not
 * superseded; else 409 `projects.claims.expense` listing each refused one and why.
 */
async function checkExpenses(tx: Queryable, claim: ClaimRow, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = await selectCandidateExpenses(tx, claim.project_id, claim.id, unique);
  const problems: { expenseId: string; reason: string }[] = [];
  for (const id of unique) {
    const e = found.find((x) => x.id === id);
    const others = e?.other_claims.filter((c) => c !== claim.supersedes_id) ?? [];
    const inSuperseded = !!claim.supersedes_id && !!e?.other_claims.includes(claim.supersedes_id);
    if (!e) problems.push({ expenseId: id, reason: 'not_found' });
    else if (!(e.status === 'VALIDATA' || (e.status === 'IN_DOMANDA' && inSuperseded)))
      problems.push({ expenseId: id, reason: `status:${e.status}` });
    else if (e.doc_date < claim.period_start || e.doc_date > claim.period_end)
      problems.push({ expenseId: id, reason: 'period' });
    else if (others.length > 0) problems.push({ expenseId: id, reason: 'other_claim' });
  }
  if (problems.length > 0)
    throw new AppError(
      'projects.claims.expense',
      'Some expenses cannot enter the claim: each must be validated, dated within the period and in no other claim.',
      { context: { expenses: problems } },
    );
  return found;
}

/** Sets the expenses of a draft (BOZZA only). */
export async function setClaimExpenses(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  body: SetClaimExpensesBody,
): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadDraft(tx, ctx, projectId, claimId, body.rowVersion);
    const found = await checkExpenses(tx, lc.claim, body.expenseIds);
    await replaceClaimExpenses(
      tx,
      { id: claimId, projectId, comune: lc.claim.comune_istat },
      found.map((e) => ({ id: e.id, chargedCents: e.charged_cents })),
    );
    await updateClaimTouched(tx, claimId, ctx.clock.now());
    await recordClaimChange(tx, ctx, lc.claim, {
      action: 'projects.claim.expenses',
      from: 'BOZZA',
      to: 'BOZZA',
      note: null,
      details: { expenses: found.length },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}

/**
 * Sends a draft (BOZZA → INVIATA): the expenses are checked again, their figures frozen with the
 * totals and the requested amount; they become IN_DOMANDA; the version it supersedes, if any,
 * becomes SOSTITUITA and the expenses dropped from it return to VALIDATA.
 */
export async function submitClaim(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  body: SubmitClaimBody,
): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadDraft(tx, ctx, projectId, claimId, body.rowVersion);
    const { claim } = lc;
    const now = ctx.clock.now();
    const current = await selectClaimExpenses(tx, projectId, claimId);
    if (current.length === 0) throw new AppError('projects.claims.empty', 'A claim is sent with at least one expense.');
    const found = await checkExpenses(
      tx,
      claim,
      current.map((e) => e.expense_id),
    );
    let old: ClaimRow | undefined;
    if (claim.supersedes_id) {
      old = await selectClaim(tx, projectId, claim.supersedes_id, true);
      if (!old || !['RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI'].includes(old.status) || old.verbale_issued_at)
        throw new AppError('projects.state', 'The claim this version corrects is no longer awaiting integrations.', {
          context: { status: old?.status ?? 'unknown' },
        });
    }
    const rules = await rulesOf(tx, lc.loaded.project.call_version_id);
    const totals = await liveTotals(
      tx,
      rules,
      claim,
      found.map((e) => e.snapshot),
    );
    await freezeClaimExpenses(tx, projectId, claimId);
    const ids = found.map((e) => e.id);
    await setExpenseStatus(tx, ids, ['VALIDATA'], 'IN_DOMANDA', now);
    if (old) {
      const dropped = (await selectClaimExpenses(tx, projectId, old.id))
        .map((e) => e.expense_id)
        .filter((id) => !ids.includes(id));
      await setExpenseStatus(tx, dropped, ['IN_DOMANDA'], 'VALIDATA', now);
      await updateClaimStatus(tx, old.id, 'SOSTITUITA', now);
      await recordClaimChange(tx, ctx, old, {
        action: 'projects.claim.transition',
        from: old.status,
        to: 'SOSTITUITA',
        note: `Sostituita dalla versione ${claim.version_no}`,
        details: { supersededBy: claimId },
      });
    }
    await updateClaimSubmitted(tx, {
      id: claimId,
      totals,
      requestedCents: totals.claimedCents,
      by: ctx.actor!.userId,
      now,
    });
    await recordClaimChange(tx, ctx, claim, {
      action: 'projects.claim.submit',
      from: 'BOZZA',
      to: 'INVIATA',
      note: null,
      details: { expenses: ids.length, requestedCents: totals.claimedCents },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}

/**
 * From a claim awaiting integrations, a new draft version with the same number, period and expense
 * set, to correct it (409 `projects.claims.version_exists` when one exists). The old version stays
 * readable, and is superseded when the new one is sent.
 */
export async function newClaimVersion(ctx: Ctx, projectId: string, claimId: string): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadClaim(tx, ctx, projectId, claimId, 'projects.claims.write', { lock: true });
    assertOwner(ctx.actor!, lc.loaded.project);
    await selectProjectRow(tx, projectId, true);
    const old = lc.claim;
    if (old.status !== 'RICHIESTA_INTEGRAZIONI' || old.verbale_issued_at)
      throw new AppError('projects.state', 'A new version corrects a claim awaiting integrations.', {
        context: { status: old.status },
      });
    if (old.superseded_by)
      throw new AppError('projects.claims.version_exists', 'This claim already has a new version.', {
        context: { claimId: old.superseded_by },
      });
    const id = randomUUID();
    await insertClaim(tx, {
      id,
      projectId,
      comune: old.comune_istat,
      claimNo: old.claim_no,
      versionNo: old.version_no + 1,
      supersedesId: old.id,
      periodStart: old.period_start,
      periodEnd: old.period_end,
      by: ctx.actor!.userId,
      now: ctx.clock.now(),
    });
    const claim = (await selectClaim(tx, projectId, id))!;
    const expenses = await selectCandidateExpenses(
      tx,
      projectId,
      id,
      (await selectClaimExpenses(tx, projectId, old.id)).map((e) => e.expense_id),
    );
    await replaceClaimExpenses(
      tx,
      { id, projectId, comune: old.comune_istat },
      expenses.map((e) => ({ id: e.id, chargedCents: e.charged_cents })),
    );
    await recordClaimChange(tx, ctx, claim, {
      action: 'projects.claim.new_version',
      from: null,
      to: 'BOZZA',
      note: `Nuova versione della domanda n. ${old.claim_no}`,
      details: { supersedes: old.id, versionNo: old.version_no + 1 },
    });
    return readClaimDetail(tx, ctx, { loaded: lc.loaded, claim });
  });
}
