/** SQL of the events' attendance; every function takes a transaction handle and returns plain rows. */
import type { Queryable } from '../../../platform/db/db.js';
import type { EventKind, ParticipantOrgType, RegistrationStatus } from '../shared/vocabulary.js';

export interface AttEventRow {
  id: string;
  title: string;
  kind: EventKind;
  status: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  certificate_hours: string | null;
}

export async function selectEvent(tx: Queryable, eventId: string): Promise<AttEventRow | null> {
  const rows = await tx.query<AttEventRow>(
    `SELECT id, title, kind, status, starts_at, ends_at, place, online_url, certificate_hours
       FROM evt_events WHERE id = $1`,
    [eventId],
  );
  return rows[0] ?? null;
}

export interface AttRegistrationRow {
  id: string;
  event_id: string;
  user_id: string | null;
  full_name: string | null;
  organisation_name: string | null;
  organisation_type: ParticipantOrgType | null;
  status: RegistrationStatus;
  attended_at: Date | null;
  certificate_code: string | null;
  certificate_issued_at: Date | null;
  erased_at: Date | null;
}

const regColumns = `r.id, r.event_id, r.user_id, r.full_name, r.organisation_name, r.organisation_type, r.status,
  r.attended_at, r.certificate_code, r.certificate_issued_at, r.erased_at`;

/** One registration of the event, locked for the check-in. */
export async function lockRegistration(
  tx: Queryable,
  eventId: string,
  registrationId: string,
): Promise<AttRegistrationRow | null> {
  const rows = await tx.query<AttRegistrationRow>(
    `SELECT ${regColumns} FROM evt_registrations r WHERE r.id = $1 AND r.event_id = $2 FOR UPDATE`,
    [registrationId, eventId],
  );
  return rows[0] ?? null;
}

export async function selectRegistration(tx: Queryable, registrationId: string): Promise<AttRegistrationRow | null> {
  const rows = await tx.query<AttRegistrationRow>(`SELECT ${regColumns} FROM evt_registrations r WHERE r.id = $1`, [
    registrationId,
  ]);
  return rows[0] ?? null;
}

export async function selectRegistrationByManageHash(tx: Queryable, hash: string): Promise<AttRegistrationRow | null> {
  const rows = await tx.query<AttRegistrationRow>(
    `SELECT ${regColumns} FROM evt_registrations r WHERE r.manage_token_hash = $1`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function setAttended(
  tx: Queryable,
  registrationId: string,
  at: Date | null,
  by: string | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations SET attended_at = $2, checked_in_by = $3, updated_at = $4, row_version = row_version + 1
      WHERE id = $1`,
    [registrationId, at, by, now],
  );
}

/** Every registration of the event that holds or held a seat or a place in the queue. */
export async function selectAttendance(tx: Queryable, eventId: string): Promise<AttRegistrationRow[]> {
  return tx.query<AttRegistrationRow>(
    `SELECT ${regColumns} FROM evt_registrations r
      WHERE r.event_id = $1 AND r.status IN ('CONFERMATA', 'IN_ATTESA')
      ORDER BY r.status, r.full_name NULLS LAST, r.id`,
    [eventId],
  );
}

/** The attended registrations of the event still without a certificate, locked. */
export async function lockUncertified(tx: Queryable, eventId: string): Promise<{ id: string }[]> {
  return tx.query<{ id: string }>(
    `SELECT id FROM evt_registrations
      WHERE event_id = $1 AND attended_at IS NOT NULL AND certificate_code IS NULL ORDER BY id FOR UPDATE`,
    [eventId],
  );
}

export async function setCertificate(tx: Queryable, registrationId: string, code: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations SET certificate_code = $2, certificate_issued_at = $3, updated_at = $3,
            row_version = row_version + 1
      WHERE id = $1`,
    [registrationId, code, now],
  );
}

export async function countCertified(tx: Queryable, eventId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM evt_registrations WHERE event_id = $1 AND certificate_code IS NOT NULL`,
    [eventId],
  );
  return rows[0]!.n;
}

export interface CertificateRow {
  registration_id: string;
  full_name: string | null;
  certificate_code: string;
  certificate_issued_at: Date;
  title: string;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  certificate_hours: string | null;
}

/** The one certificate with this code (the public verification, as the system). */
export async function selectCertificateByCode(tx: Queryable, code: string): Promise<CertificateRow | null> {
  const rows = await tx.query<CertificateRow>(
    `SELECT r.id AS registration_id, r.full_name, r.certificate_code, r.certificate_issued_at,
            e.title, e.kind, e.starts_at, e.ends_at, e.place, e.online_url, e.certificate_hours
       FROM evt_registrations r JOIN evt_events e ON e.id = r.event_id
      WHERE r.certificate_code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

export interface FiguresFilter {
  from: string | null;
  to: string | null;
  kind: EventKind | null;
  region: string | null;
}

export interface CountsRow {
  registrations: number;
  confirmed: number;
  attended: number;
  events: number;
}

const counts = `count(*) FILTER (WHERE r.queued_at IS NOT NULL)::int AS registrations,
  count(*) FILTER (WHERE r.status = 'CONFERMATA')::int AS confirmed,
  count(*) FILTER (WHERE r.attended_at IS NOT NULL)::int AS attended,
  count(DISTINCT r.event_id) FILTER (WHERE r.attended_at IS NOT NULL)::int AS events`;

const eventFilter = `e.status <> 'BOZZA'
  AND ($1::date IS NULL OR e.starts_at >= $1::date)
  AND ($2::date IS NULL OR e.starts_at < $2::date + 1)
  AND ($3::text IS NULL OR e.kind = $3)`;

/** Counts only, no person: by the participants' Region, organisation type and Comune. */
export async function selectFigures(
  tx: Queryable,
  f: FiguresFilter,
  now: Date,
): Promise<{
  eventsHeld: number;
  totals: CountsRow;
  byRegion: (CountsRow & { region_code: string | null; region_name: string | null })[];
  byType: (CountsRow & { organisation_type: ParticipantOrgType | null })[];
  byComune: (CountsRow & { comune_istat: string; comune_name: string; region_code: string })[];
}> {
  const p = [f.from, f.to, f.kind, f.region];
  const base = `FROM evt_registrations r JOIN evt_events e ON e.id = r.event_id
    WHERE ${eventFilter} AND ($4::text IS NULL OR r.region_code = $4)`;
  const held = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM evt_events e
      WHERE ${eventFilter} AND e.status <> 'ANNULLATO' AND e.ends_at <= $5
        AND ($4::text IS NULL OR e.region_code = $4 OR e.region_code IS NULL)`,
    [...p, now],
  );
  const totals = await tx.query<CountsRow>(`SELECT ${counts} ${base}`, p);
  const byRegion = await tx.query<CountsRow & { region_code: string | null; region_name: string | null }>(
    `SELECT r.region_code, g.name AS region_name, ${counts} ${base.replace(
      'WHERE',
      'LEFT JOIN regions g ON g.code = r.region_code WHERE',
    )}
      GROUP BY r.region_code, g.name ORDER BY g.name NULLS LAST`,
    p,
  );
  const byType = await tx.query<CountsRow & { organisation_type: ParticipantOrgType | null }>(
    `SELECT r.organisation_type, ${counts} ${base} GROUP BY r.organisation_type ORDER BY r.organisation_type NULLS LAST`,
    p,
  );
  const byComune = await tx.query<CountsRow & { comune_istat: string; comune_name: string; region_code: string }>(
    `SELECT c.istat_code AS comune_istat, c.name AS comune_name, c.region_code, ${counts} ${base.replace(
      'WHERE',
      'JOIN comuni c ON c.istat_code = r.comune_istat WHERE',
    )}
      GROUP BY c.istat_code, c.name, c.region_code ORDER BY c.name`,
    p,
  );
  return { eventsHeld: held[0]!.n, totals: totals[0]!, byRegion, byType, byComune };
}

/**
 * Erases the personal data of the external participants (no user) of the events ended before the
 * cut-off: name, e-mail, organisation's name, any link token still in the outbox. The row stays
 * for the figures (organisation type, Comune, Region) and a certificate stays verifiable.
 */
export async function eraseExternalBefore(tx: Queryable, cutoff: Date, now: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE evt_registrations r
        SET full_name = NULL, email = NULL, organisation_name = NULL, confirm_token_hash = NULL, erased_at = $2,
            updated_at = $2, row_version = r.row_version + 1
       FROM evt_events e
      WHERE e.id = r.event_id AND r.user_id IS NULL AND r.erased_at IS NULL AND e.ends_at < $1
      RETURNING r.id`,
    [cutoff, now],
  );
  const ids = rows.map((r) => r.id);
  if (ids.length)
    await tx.query(`UPDATE evt_notices SET link_token = NULL WHERE registration_id = ANY($1::uuid[])`, [ids]);
  return ids;
}
