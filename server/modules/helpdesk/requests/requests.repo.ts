/** SQL of the help desk's requests: requests, messages, history, escalations and the pickers. */
import type { Queryable } from '../../../platform/db/db.js';
import type { EscalationKind, HelpPriority, HelpTopic, RequestStatus } from '../shared/vocabulary.js';

export interface RequestRow {
  id: string;
  request_no: number;
  comune_istat: string;
  comune_name: string;
  region_code: string;
  region_name: string;
  topic: HelpTopic;
  priority: HelpPriority;
  subject: string;
  project_id: string | null;
  plan_id: string | null;
  about_label: string | null;
  status: RequestStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  created_by_name: string;
  created_at: Date;
  first_answer_due: string;
  resolution_due: string;
  first_answer_at: Date | null;
  resolved_at: Date | null;
  resolution: string | null;
  closed_at: Date | null;
  escalated_at: Date | null;
  reopened_count: number;
  satisfaction: number | null;
  satisfaction_comment: string | null;
  last_message_at: Date | null;
  overdue: boolean;
  row_version: number;
}

/** `$1` today (YYYY-MM-DD): overdue is computed against it. */
const cols = `r.id, r.request_no, r.comune_istat, c.name AS comune_name, r.region_code, g.name AS region_name, r.topic,
  r.priority, r.subject, r.project_id, r.plan_id,
  coalesce((SELECT coalesce(p.cup || ' – ', '') || p.title FROM projects p WHERE p.id = r.project_id),
           (SELECT pl.title FROM plm_plans pl WHERE pl.id = r.plan_id)) AS about_label,
  r.status, r.assignee_id, a.display_name AS assignee_name, u.display_name AS created_by_name, r.created_at,
  r.first_answer_due::text, r.resolution_due::text, r.first_answer_at, r.resolved_at, r.resolution, r.closed_at,
  r.escalated_at, r.reopened_count, r.satisfaction, r.satisfaction_comment,
  (SELECT max(m.created_at) FROM hd_messages m WHERE m.request_id = r.id) AS last_message_at,
  (r.status IN ('NUOVA', 'ASSEGNATA', 'IN_LAVORAZIONE', 'IN_ATTESA_COMUNE')
    AND ((r.first_answer_at IS NULL AND $1::date > r.first_answer_due) OR $1::date > r.resolution_due)) AS overdue,
  r.row_version`;
const from = `hd_requests r JOIN registry_comuni_v c ON c.istat_code = r.comune_istat JOIN regions g ON g.code = r.region_code
  JOIN access_users_v u ON u.id = r.created_by LEFT JOIN access_users_v a ON a.id = r.assignee_id`;

export interface RequestFilter {
  status?: RequestStatus | undefined;
  open?: boolean | undefined;
  topic?: HelpTopic | undefined;
  region?: string | undefined;
  assignee?: string | undefined;
  overdue?: boolean | undefined;
  escalated?: boolean | undefined;
}

/** The requests in reach (row-level security: a Comune its own, the help desk all), overdue first, then newest. */
export async function selectRequests(tx: Queryable, today: string, f: RequestFilter): Promise<RequestRow[]> {
  return tx.query<RequestRow>(
    `SELECT * FROM (SELECT ${cols} FROM ${from}
        WHERE ($2::text IS NULL OR r.status = $2) AND ($3::text IS NULL OR r.topic = $3)
          AND ($4::text IS NULL OR r.region_code = $4)
          AND ($5::text IS NULL OR ($5 = 'none' AND r.assignee_id IS NULL) OR r.assignee_id::text = $5)
          AND ($6::boolean IS NULL OR (r.escalated_at IS NOT NULL) = $6)
          AND ($7::boolean IS NULL OR (r.status IN ('NUOVA', 'ASSEGNATA', 'IN_LAVORAZIONE', 'IN_ATTESA_COMUNE')) = $7)) s
      WHERE ($8::boolean IS NULL OR s.overdue = $8)
      ORDER BY s.overdue DESC, s.created_at DESC, s.id
      LIMIT 500`,
    [
      today,
      f.status ?? null,
      f.topic ?? null,
      f.region ?? null,
      f.assignee ?? null,
      f.escalated ?? null,
      f.open ?? null,
      f.overdue ?? null,
    ],
  );
}

export async function selectRequest(tx: Queryable, today: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await tx.query<RequestRow>(`SELECT ${cols} FROM ${from} WHERE r.id = $2`, [today, id]);
  return row;
}

export interface LockedRequest {
  id: string;
  comune_istat: string;
  status: RequestStatus;
  assignee_id: string | null;
  first_answer_at: Date | null;
  resolved_at: Date | null;
  satisfaction: number | null;
  row_version: number;
}

export async function lockRequest(tx: Queryable, id: string): Promise<LockedRequest | undefined> {
  const [row] = await tx.query<LockedRequest>(
    `SELECT id, comune_istat, status, assignee_id, first_answer_at, resolved_at, satisfaction, row_version
       FROM hd_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}

export interface NewRequest {
  id: string;
  comuneIstat: string;
  regionCode: string;
  topic: HelpTopic;
  priority: HelpPriority;
  subject: string;
  projectId: string | null;
  planId: string | null;
  createdBy: string;
  at: Date;
  firstAnswerDue: string;
  resolutionDue: string;
}

export async function insertRequest(tx: Queryable, r: NewRequest): Promise<void> {
  await tx.query(
    `INSERT INTO hd_requests (id, comune_istat, region_code, topic, priority, subject, project_id, plan_id, status,
                              created_by, created_at, updated_at, first_answer_due, resolution_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'NUOVA', $9, $10, $10, $11, $12)`,
    [
      r.id,
      r.comuneIstat,
      r.regionCode,
      r.topic,
      r.priority,
      r.subject,
      r.projectId,
      r.planId,
      r.createdBy,
      r.at,
      r.firstAnswerDue,
      r.resolutionDue,
    ],
  );
}

/** Sets the given columns of a request, bumping its row version. Column names are the caller's constants. */
export async function updateRequest(
  tx: Queryable,
  id: string,
  at: Date,
  set: Partial<{
    status: RequestStatus;
    assignee_id: string;
    first_answer_at: Date;
    resolved_at: Date | null;
    resolution: string | null;
    closed_at: Date | null;
    resolution_due: string;
    escalated_at: Date | null;
    satisfaction: number | null;
    satisfaction_comment: string | null;
    rated_at: Date;
    reopened_count: number;
  }>,
): Promise<void> {
  const entries = Object.entries(set);
  const assignments = entries.map(([k], i) => `${k} = $${i + 3}`);
  await tx.query(
    `UPDATE hd_requests SET ${[...assignments, 'updated_at = $2', 'row_version = row_version + 1'].join(', ')} WHERE id = $1`,
    [id, at, ...entries.map(([, v]) => v)],
  );
}

export async function insertMessage(
  tx: Queryable,
  m: {
    id: string;
    requestId: string;
    comuneIstat: string;
    side: 'COMUNE' | 'ANCI';
    internal: boolean;
    body: string;
    authorId: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO hd_messages (id, request_id, comune_istat, side, internal, body, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [m.id, m.requestId, m.comuneIstat, m.side, m.internal, m.body, m.authorId, m.at],
  );
}

export async function insertEvent(
  tx: Queryable,
  e: {
    id: string;
    requestId: string;
    comuneIstat: string;
    kind: 'APERTA' | 'ASSEGNATA' | 'STATO' | 'SOLLECITO';
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus | null;
    assigneeId: string | null;
    actorId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO hd_request_events (id, request_id, comune_istat, kind, from_status, to_status, assignee_id, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.requestId, e.comuneIstat, e.kind, e.fromStatus, e.toStatus, e.assigneeId, e.actorId, e.at],
  );
}

export interface MessageRow {
  id: string;
  side: 'COMUNE' | 'ANCI';
  internal: boolean;
  body: string;
  author_name: string;
  created_at: Date;
}

/** The messages in reach (row-level security hides internal notes from the Comune), oldest first. */
export async function selectMessages(tx: Queryable, requestId: string): Promise<MessageRow[]> {
  return tx.query<MessageRow>(
    `SELECT m.id, m.side, m.internal, m.body, u.display_name AS author_name, m.created_at
       FROM hd_messages m JOIN access_users_v u ON u.id = m.author_id
      WHERE m.request_id = $1 ORDER BY m.created_at, m.seq`,
    [requestId],
  );
}

export async function selectAttachments(
  tx: Queryable,
  requestId: string,
): Promise<{ id: string; message_id: string; file_name: string; media_type: string; size_bytes: number }[]> {
  return tx.query(
    `SELECT id, message_id, file_name, media_type, size_bytes FROM hd_documents WHERE request_id = $1
      ORDER BY uploaded_at, id`,
    [requestId],
  );
}

export async function selectEvents(tx: Queryable, requestId: string) {
  return tx.query<{
    kind: 'APERTA' | 'ASSEGNATA' | 'STATO' | 'SOLLECITO';
    from_status: RequestStatus | null;
    to_status: RequestStatus | null;
    assignee_name: string | null;
    actor_name: string | null;
    at: Date;
  }>(
    `SELECT e.kind, e.from_status, e.to_status, a.display_name AS assignee_name, u.display_name AS actor_name, e.at
       FROM hd_request_events e LEFT JOIN access_users_v a ON a.id = e.assignee_id
       LEFT JOIN access_users_v u ON u.id = e.actor_id
      WHERE e.request_id = $1 ORDER BY e.at, e.seq`,
    [requestId],
  );
}

/** The Comune's Region (null for a Comune that does not exist). */
export async function selectComuneRegion(tx: Queryable, istat: string): Promise<string | null> {
  const [row] = await tx.query<{ region_code: string }>(
    'SELECT region_code FROM registry_comuni_v WHERE istat_code = $1',
    [istat],
  );
  return row?.region_code ?? null;
}

/** Whether the project (or plan) is the Comune's. */
export async function belongsToComune(
  tx: Queryable,
  kind: 'project' | 'plan',
  id: string,
  istat: string,
): Promise<boolean> {
  const table = kind === 'project' ? 'projects' : 'plm_plans';
  const rows = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND comune_istat = $2`, [id, istat]);
  return rows.length > 0;
}

/** The Comune's projects and plans, for the picker of a new request. */
export async function selectChoices(tx: Queryable, istat: string) {
  const projects = await tx.query<{ id: string; label: string }>(
    `SELECT id, coalesce(cup || ' – ', '') || title AS label FROM projects WHERE comune_istat = $1
      ORDER BY created_at DESC, id LIMIT 200`,
    [istat],
  );
  const plans = await tx.query<{ id: string; label: string }>(
    `SELECT id, title || ' (' || period_from || '–' || period_to || ')' AS label FROM plm_plans WHERE comune_istat = $1
      ORDER BY period_from DESC, id LIMIT 50`,
    [istat],
  );
  return { projects, plans };
}

/**
 * The members of the help desk: active accounts with the role assistenza tecnica in a national
 * ANCI or Cittalia organisation, with the number of open requests each holds.
 */
export async function selectStaff(tx: Queryable) {
  return tx.query<{ user_id: string; display_name: string; organisation: string; open: number }>(
    `SELECT u.id AS user_id, u.display_name, o.name AS organisation,
            (SELECT count(*)::int FROM hd_requests q WHERE q.assignee_id = u.id
                AND q.status IN ('ASSEGNATA', 'IN_LAVORAZIONE', 'IN_ATTESA_COMUNE')) AS open
       FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE u.status = 'active' AND o.type IN ('anci', 'cittalia') AND o.comune_istat IS NULL AND o.region_code IS NULL
        AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id AND r.role = 'assistenza_tecnica')
      ORDER BY u.display_name, u.id`,
  );
}

export interface OpenRequestFacts {
  id: string;
  comune_istat: string;
  status: RequestStatus;
  first_answer_due: string;
  resolution_due: string;
  first_answer_at: Date | null;
}

/** The open requests with a due date before `today` (candidates of the escalation job). */
export async function selectLateCandidates(tx: Queryable, today: string): Promise<OpenRequestFacts[]> {
  return tx.query<OpenRequestFacts>(
    `SELECT id, comune_istat, status, first_answer_due::text, resolution_due::text, first_answer_at FROM hd_requests
      WHERE status IN ('NUOVA', 'ASSEGNATA', 'IN_LAVORAZIONE', 'IN_ATTESA_COMUNE')
        AND ((first_answer_at IS NULL AND first_answer_due < $1::date) OR resolution_due < $1::date)
      ORDER BY created_at, id`,
    [today],
  );
}

/** Records an escalation once (true for the one run that records it). */
export async function insertEscalation(
  tx: Queryable,
  e: { id: string; requestId: string; comuneIstat: string; kind: EscalationKind; dueDate: string; at: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO hd_escalations (id, request_id, comune_istat, kind, due_date, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id, kind, due_date) DO NOTHING RETURNING id`,
    [e.id, e.requestId, e.comuneIstat, e.kind, e.dueDate, e.at],
  );
  return rows.length > 0;
}

export async function selectOpenEscalations(tx: Queryable) {
  return tx.query<{
    id: string;
    request_id: string;
    request_no: number;
    subject: string;
    kind: EscalationKind;
    due_date: string;
    assignee_name: string | null;
    created_at: Date;
  }>(
    `SELECT e.id, e.request_id, r.request_no, r.subject, e.kind, e.due_date::text, a.display_name AS assignee_name,
            e.created_at
       FROM hd_escalations e JOIN hd_requests r ON r.id = e.request_id LEFT JOIN access_users_v a ON a.id = r.assignee_id
      WHERE e.acknowledged_at IS NULL ORDER BY e.created_at DESC, e.id LIMIT 500`,
  );
}

export async function acknowledgeEscalation(
  tx: Queryable,
  id: string,
  userId: string,
  at: Date,
): Promise<{ request_id: string; comune_istat: string } | undefined> {
  const [row] = await tx.query<{ request_id: string; comune_istat: string }>(
    `UPDATE hd_escalations SET acknowledged_at = $3, acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL
     RETURNING request_id, comune_istat`,
    [id, userId, at],
  );
  return row;
}
