/** SQL of the query threads: the threads, their messages, the anchors' lines and the digest's recipients. */
import type { Queryable } from '../../../platform/db/db.js';
import type { AnchorType, QueryStatus } from './queries.schema.js';

export interface QueryRow {
  id: string;
  project_id: string;
  comune_istat: string;
  anchor_type: AnchorType;
  anchor_id: string | null;
  subject: string;
  due_on: string | null;
  status: QueryStatus;
  opened_level: 'ANCI' | 'MLPS';
  opened_by_name: string | null;
  opened_at: Date;
  resolved_at: Date | null;
  messages: number;
  last_message_at: Date | null;
  days_overdue: number | null;
  project_title: string;
  project_cup: string | null;
  comune_name: string | null;
}

/** `$1` is today (YYYY-MM-DD): a thread awaiting the Comune past its due date is overdue. */
const queryCols = `q.id, q.project_id, q.comune_istat, q.anchor_type, q.anchor_id, q.subject, q.due_on::text, q.status,
  q.opened_level, u.display_name AS opened_by_name, q.opened_at, q.resolved_at,
  (SELECT count(*)::int FROM project_query_messages m WHERE m.query_id = q.id) AS messages,
  (SELECT max(m.created_at) FROM project_query_messages m WHERE m.query_id = q.id) AS last_message_at,
  CASE WHEN q.status = 'APERTA' AND q.due_on < $1::date THEN ($1::date - q.due_on) END AS days_overdue,
  p.title AS project_title, p.cup AS project_cup, c.name AS comune_name`;
const queryFrom = `project_queries q JOIN projects p ON p.id = q.project_id
  LEFT JOIN access_users_v u ON u.id = q.opened_by
  LEFT JOIN registry_comuni_v c ON c.istat_code = q.comune_istat`;
const overdueFirst = `days_overdue DESC NULLS LAST, q.due_on ASC NULLS LAST, q.opened_at, q.id`;

export async function selectQueries(
  tx: Queryable,
  today: string,
  projectId: string,
  status: QueryStatus | undefined,
): Promise<QueryRow[]> {
  return tx.query<QueryRow>(
    `SELECT ${queryCols} FROM ${queryFrom}
      WHERE q.project_id = $2 AND ($3::text IS NULL OR q.status = $3)
      ORDER BY (q.status = 'RISOLTA'), ${overdueFirst}`,
    [today, projectId, status ?? null],
  );
}

export async function selectQuery(
  tx: Queryable,
  today: string,
  projectId: string,
  queryId: string,
  lock = false,
): Promise<QueryRow | undefined> {
  if (lock)
    await tx.query('SELECT id FROM project_queries WHERE id = $1 AND project_id = $2 FOR UPDATE', [queryId, projectId]);
  const [row] = await tx.query<QueryRow>(
    `SELECT ${queryCols} FROM ${queryFrom} WHERE q.project_id = $2 AND q.id = $3`,
    [today, projectId, queryId],
  );
  return row;
}

/**
 * The work list, over the projects row-level security lets the actor see, overdue first:
 * - `comune`: the threads awaiting the Comune's answer (APERTA);
 * - `asker` (ANCI or MLPS): their own level's threads the Comune answered (RISPOSTA), and those
 *   past their due date still awaiting the Comune (to chase);
 * - `follower` (a Regione): every thread not resolved.
 */
export async function selectWorkList(
  tx: Queryable,
  today: string,
  f: { mode: 'comune' } | { mode: 'asker'; level: 'ANCI' | 'MLPS' } | { mode: 'follower' },
): Promise<QueryRow[]> {
  const where =
    f.mode === 'comune'
      ? `q.status = 'APERTA'`
      : f.mode === 'asker'
        ? `q.opened_level = $2 AND (q.status = 'RISPOSTA' OR (q.status = 'APERTA' AND q.due_on < $1::date))`
        : `q.status <> 'RISOLTA'`;
  return tx.query<QueryRow>(
    `SELECT ${queryCols} FROM ${queryFrom} WHERE ${where} ORDER BY ${overdueFirst} LIMIT 500`,
    f.mode === 'asker' ? [today, f.level] : [today],
  );
}

export async function insertQuery(
  tx: Queryable,
  q: {
    id: string;
    projectId: string;
    comuneIstat: string;
    anchorType: AnchorType;
    anchorId: string | null;
    subject: string;
    dueOn: string | null;
    level: 'ANCI' | 'MLPS';
  },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO project_queries (id, project_id, comune_istat, anchor_type, anchor_id, subject, due_on, status,
                                  opened_level, opened_by, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'APERTA', $8, $9, $10)`,
    [q.id, q.projectId, q.comuneIstat, q.anchorType, q.anchorId, q.subject, q.dueOn, q.level, by, at],
  );
}

export async function insertMessage(
  tx: Queryable,
  m: { id: string; queryId: string; projectId: string; comuneIstat: string; body: string },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO project_query_messages (id, query_id, project_id, comune_istat, body, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [m.id, m.queryId, m.projectId, m.comuneIstat, m.body, by, at],
  );
}

export async function updateStatus(
  tx: Queryable,
  id: string,
  status: QueryStatus,
  resolved: { by: string; at: Date } | null,
): Promise<void> {
  await tx.query(`UPDATE project_queries SET status = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1`, [
    id,
    status,
    resolved?.by ?? null,
    resolved?.at ?? null,
  ]);
}

export interface MessageRow {
  id: string;
  body: string;
  author_name: string | null;
  side: 'COMUNE' | 'ANCI' | 'MLPS';
  created_at: Date;
}

export async function selectMessages(tx: Queryable, queryId: string): Promise<MessageRow[]> {
  return tx.query<MessageRow>(
    `SELECT m.id, m.body, u.display_name AS author_name, m.created_at,
            CASE WHEN EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = m.author_id AND r.role = 'mlps') THEN 'MLPS'
                 WHEN EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = m.author_id
                                AND r.role = 'assistenza_tecnica') THEN 'ANCI'
                 ELSE 'COMUNE' END AS side
       FROM project_query_messages m LEFT JOIN access_users_v u ON u.id = m.author_id
      WHERE m.query_id = $1 ORDER BY m.created_at, m.id`,
    [queryId],
  );
}

// --- anchors: the line must be the project's; its label in words

export async function anchorLabel(
  tx: Queryable,
  projectId: string,
  type: AnchorType,
  id: string,
): Promise<string | null> {
  switch (type) {
    case 'PROGETTO':
      return null;
    case 'RIGA_BUDGET': {
      const [r] = await tx.query<{ label: string }>(
        `SELECT l.category_code || ' – ' || l.description AS label
           FROM project_budget_lines l JOIN project_budget_versions v ON v.id = l.budget_version_id
          WHERE l.project_id = $1 AND l.line_key::text = $2 ORDER BY v.version_no DESC LIMIT 1`,
        [projectId, id],
      );
      return r?.label ?? null;
    }
    case 'SPESA': {
      const [r] = await tx.query<{ label: string }>(
        `SELECT e.doc_type || ' ' || e.doc_number || ' – ' || e.issuer_name || ' (' || e.doc_date::text || ')' AS label
           FROM project_expenses e WHERE e.project_id = $1 AND e.id::text = $2`,
        [projectId, id],
      );
      return r?.label ?? null;
    }
    case 'DOMANDA': {
      const [r] = await tx.query<{ label: string }>(
        `SELECT 'Domanda n. ' || c.claim_no || ' v' || c.version_no AS label
           FROM project_claims c WHERE c.project_id = $1 AND c.id::text = $2`,
        [projectId, id],
      );
      return r?.label ?? null;
    }
    case 'MONITORAGGIO': {
      const [r] = await tx.query<{ label: string }>(
        `SELECT 'Scheda ' || r.year || ' T' || r.quarter AS label
           FROM project_monitoring_reports r WHERE r.project_id = $1 AND r.id::text = $2`,
        [projectId, id],
      );
      return r?.label ?? null;
    }
  }
}

// --- the daily digest

export interface DigestRow {
  user_id: string;
  email: string;
  query_id: string;
  subject: string;
  due_on: string;
  days_overdue: number;
  project_title: string;
  project_cup: string | null;
}

/**
 * Every thread awaiting a Comune's answer past its due date, once per member of the lead Comune's
 * staff (referente comunale, responsabile amministrativo) with an active account.
 */
export async function selectOverdueForDigest(tx: Queryable, today: string): Promise<DigestRow[]> {
  return tx.query<DigestRow>(
    `SELECT u.id AS user_id, u.email, q.id AS query_id, q.subject, q.due_on::text, ($1::date - q.due_on) AS days_overdue,
            p.title AS project_title, p.cup AS project_cup
       FROM project_queries q
       JOIN projects p ON p.id = q.project_id
       JOIN access_users_v u ON u.organisation_id = p.lead_org_id AND u.status = 'active'
      WHERE q.status = 'APERTA' AND q.due_on < $1::date
        AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id
                       AND r.role IN ('referente_comunale', 'responsabile_amministrativo'))
      ORDER BY u.id, q.due_on, q.id`,
    [today],
  );
}

export async function claimDigest(tx: Queryable, userId: string, day: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO project_query_digest_claims (user_id, day, claimed_at) VALUES ($1, $2::date, $3)
     ON CONFLICT (user_id, day) DO NOTHING RETURNING user_id`,
    [userId, day, now],
  );
  return rows.length > 0;
}

export async function releaseDigestClaim(tx: Queryable, userId: string, day: string): Promise<void> {
  await tx.query('DELETE FROM project_query_digest_claims WHERE user_id = $1 AND day = $2::date', [userId, day]);
}

export async function pruneDigestClaims(tx: Queryable, before: string): Promise<void> {
  await tx.query('DELETE FROM project_query_digest_claims WHERE day < $1::date', [before]);
}
