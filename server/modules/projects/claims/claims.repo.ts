/** The SQL of the claims, their expenses, events and verifications (decision 0051). */
import type { Queryable } from '../../../platform/db/db.js';
import type { ClaimStatus, Outcome } from './claims.rules.js';

export interface ClaimRow {
  id: string;
  project_id: string;
  comune_istat: string;
  claim_no: number;
  version_no: number;
  supersedes_id: string | null;
  period_start: string;
  period_end: string;
  status: ClaimStatus;
  totals: unknown;
  requested_cents: number | null;
  verified_cents: number | null;
  verbale_no: string | null;
  verbale_issued_at: Date | null;
  verbale_by: string | null;
  verbale_by_name: string | null;
  approved_cents: number | null;
  paid_cents: number | null;
  paid_on: string | null;
  submitted_at: Date | null;
  created_at: Date;
  row_version: number;
  superseded_by: string | null;
}

const claimColumns = `c.id, c.project_id, c.comune_istat, c.claim_no, c.version_no, c.supersedes_id,
  c.period_start::text, c.period_end::text, c.status, c.totals, c.requested_cents::float8 AS requested_cents,
  c.verified_cents::float8 AS verified_cents, c.verbale_no, c.verbale_issued_at, c.verbale_by,
  (SELECT u.display_name FROM access_users_v u WHERE u.id = c.verbale_by) AS verbale_by_name,
  c.approved_cents::float8 AS approved_cents, c.paid_cents::float8 AS paid_cents, c.paid_on::text,
  c.submitted_at, c.created_at, c.row_version,
  (SELECT n.id FROM project_claims n WHERE n.supersedes_id = c.id) AS superseded_by`;

export async function selectClaim(
  tx: Queryable,
  projectId: string,
  claimId: string,
  lock = false,
): Promise<ClaimRow | undefined> {
  const [row] = await tx.query<ClaimRow>(
    `SELECT ${claimColumns} FROM project_claims c WHERE c.id = $1 AND c.project_id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [claimId, projectId],
  );
  return row;
}

export async function selectClaims(tx: Queryable, projectId: string): Promise<ClaimRow[]> {
  return tx.query<ClaimRow>(
    `SELECT ${claimColumns} FROM project_claims c WHERE c.project_id = $1 ORDER BY c.claim_no DESC, c.version_no DESC`,
    [projectId],
  );
}

export async function nextClaimNo(tx: Queryable, projectId: string): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    'SELECT coalesce(max(claim_no), 0) + 1 AS n FROM project_claims WHERE project_id = $1',
    [projectId],
  );
  return Number(r!.n);
}

export async function insertClaim(
  tx: Queryable,
  c: {
    id: string;
    projectId: string;
    comune: string;
    claimNo: number;
    versionNo: number;
    supersedesId: string | null;
    periodStart: string;
    periodEnd: string;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, version_no, supersedes_id, period_start,
                                 period_end, status, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'BOZZA', $9, $10, $10)`,
    [c.id, c.projectId, c.comune, c.claimNo, c.versionNo, c.supersedesId, c.periodStart, c.periodEnd, c.by, c.now],
  );
}

/** An expense as the claim shows it: live (a draft) or the snapshot (once sent), with its verification. */
export interface ClaimExpenseRow {
  expense_id: string;
  charged_cents: number;
  snapshot: ExpenseSnapshot | null;
  live: ExpenseSnapshot;
  outcome: Outcome | null;
  eligible_cents: number | null;
  reasons: string[] | null;
  note: string | null;
  verified_at: Date | null;
  verification_version: number | null;
}

/** What a claim freezes of an expense when it is sent: what the revisore verifies. */
export interface ExpenseSnapshot {
  docType: string;
  issuerName: string;
  issuerTaxId: string | null;
  docNumber: string;
  docDate: string;
  description: string | null;
  netCents: number;
  vatCents: number;
  chargedCents: number;
  lineKey: string;
  categoryCode: string;
  lineDescription: string;
  paymentDate: string | null;
  paymentMeans: string | null;
  paymentRef: string | null;
  paymentCents: number | null;
  status: string;
}

/**
 * The line each line key belongs to: the category and description of the latest approved budget
 * version holding it (a line removed by a rimodulazione keeps its last category).
 */
const linesOf = `(SELECT DISTINCT ON (l.line_key) l.line_key, l.category_code, l.description
    FROM project_budget_lines l JOIN project_budget_versions v ON v.id = l.budget_version_id
   WHERE l.project_id = $1 AND v.status = 'APPROVATA'
   ORDER BY l.line_key, v.version_no DESC)`;

const liveExpense = `jsonb_build_object(
    'docType', e.doc_type, 'issuerName', e.issuer_name, 'issuerTaxId', e.issuer_tax_id, 'docNumber', e.doc_number,
    'docDate', e.doc_date::text, 'description', e.description, 'netCents', e.net_cents, 'vatCents', e.vat_cents,
    'chargedCents', e.charged_cents, 'lineKey', e.line_key, 'categoryCode', coalesce(ln.category_code, '?'),
    'lineDescription', coalesce(ln.description, ''), 'paymentDate', e.payment_date::text,
    'paymentMeans', e.payment_means, 'paymentRef', e.payment_ref, 'paymentCents', e.payment_cents,
    'status', e.status)`;

export async function selectClaimExpenses(
  tx: Queryable,
  projectId: string,
  claimId: string,
): Promise<ClaimExpenseRow[]> {
  return tx.query<ClaimExpenseRow>(
    `SELECT ce.expense_id, ce.charged_cents::float8 AS charged_cents, ce.snapshot, ${liveExpense} AS live,
            v.outcome, v.eligible_cents::float8 AS eligible_cents, v.reasons, v.note, v.verified_at,
            v.row_version AS verification_version
       FROM project_claim_expenses ce
       JOIN project_expenses e ON e.id = ce.expense_id
       LEFT JOIN ${linesOf} ln ON ln.line_key = e.line_key
       LEFT JOIN project_expense_verifications v ON v.claim_id = ce.claim_id AND v.expense_id = ce.expense_id
      WHERE ce.claim_id = $2 AND ce.project_id = $1
      ORDER BY e.doc_date, e.doc_number, e.id`,
    [projectId, claimId],
  );
}

export interface CandidateExpense {
  id: string;
  status: string;
  doc_date: string;
  charged_cents: number;
  snapshot: ExpenseSnapshot;
  /** the other claims (not superseded) it is in */
  other_claims: string[];
}

/** Expenses of the project by id, with the live figures and the other active claims holding them. */
export async function selectCandidateExpenses(
  tx: Queryable,
  projectId: string,
  claimId: string,
  ids: readonly string[],
): Promise<CandidateExpense[]> {
  return tx.query<CandidateExpense>(
    `SELECT e.id, e.status, e.doc_date::text, e.charged_cents::float8 AS charged_cents, ${liveExpense} AS snapshot,
            ARRAY(SELECT ce.claim_id::text FROM project_claim_expenses ce JOIN project_claims c ON c.id = ce.claim_id
                   WHERE ce.expense_id = e.id AND c.id <> $2 AND c.status <> 'SOSTITUITA') AS other_claims
       FROM project_expenses e
       LEFT JOIN ${linesOf} ln ON ln.line_key = e.line_key
      WHERE e.project_id = $1 AND e.id = ANY($3::uuid[])`,
    [projectId, claimId, ids],
  );
}

/** The expenses a draft could take: validated, in the period, not in another active claim. */
export async function selectAvailableExpenses(
  tx: Queryable,
  projectId: string,
  claimId: string,
  supersedesId: string | null,
  period: { start: string; end: string },
): Promise<CandidateExpense[]> {
  return tx.query<CandidateExpense>(
    `SELECT e.id, e.status, e.doc_date::text, e.charged_cents::float8 AS charged_cents, ${liveExpense} AS snapshot,
            '{}'::text[] AS other_claims
       FROM project_expenses e
       LEFT JOIN ${linesOf} ln ON ln.line_key = e.line_key
      WHERE e.project_id = $1 AND e.doc_date BETWEEN $3 AND $4
        AND (e.status = 'VALIDATA' OR (e.status = 'IN_DOMANDA' AND e.id IN
              (SELECT x.expense_id FROM project_claim_expenses x WHERE x.claim_id = $5)))
        AND NOT EXISTS (SELECT 1 FROM project_claim_expenses ce JOIN project_claims c ON c.id = ce.claim_id
                         WHERE ce.expense_id = e.id AND c.id <> $2 AND c.id IS DISTINCT FROM $5
                           AND c.status <> 'SOSTITUITA')
      ORDER BY e.doc_date, e.doc_number, e.id`,
    [projectId, claimId, period.start, period.end, supersedesId],
  );
}

export async function replaceClaimExpenses(
  tx: Queryable,
  claim: { id: string; projectId: string; comune: string },
  expenses: readonly { id: string; chargedCents: number }[],
): Promise<void> {
  await tx.query('DELETE FROM project_claim_expenses WHERE claim_id = $1', [claim.id]);
  for (const e of expenses) {
    await tx.query(
      `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents)
       VALUES ($1, $2, $3, $4, $5)`,
      [claim.id, e.id, claim.projectId, claim.comune, e.chargedCents],
    );
  }
}

/** Freezes each expense of a draft as it stands now (before the claim leaves BOZZA). */
export async function freezeClaimExpenses(tx: Queryable, projectId: string, claimId: string): Promise<void> {
  await tx.query(
    `UPDATE project_claim_expenses ce SET snapshot = s.live, charged_cents = (s.live->>'chargedCents')::bigint
       FROM (SELECT e.id, ${liveExpense} AS live
               FROM project_expenses e LEFT JOIN ${linesOf} ln ON ln.line_key = e.line_key
              WHERE e.project_id = $1) s
      WHERE ce.claim_id = $2 AND s.id = ce.expense_id`,
    [projectId, claimId],
  );
}

export async function setExpenseStatus(
  tx: Queryable,
  ids: readonly string[],
  from: readonly string[],
  to: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query<{ id: string }>(
    `UPDATE project_expenses SET status = $3, updated_at = $4, row_version = row_version + 1
      WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[]) RETURNING id`,
    [ids, from, to, now],
  );
  return rows.length;
}

export async function markClaimExpensesVerified(tx: Queryable, claimId: string): Promise<number> {
  const [r] = await tx.query<{ n: number }>('SELECT project_claim_mark_verified($1) AS n', [claimId]);
  return Number(r!.n);
}

export interface LineAmountRow {
  category_code: string;
  amount_cents: number;
}

/** The budget in force: the lines of the approved version with the highest number. */
export async function selectBudgetInForce(tx: Queryable, projectId: string): Promise<LineAmountRow[]> {
  return tx.query<LineAmountRow>(
    `SELECT l.category_code, l.amount_cents::float8 AS amount_cents
       FROM project_budget_lines l
      WHERE l.budget_version_id = (SELECT v.id FROM project_budget_versions v
                                    WHERE v.project_id = $1 AND v.status = 'APPROVATA'
                                    ORDER BY v.version_no DESC LIMIT 1)`,
    [projectId],
  );
}

/** The amounts of the earlier claims (sent, not superseded, lower number), per category as sent. */
export async function selectPreviousAmounts(
  tx: Queryable,
  projectId: string,
  claimNo: number,
): Promise<LineAmountRow[]> {
  return tx.query<LineAmountRow>(
    `SELECT ce.snapshot->>'categoryCode' AS category_code, sum(ce.charged_cents)::float8 AS amount_cents
       FROM project_claim_expenses ce JOIN project_claims c ON c.id = ce.claim_id
      WHERE c.project_id = $1 AND c.claim_no < $2 AND c.status NOT IN ('BOZZA', 'SOSTITUITA')
      GROUP BY 1`,
    [projectId, claimNo],
  );
}

export async function updateClaimSubmitted(
  tx: Queryable,
  c: { id: string; totals: unknown; requestedCents: number; by: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE project_claims SET status = 'INVIATA', totals = $2, requested_cents = $3, submitted_by = $4,
            submitted_at = $5, updated_at = $5, row_version = row_version + 1
      WHERE id = $1`,
    [c.id, JSON.stringify(c.totals), c.requestedCents, c.by, c.now],
  );
}

export async function updateClaimStatus(
  tx: Queryable,
  id: string,
  status: ClaimStatus,
  now: Date,
  extra: { approvedCents?: number; paidCents?: number; paidOn?: string } = {},
): Promise<void> {
  await tx.query(
    `UPDATE project_claims SET status = $2, updated_at = $3, row_version = row_version + 1,
            approved_cents = coalesce($4, approved_cents), paid_cents = coalesce($5, paid_cents),
            paid_on = coalesce($6::date, paid_on)
      WHERE id = $1`,
    [id, status, now, extra.approvedCents ?? null, extra.paidCents ?? null, extra.paidOn ?? null],
  );
}

export async function updateClaimTouched(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE project_claims SET updated_at = $2, row_version = row_version + 1 WHERE id = $1', [id, now]);
}

export async function updateClaimVerbale(
  tx: Queryable,
  c: { id: string; verifiedCents: number; verbaleNo: string; by: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE project_claims SET verified_cents = $2, verbale_no = $3, verbale_issued_at = $5, verbale_by = $4,
            updated_at = $5, row_version = row_version + 1
      WHERE id = $1`,
    [c.id, c.verifiedCents, c.verbaleNo, c.by, c.now],
  );
}

export interface EventRow {
  id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_id: string;
  actor_name: string | null;
  at: Date;
}

export async function insertEvent(
  tx: Queryable,
  e: {
    id: string;
    claimId: string;
    projectId: string;
    comune: string;
    from: string | null;
    to: string;
    note: string | null;
    actorId: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_claim_events (id, claim_id, project_id, comune_istat, from_status, to_status, note, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.claimId, e.projectId, e.comune, e.from, e.to, e.note, e.actorId, e.at],
  );
}

export async function selectEvents(tx: Queryable, claimId: string): Promise<EventRow[]> {
  return tx.query<EventRow>(
    `SELECT ev.id, ev.from_status, ev.to_status, ev.note, ev.actor_id,
            (SELECT u.display_name FROM access_users_v u WHERE u.id = ev.actor_id) AS actor_name, ev.at
       FROM project_claim_events ev WHERE ev.claim_id = $1 ORDER BY ev.at, ev.id`,
    [claimId],
  );
}

export async function upsertVerification(
  tx: Queryable,
  v: {
    claimId: string;
    expenseId: string;
    projectId: string;
    comune: string;
    outcome: Outcome;
    eligibleCents: number;
    reasons: readonly string[];
    note: string | null;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_expense_verifications (claim_id, expense_id, project_id, comune_istat, outcome, eligible_cents,
                                                reasons, note, verified_by, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (claim_id, expense_id) DO UPDATE SET outcome = EXCLUDED.outcome,
       eligible_cents = EXCLUDED.eligible_cents, reasons = EXCLUDED.reasons, note = EXCLUDED.note,
       verified_by = EXCLUDED.verified_by, verified_at = EXCLUDED.verified_at,
       row_version = project_expense_verifications.row_version + 1`,
    [v.claimId, v.expenseId, v.projectId, v.comune, v.outcome, v.eligibleCents, v.reasons, v.note, v.by, v.now],
  );
}

/** The names the outputs print: the Comune, the revisore and their organisation. */
export async function selectNames(
  tx: Queryable,
  comuneIstat: string,
  userId: string | null,
): Promise<{ comune: string | null; revisore: string | null; organisation: string | null }> {
  const [r] = await tx.query<{ comune: string | null; revisore: string | null; organisation: string | null }>(
    `SELECT (SELECT c.name FROM registry_comuni_v c WHERE c.istat_code = $1) AS comune,
            (SELECT u.display_name FROM access_users_v u WHERE u.id = $2) AS revisore,
            (SELECT o.name FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
              WHERE u.id = $2) AS organisation`,
    [comuneIstat, userId],
  );
  return r!;
}

/** The rules of the project's call version. */
export async function selectCallRules(tx: Queryable, callVersionId: string): Promise<unknown> {
  const [r] = await tx.query<{ rules: unknown }>('SELECT rules FROM project_call_versions WHERE id = $1', [
    callVersionId,
  ]);
  return r?.rules;
}
