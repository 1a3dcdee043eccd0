/**
 * SQL of a Comune's response: its row in the wave (state, dates) with its answers, the wave and
 * the published version it answers, flags, events and the answer changes after a submission.
 * Every query runs in the caller's transaction, as the actor (row-level security on comune_istat).
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';

import type { ResponseStatus } from '../shared/status.js';
export type { ResponseStatus };

export interface ResponseRow {
  id: string;
  wave_id: string;
  comune_istat: string;
  comune_name: string;
  status: ResponseStatus;
  invited_at: Date | null;
  opened_at: Date | null;
  started_at: Date | null;
  submitted_at: Date | null;
  validated_at: Date | null;
  review_round: number;
  status_changed_at: Date;
  answers: Record<string, unknown>;
  answer_versions: Record<string, number>;
  row_version: number;
  updated_at: Date | null;
  wave_title_it: string;
  wave_title_en: string | null;
  wave_status: 'bozza' | 'aperta' | 'chiusa';
  opens_on: string;
  closes_on: string;
  form_version_id: string;
  version_no: number;
  survey_title_it: string;
  survey_title_en: string | null;
}

const RESPONSE_COLUMNS = `wc.id, wc.wave_id, wc.comune_istat, c.name AS comune_name, wc.status, wc.invited_at, wc.opened_at,
  wc.started_at, wc.submitted_at, wc.validated_at, wc.review_round, wc.status_changed_at,
  r.answers, r.answer_versions, r.row_version, r.updated_at,
  w.title_it AS wave_title_it, w.title_en AS wave_title_en, w.status AS wave_status,
  to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(w.closes_on, 'YYYY-MM-DD') AS closes_on,
  w.form_version_id, v.version_no, s.title_it AS survey_title_it, s.title_en AS survey_title_en`;

const RESPONSE_FROM = `survey_wave_comuni wc
  JOIN survey_responses r ON r.id = wc.id
  JOIN survey_waves w ON w.id = wc.wave_id
  JOIN survey_form_versions v ON v.id = w.form_version_id
  JOIN survey_surveys s ON s.id = w.survey_id
  JOIN comuni c ON c.istat_code = wc.comune_istat`;

/** One response the actor may see (row-level security hides the others); locked when it will change. */
export async function selectResponse(tx: Queryable, id: string, lock = false): Promise<ResponseRow | null> {
  const [row] = await tx.query<ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM ${RESPONSE_FROM} WHERE wc.id = $1${lock ? ' FOR UPDATE OF wc, r' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The questionnaire model of a published version (immutable: callers may cache it). */
export async function selectFormOfVersion(tx: Queryable, versionId: string): Promise<unknown> {
  const [row] = await tx.query<{ form: unknown }>('SELECT form FROM survey_form_versions WHERE id = $1', [versionId]);
  return row?.form ?? null;
}

/** Every response of a Comune (its launched waves), newest wave first. */
export async function selectResponsesOfComune(tx: Queryable, comune: string): Promise<ResponseRow[]> {
  return tx.query<ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM ${RESPONSE_FROM} WHERE wc.comune_istat = $1 AND w.status <> 'bozza'
      ORDER BY w.opens_on DESC, w.title_it`,
    [comune],
  );
}

export interface QueueRow {
  id: string;
  comune_istat: string;
  comune_name: string;
  status: ResponseStatus;
  submitted_at: Date | null;
  review_round: number;
  status_changed_at: Date;
  open_flags: number;
}

/** The responses of a wave waiting for review, oldest submission first. */
export async function selectReviewQueue(
  tx: Queryable,
  waveId: string,
  statuses: readonly ResponseStatus[],
  limit: number,
  offset: number,
): Promise<{ rows: QueueRow[]; total: number }> {
  const rows = await tx.query<QueueRow & { total: number }>(
    `SELECT wc.id, wc.comune_istat, c.name AS comune_name, wc.status, wc.submitted_at, wc.review_round,
            wc.status_changed_at,
            (SELECT count(*)::int FROM survey_flags f WHERE f.response_id = wc.id AND f.resolved_at IS NULL) AS open_flags,
            count(*) OVER ()::int AS total
       FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat
      WHERE wc.wave_id = $1 AND wc.status = ANY($2::text[])
      ORDER BY wc.submitted_at NULLS LAST, c.name
      LIMIT $3 OFFSET $4`,
    [waveId, statuses, limit, offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function waveExists(tx: Queryable, waveId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM survey_waves WHERE id = $1', [waveId]);
  return rows.length > 0;
}

export interface FlagRow {
  id: string;
  question: string;
  reason: string;
  review_round: number;
  created_at: Date;
  created_by: string;
  resolved_at: Date | null;
}

export async function selectOpenFlags(tx: Queryable, responseId: string): Promise<FlagRow[]> {
  return tx.query<FlagRow>(
    `SELECT id, question, reason, review_round, created_at, created_by, resolved_at FROM survey_flags
      WHERE response_id = $1 AND resolved_at IS NULL ORDER BY created_at, id`,
    [responseId],
  );
}

export async function insertFlag(
  tx: Queryable,
  f: {
    id: string;
    responseId: string;
    comune: string;
    question: string;
    reason: string;
    round: number;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_flags (id, response_id, comune_istat, question, reason, review_round, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [f.id, f.responseId, f.comune, f.question, f.reason, f.round, f.by, f.at],
  );
}

/** Marks open flags resolved; returns how many. */
export async function resolveFlags(tx: Queryable, ids: readonly string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query(
    'UPDATE survey_flags SET resolved_at = $2 WHERE id = ANY($1::uuid[]) AND resolved_at IS NULL RETURNING id',
    [ids, at],
  );
  return rows.length;
}

/** The questions changed by the Comune in a review round (after a return for correction). */
export async function selectQuestionsChangedInRound(
  tx: Queryable,
  responseId: string,
  round: number,
): Promise<Set<string>> {
  const rows = await tx.query<{ question: string }>(
    'SELECT DISTINCT question FROM survey_answer_changes WHERE response_id = $1 AND review_round = $2',
    [responseId, round],
  );
  return new Set(rows.map((r) => r.question));
}

export async function updateStatus(
  tx: Queryable,
  id: string,
  s: {
    status: ResponseStatus;
    at: Date;
    setStarted?: boolean;
    setSubmitted?: boolean;
    setValidated?: boolean;
    bumpRound?: boolean;
  },
): Promise<void> {
  await tx.query(
    `UPDATE survey_wave_comuni SET status = $2, status_changed_at = $3,
       started_at = CASE WHEN $4 THEN coalesce(started_at, $3) ELSE started_at END,
       submitted_at = CASE WHEN $5 THEN $3 ELSE submitted_at END,
       validated_at = CASE WHEN $6 THEN $3 ELSE validated_at END,
       review_round = review_round + CASE WHEN $7 THEN 1 ELSE 0 END
     WHERE id = $1`,
    [id, s.status, s.at, !!s.setStarted, !!s.setSubmitted, !!s.setValidated, !!s.bumpRound],
  );
}

export async function markOpened(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE survey_wave_comuni SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL', [id, at]);
}

export async function insertEvent(
  tx: Queryable,
  e: {
    id: string;
    responseId: string;
    comune: string;
    from: ResponseStatus | null;
    to: ResponseStatus;
    note: string | null;
    userId: string | null;
    linkId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_response_events (id, response_id, comune_istat, from_status, to_status, note, actor_user_id, actor_link_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.responseId, e.comune, e.from, e.to, e.note, e.userId, e.linkId, e.at],
  );
}

export async function updateAnswers(
  tx: Queryable,
  a: {
    id: string;
    answers: Record<string, unknown>;
    versions: Record<string, number>;
    rowVersion: number;
    userId: string | null;
    linkId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `UPDATE survey_responses SET answers = $2::jsonb, answer_versions = $3::jsonb, row_version = $4,
            updated_by = $5, updated_by_link = $6, updated_at = $7
      WHERE id = $1`,
    [a.id, JSON.stringify(a.answers), JSON.stringify(a.versions), a.rowVersion, a.userId, a.linkId, a.at],
  );
}

export async function insertAnswerChanges(
  tx: Queryable,
  changes: readonly {
    id: string;
    responseId: string;
    comune: string;
    question: string;
    old: unknown;
    new: unknown;
    userId: string | null;
    linkId: string | null;
    at: Date;
    round: number;
  }[],
): Promise<void> {
  if (changes.length === 0) return;
  const values: unknown[] = [];
  const rows = changes.map((c, i) => {
    values.push(
      c.id,
      c.responseId,
      c.comune,
      c.question,
      c.old === undefined ? null : JSON.stringify(c.old),
      c.new === undefined ? null : JSON.stringify(c.new),
      c.userId,
      c.linkId,
      c.at,
      c.round,
    );
    const b = i * 10;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb, $${b + 7}::uuid, $${b + 8}::uuid, $${b + 9}::timestamptz, $${b + 10}::int)`;
  });
  await tx.query(
    `INSERT INTO survey_answer_changes (id, response_id, comune_istat, question, old_value, new_value, changed_by, changed_by_link, changed_at, review_round)
     VALUES ${rows.join(', ')}`,
    values,
  );
}

export interface EventRow {
  id: string;
  from_status: ResponseStatus | null;
  to_status: ResponseStatus;
  note: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_link_id: string | null;
  at: Date;
}

export async function selectEvents(tx: Queryable, responseId: string): Promise<EventRow[]> {
  return tx.query<EventRow>(
    `SELECT e.id, e.from_status, e.to_status, e.note, e.actor_user_id, u.display_name AS actor_name, e.actor_link_id, e.at
       FROM survey_response_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.response_id = $1 ORDER BY e.at, e.id`,
    [responseId],
  );
}

export interface ChangeRow {
  id: string;
  question: string;
  old_value: unknown;
  new_value: unknown;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_by_link: string | null;
  changed_at: Date;
  review_round: number;
}

export async function selectChanges(tx: Queryable, responseId: string): Promise<ChangeRow[]> {
  return tx.query<ChangeRow>(
    `SELECT ch.id, ch.question, ch.old_value, ch.new_value, ch.changed_by, u.display_name AS changed_by_name,
            ch.changed_by_link, ch.changed_at, ch.review_round
       FROM survey_answer_changes ch LEFT JOIN users u ON u.id = ch.changed_by
      WHERE ch.response_id = $1 ORDER BY ch.changed_at, ch.id`,
    [responseId],
  );
}

export async function selectAllFlags(
  tx: Queryable,
  responseId: string,
): Promise<(FlagRow & { created_by_name: string | null })[]> {
  return tx.query<FlagRow & { created_by_name: string | null }>(
    `SELECT f.id, f.question, f.reason, f.review_round, f.created_at, f.created_by, f.resolved_at,
            u.display_name AS created_by_name
       FROM survey_flags f LEFT JOIN users u ON u.id = f.created_by
      WHERE f.response_id = $1 ORDER BY f.created_at, f.id`,
    [responseId],
  );
}

export interface LinkRow {
  id: string;
  response_id: string;
  comune_istat: string;
  expires_at: Date;
  revoked_at: Date | null;
}

/** A personal link by the hash of its token (one indexed lookup). */
export async function selectLinkByHash(tx: Queryable, hash: string): Promise<LinkRow | null> {
  const [row] = await tx.query<LinkRow>(
    'SELECT id, response_id, comune_istat, expires_at, revoked_at FROM survey_access_links WHERE token_hash = $1',
    [hash],
  );
  return row ?? null;
}

/**
 * The rest of the transaction acts as the link's Comune: the same tenancy settings a Comune's
 * user gets (db.ts enterAppRoleSql), with no user.
 */
export async function narrowToComune(tx: Queryable, comune: string): Promise<void> {
  await tx.query(
    `SELECT set_config('app.scope', 'comune', true), set_config('app.tenant', $1, true),
            set_config('app.region', '', true), set_config('app.user_id', '', true)`,
    [comune],
  );
}

export async function touchLink(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE survey_access_links SET last_used_at = $2 WHERE id = $1', [id, at]);
}

let lastMs = 0;
let seq = 0;
/**
 * A UUID (version 7 layout) that sorts in creation order within this process, so that events
 * and changes written in the same millisecond keep their order: 48 bits of time, 12 bits of
 * sequence, then random bits.
 */
export function orderedId(): string {
  const ms = Date.now();
  if (ms === lastMs) seq++;
  else {
    lastMs = ms;
    seq = 0;
  }
  const bytes = randomBytes(16);
  const t = BigInt(ms + Math.floor(seq / 4096));
  for (let i = 0; i < 6; i++) bytes[i] = Number((t >> BigInt(8 * (5 - i))) & 0xffn);
  const s = seq % 4096;
  bytes[6] = 0x70 | ((s >> 8) & 0x0f);
  bytes[7] = s & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
