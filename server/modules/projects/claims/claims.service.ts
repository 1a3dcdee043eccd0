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
import { assertOwner, isRevisore, loadProject, type LoadedProject } from '../shared/access.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { callRulesSchema, type CallRules } from '../shared/call-rules.js';
import {
  insertClaim,
  insertEvent,
  nextClaimNo,
  selectAvailableExpenses,
  selectBudgetInForce,
  selectCallRules,
  selectClaim,
  selectClaimExpenses,
  selectClaims,
  selectEvents,
  selectPreviousAmounts,
  type ClaimRow,
} from './claims.repo.js';
import { allowedActions, checklist, claimTotals, type ClaimRole, type ClaimTotals } from './claims.rules.js';
import type { ClaimDetail, ClaimSummary, CreateClaimBody } from './claims.schema.js';

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
export async function liveTotals(
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
