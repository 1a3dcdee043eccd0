/** SQL of the Region–Comune dialogue: threads, messages, mentions, participants and the e-mail notices. */
import type { Queryable } from '../../../platform/db/db.js';
import type { AnchorKind, ThreadStatus } from './dialogue.schema.js';

export interface ThreadRow {
  id: string;
  comune_istat: string;
  comune_name: string;
  region_code: string;
  region_name: string;
  subject: string;
  anchor_kind: AnchorKind;
  plan_id: string | null;
  action_id: string | null;
  project_id: string | null;
  topic: string | null;
  anchor_label: string | null;
  due_date: string | null;
  days_overdue: number | null;
  status: ThreadStatus;
  created_by_name: string;
  created_at: Date;
  closed_at: Date | null;
  messages: number;
  last_message_at: Date | null;
  awaiting_me: boolean;
  row_version: number;
}

/**
 * `$1` today (YYYY-MM-DD), `$2` the user, `$3` the user's organisation. A thread awaits the user
 * when it is open and its last message came from another organisation, or a message mentions the
 * user after the last one they wrote.
 */
const threadCols = `t.id, t.comune_istat, c.name AS comune_name, t.region_code, r.name AS region_name, t.subject,
  t.anchor_kind, t.plan_id, t.action_id, t.project_id, t.topic,
  CASE t.anchor_kind
    WHEN 'PIANO' THEN (SELECT p.title FROM plm_plans p WHERE p.id = t.plan_id)
    WHEN 'AZIONE' THEN (SELECT a.code || ' – ' || a.title FROM plm_actions a WHERE a.id = t.action_id)
    WHEN 'PROGETTO' THEN (SELECT coalesce(pr.cup || ' – ', '') || pr.title FROM projects pr WHERE pr.id = t.project_id)
    ELSE t.topic END AS anchor_label,
  t.due_date::text, CASE WHEN t.status = 'APERTA' AND t.due_date < $1::date THEN ($1::date - t.due_date) END AS days_overdue,
  t.status, u.display_name AS created_by_name, t.created_at, t.closed_at,
  (SELECT count(*)::int FROM plm_thread_messages m WHERE m.thread_id = t.id) AS messages,
  (SELECT max(m.created_at) FROM plm_thread_messages m WHERE m.thread_id = t.id) AS last_message_at,
  (t.status = 'APERTA' AND (
     (SELECT au.organisation_id FROM plm_thread_messages m JOIN access_users_v au ON au.id = m.author_id
       WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) IS DISTINCT FROM $3::uuid
     OR EXISTS (SELECT 1 FROM plm_thread_mentions x JOIN plm_thread_messages m ON m.id = x.message_id
                 WHERE x.thread_id = t.id AND x.user_id = $2::uuid
                   AND m.created_at > coalesce((SELECT max(m2.created_at) FROM plm_thread_messages m2
                                                 WHERE m2.thread_id = t.id AND m2.author_id = $2::uuid), '-infinity'))
  )) AS awaiting_me,
  t.row_version`;
const threadFrom = `plm_threads t JOIN registry_comuni_v c ON c.istat_code = t.comune_istat
  JOIN regions r ON r.code = t.region_code JOIN access_users_v u ON u.id = t.created_by`;

export interface ThreadFilter {
  status?: ThreadStatus | undefined;
  comune?: string | undefined;
  anchor?: AnchorKind | undefined;
  planId?: string | undefined;
  awaitingMe?: boolean | undefined;
  overdue?: boolean | undefined;
}

/** The threads in the actor's reach (row-level security), overdue first, then the latest activity first. */
export async function selectThreads(
  tx: Queryable,
  me: { today: string; userId: string; orgId: string },
  f: ThreadFilter,
): Promise<ThreadRow[]> {
  return tx.query<ThreadRow>(
    `SELECT * FROM (SELECT ${threadCols} FROM ${threadFrom}
        WHERE ($4::text IS NULL OR t.status = $4) AND ($5::text IS NULL OR t.comune_istat = $5)
          AND ($6::text IS NULL OR t.anchor_kind = $6)
          AND ($7::uuid IS NULL OR t.plan_id = $7 OR t.action_id IN (SELECT a.id FROM plm_actions a WHERE a.plan_id = $7))) s
      WHERE ($8::boolean IS NULL OR s.awaiting_me = $8) AND ($9::boolean IS NULL OR (s.days_overdue IS NOT NULL) = $9)
      ORDER BY (s.status = 'CHIUSA'), s.days_overdue DESC NULLS LAST, s.last_message_at DESC NULLS LAST, s.id
      LIMIT 500`,
    [
      me.today,
      me.userId,
      me.orgId,
      f.status ?? null,
      f.comune ?? null,
      f.anchor ?? null,
      f.planId ?? null,
      f.awaitingMe ?? null,
      f.overdue ?? null,
    ],
  );
}

export async function selectThread(
  tx: Queryable,
  me: { today: string; userId: string; orgId: string },
  id: string,
): Promise<ThreadRow | undefined> {
  const [row] = await tx.query<ThreadRow>(`SELECT ${threadCols} FROM ${threadFrom} WHERE t.id = $4`, [
    me.today,
    me.userId,
    me.orgId,
    id,
  ]);
  return row;
}

/** Locks a thread for a change (the actor may update it: row-level security). */
export async function lockThread(
  tx: Queryable,
  id: string,
): Promise<{ id: string; status: ThreadStatus; row_version: number } | undefined> {
  const [row] = await tx.query<{ id: string; status: ThreadStatus; row_version: number }>(
    'SELECT id, status, row_version FROM plm_threads WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row;
}

export interface NewThread {
  id: string;
  comuneIstat: string;
  regionCode: string;
  subject: string;
  anchorKind: AnchorKind;
  planId: string | null;
  actionId: string | null;
  projectId: string | null;
  topic: string | null;
  dueDate: string | null;
  createdBy: string;
  at: Date;
}

export async function insertThread(tx: Queryable, t: NewThread): Promise<void> {
  await tx.query(
    `INSERT INTO plm_threads (id, comune_istat, region_code, subject, anchor_kind, plan_id, action_id, project_id, topic,
                              due_date, status, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'APERTA', $11, $12, $12)`,
    [
      t.id,
      t.comuneIstat,
      t.regionCode,
      t.subject,
      t.anchorKind,
      t.planId,
      t.actionId,
      t.projectId,
      t.topic,
      t.dueDate,
      t.createdBy,
      t.at,
    ],
  );
}

export async function updateThreadStatus(tx: Queryable, id: string, status: ThreadStatus, at: Date): Promise<void> {
  await tx.query(
    `UPDATE plm_threads SET status = $2, closed_at = CASE WHEN $2 = 'CHIUSA' THEN $3::timestamptz END, updated_at = $3,
            row_version = row_version + 1 WHERE id = $1`,
    [id, status, at],
  );
}

export async function updateThreadDueDate(tx: Queryable, id: string, dueDate: string | null, at: Date): Promise<void> {
  await tx.query('UPDATE plm_threads SET due_date = $2, updated_at = $3, row_version = row_version + 1 WHERE id = $1', [
    id,
    dueDate,
    at,
  ]);
}

/** A new message touches its thread (the last activity). */
export async function touchThread(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE plm_threads SET updated_at = $2 WHERE id = $1', [id, at]);
}

export async function insertMessage(
  tx: Queryable,
  m: {
    id: string;
    threadId: string;
    comuneIstat: string;
    regionCode: string;
    body: string;
    authorId: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_thread_messages (id, thread_id, comune_istat, region_code, body, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [m.id, m.threadId, m.comuneIstat, m.regionCode, m.body, m.authorId, m.at],
  );
}

export async function insertMentions(
  tx: Queryable,
  m: { messageId: string; threadId: string; comuneIstat: string; regionCode: string },
  userIds: readonly string[],
): Promise<void> {
  for (const userId of userIds)
    await tx.query(
      `INSERT INTO plm_thread_mentions (message_id, thread_id, comune_istat, region_code, user_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [m.messageId, m.threadId, m.comuneIstat, m.regionCode, userId],
    );
}

/** The notices owed for a message, one per recipient, not sent yet (the job sends them). */
export async function insertNotifications(
  tx: Queryable,
  m: { messageId: string; threadId: string; comuneIstat: string; regionCode: string },
  recipients: readonly { userId: string; reason: 'MENZIONE' | 'PARTECIPANTE' }[],
): Promise<void> {
  for (const r of recipients)
    await tx.query(
      `INSERT INTO plm_thread_notifications (message_id, thread_id, comune_istat, region_code, user_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [m.messageId, m.threadId, m.comuneIstat, m.regionCode, r.userId, r.reason],
    );
}

export interface MessageRow {
  id: string;
  body: string;
  author_id: string;
  author_name: string;
  author_organisation: string;
  created_at: Date;
}

export async function selectMessages(tx: Queryable, threadId: string): Promise<MessageRow[]> {
  return tx.query<MessageRow>(
    `SELECT m.id, m.body, m.author_id, u.display_name AS author_name, o.name AS author_organisation, m.created_at
       FROM plm_thread_messages m JOIN access_users_v u ON u.id = m.author_id
       JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE m.thread_id = $1 ORDER BY m.created_at, m.id`,
    [threadId],
  );
}

export async function selectMentions(
  tx: Queryable,
  threadId: string,
): Promise<{ message_id: string; user_id: string; display_name: string }[]> {
  return tx.query(
    `SELECT x.message_id, x.user_id, u.display_name FROM plm_thread_mentions x JOIN access_users_v u ON u.id = x.user_id
      WHERE x.thread_id = $1 ORDER BY u.display_name, x.user_id`,
    [threadId],
  );
}

export async function selectAttachments(
  tx: Queryable,
  threadId: string,
): Promise<{ id: string; message_id: string; file_name: string; media_type: string; size_bytes: number }[]> {
  return tx.query(
    `SELECT d.id, d.message_id, d.file_name, d.media_type, d.size_bytes FROM plm_documents d
       JOIN plm_thread_messages m ON m.id = d.message_id
      WHERE m.thread_id = $1 AND d.kind = 'ALLEGATO' ORDER BY d.uploaded_at, d.id`,
    [threadId],
  );
}

/** The message of a thread an attachment belongs to (null: not an attachment of this thread). */
export async function selectAttachmentMessage(tx: Queryable, threadId: string, documentId: string) {
  const [row] = await tx.query<{ message_id: string }>(
    `SELECT d.message_id FROM plm_documents d JOIN plm_thread_messages m ON m.id = d.message_id
      WHERE d.id = $1 AND m.thread_id = $2 AND d.kind = 'ALLEGATO'`,
    [documentId, threadId],
  );
  return row?.message_id ?? null;
}

/** A Comune with its Region (null when it does not exist). */
export async function selectComune(
  tx: Queryable,
  istat: string,
): Promise<{ istat_code: string; region_code: string; name: string } | undefined> {
  const [row] = await tx.query<{ istat_code: string; region_code: string; name: string }>(
    'SELECT istat_code, region_code, name FROM registry_comuni_v WHERE istat_code = $1',
    [istat],
  );
  return row;
}

/** Whether the plan, action or project named belongs to the Comune (and the actor reaches it). */
export async function anchorBelongs(
  tx: Queryable,
  kind: Exclude<AnchorKind, 'TEMA'>,
  id: string,
  comuneIstat: string,
): Promise<boolean> {
  const table = kind === 'PIANO' ? 'plm_plans' : kind === 'AZIONE' ? 'plm_actions' : 'projects';
  const rows = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND comune_istat = $2`, [id, comuneIstat]);
  return rows.length > 0;
}

export interface ParticipantRow {
  user_id: string;
  display_name: string;
  organisation: string;
  organisation_national: boolean;
  roles: string[];
}

/**
 * Who takes part in the threads of a Comune of a Region: the Comune's referenti, the Region's staff
 * (role regione, organisation of the Region), the regional ANCI branch (assistenza tecnica of an ANCI
 * organisation of the Region) and ANCI/Cittalia nationally (assistenza tecnica without a Region).
 * Active accounts only; never an e-mail address.
 */
export async function selectParticipants(
  tx: Queryable,
  comuneIstat: string,
  regionCode: string,
): Promise<ParticipantRow[]> {
  return tx.query<ParticipantRow>(
    `SELECT u.id AS user_id, u.display_name, o.name AS organisation, (o.region_code IS NULL) AS organisation_national,
            array_agg(DISTINCT r.role ORDER BY r.role) AS roles
       FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
       JOIN access_user_roles_v r ON r.user_id = u.id
      WHERE u.status = 'active' AND (
            (r.role = 'referente_comunale' AND o.type = 'comune' AND o.comune_istat = $1)
         OR (r.role = 'regione' AND o.type = 'regione' AND o.region_code = $2)
         OR (r.role = 'assistenza_tecnica' AND o.type IN ('anci', 'cittalia') AND o.comune_istat IS NULL
             AND (o.region_code IS NULL OR o.region_code = $2)))
      GROUP BY u.id, u.display_name, o.name, o.region_code
      ORDER BY (o.region_code IS NULL), o.name, u.display_name, u.id`,
    [comuneIstat, regionCode],
  );
}

/** The users who wrote in the thread or were mentioned in it (ANCI joins a thread that way). */
export async function selectJoined(tx: Queryable, threadId: string): Promise<Set<string>> {
  const rows = await tx.query<{ user_id: string }>(
    `SELECT author_id AS user_id FROM plm_thread_messages WHERE thread_id = $1
     UNION SELECT user_id FROM plm_thread_mentions WHERE thread_id = $1`,
    [threadId],
  );
  return new Set(rows.map((r) => r.user_id));
}

export interface PendingNotice {
  message_id: string;
  user_id: string;
  reason: 'MENZIONE' | 'PARTECIPANTE';
  email: string;
  thread_id: string;
  subject: string;
  comune_name: string;
  region_name: string;
  author_name: string;
  author_organisation: string;
}

/** The notices not sent yet of the messages written since `since` (system access). */
export async function selectPendingNotices(tx: Queryable, since: Date): Promise<PendingNotice[]> {
  return tx.query<PendingNotice>(
    `SELECT n.message_id, n.user_id, n.reason, u.email, t.id AS thread_id, t.subject, c.name AS comune_name,
            r.name AS region_name, a.display_name AS author_name, o.name AS author_organisation
       FROM plm_thread_notifications n JOIN plm_thread_messages m ON m.id = n.message_id
       JOIN plm_threads t ON t.id = n.thread_id JOIN access_users_v u ON u.id = n.user_id
       JOIN access_users_v a ON a.id = m.author_id JOIN registry_organisations_v o ON o.id = a.organisation_id
       JOIN registry_comuni_v c ON c.istat_code = t.comune_istat JOIN regions r ON r.code = t.region_code
      WHERE n.sent_at IS NULL AND m.created_at >= $1 AND u.status = 'active'
      ORDER BY m.created_at, n.message_id, n.user_id`,
    [since],
  );
}

/** Claims a notice before sending it: true for the one run that takes it. */
export async function claimNotice(tx: Queryable, messageId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE plm_thread_notifications SET sent_at = $3 WHERE message_id = $1 AND user_id = $2 AND sent_at IS NULL
     RETURNING user_id`,
    [messageId, userId, at],
  );
  return rows.length > 0;
}

/** Gives a claim back when the relay refused the e-mail: the job's retry sends it. */
export async function releaseNotice(tx: Queryable, messageId: string, userId: string): Promise<void> {
  await tx.query('UPDATE plm_thread_notifications SET sent_at = NULL WHERE message_id = $1 AND user_id = $2', [
    messageId,
    userId,
  ]);
}

/** What a thread with a Comune may be anchored to: its plans, their actions, its projects (in reach). */
export async function selectAnchorChoices(tx: Queryable, comuneIstat: string) {
  const plans = await tx.query<{ id: string; title: string; status: string }>(
    'SELECT id, title, status FROM plm_plans WHERE comune_istat = $1 ORDER BY period_from DESC, title, id',
    [comuneIstat],
  );
  const actions = await tx.query<{ id: string; plan_id: string; code: string; title: string }>(
    'SELECT id, plan_id, code, title FROM plm_actions WHERE comune_istat = $1 ORDER BY plan_id, position, code',
    [comuneIstat],
  );
  const projects = await tx.query<{ id: string; cup: string | null; title: string }>(
    'SELECT id, cup, title FROM projects WHERE comune_istat = $1 ORDER BY title, id',
    [comuneIstat],
  );
  return { plans, actions, projects };
}
