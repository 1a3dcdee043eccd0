/**
 * SQL of the feedback questionnaire (decision 0059). The questionnaire versions are the survey
 * engine's (survey_form_versions, read here only when published); the answers go to
 * evt_feedback_answers without any link to a registration, the registration gets `feedback_at`.
 */
import type { Queryable } from '../../../platform/db/db.js';

export interface FormVersionRow {
  id: string;
  survey_id: string;
  code: string;
  title_it: string;
  version_no: number;
  question_count: number;
  published_at: Date;
}

const versionSelect = `SELECT v.id, v.survey_id, s.code, s.title_it, v.version_no, v.question_count, v.published_at
    FROM survey_form_versions v JOIN survey_surveys s ON s.id = v.survey_id
   WHERE v.published_at IS NOT NULL`;

/** Every published questionnaire version, newest survey first, then newest version. */
export function selectPublishedVersions(tx: Queryable): Promise<FormVersionRow[]> {
  return tx.query<FormVersionRow>(`${versionSelect} ORDER BY s.created_at DESC, s.code, v.version_no DESC`);
}

export async function selectPublishedVersion(tx: Queryable, id: string): Promise<FormVersionRow | null> {
  const [row] = await tx.query<FormVersionRow>(`${versionSelect} AND v.id = $1`, [id]);
  return row ?? null;
}

/** The questionnaire of a published version (the surveys' model, as stored). */
export async function selectForm(tx: Queryable, versionId: string): Promise<unknown> {
  const [row] = await tx.query<{ form: unknown }>(
    'SELECT form FROM survey_form_versions WHERE id = $1 AND published_at IS NOT NULL',
    [versionId],
  );
  return row?.form ?? null;
}

export interface FeedbackEventRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  feedback_form_version_id: string | null;
  row_version: number;
}

const eventCols = 'id, slug, title, status, starts_at, ends_at, feedback_form_version_id, row_version';

export async function selectEvent(tx: Queryable, id: string, lock = false): Promise<FeedbackEventRow | null> {
  const [row] = await tx.query<FeedbackEventRow>(
    `SELECT ${eventCols} FROM evt_events WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function setEventForm(tx: Queryable, id: string, versionId: string | null, now: Date): Promise<void> {
  await tx.query(
    `UPDATE evt_events SET feedback_form_version_id = $2, updated_at = $3, row_version = row_version + 1 WHERE id = $1`,
    [id, versionId, now],
  );
}

export interface FeedbackRegistrationRow {
  id: string;
  event_id: string;
  user_id: string | null;
  status: string;
  attended_at: Date | null;
  feedback_at: Date | null;
  erased_at: Date | null;
}

const regCols = 'id, event_id, user_id, status, attended_at, feedback_at, erased_at';

/** A registration by id, locked for the answer when asked (one answer: the lock, then feedback_at). */
export async function selectRegistration(
  tx: Queryable,
  id: string,
  lock = false,
): Promise<FeedbackRegistrationRow | null> {
  const [row] = await tx.query<FeedbackRegistrationRow>(
    `SELECT ${regCols} FROM evt_registrations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** A registration by the hash of its participant's own link token. */
export async function selectRegistrationByManageHash(
  tx: Queryable,
  hash: string,
): Promise<FeedbackRegistrationRow | null> {
  const [row] = await tx.query<FeedbackRegistrationRow>(
    `SELECT ${regCols} FROM evt_registrations WHERE manage_token_hash = $1`,
    [hash],
  );
  return row ?? null;
}

export async function markAnswered(tx: Queryable, registrationId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations SET feedback_at = $2, updated_at = $2, row_version = row_version + 1 WHERE id = $1`,
    [registrationId, now],
  );
}

/** One answer: the event, the version answered and the answers; nothing about who. */
export async function insertAnswer(
  tx: Queryable,
  a: { id: string; eventId: string; formVersionId: string; answers: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO evt_feedback_answers (id, event_id, form_version_id, answers) VALUES ($1, $2, $3, $4::jsonb)`,
    [a.id, a.eventId, a.formVersionId, JSON.stringify(a.answers)],
  );
}

export async function countAnswers(tx: Queryable, eventId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM evt_feedback_answers WHERE event_id = $1',
    [eventId],
  );
  return row!.n;
}

/** The answers of one event to one version (no order that follows arrival: by id, random). */
export function selectAnswers(tx: Queryable, eventId: string, versionId: string): Promise<{ answers: unknown }[]> {
  return tx.query<{ answers: unknown }>(
    'SELECT answers FROM evt_feedback_answers WHERE event_id = $1 AND form_version_id = $2 ORDER BY id',
    [eventId, versionId],
  );
}

export async function countAttended(tx: Queryable, eventId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM evt_registrations WHERE event_id = $1 AND attended_at IS NOT NULL`,
    [eventId],
  );
  return row!.n;
}
