/** SQL of the events' events: the event, its counts of registrations (organisers) and its seats taken (public). */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';

export interface EventRow {
  id: string;
  slug: string;
  kind: string;
  status: string;
  title: string;
  summary: string;
  programme: string | null;
  audience: string | null;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  region_code: string | null;
  region_name: string | null;
  capacity: number;
  registration_closes_at: Date | null;
  certificate_hours: string | null;
  published_at: Date | null;
  cancelled_reason: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
  /** CONFERMATA: through evt_seats_taken, which the anonymous scope may call (no row of a registration) */
  confirmed: number;
}

export interface EventCountsRow {
  waiting: number;
  to_confirm: number;
}

const COLUMNS = `e.id, e.slug, e.kind, e.status, e.title, e.summary, e.programme, e.audience, e.starts_at, e.ends_at,
       e.place, e.online_url, e.region_code::text AS region_code, rg.name AS region_name, e.capacity,
       e.registration_closes_at, e.certificate_hours::text AS certificate_hours, e.published_at, e.cancelled_reason,
       e.created_at, e.updated_at, e.row_version, coalesce(evt_seats_taken(e.id), 0) AS confirmed`;
const FROM = `evt_events e LEFT JOIN regions rg ON rg.code = e.region_code`;
// the queue's counts: only the organisers' (national) scope reads registrations
const COUNTS = `(SELECT count(*)::int FROM evt_registrations r WHERE r.event_id = e.id AND r.status = 'IN_ATTESA') AS waiting,
       (SELECT count(*)::int FROM evt_registrations r WHERE r.event_id = e.id AND r.status = 'DA_CONFERMARE') AS to_confirm`;

/** Every event the actor sees (drafts for the organisers), filtered, newest start first. */
export async function selectEvents(
  tx: Queryable,
  f: { kind?: string; status?: string; region?: string; from?: string; to?: string },
  limit: number,
  offset: number,
): Promise<(EventRow & EventCountsRow & { total: number })[]> {
  const w = new Where();
  if (f.kind) w.add('e.kind = $?', f.kind);
  if (f.status) w.add('e.status = $?', f.status);
  if (f.region) w.add('e.region_code = $?', f.region);
  if (f.from) w.add('e.ends_at >= $?', f.from);
  if (f.to) w.add('e.starts_at < $?', f.to);
  return tx.query(
    `SELECT ${COLUMNS}, ${COUNTS}, count(*) OVER ()::int AS total FROM ${FROM} ${w}
      ORDER BY e.starts_at DESC, e.id LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

/** The published events (never a draft), the coming ones first by start, then the past ones latest first. */
export async function selectPublicEvents(
  tx: Queryable,
  f: { kind?: string; region?: string },
  now: Date,
  limit: number,
  offset: number,
): Promise<(EventRow & { total: number })[]> {
  const w = new Where();
  w.raw(`e.status <> 'BOZZA'`);
  if (f.kind) w.add('e.kind = $?', f.kind);
  if (f.region) w.add('e.region_code = $?', f.region);
  const at = w.param(now);
  return tx.query(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM ${FROM} ${w}
      ORDER BY (e.ends_at < ${at}), CASE WHEN e.ends_at >= ${at} THEN e.starts_at END ASC,
               e.starts_at DESC, e.id
      LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

/** The Regions where a published (or past) event takes place, by name: the public list's filter. */
export async function selectPublicEventRegions(
  tx: Queryable,
): Promise<{ code: string; name: string; events: number }[]> {
  return tx.query(
    `SELECT rg.code::text AS code, rg.name, count(*)::int AS events
       FROM evt_events e JOIN regions rg ON rg.code = e.region_code
      WHERE e.status <> 'BOZZA'
      GROUP BY rg.code, rg.name ORDER BY rg.name`,
  );
}

/** One event by id (row-level security: a draft only for the organisers); `lock` takes its row for a change. */
export async function selectEvent(
  tx: Queryable,
  id: string,
  lock = false,
): Promise<(EventRow & EventCountsRow) | undefined> {
  if (lock) await tx.query('SELECT 1 FROM evt_events WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await tx.query<EventRow & EventCountsRow>(`SELECT ${COLUMNS}, ${COUNTS} FROM ${FROM} WHERE e.id = $1`, [
    id,
  ]);
  return row;
}

/** A published event by its public address (never a draft). */
export async function selectPublicEvent(tx: Queryable, slug: string): Promise<EventRow | undefined> {
  const [row] = await tx.query<EventRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.slug = $1 AND e.status <> 'BOZZA'`, [
    slug,
  ]);
  return row;
}

/** The slugs taken that start with `base` (to pick a free one). */
export async function selectSlugsLike(tx: Queryable, base: string): Promise<string[]> {
  const rows = await tx.query<{ slug: string }>(`SELECT slug FROM evt_events WHERE slug = $1 OR slug LIKE $2`, [
    base,
    `${base}-%`,
  ]);
  return rows.map((r) => r.slug);
}

export async function regionExists(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM regions WHERE code = $1', [code])).length > 0;
}

export interface EventValues {
  kind: string;
  title: string;
  summary: string;
  programme: string | null;
  audience: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
  place: string | null;
  onlineUrl: string | null;
  regionCode: string | null;
  capacity: number;
  registrationClosesAt: string | Date | null;
  certificateHours: number | null;
}

export async function insertEvent(
  tx: Queryable,
  e: EventValues & {
    id: string;
    slug: string;
    status: string;
    publishedAt: Date | null;
    orgId: string | null;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO evt_events (id, slug, kind, status, title, summary, programme, audience, starts_at, ends_at, place,
                             online_url, region_code, capacity, registration_closes_at, certificate_hours,
                             organiser_org_id, published_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)`,
    [
      e.id,
      e.slug,
      e.kind,
      e.status,
      e.title,
      e.summary,
      e.programme,
      e.audience,
      e.startsAt,
      e.endsAt,
      e.place,
      e.onlineUrl,
      e.regionCode,
      e.capacity,
      e.registrationClosesAt,
      e.certificateHours,
      e.orgId,
      e.publishedAt,
      e.by,
      e.now,
    ],
  );
}

const COLUMN_OF: Record<string, string> = {
  kind: 'kind',
  title: 'title',
  summary: 'summary',
  programme: 'programme',
  audience: 'audience',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  place: 'place',
  onlineUrl: 'online_url',
  regionCode: 'region_code',
  capacity: 'capacity',
  registrationClosesAt: 'registration_closes_at',
  certificateHours: 'certificate_hours',
  status: 'status',
  publishedAt: 'published_at',
  cancelledReason: 'cancelled_reason',
};

/** Changes the named fields (API names), bumps the row version. */
export async function updateEvent(tx: Queryable, id: string, set: Record<string, unknown>, now: Date): Promise<void> {
  const w = new Where();
  const sets = Object.entries(set).map(([k, v]) => `${COLUMN_OF[k]!} = ${w.param(v)}`);
  await tx.query(
    `UPDATE evt_events SET ${[...sets, `updated_at = ${w.param(now)}`, 'row_version = row_version + 1'].join(', ')}
      WHERE id = ${w.param(id)}`,
    w.params,
  );
}

/** The registrations that still count (a seat, the queue, an e-mail to confirm): told of a cancellation. */
export async function selectLiveRegistrationIds(tx: Queryable, eventId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM evt_registrations WHERE event_id = $1 AND status IN ('DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA')
      ORDER BY id`,
    [eventId],
  );
  return rows.map((r) => r.id);
}

/** One e-mail owed per registration (the outbox; the registrations' job sends them). */
export async function insertNotices(
  tx: Queryable,
  notices: { id: string; registrationId: string; kind: string }[],
  now: Date,
): Promise<void> {
  for (const n of notices)
    await tx.query(`INSERT INTO evt_notices (id, registration_id, kind, created_at) VALUES ($1, $2, $3, $4)`, [
      n.id,
      n.registrationId,
      n.kind,
      now,
    ]);
}

/** PUBBLICATO events whose end has passed become CONCLUSO (locked, once each); their ids and slugs. */
export async function concludeEnded(tx: Queryable, now: Date): Promise<{ id: string; slug: string }[]> {
  return tx.query<{ id: string; slug: string }>(
    `UPDATE evt_events SET status = 'CONCLUSO', updated_at = $1, row_version = row_version + 1
      WHERE id IN (SELECT id FROM evt_events WHERE status = 'PUBBLICATO' AND ends_at <= $1 ORDER BY id FOR UPDATE)
      RETURNING id, slug`,
    [now],
  );
}
