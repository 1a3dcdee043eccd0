/**
 * SQL of the quarterly monitoring: the schede and their comments, and the reads of the other
 * parts' tables the computed sections need (budget in force, expenses, claims, verifications,
 * activities, indicators). Plain rows; bigint money as numbers of cents.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { MonitoringStatus } from './monitoring.schema.js';

export interface ReportRow {
  id: string;
  project_id: string;
  comune_istat: string;
  year: number;
  quarter: number;
  status: MonitoringStatus;
  content: Record<string, unknown>;
  submitted_at: Date | null;
  approved_at: Date | null;
  updated_at: Date;
  row_version: number;
  open_comments: number;
}

const reportCols = `r.id, r.project_id, r.comune_istat, r.year, r.quarter, r.status, r.content, r.submitted_at,
  r.approved_at, r.updated_at, r.row_version,
  (SELECT count(*)::int FROM project_monitoring_comments c WHERE c.report_id = r.id AND c.resolved_at IS NULL)
    AS open_comments`;

export async function selectReports(tx: Queryable, projectId: string): Promise<ReportRow[]> {
  return tx.query<ReportRow>(
    `SELECT ${reportCols} FROM project_monitoring_reports r WHERE r.project_id = $1 ORDER BY r.year DESC, r.quarter DESC`,
    [projectId],
  );
}

export async function selectReport(
  tx: Queryable,
  projectId: string,
  reportId: string,
  lock = false,
): Promise<ReportRow | undefined> {
  const [row] = await tx.query<ReportRow>(
    `SELECT ${reportCols} FROM project_monitoring_reports r WHERE r.project_id = $1 AND r.id = $2
     ${lock ? 'FOR UPDATE OF r' : ''}`,
    [projectId, reportId],
  );
  return row;
}

export async function insertReport(
  tx: Queryable,
  r: { id: string; projectId: string; comuneIstat: string; year: number; quarter: number; content: unknown },
  by: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO project_monitoring_reports (id, project_id, comune_istat, year, quarter, status, content, created_by,
                                             created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'BOZZA', $6, $7, $8, $8)
     ON CONFLICT (project_id, year, quarter) DO NOTHING RETURNING id`,
    [r.id, r.projectId, r.comuneIstat, r.year, r.quarter, JSON.stringify(r.content), by, at],
  );
  return rows.length > 0;
}

export async function updateContent(tx: Queryable, id: string, content: unknown, at: Date): Promise<void> {
  await tx.query(
    `UPDATE project_monitoring_reports SET content = $2, updated_at = $3, row_version = row_version + 1 WHERE id = $1`,
    [id, JSON.stringify(content), at],
  );
}

export async function markSubmitted(tx: Queryable, id: string, content: unknown, by: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE project_monitoring_reports SET status = 'INVIATA', content = $2, submitted_by = $3, submitted_at = $4,
            updated_at = $4, row_version = row_version + 1
      WHERE id = $1`,
    [id, JSON.stringify(content), by, at],
  );
}

export async function markReviewed(tx: Queryable, id: string, to: MonitoringStatus, at: Date): Promise<void> {
  await tx.query(
    `UPDATE project_monitoring_reports
        SET status = $2, updated_at = $3, row_version = row_version + 1,
            approved_at = CASE WHEN $2 = 'APPROVATA' THEN $3::timestamptz ELSE approved_at END
      WHERE id = $1`,
    [id, to, at],
  );
}

export interface CommentRow {
  id: string;
  level: 'ANCI' | 'MLPS';
  field: string;
  text: string;
  author_name: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export async function selectComments(tx: Queryable, reportId: string): Promise<CommentRow[]> {
  return tx.query<CommentRow>(
    `SELECT c.id, c.level, c.field, c.text, u.display_name AS author_name, c.created_at, c.resolved_at
       FROM project_monitoring_comments c LEFT JOIN access_users_v u ON u.id = c.author_id
      WHERE c.report_id = $1 ORDER BY c.created_at, c.field, c.id`,
    [reportId],
  );
}

export async function insertComment(
  tx: Queryable,
  c: {
    id: string;
    reportId: string;
    projectId: string;
    comuneIstat: string;
    level: string;
    field: string;
    text: string;
  },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO project_monitoring_comments (id, report_id, project_id, comune_istat, level, field, text, author_id,
                                              created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [c.id, c.reportId, c.projectId, c.comuneIstat, c.level, c.field, c.text, by, at],
  );
}

/** The comments still open are resolved when the Comune sends the scheda again. */
export async function resolveComments(tx: Queryable, reportId: string, at: Date): Promise<number> {
  const rows = await tx.query(
    `UPDATE project_monitoring_comments SET resolved_at = $2 WHERE report_id = $1 AND resolved_at IS NULL RETURNING id`,
    [reportId, at],
  );
  return rows.length;
}

// --- the figures the platform holds

export interface CategoryFigures {
  category_code: string;
  planned_cents: number;
  spent_cents: number;
  claimed_cents: number;
}

/**
 * Per cost category, cumulative to `asOf`: the budget in force (the approved version with the
 * highest number), the expenses loaded (CARICATA and after) dated up to `asOf`, and what is in
 * claims sent (not BOZZA nor SOSTITUITA) for periods ending by `asOf`. An expense on a line the
 * budget in force no longer has counts under the category of the line's latest version.
 */
export async function selectCategoryFigures(tx: Queryable, projectId: string, asOf: string) {
  const rows = await tx.query<CategoryFigures>(
    `WITH in_force AS (
       SELECT id FROM project_budget_versions
        WHERE project_id = $1 AND status = 'APPROVATA' ORDER BY version_no DESC LIMIT 1
     ), line_cat AS (
       SELECT DISTINCT ON (l.line_key) l.line_key, l.category_code
         FROM project_budget_lines l JOIN project_budget_versions v ON v.id = l.budget_version_id
        WHERE l.project_id = $1 ORDER BY l.line_key, v.version_no DESC
     ), planned AS (
       SELECT l.category_code, sum(l.amount_cents)::bigint AS cents
         FROM project_budget_lines l WHERE l.budget_version_id = (SELECT id FROM in_force) GROUP BY 1
     ), spent AS (
       SELECT lc.category_code, sum(e.charged_cents)::bigint AS cents
         FROM project_expenses e JOIN line_cat lc ON lc.line_key = e.line_key
        WHERE e.project_id = $1 AND e.status <> 'BOZZA' AND e.doc_date <= $2::date GROUP BY 1
     ), claimed AS (
       SELECT lc.category_code, sum(ce.charged_cents)::bigint AS cents
         FROM project_claim_expenses ce
         JOIN project_claims c ON c.id = ce.claim_id
         JOIN project_expenses e ON e.id = ce.expense_id
         JOIN line_cat lc ON lc.line_key = e.line_key
        WHERE c.project_id = $1 AND c.status NOT IN ('BOZZA', 'SOSTITUITA') AND c.period_end <= $2::date GROUP BY 1
     )
     SELECT k.category_code, coalesce(p.cents, 0)::bigint AS planned_cents, coalesce(s.cents, 0)::bigint AS spent_cents,
            coalesce(c.cents, 0)::bigint AS claimed_cents
       FROM (SELECT category_code FROM planned UNION SELECT category_code FROM spent
             UNION SELECT category_code FROM claimed) k
       LEFT JOIN planned p USING (category_code) LEFT JOIN spent s USING (category_code)
       LEFT JOIN claimed c USING (category_code)
      ORDER BY k.category_code`,
    [projectId, asOf],
  );
  return rows.map((r) => ({
    categoryCode: r.category_code,
    plannedCents: Number(r.planned_cents),
    spentCents: Number(r.spent_cents),
    claimedCents: Number(r.claimed_cents),
  }));
}

/**
 * Verified: what the revisore found eligible in the claims (not replaced) whose verbale was issued
 * by `asOf`; paid: what MLPS paid up to `asOf`.
 */
export async function selectClaimOutcomes(
  tx: Queryable,
  projectId: string,
  asOf: string,
): Promise<{ verifiedCents: number; paidCents: number }> {
  const [r] = await tx.query<{ verified: number; paid: number }>(
    `SELECT coalesce(sum(c.verified_cents) FILTER (WHERE c.verbale_issued_at IS NOT NULL
                       AND (c.verbale_issued_at AT TIME ZONE 'Europe/Rome')::date <= $2::date), 0)::bigint AS verified,
            coalesce(sum(c.paid_cents) FILTER (WHERE c.paid_on IS NOT NULL AND c.paid_on <= $2::date), 0)::bigint AS paid
       FROM project_claims c
      WHERE c.project_id = $1 AND c.status NOT IN ('BOZZA', 'SOSTITUITA')`,
    [projectId, asOf],
  );
  return { verifiedCents: Number(r?.verified ?? 0), paidCents: Number(r?.paid ?? 0) };
}

export interface ActivityRow {
  id: string;
  code: string;
  title: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  progress_pct: number;
}

export async function selectActivities(tx: Queryable, projectId: string): Promise<ActivityRow[]> {
  const rows = await tx.query<ActivityRow>(
    `SELECT id, code, title, planned_start::text, planned_end::text, actual_start::text, actual_end::text, progress_pct
       FROM project_activities WHERE project_id = $1`,
    [projectId],
  );
  // WBS order: 1, 1.1, 1.2, 2, 10 (numerically, part by part)
  const key = (c: string) =>
    c
      .split('.')
      .map((n) => n.padStart(2, '0'))
      .join('.');
  return rows.sort((a, b) => key(a.code).localeCompare(key(b.code)));
}

export interface IndicatorRow {
  code: string;
  label_it: string;
  label_en: string | null;
  unit: string;
  computation: string | null;
  target: number | null;
}

/** The project's indicators with their catalogue entry and the target of the first period ending from `asOf` on. */
export async function selectIndicators(tx: Queryable, projectId: string, asOf: string): Promise<IndicatorRow[]> {
  const rows = await tx.query<IndicatorRow>(
    `SELECT d.code, d.label_it, d.label_en, d.unit, d.computation,
            (SELECT t.value FROM project_indicator_targets t
              WHERE t.project_indicator_id = i.id AND t.period_end >= $2::date ORDER BY t.period_end LIMIT 1) AS target
       FROM project_indicators i JOIN project_indicator_defs d ON d.code = i.indicator_code
      WHERE i.project_id = $1 ORDER BY d.code`,
    [projectId, asOf],
  );
  return rows.map((r) => ({ ...r, target: r.target === null ? null : Number(r.target) }));
}
