/**
 * SQL of the work list (pilot_tasks) and of the critical-issue register (pilot_issues). Row-level
 * security limits every query to what the transaction's access may see.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where, offsetOf } from '../../../platform/pagination.js';
import type { LabelLanguage } from '../shared/labels.js';
import type { TaskParams } from '../shared/tasks.rules.js';
import { caseManagerRoles, type TaskAssignee, type TaskKind, type TaskStatus } from '../shared/vocab.js';
import type { Issue, IssueQuery, TaskQuery } from './work.schema.js';

// ───────────────────────────── tasks ─────────────────────────────

export interface TaskRow {
  id: string;
  comune_istat: string;
  assignee_role: TaskAssignee;
  kind: TaskKind;
  due_on: string;
  case_id: string | null;
  label: string;
  params: Partial<TaskParams>;
  status: TaskStatus;
}

const taskColumns = `t.id, t.comune_istat, t.assignee_role, t.kind, t.due_on::text AS due_on, t.case_id, t.label, t.params, t.status`;

/** Who reads: a user, with the roles that receive a Comune's tasks and their Comune. */
export interface TaskReader {
  userId: string;
  roles: TaskAssignee[];
  comune: string | null;
}

/**
 * A reader's tasks: a case manager's are those of the cases they own now (the task follows the
 * case), the referente's and the amministrativo's those of their role in their Comune.
 */
function readerWhere(w: Where, r: TaskReader): Where {
  const user = w.param(r.userId);
  const roles = w.param(r.roles);
  const comune = w.param(r.comune);
  return w.raw(
    `((t.assignee_role = 'case_manager' AND t.case_id IN (SELECT c.id FROM pilot_cases c WHERE c.owner_user_id = ${user}))` +
      ` OR (t.assignee_role = ANY(${roles}::text[]) AND t.comune_istat = ${comune}))`,
  );
}

/** A page of one reader's tasks, earliest due first. */
export async function selectTaskPage(
  tx: Queryable,
  reader: TaskReader,
  q: Pick<TaskQuery, 'status' | 'page' | 'pageSize'>,
): Promise<{ rows: TaskRow[]; total: number }> {
  const w = readerWhere(new Where(), reader);
  if (q.status) w.add('t.status = $?', q.status);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM pilot_tasks t ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<TaskRow>(
    `SELECT ${taskColumns} FROM pilot_tasks t ${w} ORDER BY t.due_on, t.created_at, t.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { rows, total: count?.n ?? 0 };
}

/** One task, if the reader is its assignee. */
export async function selectReaderTask(
  tx: Queryable,
  reader: TaskReader,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<TaskRow | undefined> {
  const w = readerWhere(new Where().add('t.id = $?', id), reader);
  const [row] = await tx.query<TaskRow>(
    `SELECT ${taskColumns} FROM pilot_tasks t ${w}${opts.lock ? ' FOR UPDATE OF t' : ''}`,
    w.params,
  );
  return row;
}

export async function markTaskDone(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query(`UPDATE pilot_tasks SET status = 'fatto', done_at = $2 WHERE id = $1`, [id, now]);
}

/** Records the language a user reads their work list in (for their digest), when it changed. */
export async function upsertDigestLanguage(
  tx: Queryable,
  userId: string,
  lang: LabelLanguage,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_digest_languages AS d (user_id, language, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at
      WHERE d.language <> EXCLUDED.language`,
    [userId, lang, now],
  );
}

// ───────────────────────────── digest ─────────────────────────────

export interface DigestTask extends TaskRow {
  user_id: string;
  email: string;
  language: LabelLanguage;
}

/**
 * Open tasks due on or before `until` (overdue included) of active users, by user and due date:
 * a case manager's through the cases they own, a role's to each active holder of that role whose
 * organisation is in the task's Comune ('operatori_referenti': of either role). With the user's
 * language (Italian by default).
 */
export async function selectDigestTasks(tx: Queryable, until: string): Promise<DigestTask[]> {
  return tx.query<DigestTask>(
    `WITH open_tasks AS (
       SELECT ${taskColumns} FROM pilot_tasks t WHERE t.status = 'aperto' AND t.due_on <= $1::date
     ), recipients AS (
       SELECT o.id AS task_id, c.owner_user_id AS user_id
         FROM open_tasks o JOIN pilot_cases c ON c.id = o.case_id
        WHERE o.assignee_role = 'case_manager'
       UNION
       SELECT o.id, r.user_id
         FROM open_tasks o
         JOIN access_user_roles_v r ON r.role = o.assignee_role
              OR (o.assignee_role = 'operatori_referenti' AND r.role = ANY($2::text[]))
         JOIN access_users_v ru ON ru.id = r.user_id
         JOIN registry_organisations_v org ON org.id = ru.organisation_id AND org.comune_istat = o.comune_istat
        WHERE o.assignee_role <> 'case_manager'
     )
     SELECT o.*, u.id AS user_id, u.email, coalesce(l.language, 'it') AS language
       FROM recipients x
       JOIN open_tasks o ON o.id = x.task_id
       JOIN access_users_v u ON u.id = x.user_id
       LEFT JOIN pilot_digest_languages l ON l.user_id = u.id
      WHERE u.status = 'active'
      ORDER BY u.id, o.due_on, o.id`,
    [until, [...caseManagerRoles]],
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
