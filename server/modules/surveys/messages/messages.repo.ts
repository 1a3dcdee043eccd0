/** SQL of invitations and reminders: the ladder's state per Comune, recipients, the messages log. */
import type { Queryable } from '../../../platform/db/db.js';
import { offsetOf, Where } from '../../../platform/pagination.js';
import { awaitingStatuses, type MessageStatus } from './messages.rules.js';

/** The roles of a Comune's users who receive the survey's messages (and answer it with an account). */
export const surveyUserRoles = ['compilatore_indagine', 'validatore_indagine', 'referente_comunale'] as const;

export interface WaveRow {
  id: string;
  title_it: string;
  status: string;
  opens_on: string;
  closes_on: string;
  reminder_days: number[];
  survey_title: string;
  /** the organisation of whoever launched (or created) the wave: ANCI, Cittalia… */
  organisation: string | null;
  /** who launched the wave (or created it): the personal links the job issues are theirs */
  issuer_id: string;
}

export async function selectWave(tx: Queryable, waveId: string): Promise<WaveRow | null> {
  const [row] = await tx.query<WaveRow>(
    `SELECT w.id, w.title_it, w.status, w.opens_on::text AS opens_on, w.closes_on::text AS closes_on,
            w.reminder_days, s.title_it AS survey_title, o.name AS organisation,
            coalesce(w.launched_by, w.created_by) AS issuer_id
       FROM survey_waves w JOIN survey_surveys s ON s.id = w.survey_id
       LEFT JOIN access_users_v u ON u.id = coalesce(w.launched_by, w.created_by)
       LEFT JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE w.id = $1`,
    [waveId],
  );
  return row ?? null;
}

/** The open waves whose fieldwork runs on `today`. */
export async function selectRunningWaveIds(tx: Queryable, today: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM survey_waves WHERE status = 'aperta' AND opens_on <= $1 AND closes_on >= $1 ORDER BY opens_on, id`,
    [today],
  );
  return rows.map((r) => r.id);
}

const hasAddressSql = (
  wc: string,
) => `(EXISTS (SELECT 1 FROM survey_contacts sc WHERE sc.comune_istat = ${wc}.comune_istat)
  OR EXISTS (SELECT 1 FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
              WHERE o.comune_istat = ${wc}.comune_istat AND u.status = 'active'
                AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id
                             AND r.role IN (${surveyUserRoles.map((r) => `'${r}'`).join(', ')}))))`;

export interface LadderRow {
  id: string;
  comune_istat: string;
  status: string;
  invited_at: Date | null;
  reminders_sent: number;
  has_address: boolean;
  /** the last failed attempt at the Comune's latest step, if one failed */
  last_failed_at: Date | null;
}

/** The Comuni of a wave that still have to submit, with what the ladder needs of each. */
export async function selectAwaiting(tx: Queryable, waveId: string): Promise<LadderRow[]> {
  return tx.query<LadderRow>(
    `SELECT wc.id, wc.comune_istat, wc.status, wc.invited_at, wc.reminders_sent,
            ${hasAddressSql('wc')} AS has_address,
            (SELECT max(m.sent_at) FROM survey_messages m
              WHERE m.response_id = wc.id AND m.step = wc.reminders_sent AND m.status = 'fallito') AS last_failed_at
       FROM survey_wave_comuni wc
      WHERE wc.wave_id = $1 AND wc.status = ANY($2::text[])
      ORDER BY wc.comune_istat`,
    [waveId, [...awaitingStatuses]],
  );
}

/** The Comune's row in the wave, locked until the transaction ends (one sender per Comune). */
export async function lockWaveComune(
  tx: Queryable,
  id: string,
): Promise<{ comune_istat: string; status: string; invited_at: Date | null; reminders_sent: number } | null> {
  const [row] = await tx.query<{
    comune_istat: string;
    status: string;
    invited_at: Date | null;
    reminders_sent: number;
  }>('SELECT comune_istat, status, invited_at, reminders_sent FROM survey_wave_comuni WHERE id = $1 FOR UPDATE', [id]);
  return row ?? null;
}

export interface Recipient {
  email: string;
  /** a user of the Comune with a survey role (else a survey contact) */
  is_user: boolean;
}

/** Where to write: the Comune's survey contacts and its users with a survey role, each address once. */
export async function selectRecipients(tx: Queryable, comune: string): Promise<Recipient[]> {
  return tx.query<Recipient>(
    `SELECT email, bool_or(is_user) AS is_user FROM (
       SELECT lower(btrim(sc.email)) AS email, false AS is_user FROM survey_contacts sc WHERE sc.comune_istat = $1
       UNION ALL
       SELECT lower(u.email), true FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
        WHERE o.comune_istat = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id AND r.role = ANY($2::text[]))
     ) a GROUP BY email ORDER BY email`,
    [comune, [...surveyUserRoles]],
  );
}

export async function selectComuneName(tx: Queryable, comune: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM registry_comuni_v WHERE istat_code = $1', [comune]);
  return row?.name ?? comune;
}

export async function insertAccessLink(
  tx: Queryable,
  l: { id: string; responseId: string; comune: string; hash: string; createdBy: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_access_links (id, response_id, comune_istat, token_hash, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [l.id, l.responseId, l.comune, l.hash, l.createdBy, l.now, l.expiresAt],
  );
}

/** The message's row, claimed before sending; null when this step already went to this address. */
export async function insertMessage(
  tx: Queryable,
  m: {
    id: string;
    responseId: string;
    comune: string;
    step: number;
    kind: string;
    to: string;
    dueOn: string;
    now: Date;
  },
): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO survey_messages (id, response_id, comune_istat, step, kind, to_address, due_on, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'in_invio', $8)
     ON CONFLICT (response_id, step, to_address) DO NOTHING RETURNING id`,
    [m.id, m.responseId, m.comune, m.step, m.kind, m.to, m.dueOn, m.now],
  );
  return row?.id ?? null;
}

/** Claims the failed messages of a step again (back to in_invio) whose last attempt is before `before`. */
export async function claimFailed(
  tx: Queryable,
  responseId: string,
  step: number,
  before: Date,
): Promise<{ id: string; to_address: string; kind: string; due_on: string }[]> {
  return tx.query(
    `UPDATE survey_messages SET status = 'in_invio', error = NULL
      WHERE response_id = $1 AND step = $2 AND status = 'fallito' AND sent_at <= $3
      RETURNING id, to_address, kind, due_on::text AS due_on`,
    [responseId, step, before],
  );
}

export async function updateLadder(
  tx: Queryable,
  id: string,
  s: { invitedAt: Date; remindersSent: number; status: string; statusChanged: boolean; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE survey_wave_comuni SET invited_at = coalesce(invited_at, $2), reminders_sent = greatest(reminders_sent, $3),
            status = $4, status_changed_at = CASE WHEN $5 THEN $6 ELSE status_changed_at END
      WHERE id = $1`,
    [id, s.invitedAt, s.remindersSent, s.status, s.statusChanged, s.now],
  );
}

export async function insertResponseEvent(
  tx: Queryable,
  e: { id: string; responseId: string; comune: string; from: string; to: string; note: string; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_response_events (id, response_id, comune_istat, from_status, to_status, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.id, e.responseId, e.comune, e.from, e.to, e.note, e.at],
  );
}

/** Records how the attempt ended: inviato, or fallito with the relay's answer. */
export async function finishMessage(
  tx: Queryable,
  id: string,
  status: 'inviato' | 'fallito',
  error: string | null,
  at: Date,
): Promise<void> {
  await tx.query(`UPDATE survey_messages SET status = $2, error = $3, sent_at = $4 WHERE id = $1`, [
    id,
    status,
    error,
    at,
  ]);
}

export interface MessageRow {
  id: string;
  response_id: string;
  wave_id: string;
  comune_istat: string;
  comune_name: string;
  step: number;
  kind: string;
  to_address: string;
  due_on: string;
  status: MessageStatus;
  error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const messageColumns = `m.id, m.response_id, wc.wave_id, m.comune_istat, c.name AS comune_name, m.step, m.kind, m.to_address,
  m.due_on::text AS due_on, m.status, m.error, m.created_at, m.sent_at`;
const messageFrom = `survey_messages m JOIN survey_wave_comuni wc ON wc.id = m.response_id
  JOIN registry_comuni_v c ON c.istat_code = m.comune_istat`;

export async function selectMessagePage(
  tx: Queryable,
  waveId: string,
  q: { comune?: string | undefined; status?: MessageStatus | undefined; page: number; pageSize: number },
): Promise<{ items: MessageRow[]; total: number }> {
  const where = new Where().add('wc.wave_id = $?', waveId);
  if (q.comune) where.add('m.comune_istat = $?', q.comune);
  if (q.status) where.add('m.status = $?', q.status);
  const limit = where.param(q.pageSize);
  const offset = where.param(offsetOf(q));
  const rows = await tx.query<MessageRow & { total: string }>(
    `SELECT ${messageColumns}, count(*) OVER () AS total FROM ${messageFrom} ${where}
      ORDER BY c.name, m.comune_istat, m.step DESC, m.to_address LIMIT ${limit} OFFSET ${offset}`,
    where.params,
  );
  return { items: rows, total: rows.length ? Number(rows[0]!.total) : 0 };
}

export async function selectMessage(tx: Queryable, id: string): Promise<MessageRow | null> {
  const [row] = await tx.query<MessageRow>(`SELECT ${messageColumns} FROM ${messageFrom} WHERE m.id = $1`, [id]);
  return row ?? null;
}

export async function markBounced(tx: Queryable, id: string, reason: string): Promise<void> {
  await tx.query(`UPDATE survey_messages SET status = 'rimbalzato', error = $2 WHERE id = $1`, [id, reason]);
}

export interface PhoneRow {
  response_id: string;
  comune_istat: string;
  comune_name: string;
  province_sigla: string;
  region_code: string;
  region_name: string;
  status: string;
  invited_at: Date | null;
  reminders_sent: number;
  has_address: boolean;
  /** the Comune's latest step went out and no copy of it was delivered (all failed or bounced) */
  latest_undelivered: boolean;
  last_sent_at: Date | null;
}

/** Messages of the Comune's latest step exist and none is delivered or on its way. */
const latestUndeliveredSql = (
  wc: string,
) => `(EXISTS (SELECT 1 FROM survey_messages m WHERE m.response_id = ${wc}.id AND m.step = ${wc}.reminders_sent)
  AND NOT EXISTS (SELECT 1 FROM survey_messages m WHERE m.response_id = ${wc}.id AND m.step = ${wc}.reminders_sent
                   AND m.status IN ('inviato', 'in_invio')))`;

/**
 * The Comuni of a wave that still have to submit and either had every reminder (`reminderCount`
 * in the ladder), or have no address, or were not reached by their latest message, optionally in
 * one Region; all of them when `page` is null (the XLSX).
 */
export async function selectPhoneRows(
  tx: Queryable,
  waveId: string,
  reminderCount: number,
  q: { region?: string | undefined; page: number | null; pageSize: number },
): Promise<{ items: PhoneRow[]; total: number }> {
  const where = new Where().add('wc.wave_id = $?', waveId).add('wc.status = ANY($?::text[])', [...awaitingStatuses]);
  const count = where.param(reminderCount);
  where.raw(
    `((wc.invited_at IS NOT NULL AND (wc.reminders_sent >= ${count} OR ${latestUndeliveredSql('wc')})) OR NOT ${hasAddressSql('wc')})`,
  );
  if (q.region) where.add('c.region_code = $?', q.region);
  const paging =
    q.page === null
      ? ''
      : `LIMIT ${where.param(q.pageSize)} OFFSET ${where.param(offsetOf({ page: q.page, pageSize: q.pageSize }))}`;
  const rows = await tx.query<PhoneRow & { total: string }>(
    `SELECT wc.id AS response_id, wc.comune_istat, c.name AS comune_name, c.province_sigla, c.region_code,
            (SELECT r.name FROM regions r WHERE r.code = c.region_code) AS region_name,
            wc.status, wc.invited_at, wc.reminders_sent, ${hasAddressSql('wc')} AS has_address,
            ${latestUndeliveredSql('wc')} AS latest_undelivered,
            (SELECT max(m.sent_at) FROM survey_messages m WHERE m.response_id = wc.id AND m.status = 'inviato') AS last_sent_at,
            count(*) OVER () AS total
       FROM survey_wave_comuni wc JOIN registry_comuni_v c ON c.istat_code = wc.comune_istat
      ${where}
      ORDER BY region_name, c.name, wc.comune_istat ${paging}`,
    where.params,
  );
  return { items: rows, total: rows.length ? Number(rows[0]!.total) : 0 };
}

export interface ContactRow {
  comune_istat: string;
  kind: string;
  email: string;
  name: string | null;
  role: string | null;
}

/** The survey contacts and the survey users of these Comuni, for the phone list. */
export async function selectContactsOf(tx: Queryable, comuni: string[]): Promise<ContactRow[]> {
  if (comuni.length === 0) return [];
  return tx.query<ContactRow>(
    `SELECT sc.comune_istat, sc.kind, sc.email, sc.person_name AS name, sc.person_role AS role
       FROM survey_contacts sc WHERE sc.comune_istat = ANY($1::text[])
     UNION ALL
     SELECT o.comune_istat, 'utente' AS kind, u.email, u.display_name AS name,
            (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM access_user_roles_v r
              WHERE r.user_id = u.id AND r.role = ANY($2::text[])) AS role
       FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE o.comune_istat = ANY($1::text[]) AND u.status = 'active'
        AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id AND r.role = ANY($2::text[]))
      ORDER BY 1, 2, 3`,
    [comuni, [...surveyUserRoles]],
  );
}
