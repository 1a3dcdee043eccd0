/**
 * The statements of the seat rule (decision 0055), shared by the registrations part (confirmations,
 * cancellations) and the events part (a larger capacity): each runs inside a transaction that has
 * locked the event's row first.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { NoticeKind } from './vocabulary.js';

export async function countSeats(tx: Queryable, eventId: string): Promise<{ confirmed: number; waiting: number }> {
  const [r] = await tx.query<{ confirmed: number; waiting: number }>(
    `SELECT count(*) FILTER (WHERE status = 'CONFERMATA')::int AS confirmed,
            count(*) FILTER (WHERE status = 'IN_ATTESA')::int AS waiting
       FROM evt_registrations WHERE event_id = $1 AND status IN ('CONFERMATA', 'IN_ATTESA')`,
    [eventId],
  );
  return r!;
}

/** The first in the event's queue (by arrival, then id), locked. */
export async function selectFirstWaiting(tx: Queryable, eventId: string): Promise<{ id: string } | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM evt_registrations WHERE event_id = $1 AND status = 'IN_ATTESA'
      ORDER BY queued_at, id LIMIT 1 FOR UPDATE`,
    [eventId],
  );
  return row ?? null;
}

export async function promote(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE evt_registrations SET status = 'CONFERMATA', seat_at = $2, updated_at = $2, row_version = row_version + 1
      WHERE id = $1`,
    [id, now],
  );
}

export async function insertNotice(
  tx: Queryable,
  n: { id: string; registrationId: string; kind: NoticeKind; linkToken: string | null; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO evt_notices (id, registration_id, kind, link_token, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [n.id, n.registrationId, n.kind, n.linkToken, n.at],
  );
}
