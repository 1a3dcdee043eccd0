/**
 * SQL of the events' registrations. The seat decisions (registrations.seats.ts) run under the
 * event row's lock (`lockEvent`, decision 0055); every other statement takes the caller's handle.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { NoticeKind, RegistrationStatus } from '../shared/vocabulary.js';

// the seat statements live with the seat rule in ../shared (the events part raises capacities too)
export { countSeats, insertNotice, promote, selectFirstWaiting } from '../shared/seats.repo.js';

export interface EventRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  capacity: number;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  registration_closes_at: Date | null;
}

const eventCols = 'id, slug, title, status, capacity, starts_at, ends_at, place, registration_closes_at';

/**
 * The event's row, locked until the transaction ends: every seat decision of the event waits here.
 * FOR NO KEY UPDATE: it excludes every other seat decision (and the organisers' FOR UPDATE of a
 * change), but not the foreign-key check of a registration being inserted meanwhile (FOR KEY
 * SHARE), so a registration's row is written before the queue for the lock, not in it.
 */
export async function lockEvent(tx: Queryable, eventId: string): Promise<EventRow | null> {
  const [row] = await tx.query<EventRow>(`SELECT ${eventCols} FROM evt_events WHERE id = $1 FOR NO KEY UPDATE`, [
    eventId,
  ]);
  return row ?? null;
}

/** The event's row without a lock (the checks made before queueing for it). */
export async function readEvent(tx: Queryable, eventId: string): Promise<EventRow | null> {
  const [row] = await tx.query<EventRow>(`SELECT ${eventCols} FROM evt_events WHERE id = $1`, [eventId]);
  return row ?? null;
}

export async function selectEvent(tx: Queryable, eventId: string): Promise<EventRow | null> {
  const [row] = await tx.query<EventRow>(`SELECT ${eventCols} FROM evt_events WHERE id = $1`, [eventId]);
  return row ?? null;
}

export async function selectEventBySlug(tx: Queryable, slug: string): Promise<EventRow | null> {
  const [row] = await tx.query<EventRow>(`SELECT ${eventCols} FROM evt_events WHERE slug = $1 AND status <> 'BOZZA'`, [
    slug,
  ]);
  return row ?? null;
}

export interface NewRegistration {
  id: string;
  eventId: string;
  userId: string | null;
  fullName: string;
  email: string;
  organisationName: string | null;
  organisationType: string | null;
  comuneIstat: string | null;
  regionCode: string | null;
  confirmTokenHash: string | null;
  manageTokenHash: string;
  privacyVersion: string;
  at: Date;
}

/** Inserts a DA_CONFERMARE registration; false when the person already holds a live one (unique index). */
export async function insertRegistration(tx: Queryable, r: NewRegistration): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO evt_registrations (id, event_id, user_id, full_name, email, organisation_name, organisation_type,
                                    comune_istat, region_code, status, confirm_token_hash, manage_token_hash,
                                    requested_at, privacy_version, consent_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'DA_CONFERMARE', $10, $11, $12, $13, $12, $12, $12)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      r.id,
      r.eventId,
      r.userId,
      r.fullName,
      r.email,
      r.organisationName,
      r.organisationType,
      r.comuneIstat,
      r.regionCode,
      r.confirmTokenHash,
      r.manageTokenHash,
      r.at,
      r.privacyVersion,
    ],
  );
  return rows.length > 0;
}

export interface RegistrationRow {
  id: string;
  event_id: string;
  user_id: string | null;
  status: RegistrationStatus;
  requested_at: Date;
  queued_at: Date | null;
  cancelled_at: Date | null;
  confirm_token_hash: string | null;
}

const regCols = 'id, event_id, user_id, status, requested_at, queued_at, cancelled_at, confirm_token_hash';

export async function selectRegistration(tx: Queryable, id: string): Promise<RegistrationRow | null> {
  const [row] = await tx.query<RegistrationRow>(`SELECT ${regCols} FROM evt_registrations WHERE id = $1`, [id]);
  return row ?? null;
}

/** The one registration a link's token opens: by the confirmation link or by the participant's own link. */
export async function selectByTokenHash(tx: Queryable, hash: string): Promise<RegistrationRow | null> {
  const [row] = await tx.query<RegistrationRow>(
    `SELECT ${regCols} FROM evt_registrations WHERE confirm_token_hash = $1 OR manage_token_hash = $1`,
    [hash],
  );
  return row ?? null;
}

/**
 * A DA_CONFERMARE registration enters the queue. Its arrival is now, but always after the last
 * arrival of the event (a microsecond later when the clock has not moved; computed in SQL, where
 * timestamps keep their microseconds), so that the order of `queued_at` is the order in which the
 * event's lock was taken.
 */
export async function setQueued(
  tx: Queryable,
  id: string,
  eventId: string,
  status: 'CONFERMATA' | 'IN_ATTESA',
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations
        SET status = $3,
            queued_at = GREATEST($4::timestamptz,
                                 (SELECT max(queued_at) FROM evt_registrations WHERE event_id = $2) + interval '1 microsecond'),
            seat_at = CASE WHEN $3 = 'CONFERMATA' THEN $4::timestamptz END,
            confirm_token_hash = NULL, updated_at = $4, row_version = row_version + 1
      WHERE id = $1 AND status = 'DA_CONFERMARE'`,
    [id, eventId, status, now],
  );
}

export async function setStatus(tx: Queryable, id: string, status: 'ANNULLATA' | 'SCADUTA', now: Date): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations SET status = $2, cancelled_at = CASE WHEN $2 = 'ANNULLATA' THEN $3::timestamptz END,
            confirm_token_hash = NULL, updated_at = $3, row_version = row_version + 1
      WHERE id = $1`,
    [id, status, now],
  );
}

const waitlistPosition = `CASE WHEN r.status = 'IN_ATTESA' THEN (
    SELECT count(*)::int FROM evt_registrations w
     WHERE w.event_id = r.event_id AND w.status = 'IN_ATTESA' AND (w.queued_at, w.id) <= (r.queued_at, r.id)) END`;

export interface MyRegistrationRow {
  id: string;
  status: RegistrationStatus;
  waitlist_position: number | null;
  requested_at: Date;
  queued_at: Date | null;
  cancelled_at: Date | null;
  event_id: string;
  slug: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  event_status: string;
  attended_at: Date | null;
  feedback_at: Date | null;
  feedback_form_version_id: string | null;
  has_certificate: boolean;
}

const mineSelect = `SELECT r.id, r.status, ${waitlistPosition} AS waitlist_position, r.requested_at, r.queued_at,
         r.cancelled_at, e.id AS event_id, e.slug, e.title, e.starts_at, e.ends_at, e.place, e.status AS event_status,
         r.attended_at, r.feedback_at, e.feedback_form_version_id, r.certificate_code IS NOT NULL AS has_certificate
    FROM evt_registrations r JOIN evt_events e ON e.id = r.event_id`;

/** A user's registrations, latest events first (the waitlist position counts the whole queue: system scope). */
export async function selectUserRegistrations(tx: Queryable, userId: string): Promise<MyRegistrationRow[]> {
  return tx.query<MyRegistrationRow>(
    `${mineSelect} WHERE r.user_id = $1 ORDER BY e.starts_at DESC, r.requested_at DESC`,
    [userId],
  );
}

export async function selectRegistrationView(tx: Queryable, id: string): Promise<MyRegistrationRow | null> {
  const [row] = await tx.query<MyRegistrationRow>(`${mineSelect} WHERE r.id = $1`, [id]);
  return row ?? null;
}

export interface OrganiserRow {
  id: string;
  status: RegistrationStatus;
  waitlist_position: number | null;
  user_id: string | null;
  full_name: string | null;
  email: string | null;
  organisation_name: string | null;
  organisation_type: string | null;
  comune_istat: string | null;
  region_code: string | null;
  requested_at: Date;
  queued_at: Date | null;
  cancelled_at: Date | null;
}

/** Every registration of an event: the seats by arrival, then the queue, then the rest. */
export async function selectEventRegistrations(tx: Queryable, eventId: string): Promise<OrganiserRow[]> {
  return tx.query<OrganiserRow>(
    `SELECT r.id, r.status, ${waitlistPosition} AS waitlist_position, r.user_id, r.full_name, r.email,
            r.organisation_name, r.organisation_type, r.comune_istat, r.region_code, r.requested_at, r.queued_at,
            r.cancelled_at
       FROM evt_registrations r WHERE r.event_id = $1
      ORDER BY CASE r.status WHEN 'CONFERMATA' THEN 0 WHEN 'IN_ATTESA' THEN 1 WHEN 'DA_CONFERMARE' THEN 2 ELSE 3 END,
               r.queued_at NULLS LAST, r.requested_at, r.id`,
    [eventId],
  );
}

/** The user's name, e-mail and organisation (type, Comune, Region: a Comune's Region when it has one). */
export async function selectAccount(tx: Queryable, userId: string) {
  const [row] = await tx.query<{
    display_name: string;
    email: string;
    org_name: string;
    org_type: string;
    comune_istat: string | null;
    region_code: string | null;
  }>(
    `SELECT u.display_name, u.email, o.name AS org_name, o.type AS org_type, o.comune_istat,
            COALESCE(o.region_code, c.region_code) AS region_code
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN comuni c ON c.istat_code = o.comune_istat
      WHERE u.id = $1`,
    [userId],
  );
  return row ?? null;
}

export async function selectComuneRegion(tx: Queryable, istat: string): Promise<string | null> {
  const [row] = await tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [
    istat,
  ]);
  return row?.region_code ?? null;
}

// --- the outbox ---------------------------------------------------------------------------------

export interface PendingNotice {
  id: string;
  kind: NoticeKind;
  link_token: string | null;
  registration_id: string;
  user_id: string | null;
  full_name: string | null;
  email: string | null;
  status: RegistrationStatus;
  waitlist_position: number | null;
  title: string;
  slug: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
}

export async function selectPendingNotices(tx: Queryable, limit = 500): Promise<PendingNotice[]> {
  return tx.query<PendingNotice>(
    `SELECT n.id, n.kind, n.link_token, r.id AS registration_id, r.user_id, r.full_name, r.email, r.status,
            ${waitlistPosition} AS waitlist_position, e.title, e.slug, e.starts_at, e.ends_at, e.place, e.online_url
       FROM evt_notices n JOIN evt_registrations r ON r.id = n.registration_id JOIN evt_events e ON e.id = r.event_id
      WHERE n.sent_at IS NULL AND r.erased_at IS NULL
      ORDER BY n.created_at, n.id LIMIT $1`,
    [limit],
  );
}

/** Claims a notice before the relay is called (once, whatever runs overlap); its token goes with the claim. */
export async function claimNotice(tx: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE evt_notices SET sent_at = $2, attempts = attempts + 1, link_token = NULL
      WHERE id = $1 AND sent_at IS NULL RETURNING id`,
    [id, at],
  );
  return rows.length > 0;
}

/** Gives a claim back (with its token) when the relay refused the e-mail: the job's retry sends it. */
export async function releaseNotice(tx: Queryable, id: string, linkToken: string | null): Promise<void> {
  await tx.query('UPDATE evt_notices SET sent_at = NULL, link_token = $2 WHERE id = $1', [id, linkToken]);
}

/** DA_CONFERMARE registrations requested before `before`: they lapse (SCADUTA). */
export async function expireUnconfirmed(tx: Queryable, before: Date, now: Date): Promise<{ id: string }[]> {
  return tx.query<{ id: string }>(
    `UPDATE evt_registrations SET status = 'SCADUTA', confirm_token_hash = NULL, updated_at = $2,
            row_version = row_version + 1
      WHERE status = 'DA_CONFERMARE' AND requested_at < $1 RETURNING id`,
    [before, now],
  );
}

/** Seats of events starting before `until` (and not yet started) still owed their reminder: marked and returned. */
export async function markReminders(tx: Queryable, now: Date, until: Date): Promise<{ id: string }[]> {
  return tx.query<{ id: string }>(
    `UPDATE evt_registrations r SET reminder_sent_at = $1, updated_at = $1
       FROM evt_events e
      WHERE e.id = r.event_id AND e.status = 'PUBBLICATO' AND e.starts_at > $1 AND e.starts_at <= $2
        AND r.status = 'CONFERMATA' AND r.reminder_sent_at IS NULL AND r.erased_at IS NULL
     RETURNING r.id`,
    [now, until],
  );
}
