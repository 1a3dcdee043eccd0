/**
 * The steps of a sent claim (domain.md §7.3; decision 0051), each by its role: the assigned
 * revisore takes it in verification and asks for integrations; the lead Comune answers with
 * counter-arguments; MLPS approves it once the verbale is issued, and pays it. A role that never
 * takes the step asked answers 403; a step that does not fit the current state 409.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertOwner, assertVersion } from '../shared/access.js';
import { formatEuro } from '../shared/money.js';
import { updateClaimStatus } from './claims.repo.js';
import { planTransition, transitions } from './claims.rules.js';
import type { ClaimDetail, ClaimTransitionBody } from './claims.schema.js';
import { loadClaim, readClaimDetail, recordClaimChange, roleOn } from './claims.service.js';

export async function transitionClaim(
  ctx: Ctx,
  projectId: string,
  claimId: string,
  body: ClaimTransitionBody,
): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const seen = await loadClaim(tx, ctx, projectId, claimId);
    const role = roleOn(ctx, seen.loaded);
    if (!transitions.some((t) => t.to === body.to && t.by === role))
      throw new AppError('projects.claims.transition', `Your role does not move a claim to ${body.to}.`, {
        context: { status: seen.claim.status, to: body.to },
      });
    const lc = await loadClaim(tx, ctx, projectId, claimId, 'projects.read', { lock: true });
    const { claim } = lc;
    if (role === 'comune') assertOwner(ctx.actor!, lc.loaded.project);
    const plan = planTransition(role, claim.status, body.to, !!claim.verbale_issued_at);
    if (!plan.ok) {
      if (plan.reason === 'verbale')
        throw new AppError(
          'projects.claims.verbale',
          'MLPS approves a claim once the revisore has issued the verbale.',
        );
      throw new AppError('projects.state', `A claim ${claim.status} does not move to ${body.to}.`, {
        context: { status: claim.status, to: body.to },
      });
    }
    assertVersion(claim.row_version, body.rowVersion);
    const note = body.note?.trim() || null;
    if (plan.rule.note && !note)
      throw new AppError('projects.claims.note_required', 'This step needs a note: what is asked, or the answer.');
    const extra: { approvedCents?: number; paidCents?: number; paidOn?: string } = {};
    if (body.to === 'APPROVATA') {
      const verified = claim.verified_cents ?? 0;
      extra.approvedCents = body.approvedCents ?? verified;
      if (extra.approvedCents > verified)
        throw new AppError(
          'projects.claims.amount',
          `The amount approved cannot exceed the amount verified (${formatEuro(verified)}).`,
        );
    }
    if (body.to === 'LIQUIDATA') {
      const approved = claim.approved_cents ?? 0;
      if (body.paidCents === undefined || !body.paidOn)
        throw new AppError('projects.claims.amount', 'The payment needs its amount and date.');
      if (body.paidCents > approved)
        throw new AppError(
          'projects.claims.amount',
          `The amount paid cannot exceed the amount approved (${formatEuro(approved)}).`,
        );
      extra.paidCents = body.paidCents;
      extra.paidOn = body.paidOn;
    }
    await updateClaimStatus(tx, claimId, body.to, ctx.clock.now(), extra);
    await recordClaimChange(tx, ctx, claim, {
      action: 'projects.claim.transition',
      from: claim.status,
      to: body.to,
      note,
      details: {
        ...(extra.approvedCents !== undefined ? { approvedCents: extra.approvedCents } : {}),
        ...(extra.paidCents !== undefined ? { paidCents: extra.paidCents } : {}),
      },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}
