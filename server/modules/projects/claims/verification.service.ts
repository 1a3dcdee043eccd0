/**
 * The revisore indipendente's verification (issue 12 item 5; decision 0051): each expense of a
 * claim under verification is ammissibile, parzialmente ammissibile (with the eligible amount) or
 * non ammissibile, with the reasons from the checklist and a note, by the revisore whose
 * assignment is valid today and covers the expense's date. The verbale closes the verification:
 * every expense verified, the verified amount the sum of the eligible amounts, the expenses
 * VERIFICATA; from then on nothing of it changes (the database refuses it too).
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assignmentCovering } from '../shared/access.js';
import { formatEuro } from '../shared/money.js';
import {
  markClaimExpensesVerified,
  selectClaimExpenses,
  updateClaimTouched,
  updateClaimVerbale,
  upsertVerification,
} from './claims.repo.js';
import { checkVerification, verifiable } from './claims.rules.js';
import type { ClaimDetail, VerbaleBody, VerificationBody } from './claims.schema.js';
import { loadClaim, readClaimDetail, recordClaimChange, type LoadedClaim } from './claims.service.js';
import type { Queryable } from '../../../platform/db/db.js';

async function loadUnderVerification(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  claimId: string,
): Promise<LoadedClaim> {
  const lc = await loadClaim(tx, ctx, projectId, claimId, 'projects.claims.verify', { lock: true });
  if (!lc.loaded.assignments) throw new AppError('projects.revisore.not_assigned');
  if (!verifiable(lc.claim.status) || lc.claim.verbale_issued_at)
    throw new AppError('projects.state', 'The claim is not under verification.', {
      context: { status: lc.claim.status, verbale: !!lc.claim.verbale_issued_at },
    });
  return lc;
}

/** Records (or corrects) the verification of one expense of the claim. */
export async function verifyExpense(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  expenseId: string,
  body: VerificationBody,
): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadUnderVerification(tx, ctx, projectId, claimId);
    const row = (await selectClaimExpenses(tx, projectId, claimId)).find((e) => e.expense_id === expenseId);
    if (!row || !row.snapshot) throw new AppError('projects.claims.expense_not_found');
    assignmentCovering(lc.loaded, row.snapshot.docDate);
    const reasons = [...new Set(body.reasons)];
    const checked = checkVerification({ ...body, reasons }, row.charged_cents);
    if (!checked.ok) throw new AppError('projects.claims.verification', checked.message);
    await upsertVerification(tx, {
      claimId,
      expenseId,
      projectId,
      comune: lc.claim.comune_istat,
      outcome: body.outcome,
      eligibleCents: checked.eligibleCents,
      reasons: body.outcome === 'AMMISSIBILE' ? [] : reasons,
      note: body.note?.trim() || null,
      by: ctx.actor!.userId,
      now: ctx.clock.now(),
    });
    await updateClaimTouched(tx, claimId, ctx.clock.now());
    await recordClaimChange(tx, ctx, lc.claim, {
      action: 'projects.claim.verify',
      from: lc.claim.status,
      to: lc.claim.status,
      note: null,
      details: { expenseId, outcome: body.outcome, eligibleCents: checked.eligibleCents, reasons },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}

/** Issues the verbale: every expense verified (409 `projects.claims.verbale` otherwise). */
export async function issueVerbale(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  body: VerbaleBody,
): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadUnderVerification(tx, ctx, projectId, claimId);
    const rows = await selectClaimExpenses(tx, projectId, claimId);
    const missing = rows.filter((r) => !r.outcome).map((r) => r.expense_id);
    if (rows.length === 0 || missing.length > 0)
      throw new AppError('projects.claims.verbale', 'The verbale is issued once every expense is verified.', {
        context: { missing: missing.length },
      });
    for (const r of rows) assignmentCovering(lc.loaded, r.snapshot!.docDate);
    const verifiedCents = rows.reduce((s, r) => s + (r.eligible_cents ?? 0), 0);
    const now = ctx.clock.now();
    const verbaleNo = body.verbaleNo ?? `${lc.claim.claim_no}.${lc.claim.version_no}/${now.getUTCFullYear()}`;
    await updateClaimVerbale(tx, { id: claimId, verifiedCents, verbaleNo, by: ctx.actor!.userId, now });
    await markClaimExpensesVerified(tx, claimId);
    const conclusions = body.note?.trim();
    await recordClaimChange(tx, ctx, lc.claim, {
      action: 'projects.claim.verbale',
      from: lc.claim.status,
      to: lc.claim.status,
      note: `Verbale n. ${verbaleNo}: importo ammissibile ${formatEuro(verifiedCents)}${conclusions ? `. ${conclusions}` : ''}`,
      details: { verbaleNo, verifiedCents, expenses: rows.length },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}
