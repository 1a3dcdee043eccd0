/**
 * SQL of the projects' dashboards: SQL only. Reads the tables of the other parts (budget,
 * expenses, claims, queries, monitoring) as they are defined in 0028; row-level security keeps
 * every statement to what the actor may see (a Comune its own, a Regione its Comuni's, the
 * national bodies all), so totals are of what the actor sees.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import { SPENT_EXPENSE_STATUSES, WAITING_CLAIM_STATUSES } from './dashboards.rules.js';

export interface DashboardFilters {
  region?: string | undefined;
  callId?: string | undefined;
  status?: string | undefined;
  comuneIstat?: string | undefined;
}

/** The projects of the filters as a CTE `p` (with its parameters), every other statement starts from it. */
function projectsCte(f: DashboardFilters): { sql: string; params: unknown[] } {
  const w = new Where();
  if (f.region) w.add('c.region_code = $?', f.region);
  if (f.callId) w.add('cv.call_id = $?', f.callId);
  if (f.status) w.add('p.status = $?', f.status);
  if (f.comuneIstat) w.add('p.comune_istat = $?', f.comuneIstat);
  return {
    sql: `p AS (
      SELECT p.id, p.cup, p.title, p.status, p.start_date, p.end_date, p.comune_istat, c.name AS comune_name,
             c.region_code, r.name AS region_name, cv.call_id, pc.code AS call_code, pc.title_it AS call_title
        FROM projects p
        JOIN comuni c ON c.istat_code = p.comune_istat
        JOIN regions r ON r.code = c.region_code
        JOIN project_call_versions cv ON cv.id = p.call_version_id
        JOIN project_calls pc ON pc.id = cv.call_id
        ${w.toString()})`,
    params: w.params,
  };
}

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');
const SPENT = list(SPENT_EXPENSE_STATUSES);
const WAITING = list(WAITING_CLAIM_STATUSES);

export interface ProjectFiguresRow {
  id: string;
  cup: string | null;
  title: string;
  status: string;
  start_date: string;
  end_date: string;
  comune_istat: string;
  comune_name: string;
  region_code: string;
  region_name: string;
  call_id: string;
  call_code: string;
  call_title: string;
  plan_cents: number;
  spent_cents: number;
  claimed_cents: number;
  verified_cents: number;
  paid_cents: number;
  warned_expenses: number;
  waiting_claims: number;
  overdue_queries: number;
  earliest_overdue: string | null;
}

/**
 * Every project of the filters with its figures, in one statement: the plan (the lines of the
 * approved budget version with the highest number), spent (expenses loaded and later), claimed
 * (the expenses of the claims sent and not superseded), verified and paid (of those claims), the
 * expenses with warnings, the claims waiting and the open queries past their due date.
 */
export async function selectProjectFigures(
  tx: Queryable,
  f: DashboardFilters,
  today: string,
): Promise<ProjectFiguresRow[]> {
  const cte = projectsCte(f);
  const t = `$${cte.params.length + 1}::date`;
  return tx.query<ProjectFiguresRow>(
    `WITH ${cte.sql},
     bv AS (SELECT DISTINCT ON (v.project_id) v.project_id, v.id
              FROM project_budget_versions v
             WHERE v.status = 'APPROVATA' AND v.project_id IN (SELECT id FROM p)
             ORDER BY v.project_id, v.version_no DESC),
     plan AS (SELECT l.project_id, sum(l.amount_cents) AS cents
                FROM project_budget_lines l JOIN bv ON bv.id = l.budget_version_id GROUP BY l.project_id),
     ex AS (SELECT e.project_id,
                   sum(e.charged_cents) FILTER (WHERE e.status IN (${SPENT})) AS spent,
                   count(*) FILTER (WHERE e.warnings <> '{}' AND e.status <> 'BOZZA') AS warned
              FROM project_expenses e WHERE e.project_id IN (SELECT id FROM p) GROUP BY e.project_id),
     cl AS (SELECT c.project_id,
                   sum(c.verified_cents) FILTER (WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA')) AS verified,
                   sum(c.paid_cents) FILTER (WHERE c.status = 'LIQUIDATA') AS paid,
                   count(*) FILTER (WHERE c.status IN (${WAITING})) AS waiting
              FROM project_claims c WHERE c.project_id IN (SELECT id FROM p) GROUP BY c.project_id),
     ce AS (SELECT x.project_id, sum(x.charged_cents) AS claimed
              FROM project_claim_expenses x JOIN project_claims c ON c.id = x.claim_id
             WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA') AND x.project_id IN (SELECT id FROM p)
             GROUP BY x.project_id),
     q AS (SELECT pq.project_id, count(*) AS overdue, min(pq.due_on) AS earliest
             FROM project_queries pq
            WHERE pq.status <> 'RISOLTA' AND pq.due_on < ${t} AND pq.project_id IN (SELECT id FROM p)
            GROUP BY pq.project_id)
     SELECT p.id, p.cup, p.title, p.status, p.start_date::text, p.end_date::text, p.comune_istat, p.comune_name,
            p.region_code, p.region_name, p.call_id, p.call_code, p.call_title,
            coalesce(plan.cents, 0) AS plan_cents, coalesce(ex.spent, 0) AS spent_cents,
            coalesce(ce.claimed, 0) AS claimed_cents, coalesce(cl.verified, 0) AS verified_cents,
            coalesce(cl.paid, 0) AS paid_cents, coalesce(ex.warned, 0)::int AS warned_expenses,
            coalesce(cl.waiting, 0)::int AS waiting_claims, coalesce(q.overdue, 0)::int AS overdue_queries,
            q.earliest::text AS earliest_overdue
       FROM p
       LEFT JOIN plan ON plan.project_id = p.id
       LEFT JOIN ex ON ex.project_id = p.id
       LEFT JOIN cl ON cl.project_id = p.id
       LEFT JOIN ce ON ce.project_id = p.id
       LEFT JOIN q ON q.project_id = p.id
      ORDER BY p.region_name, p.comune_name, p.title, p.id`,
    [...cte.params, today],
  );
}

export interface WarningRow {
  project_id: string;
  code: string;
  n: number;
  cents: number;
}

/** The expenses with warnings (drafts aside), by project and warning code: how many, and their charged amount. */
export async function selectWarnings(tx: Queryable, f: DashboardFilters): Promise<WarningRow[]> {
  const cte = projectsCte(f);
  return tx.query<WarningRow>(
    `WITH ${cte.sql}
     SELECT e.project_id, w.code, count(*)::int AS n, sum(e.charged_cents) AS cents
       FROM project_expenses e CROSS JOIN LATERAL unnest(e.warnings) AS w(code)
      WHERE e.warnings <> '{}' AND e.status <> 'BOZZA' AND e.project_id IN (SELECT id FROM p)
      GROUP BY e.project_id, w.code
      ORDER BY e.project_id, w.code`,
    cte.params,
  );
}

export interface WaitingClaimRow {
  id: string;
  project_id: string;
  claim_no: number;
  version_no: number;
  status: string;
  /** the claim's expenses as sent */
  claimed_cents: number;
  requested_cents: number | null;
  /** the day it was sent (Rome), else the day of its last event */
  sent_on: string | null;
  /** the day it entered its current state (its last event to that state) */
  status_since: string | null;
  age_days: number | null;
}

/** The claims waiting (sent, under verification, integrations asked, counter-arguments), the longest waiting first. */
export async function selectWaitingClaims(
  tx: Queryable,
  f: DashboardFilters,
  today: string,
): Promise<WaitingClaimRow[]> {
  const cte = projectsCte(f);
  const t = `$${cte.params.length + 1}::date`;
  return tx.query<WaitingClaimRow>(
    `WITH ${cte.sql},
     w AS (SELECT c.id, c.project_id, c.claim_no, c.version_no, c.status, c.requested_cents,
                  coalesce((c.submitted_at AT TIME ZONE 'Europe/Rome')::date,
                           (SELECT (max(ev.at) AT TIME ZONE 'Europe/Rome')::date FROM project_claim_events ev
                             WHERE ev.claim_id = c.id)) AS sent_on,
                  (SELECT (max(ev.at) AT TIME ZONE 'Europe/Rome')::date FROM project_claim_events ev
                    WHERE ev.claim_id = c.id AND ev.to_status = c.status) AS status_since,
                  (SELECT coalesce(sum(x.charged_cents), 0) FROM project_claim_expenses x WHERE x.claim_id = c.id) AS claimed_cents
             FROM project_claims c
            WHERE c.status IN (${WAITING}) AND c.project_id IN (SELECT id FROM p))
     SELECT id, project_id, claim_no, version_no, status, claimed_cents, requested_cents, sent_on::text,
            status_since::text, (${t} - sent_on) AS age_days
       FROM w ORDER BY sent_on NULLS LAST, claim_no, id`,
    [...cte.params, today],
  );
}

export interface OpenQueryRow {
  id: string;
  project_id: string;
  subject: string;
  due_on: string;
}

/** The open queries (not resolved) with a due date, of the filters' projects. */
export async function selectOpenQueries(tx: Queryable, f: DashboardFilters): Promise<OpenQueryRow[]> {
  const cte = projectsCte(f);
  return tx.query<OpenQueryRow>(
    `WITH ${cte.sql}
     SELECT q.id, q.project_id, q.subject, q.due_on::text
       FROM project_queries q
      WHERE q.status <> 'RISOLTA' AND q.due_on IS NOT NULL AND q.project_id IN (SELECT id FROM p)
      ORDER BY q.due_on, q.id`,
    cte.params,
  );
}

/** The quarters of the filters' projects with a scheda sent (anything past a draft). */
export async function selectSubmittedQuarters(
  tx: Queryable,
  f: DashboardFilters,
): Promise<{ project_id: string; year: number; quarter: number }[]> {
  const cte = projectsCte(f);
  return tx.query(
    `WITH ${cte.sql}
     SELECT m.project_id, m.year, m.quarter FROM project_monitoring_reports m
      WHERE m.status <> 'BOZZA' AND m.project_id IN (SELECT id FROM p)`,
    cte.params,
  );
}

/** The Regions and calls of the projects the actor sees (the filters' choices, with names). */
export async function selectFilterOptions(tx: Queryable): Promise<{
  regions: { code: string; name: string }[];
  calls: { id: string; code: string; title: string }[];
}> {
  const regions = await tx.query<{ code: string; name: string }>(
    `SELECT r.code, r.name FROM regions r
      WHERE EXISTS (SELECT 1 FROM projects p JOIN comuni c ON c.istat_code = p.comune_istat WHERE c.region_code = r.code)
      ORDER BY r.name`,
  );
  const calls = await tx.query<{ id: string; code: string; title: string }>(
    `SELECT pc.id, pc.code, pc.title_it AS title FROM project_calls pc ORDER BY pc.title_it, pc.code`,
  );
  return { regions, calls };
}

/** The name of a Comune. */
export async function selectComuneName(tx: Queryable, istat: string): Promise<string | null> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [istat]);
  return row?.name ?? null;
}
