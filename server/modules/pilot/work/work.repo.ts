/**
 * SQL of the work list (pilot_tasks) and of the critical-issue register (pilot_issues). Row-level
 * security limits every query to what the transaction's access may see.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where, offsetOf } from '../../../platform/pagination.js';
import type { TaskKind } from '../shared/vocab.js';
import type { Issue, IssueQuery, TaskQuery } from './work.schema.js';

// ───────────────────────────── tasks ─────────────────────────────

export interface TaskRow {
  id: string;
  comune_istat: string;
  assignee_user_id: string;
  kind: TaskKind;
  due_on: string;
  case_id: string;
  label: string;
  status: 'aperto' | 'fatto';
}

const taskColumns = `id, comune_istat, assignee_user_id, kind, due_on::text AS due_on, case_id, label, status`;

/** A page of one user's tasks, earliest due first. */
export async function selectTaskPage(
  tx: Queryable,
  userId: string,
  q: TaskQuery,
): Promise<{ rows: TaskRow[]; total: number }> {
  const w = new Where().add('assignee_user_id = $?', userId);
  if (q.status) w.add('status = $?', q.status);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM pilot_tasks ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<TaskRow>(
    `SELECT ${taskColumns} FROM pilot_tasks ${w} ORDER BY due_on, created_at, id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function selectTask(
  tx: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<TaskRow | undefined> {
  const [row] = await tx.query<TaskRow>(
    `SELECT ${taskColumns} FROM pilot_tasks WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function markTaskDone(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query(`UPDATE pilot_tasks SET status = 'fatto', done_at = $2 WHERE id = $1`, [id, now]);
}

export interface NewTask {
  comuneIstat: string;
  assigneeUserId: string;
  kind: TaskKind;
  dueOn: string;
  caseId: string;
  label: string;
  dedupeKey: string;
}

/** Inserts the tasks whose dedupe key is new, in one statement; returns how many were created. */
export async function insertTasks(tx: Queryable, tasks: NewTask[], now: Date): Promise<number> {
  if (!tasks.length) return 0;
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO pilot_tasks (comune_istat, assignee_user_id, kind, due_on, case_id, label, dedupe_key, created_at)
     SELECT t."comuneIstat", t."assigneeUserId", t.kind, t."dueOn"::date, t."caseId", t.label, t."dedupeKey", $2
       FROM jsonb_to_recordset($1::jsonb) AS t("comuneIstat" text, "assigneeUserId" uuid, kind text, "dueOn" text,
            "caseId" uuid, label text, "dedupeKey" text)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(tasks), now],
  );
  return rows.length;
}

// ───────────────────────────── sources of the tasks (system access) ─────────────────────────────

export interface PermitDue {
  permit_id: string;
  expires_on: string;
  case_id: string;
  comune_istat: string;
  owner_user_id: string;
  pseudonym: string;
}

/**
 * Live permits (not revoked, not converted, not replaced by a successor) of people in open cases
 * that expire between `today` and `until`.
 */
export async function selectPermitsExpiring(tx: Queryable, today: string, until: string): Promise<PermitDue[]> {
  return tx.query<PermitDue>(
    `SELECT p.id AS permit_id, p.expires_on::text AS expires_on, c.id AS case_id, c.comune_istat, c.owner_user_id, pe.pseudonym
       FROM pilot_permits p
       JOIN pilot_case_members m ON m.person_id = p.person_id
       JOIN pilot_cases c ON c.id = m.case_id
       JOIN pilot_persons pe ON pe.id = p.person_id
      WHERE p.expires_on BETWEEN $1::date AND $2::date
        AND p.revoked_on IS NULL AND p.converted_on IS NULL
        AND NOT EXISTS (SELECT 1 FROM pilot_permits s WHERE s.predecessor_id = p.id)
        -- a renewal requested after the last grant covers the stay (derivePermitStatus): no reminder
        AND NOT (p.renewal_requested_on IS NOT NULL AND p.renewal_requested_on > coalesce(p.renewed_on, p.issued_on))
        AND c.status <> 'chiuso'`,
    [today, until],
  );
}

export interface PaiDue {
  pai_id: string;
  review_due_on: string;
  case_id: string;
  comune_istat: string;
  owner_user_id: string;
  pseudonym: string;
}

/** Approved or running PAIs of open cases whose review is due on or before `until` (overdue included). */
export async function selectPaiReviewsDue(tx: Queryable, until: string): Promise<PaiDue[]> {
  return tx.query<PaiDue>(
    `SELECT a.id AS pai_id, a.review_due_on::text AS review_due_on, c.id AS case_id, c.comune_istat, c.owner_user_id, pe.pseudonym
       FROM pilot_pais a
       JOIN pilot_cases c ON c.id = a.case_id
       JOIN pilot_persons pe ON pe.id = a.person_id
      WHERE a.status IN ('approvato', 'in_corso') AND a.review_due_on <= $1::date AND c.status <> 'chiuso'`,
    [until],
  );
}

export interface ClosedCase {
  case_id: string;
  comune_istat: string;
  owner_user_id: string;
  closed_on: string;
  pseudonym: string;
  recorded: string[];
}

/**
 * Cases closed since `since`, with the follow-up outcomes already recorded for them
 * ('follow_up_6', 'follow_up_12'): older ones have had their follow-up tasks (the job runs daily).
 */
export async function selectClosedCases(tx: Queryable, since: string): Promise<ClosedCase[]> {
  return tx.query<ClosedCase>(
    `SELECT c.id AS case_id, c.comune_istat, c.owner_user_id, c.closed_on::text AS closed_on, pe.pseudonym,
            ARRAY(SELECT DISTINCT o.kind FROM pilot_outcomes o
                   WHERE o.case_id = c.id AND o.kind IN ('follow_up_6', 'follow_up_12')) AS recorded
       FROM pilot_cases c JOIN pilot_persons pe ON pe.id = c.holder_person_id
      WHERE c.status = 'chiuso' AND c.closed_on >= $1::date`,
    [since],
  );
}

export interface MeasureLate {
  measure_id: string;
  type: string;
  status: 'pianificata' | 'avviata';
  start_on: string;
  end_on: string | null;
  case_id: string;
  comune_istat: string;
  owner_user_id: string;
  pseudonym: string;
}

/**
 * Measures of open cases that are late: still 'pianificata' more than 7 days after their start
 * (`startedBefore` = today − 7), or 'avviata' after their end date.
 */
export async function selectMeasuresLate(tx: Queryable, today: string, startedBefore: string): Promise<MeasureLate[]> {
  return tx.query<MeasureLate>(
    `SELECT ms.id AS measure_id, ms.type, ms.status, ms.start_on::text AS start_on, ms.end_on::text AS end_on,
            c.id AS case_id, c.comune_istat, c.owner_user_id, pe.pseudonym
       FROM pilot_measures ms
       JOIN pilot_pais a ON a.id = ms.pai_id
       JOIN pilot_cases c ON c.id = a.case_id
       JOIN pilot_persons pe ON pe.id = a.person_id
      WHERE ((ms.status = 'pianificata' AND ms.start_on < $2::date) OR (ms.status = 'avviata' AND ms.end_on < $1::date))
        AND c.status <> 'chiuso'`,
    [today, startedBefore],
  );
}

// ───────────────────────────── digest ─────────────────────────────

export interface DigestTask {
  user_id: string;
  email: string;
  kind: TaskKind;
  due_on: string;
  label: string;
}

/** Open tasks due on or before `until` (overdue included) of active users, by user and due date. */
export async function selectDigestTasks(tx: Queryable, until: string): Promise<DigestTask[]> {
  return tx.query<DigestTask>(
    `SELECT u.id AS user_id, u.email, t.kind, t.due_on::text AS due_on, t.label
       FROM pilot_tasks t JOIN access_users_v u ON u.id = t.assignee_user_id
      WHERE t.status = 'aperto' AND t.due_on <= $1::date AND u.status = 'active'
      ORDER BY u.id, t.due_on, t.created_at, t.id`,
    [until],
  );
}

/**
 * Claims the digest of (user, day) for this run: true when the claim is new, false when another
 * run holds it (waits for that run's transaction when it has not committed yet).
 */
export async function claimDigest(tx: Queryable, userId: string, day: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO pilot_digest_claims (user_id, day, claimed_at) VALUES ($1, $2::date, $3)
     ON CONFLICT (user_id, day) DO NOTHING RETURNING user_id`,
    [userId, day, now],
  );
  return rows.length > 0;
}

/** Gives a claim back (the send failed: the job's retry may claim it again). */
export async function releaseDigestClaim(tx: Queryable, userId: string, day: string): Promise<void> {
  await tx.query('DELETE FROM pilot_digest_claims WHERE user_id = $1 AND day = $2::date', [userId, day]);
}

/** Forgets the claims of days before `day` (the audit log keeps what was sent). */
export async function pruneDigestClaims(tx: Queryable, day: string): Promise<void> {
  await tx.query('DELETE FROM pilot_digest_claims WHERE day < $1::date', [day]);
}

// ───────────────────────────── critical issues ─────────────────────────────

export interface IssueRow {
  id: string;
  comune_istat: string;
  comune_name: string;
  raised_by_level: Issue['raisedByLevel'];
  category: Issue['category'];
  title: string;
  description: string;
  corrective_action: string;
  owner: string;
  due_on: string;
  status: Issue['status'];
  resolution: string | null;
  created_at: Date;
  updated_at: Date;
}

const issueColumns = `i.id, i.comune_istat, c.name AS comune_name, i.raised_by_level, i.category, i.title, i.description,
  i.corrective_action, i.owner, i.due_on::text AS due_on, i.status, i.resolution, i.created_at, i.updated_at
  FROM pilot_issues i JOIN registry_comuni_v c ON c.istat_code = i.comune_istat`;

/** A page of the issues the transaction sees, earliest due first. */
export async function selectIssuePage(tx: Queryable, q: IssueQuery): Promise<{ rows: IssueRow[]; total: number }> {
  const w = new Where();
  if (q.comune) w.add('i.comune_istat = $?', q.comune);
  if (q.status) w.add('i.status = $?', q.status);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM pilot_issues i ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<IssueRow>(
    `SELECT ${issueColumns} ${w} ORDER BY i.due_on, i.created_at, i.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function selectIssue(
  tx: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<IssueRow | undefined> {
  const [row] = await tx.query<IssueRow>(
    `SELECT ${issueColumns} WHERE i.id = $1${opts.lock ? ' FOR UPDATE OF i' : ''}`,
    [id],
  );
  return row;
}

export async function insertIssue(
  tx: Queryable,
  i: {
    comuneIstat: string;
    raisedBy: string;
    raisedByLevel: Issue['raisedByLevel'];
    category: string;
    title: string;
    description: string;
    correctiveAction: string;
    owner: string;
    dueOn: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_issues (comune_istat, raised_by, raised_by_level, category, title, description, corrective_action,
       owner, due_on, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [
      i.comuneIstat,
      i.raisedBy,
      i.raisedByLevel,
      i.category,
      i.title,
      i.description,
      i.correctiveAction,
      i.owner,
      i.dueOn,
      i.now,
    ],
  );
  return row!.id;
}

const issueUpdatable = {
  status: 'status',
  correctiveAction: 'corrective_action',
  owner: 'owner',
  dueOn: 'due_on',
  resolution: 'resolution',
} as const;
export type IssueChanges = Partial<Record<keyof typeof issueUpdatable, string>>;

export async function updateIssue(tx: Queryable, id: string, changes: IssueChanges, now: Date): Promise<void> {
  const params: unknown[] = [id, now];
  const sets = ['updated_at = $2'];
  for (const [key, column] of Object.entries(issueUpdatable) as [keyof IssueChanges, string][]) {
    const v = changes[key];
    if (v === undefined) continue;
    params.push(v);
    sets.push(`${column} = $${params.length}`);
  }
  await tx.query(`UPDATE pilot_issues SET ${sets.join(', ')} WHERE id = $1`, params);
}
