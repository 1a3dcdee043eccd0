/**
 * Demo attendance (issue 14 item 6): at each concluded event of the demo, most of the confirmed
 * participants were checked in by the organiser (about 85%, the same ones at every load), in the
 * first hour, and each of them has a certificate, issued the day after (when the event gives
 * certificates). Written with the attendance part's own statements (setAttended, setCertificate),
 * inside the events demo's transaction, so the attendance pages and the figures show real numbers.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import type { EventStatus } from '../shared/vocabulary.js';
import { newCertificateCode } from '../shared/tokens.js';
import { setAttended, setCertificate } from './attendance.repo.js';

export interface DemoAttendanceEvent {
  id: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  certificateHours: number | null;
}

/** The share of the confirmed participants who came. */
export const DEMO_TURNOUT = 0.85;

const unit = (seed: string) => createHash('sha256').update(seed).digest().readUInt32BE(0) / 0x1_0000_0000;

/** Checks in and certifies the concluded events' participants; returns the counts. */
export async function seedAttendanceDemo(
  tx: Queryable,
  events: readonly DemoAttendanceEvent[],
  organiserId: string,
): Promise<{ attended: number; certificates: number }> {
  let attended = 0;
  let certificates = 0;
  for (const e of events) {
    if (e.status !== 'CONCLUSO') continue;
    const confirmed = await tx.query<{ id: string }>(
      `SELECT id FROM evt_registrations WHERE event_id = $1 AND status = 'CONFERMATA' ORDER BY queued_at, id`,
      [e.id],
    );
    const issuedAt = new Date(e.endsAt.getTime() + 86_400_000);
    for (const [i, r] of confirmed.entries()) {
      // the same participants at every load: by the registration's place in the queue and the event
      if (unit(`${e.id}:${i}:came`) >= DEMO_TURNOUT) continue;
      const at = new Date(e.startsAt.getTime() - 30 * 60_000 + Math.floor(unit(`${e.id}:${i}:at`) * 90) * 60_000);
      await setAttended(tx, r.id, at, organiserId, at);
      attended++;
      if (e.certificateHours !== null) {
        await setCertificate(tx, r.id, newCertificateCode(), issuedAt);
        certificates++;
      }
    }
  }
  return { attended, certificates };
}
