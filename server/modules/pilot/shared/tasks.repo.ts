/**
 * The work list's table (`pilot_tasks`, owned by `pilot/work`) as every sub-feature of the pilot
 * needs it: the sources of the tasks of a case or a Comune, the upsert of the tasks due and the
 * closing of those whose cause has ended (tasks.ts), and completing a task by its key. No other
 * sub-feature writes this SQL.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type {
  AdmissionSource,
  BudgetSource,
  ClosedCaseSource,
  CostMissingSource,
  DueTask,
  LateMeasureSource,
  PaiReviewSource,
  PermitSource,
  ReferralSourceRow,
  SharedPaiSource,
} from './tasks.rules.js';

/** Marks the open work-list task with this dedupe key as done (e.g. a follow-up was recorded). */
export async function completeTask(tx: Queryable, dedupeKey: string, now: Date): Promise<void> {
  await tx.query(`UPDATE pilot_tasks SET status = 'fatto', done_at = $2 WHERE dedupe_key = $1 AND status = 'aperto'`, [
    dedupeKey,
    now,
  ]);
}

/** Moves the case's open tasks of its former case manager to the new one (a reassignment). */
export async function reassignOpenTasks(tx: Queryable, caseId: string, from: string, to: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE pilot_tasks SET assignee_user_id = $3 WHERE case_id = $1 AND assignee_user_id = $2 AND status = 'aperto' RETURNING id`,
    [caseId, from, to],
  );
  return rows.length;
}

/**
 * Which data a refresh covers: one case, a whole Comune, or (`ownOnly`) only the Comune's tasks
 * that belong to no case (budget, allocation, referrals in screening).
 */
export type TaskScope = { caseId: string; comune: string } | { caseId: null; comune: string; ownOnly?: boolean };

/**
 * Serialises the refreshes of one Comune's work list until the transaction ends (two instances
 * starting together, the nightly run and a user's change): an advisory lock, transaction-level.
 */
export async function lockComuneTasks(tx: Queryable, comune: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('incas.pilot.tasks'), hashtext($1))`, [comune]);
}

/** The pilot Comuni, whose work lists the start and the nightly run refresh. */
export async function selectTaskComuni(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ istat_code: string }>(
    `SELECT istat_code FROM registry_comuni_v WHERE pilot_18ter ORDER BY istat_code`,
  );
  return rows.map((r) => r.istat_code);
}

/** The Comune of a case (null when the transaction does not see it). */
export async function selectCaseComune(tx: Queryable, caseId: string): Promise<string | null> {
  const [row] = await tx.query<{ comune_istat: string }>('SELECT comune_istat FROM pilot_cases WHERE id = $1', [
    caseId,
  ]);
  return row?.comune_istat ?? null;
}

// the scope's two parameters, $1 (case or null) and $2 (Comune), on the case `c`
const inScope = `($1::uuid IS NULL OR c.id = $1::uuid) AND c.comune_istat = $2`;
const scopeParams = (s: TaskScope) => [s.caseId, s.comune];

/**
 * Live permits (not revoked, not converted, not replaced by a successor, no renewal pending) of
 * people in open cases that expire by `until` and at the earliest on `since`, or whose reminder is
 * still open.
 */
export async function selectPermitSources(
  tx: Queryable,
  s: TaskScope,
  since: string,
  until: string,
): Promise<PermitSource[]> {
  return tx.query<PermitSource>(
    `SELECT p.id AS permit_id, p.expires_on::text AS expires_on, c.id AS case_id, c.comune_istat, pe.pseudonym
       FROM pilot_permits p
       JOIN pilot_case_members m ON m.person_id = p.person_id
       JOIN pilot_cases c ON c.id = m.case_id
       JOIN pilot_persons pe ON pe.id = p.person_id
      WHERE ${inScope}
        AND p.expires_on <= $4::date
        AND (p.expires_on >= $3::date OR EXISTS (SELECT 1 FROM pilot_tasks t WHERE t.case_id = c.id
              AND t.status = 'aperto' AND t.dedupe_key LIKE 'permit:' || p.id::text || ':%'))
        AND p.revoked_on IS NULL AND p.converted_on IS NULL
        AND NOT EXISTS (SELECT 1 FROM pilot_permits n WHERE n.predecessor_id = p.id)
        -- a renewal requested after the last grant covers the stay (derivePermitStatus): no reminder
        AND NOT (p.renewal_requested_on IS NOT NULL AND p.renewal_requested_on > coalesce(p.renewed_on, p.issued_on))
        AND c.status <> 'chiuso'`,
    [...scopeParams(s), since, until],
  );
}

/** Approved or running PAIs of open cases whose review is due by `until` (overdue included). */
export async function selectPaiReviewSources(tx: Queryable, s: TaskScope, until: string): Promise<PaiReviewSource[]> {
  return tx.query<PaiReviewSource>(
    `SELECT a.id AS pai_id, a.review_due_on::text AS review_due_on, c.id AS case_id, c.comune_istat, pe.pseudonym
       FROM pilot_pais a
       JOIN pilot_cases c ON c.id = a.case_id
       JOIN pilot_persons pe ON pe.id = a.person_id
      WHERE ${inScope} AND a.status IN ('approvato', 'in_corso') AND a.review_due_on <= $3::date
        AND c.status <> 'chiuso'`,
    [...scopeParams(s), until],
  );
}

/**
 * Cases closed since `since`, or with a follow-up still open, with the follow-up outcomes already
 * recorded for them ('follow_up_6', 'follow_up_12').
 */
export async function selectClosedCaseSources(tx: Queryable, s: TaskScope, since: string): Promise<ClosedCaseSource[]> {
  return tx.query<ClosedCaseSource>(
    `SELECT c.id AS case_id, c.comune_istat, c.closed_on::text AS closed_on, pe.pseudonym,
            ARRAY(SELECT DISTINCT o.kind FROM pilot_outcomes o
                   WHERE o.case_id = c.id AND o.kind IN ('follow_up_6', 'follow_up_12')) AS recorded
       FROM pilot_cases c JOIN pilot_persons pe ON pe.id = c.holder_person_id
      WHERE ${inScope} AND c.status = 'chiuso'
        AND (c.closed_on >= $3::date OR EXISTS (SELECT 1 FROM pilot_tasks t WHERE t.case_id = c.id
              AND t.kind = 'follow_up' AND t.status = 'aperto'))`,
    [...scopeParams(s), since],
  );
}

/**
 * Measures of open cases that are late: still 'pianificata' after `startedBefore` (today − 7),
 * or 'avviata' after their end date.
 */
export async function selectLateMeasureSources(
  tx: Queryable,
  s: TaskScope,
  today: string,
  startedBefore: string,
): Promise<LateMeasureSource[]> {
  return tx.query<LateMeasureSource>(
    `SELECT ms.id AS measure_id, ms.type, ms.status, ms.start_on::text AS start_on, ms.end_on::text AS end_on,
            c.id AS case_id, c.comune_istat, pe.pseudonym
       FROM pilot_measures ms
       JOIN pilot_pais a ON a.id = ms.pai_id
       JOIN pilot_cases c ON c.id = a.case_id
       JOIN pilot_persons pe ON pe.id = a.person_id
      WHERE ${inScope}
        AND ((ms.status = 'pianificata' AND ms.start_on < $4::date) OR (ms.status = 'avviata' AND ms.end_on < $3::date))
        AND c.status <> 'chiuso'`,
    [...scopeParams(s), today, startedBefore],
  );
}

/** PAIs shared with the person and waiting for the referente's approval, in open cases. */
export async function selectSharedPaiSources(tx: Queryable, s: TaskScope): Promise<SharedPaiSource[]> {
  return tx.query<SharedPaiSource>(
    `SELECT a.id AS pai_id, a.shared_on::text AS shared_on, (a.updated_at AT TIME ZONE 'UTC')::date::text AS updated_on,
            c.id AS case_id, c.comune_istat, pe.pseudonym
       FROM pilot_pais a
       JOIN pilot_cases c ON c.id = a.case_id
       JOIN pilot_persons pe ON pe.id = a.person_id
      WHERE ${inScope} AND a.status = 'condiviso' AND c.status <> 'chiuso'`,
    scopeParams(s),
  );
}

/** People in care whose admission to the measures the referente has not decided (case 'aperto'). */
export async function selectAdmissionSources(tx: Queryable, s: TaskScope): Promise<AdmissionSource[]> {
  return tx.query<AdmissionSource>(
    `SELECT c.id AS case_id, c.comune_istat, c.opened_on::text AS opened_on, pe.pseudonym
       FROM pilot_cases c JOIN pilot_persons pe ON pe.id = c.holder_person_id
      WHERE ${inScope} AND c.status = 'aperto'`,
    scopeParams(s),
  );
}

/** Measures completed or interrupted without their actual cost (any case: the cost is still owed). */
export async function selectCostMissingSources(tx: Queryable, s: TaskScope): Promise<CostMissingSource[]> {
  return tx.query<CostMissingSource>(
    `SELECT ms.id AS measure_id, c.id AS case_id, c.comune_istat, ms.type, ms.provider_name,
            ms.start_on::text AS start_on, ms.end_on::text AS end_on, ms.cost_planned
       FROM pilot_measures ms
       JOIN pilot_pais a ON a.id = ms.pai_id
       JOIN pilot_cases c ON c.id = a.case_id
      WHERE ${inScope} AND ms.status IN ('completata', 'interrotta') AND ms.cost_actual IS NULL`,
    scopeParams(s),
  );
}

/** The Comune's referrals still in screening and not linked to a case (not taken in charge). */
export async function selectReferralSources(tx: Queryable, comune: string): Promise<ReferralSourceRow[]> {
  return tx.query<ReferralSourceRow>(
    `SELECT r.id AS referral_id, r.comune_istat, r.received_on::text AS received_on, r.source
       FROM pilot_referrals r
      WHERE r.comune_istat = $1 AND r.outcome = 'in_screening' AND r.case_id IS NULL`,
    [comune],
  );
}

/**
 * A Comune's allocation and commitments for each of `years`, through the budget's own function
 * `incas_pilot_budget` (sums only).
 */
export async function selectBudgetSources(tx: Queryable, comune: string, years: number[]): Promise<BudgetSource[]> {
  const out: BudgetSource[] = [];
  for (const year of years) {
    const [row] = await tx.query<{ allocation: number | null; committed: number }>(
      `SELECT max(allocation) AS allocation, coalesce(sum(committed), 0) AS committed
         FROM incas_pilot_budget($1::int) WHERE comune_istat = $2`,
      [year, comune],
    );
    out.push({ comune_istat: comune, year, allocation: row?.allocation ?? null, committed: row?.committed ?? 0 });
  }
  return out;
}

/**
 * Writes the tasks due: a new key is inserted; an open task gets its current words (params); a
 * task closed as 'superato' whose cause came back is reopened. A task marked 'fatto' by a person
 * stays done. Returns how many tasks were created.
 */
export async function upsertTasks(tx: Queryable, tasks: DueTask[], now: Date): Promise<number> {
  if (!tasks.length) return 0;
  const rows = await tx.query<{ created: boolean }>(
    `INSERT INTO pilot_tasks AS t (comune_istat, assignee_role, kind, due_on, case_id, referral_id, label, params, dedupe_key, created_at)
     SELECT d."comuneIstat", d.assignee, d.kind, d."dueOn"::date, d."caseId", d."referralId", d.label, d.params, d."dedupeKey", $2
       FROM jsonb_to_recordset($1::jsonb) AS d("comuneIstat" text, assignee text, kind text, "dueOn" text,
            "caseId" uuid, "referralId" uuid, label text, params jsonb, "dedupeKey" text)
      ORDER BY d."dedupeKey"
     ON CONFLICT (dedupe_key) DO UPDATE
        SET params = EXCLUDED.params, label = EXCLUDED.label,
            due_on = CASE WHEN t.status = 'superato' THEN EXCLUDED.due_on ELSE t.due_on END,
            status = 'aperto', done_at = NULL
      WHERE t.status = 'superato' OR (t.status = 'aperto' AND t.params IS DISTINCT FROM EXCLUDED.params)
     RETURNING (xmax = 0) AS created`,
    [JSON.stringify(tasks), now],
  );
  return rows.filter((r) => r.created).length;
}

/**
 * Closes as 'superato' the open tasks of the scope whose key is not among `keep` (their cause has
 * ended). The Comune's own tasks (no case) are in every scope of that Comune, and alone in an
 * `ownOnly` one. Returns how many.
 */
export async function endTasksNotIn(tx: Queryable, s: TaskScope, keep: string[], now: Date): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE pilot_tasks SET status = 'superato', done_at = $4
      WHERE status = 'aperto' AND comune_istat = $2
        AND ($1::uuid IS NULL OR case_id = $1::uuid OR case_id IS NULL)
        AND (NOT $5::boolean OR case_id IS NULL)
        AND NOT (dedupe_key = ANY($3::text[]))
        -- tasks made by hand (tests, older releases) have keys no rule produces: left alone
        AND dedupe_key ~ '^(permit|pai-review|follow-up|measure|pai-approval|admission|measure-cost|allocation|budget-low|referral):'
      RETURNING id`,
    [...scopeParams(s), keep, now, s.caseId === null && s.ownOnly === true],
  );
  return rows.length;
}
