/**
 * The promotion from the waitlist (decision 0055), shared by the registrations part and the events
 * part (a larger capacity fills from the queue the same way). Runs inside a transaction that has
 * locked the event's row first.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { recordAudit } from '../../audit/index.js';
import { countSeats, insertNotice, promote, selectFirstWaiting } from './seats.repo.js';

/**
 * While seats are free, the first waiting (by arrival, then id) gets one, with the PROMOSSO
 * e-mail. Shared: the registrations part calls it after a confirmation or a cancellation, the events part
 * after a larger capacity.
 */
export async function fillSeats(tx: Queryable, ctx: Ctx, event: { id: string; capacity: number }): Promise<string[]> {
  const promoted: string[] = [];
  let { confirmed } = await countSeats(tx, event.id);
  const now = ctx.clock.now();
  while (confirmed < event.capacity) {
    const first = await selectFirstWaiting(tx, event.id);
    if (!first) break;
    await promote(tx, first.id, now);
    await insertNotice(tx, { id: randomUUID(), registrationId: first.id, kind: 'PROMOSSO', linkToken: null, at: now });
    await recordAudit(tx, ctx, {
      action: 'events.registration.promote',
      entityType: 'evt_registration',
      entityId: first.id,
      tenantComune: null,
      details: { event: event.id },
    });
    promoted.push(first.id);
    confirmed++;
  }
  return promoted;
}
