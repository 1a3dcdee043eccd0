/**
 * SQL of the projects' dashboards: SQL only. Reads the tables of the other parts (budget,
 * expenses, claims, queries, monitoring) as they are defined in 0028; row-level security keeps
 * every statement to what the actor may see (a Comune its own, a Regione its Comuni's, the
 * national bodies all), so totals are of what the actor sees.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';

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
  /** the expenses with warnings (drafts aside) by warning code: how many, their charged amount */
  warnings: { code: string; n: number; cents: number }[];
  waiting_claims: number;
  /** the claims waiting, the earliest sent first */
  waiting_list: WaitingClaimRow[];
  overdue_queries: number;
  earliest_overdue: string | null;
}

/**
 * Every project of the filters with its figures: the projects under row-level security, their
 * sums from project_dashboard_sums (0033: one pass over each table, for the projects the caller
 * sees): the plan (the lines of the approved budget version with the highest number), spent
 * (expenses loaded and later), claimed (the expenses of the claims sent and not superseded),
 * verified and paid (of those claims), the expenses with warnings by code, the claims waiting (with
 * their age) and the open queries past their due date.
 */
export async function selectProjectFigures(
  tx: Queryable,
  f: DashboardFilters,
  today: string,
): Promise<ProjectFiguresRow[]> {
  const cte = projectsCte(f);
  const t = `$${cte.params.length + 1}::date`;
  return tx.query<ProjectFiguresRow>(
    `WITH ${cte.sql}
     SELECT p.id, p.cup, p.title, p.status, p.start_date::text, p.end_date::text, p.comune_istat, p.comune_name,
            p.region_code, p.region_name, p.call_id, p.call_code, p.call_title,
            s.plan_cents, s.spent_cents, s.claimed_cents, s.verified_cents, s.paid_cents, s.warned_expenses, s.warnings,
            s.waiting_claims, s.waiting_list, s.overdue_queries, s.earliest_overdue::text
       FROM p JOIN project_dashboard_sums(ARRAY(SELECT id FROM p), ${t}) s ON s.project_id = p.id
      ORDER BY p.region_name, p.comune_name, p.title, p.id`,
    [...cte.params, today],
  );
}

/** A claim waiting (sent, under verification, integrations asked, counter-arguments). */
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
      WHERE r.code IN (SELECT c.region_code FROM projects p JOIN comuni c ON c.istat_code = p.comune_istat)
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
