/**
 * Reimbursement claims (domande di rimborso; issue 12 item 4; domain.md §7.3; decision 0051). The
 * lead Comune drafts a claim for a period, chooses validated expenses of that period that no other
 * claim holds, and sends it: the expenses' figures and the totals are frozen (the database refuses
 * any later change), the expenses become IN_DOMANDA, and a correction is a new version that
 * supersedes the old one when it is sent. Every change is one transaction with its event and audit
 * row; every read is audited.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can, type Permission } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertOwner, assertVersion, isRevisore, loadProject, type LoadedProject } from '../shared/access.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { callRulesSchema, type CallRules } from '../shared/call-rules.js';
import {
  freezeClaimExpenses,
  insertClaim,
  insertEvent,
  nextClaimNo,
  replaceClaimExpenses,
  selectAvailableExpenses,
  selectBudgetInForce,
  selectCallRules,
  selectCandidateExpenses,
  selectClaim,
  selectClaimExpenses,
  selectClaims,
  selectEvents,
  selectPreviousAmounts,
  setExpenseStatus,
  updateClaimStatus,
  updateClaimSubmitted,
  updateClaimTouched,
  type ClaimRow,
} from './claims.repo.js';
import { allowedActions, checklist, claimTotals, type ClaimRole, type ClaimTotals } from './claims.rules.js';
import type {
  ClaimDetail,
  ClaimSummary,
  CreateClaimBody,
  SetClaimExpensesBody,
  SubmitClaimBody,
} from './claims.schema.js';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export interface LoadedClaim {
  loaded: LoadedProject;
  claim: ClaimRow;
}

/**
 * A claim of a project the actor reaches: 404 for a project out of reach, for a claim of another
 * project and, for the revisore, for a draft or a claim whose period no assignment valid today
 * overlaps; then 403 without `permission`.
 */
export async function loadClaim(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  claimId: string,
  permission: Permission = 'projects.read',
  opts: { lock?: boolean } = {},
): Promise<LoadedClaim> {
  // the claim row is locked, not the project's: row-level security lets the revisore lock (update)
  // the claims of their projects but never the project itself
  const loaded = await loadProject(tx, ctx, projectId);
  const seen = await selectClaim(tx, projectId, claimId);
  if (!seen || !visibleTo(loaded, seen)) throw new AppError('projects.claims.not_found');
  assertCan(ctx.actor, permission);
  if (!opts.lock) return { loaded, claim: seen };
  // locking needs the right to change the row (row-level security): a reader without it may not
  const claim = await selectClaim(tx, projectId, claimId, true);
  if (!claim) throw new AppError('forbidden', 'This claim is not yours to change.');
  return { loaded, claim };
}

/** The revisore sees the claims sent whose period one of their assignments valid today overlaps. */
function visibleTo(loaded: LoadedProject, claim: Pick<ClaimRow, 'status' | 'period_start' | 'period_end'>): boolean {
  if (!loaded.assignments) return true;
  if (claim.status === 'BOZZA') return false;
  return loaded.assignments.some((a) => a.period_start <= claim.period_end && claim.period_start <= a.period_end);
}

/** The part the actor plays on this project's claims, if any. */
export function roleOn(ctx: Ctx, loaded: LoadedProject): ClaimRole | null {
  const actor = ctx.actor!;
  if (isRevisore(actor)) return can(actor, 'projects.claims.verify') && loaded.assignments ? 'revisore' : null;
  if (can(actor, 'projects.claims.decide')) return 'mlps';
  if (
    can(actor, 'projects.claims.write') &&
    actor.scope.level === 'comune' &&
    actor.scope.comuneIstat === loaded.project.comune_istat
  )
    return 'comune';
  return null;
}

export async function rulesOf(tx: Queryable, callVersionId: string): Promise<CallRules> {
  return callRulesSchema.parse(await selectCallRules(tx, callVersionId));
}

export function toSummary(c: ClaimRow): ClaimSummary {
  return {
    id: c.id,
    projectId: c.project_id,
    claimNo: c.claim_no,
    versionNo: c.version_no,
    supersedesId: c.supersedes_id,
    supersededById: c.superseded_by,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    status: c.status,
    requestedCents: c.requested_cents,
    verifiedCents: c.verified_cents,
    approvedCents: c.approved_cents,
    paidCents: c.paid_cents,
    paidOn: c.paid_on,
    submittedAt: iso(c.submitted_at),
    verbale:
      c.verbale_no && c.verbale_issued_at
        ? { number: c.verbale_no, issuedAt: iso(c.verbale_issued_at)!, byName: c.verbale_by_name }
        : null,
    createdAt: iso(c.created_at)!,
    rowVersion: c.row_version,
  };
}

/** The totals of a draft as they stand now, against the budget in force and the earlier claims. */
async function liveTotals(
  tx: Queryable,
  rules: CallRules,
  claim: ClaimRow,
  expenses: readonly { categoryCode: string; chargedCents: number }[],
): Promise<ClaimTotals> {
  const budget = await selectBudgetInForce(tx, claim.project_id);
  const previous = await selectPreviousAmounts(tx, claim.project_id, claim.claim_no);
  return claimTotals(
    rules,
    budget.map((b) => ({ categoryCode: b.category_code, amountCents: b.amount_cents })),
    expenses.map((e) => ({ categoryCode: e.categoryCode, amountCents: e.chargedCents })),
    previous.map((p) => ({ categoryCode: p.category_code, amountCents: p.amount_cents })),
  );
}

const knownReason = (r: string): r is (typeof checklist)[number] => (checklist as readonly string[]).includes(r);

/** A claim's detail inside the caller's transaction (no audit: the caller decides). */
export async function readClaimDetail(tx: Queryable, ctx: Ctx, lc: LoadedClaim): Promise<ClaimDetail> {
  const { loaded } = lc;
  const claim = (await selectClaim(tx, lc.claim.project_id, lc.claim.id))!;
  const rules = await rulesOf(tx, loaded.project.call_version_id);
  const frozen = claim.status !== 'BOZZA';
  const rows = await selectClaimExpenses(tx, claim.project_id, claim.id);
  const expenses = rows.map((r) => ({
    expenseId: r.expense_id,
    frozen,
    expense: frozen && r.snapshot ? r.snapshot : r.live,
    verification:
      r.outcome && r.verified_at
        ? {
            outcome: r.outcome,
            eligibleCents: r.eligible_cents ?? 0,
            reasons: (r.reasons ?? []).filter(knownReason),
            note: r.note,
            verifiedAt: iso(r.verified_at)!,
          }
        : null,
  }));
  const totals =
    frozen && claim.totals
      ? (claim.totals as ClaimTotals)
      : await liveTotals(
          tx,
          rules,
          claim,
          expenses.map((e) => e.expense),
        );
  const role = roleOn(ctx, loaded);
  const available =
    claim.status === 'BOZZA' && role === 'comune'
      ? (
          await selectAvailableExpenses(tx, claim.project_id, claim.id, claim.supersedes_id, {
            start: claim.period_start,
            end: claim.period_end,
          })
        ).map((e) => ({ expenseId: e.id, expense: e.snapshot }))
      : [];
  const events = await selectEvents(tx, claim.id);
  return {
    ...toSummary(claim),
    project: { id: loaded.project.id, title: loaded.project.title, cup: loaded.project.cup },
    expenses,
    totals,
    events: events.map((e) => ({
      id: e.id,
      from: e.from_status,
      to: e.to_status,
      note: e.note,
      actorName: e.actor_name,
      at: iso(e.at)!,
    })),
    actions: allowedActions(role, {
      status: claim.status,
      verbaleIssued: !!claim.verbale_issued_at,
      allVerified: expenses.length > 0 && expenses.every((e) => e.verification),
      hasNewVersion: !!claim.superseded_by,
    }),
    available,
  };
}

/** Writes a claim's event and the audit row of the change, in the caller's transaction. */
export async function recordClaimChange(
  tx: Queryable,
  ctx: Ctx,
  claim: Pick<ClaimRow, 'id' | 'project_id' | 'comune_istat'>,
  change: {
    action: Parameters<typeof recordAudit>[2]['action'];
    from: string | null;
    to: string;
    note: string | null;
    details?: Record<string, string | number | boolean | null | string[]>;
  },
): Promise<void> {
  // the history holds the changes of state and the verbale; choosing expenses and verifying
  // each one are in the audit trail only
  if (change.from !== change.to || change.action === 'projects.claim.verbale') {
    await insertEvent(tx, {
      id: randomUUID(),
      claimId: claim.id,
      projectId: claim.project_id,
      comune: claim.comune_istat,
      from: change.from,
      to: change.to,
      note: change.note,
      actorId: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
  }
  await recordAudit(tx, ctx, {
    action: change.action,
    entityType: 'project_claim',
    entityId: claim.id,
    tenantComune: claim.comune_istat,
    details: { projectId: claim.project_id, from: change.from, to: change.to, ...change.details },
  });
}

/**
 * The Comune an audited read is about, as the reader may record it: a Regione writes audit rows
 * only about no Comune in particular (row-level security on audit_log), so its reads name the
 * Comune in the details instead.
 */
function readerTenant(ctx: Ctx, comune: string): string | null {
  return ctx.actor?.scope.level === 'regione' ? null : comune;
}

/** The claims of a project (a revisore: those sent in their period) and what the caller may start. */
export async function listClaims(
  ctx: Ctx,
  projectId: string,
): Promise<{ items: ClaimSummary[]; actions: ('CREATE' | 'ASSIGN_REVISORE')[] }> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const loaded = await loadProject(tx, ctx, projectId);
    const rows = (await selectClaims(tx, projectId)).filter((c) => visibleTo(loaded, c));
    const actor = ctx.actor!;
    const actions: ('CREATE' | 'ASSIGN_REVISORE')[] = [];
    if (roleOn(ctx, loaded) === 'comune') actions.push('CREATE');
    if (
      can(actor, 'projects.revisori.assign') &&
      (actor.scope.level === 'comune'
        ? actor.scope.comuneIstat === loaded.project.comune_istat
        : actor.roles.includes('assistenza_tecnica'))
    )
      actions.push('ASSIGN_REVISORE');
    await recordAudit(tx, ctx, {
      action: 'projects.claim.read',
      entityType: 'project',
      entityId: projectId,
      tenantComune: readerTenant(ctx, loaded.project.comune_istat),
      details: { list: true, count: rows.length, comune: loaded.project.comune_istat },
    });
    return { items: rows.map(toSummary), actions };
  });
}

/** One claim with its expenses, totals, events, verifications and verbale; audited. */
export async function getClaim(ctx: Ctx, projectId: string, claimId: string): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const lc = await loadClaim(tx, ctx, projectId, claimId);
    await recordAudit(tx, ctx, {
      action: 'projects.claim.read',
      entityType: 'project_claim',
      entityId: claimId,
      tenantComune: readerTenant(ctx, lc.claim.comune_istat),
      details: { projectId, comune: lc.claim.comune_istat },
    });
    return readClaimDetail(tx, ctx, lc);
  });
}

/** Drafts claim number n+1 of the project for a period (the lead Comune's staff). */
export async function createClaim(ctx: Ctx, projectId: string, body: CreateClaimBody): Promise<ClaimDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const loaded = await loadProject(tx, ctx, projectId, 'projects.claims.write');
    assertOwner(ctx.actor!, loaded.project);
    // the project's row lock numbers the claims one after the other
    await selectProjectRow(tx, projectId, true);
    const id = randomUUID();
    const claimNo = await nextClaimNo(tx, projectId);
    await insertClaim(tx, {
      id,
      projectId,
      comune: loaded.project.comune_istat,
      claimNo,
      versionNo: 1,
      supersedesId: null,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      by: ctx.actor!.userId,
      now: ctx.clock.now(),
    });
    const claim = (await selectClaim(tx, projectId, id))!;
    await recordClaimChange(tx, ctx, claim, {
      action: 'projects.claim.create',
      from: null,
      to: 'BOZZA',
      note: null,
      details: { claimNo, periodStart: body.periodStart, periodEnd: body.periodEnd },
    });
    return readClaimDetail(tx, ctx, { loaded, claim });
  });
}

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
