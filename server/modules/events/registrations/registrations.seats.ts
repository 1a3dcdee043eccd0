/**
 * The seat rule of decision 0055. Every function here runs inside a transaction that has locked
 * the event's row (`lockEvent`) first, so the decisions of one event are taken one at a time, on
 * PGlite as on a server: count the seats, then take one, wait, cancel or promote.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { fillSeats } from '../shared/seats.js';
import {
  countSeats,
  insertNotice,
  selectRegistration,
  setQueued,
  setStatus,
  type EventRow,
} from './registrations.repo.js';

/**
 * A DA_CONFERMARE registration enters the queue now: a seat while one is free and nobody waits,
 * else the waitlist. Owes the POSTO or ATTESA e-mail (with the participant's link when known).
 */
export async function enterQueue(
  tx: Queryable,
  ctx: Ctx,
  event: EventRow,
  registrationId: string,
  linkToken: string | null,
): Promise<'CONFERMATA' | 'IN_ATTESA'> {
  const now = ctx.clock.now();
  const { confirmed, waiting } = await countSeats(tx, event.id);
  const status = confirmed < event.capacity && waiting === 0 ? 'CONFERMATA' : 'IN_ATTESA';
  await setQueued(tx, registrationId, event.id, status, now);
  await insertNotice(tx, {
    id: randomUUID(),
    registrationId,
    kind: status === 'CONFERMATA' ? 'POSTO' : 'ATTESA',
    linkToken,
    at: now,
  });
  // a seat left free while someone waits (only after an inconsistency): fill it; otherwise nothing
  // to promote, and two statements fewer under the lock
  if (status === 'IN_ATTESA' && confirmed < event.capacity) await fillSeats(tx, ctx, event);
  return status;
}

/** Cancels a live registration (409 `events.state` otherwise); a freed seat goes to the first waiting. */
export async function cancelUnderLock(
  tx: Queryable,
  ctx: Ctx,
  event: EventRow,
  registrationId: string,
  o: { by: 'self' | 'organiser' },
): Promise<void> {
  const r = (await selectRegistration(tx, registrationId))!;
  if (!['DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA'].includes(r.status))
    throw new AppError('events.state', 'The registration is no longer live', { context: { status: r.status } });
  await setStatus(tx, r.id, 'ANNULLATA', ctx.clock.now());
  await recordAudit(tx, ctx, {
    action: 'events.registration.cancel',
    entityType: 'evt_registration',
    entityId: r.id,
    tenantComune: null,
    details: { event: event.id, was: r.status, by: o.by },
  });
  if (r.status === 'CONFERMATA') await fillSeats(tx, ctx, event);
}
