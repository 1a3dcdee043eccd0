/**
 * Registration for an event (issue 14 item 1; decision 0055). A platform user registers with one
 * call and queues at once; an external participant registers without login and queues only when
 * the link in the e-mail is opened. Every change of who holds a seat runs in one transaction that
 * first locks the event's row, then counts the seats (registrations.seats.ts): never more
 * CONFERMATA than the capacity, the waitlist in arrival order, a freed seat promotes the first
 * waiting. The seat transactions run as the system scope (the lock needs it): the service checks
 * who the actor is before, and the public flows reach only the one row their token's hash finds.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess, type Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { feedbackState } from '../shared/feedback.js';
import { newLinkToken, tokenHash } from '../shared/tokens.js';
import { CONFIRM_HOURS, PRIVACY_VERSION } from '../shared/vocabulary.js';
import {
  insertNotice,
  insertRegistration,
  lockEvent,
  readEvent,
  selectAccount,
  selectByTokenHash,
  selectComuneRegion,
  selectEvent,
  selectEventBySlug,
  selectEventRegistrations,
  selectRegistration,
  selectRegistrationView,
  selectUserRegistrations,
  countSeats,
  type EventRow,
  type MyRegistrationRow,
} from './registrations.repo.js';
import type {
  MyRegistration,
  OrganiserRegistration,
  PublicRegistrationBody,
  SelfRegistrationBody,
} from './registrations.schema.js';
import { cancelUnderLock, enterQueue } from './registrations.seats.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toMine = (r: MyRegistrationRow, now: Date): MyRegistration => ({
  id: r.id,
  status: r.status,
  waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
  requestedAt: r.requested_at.toISOString(),
  queuedAt: iso(r.queued_at),
  cancelledAt: iso(r.cancelled_at),
  event: {
    id: r.event_id,
    slug: r.slug,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: r.place,
    status: r.event_status,
  },
  certificate: r.has_certificate,
  feedback: feedbackState(
    {
      formVersionId: r.feedback_form_version_id,
      eventStatus: r.event_status,
      endsAt: r.ends_at,
      status: r.status,
      attendedAt: r.attended_at,
      feedbackAt: r.feedback_at,
    },
    now,
  ),
});

/** The answer to an external registration, the same whether or not the e-mail was known. */
export const PUBLIC_ACCEPTED = {
  message: 'Se i dati sono corretti riceverai un’e-mail con il link per confermare l’iscrizione.',
};

/** 409 `events.state` unless the event takes registrations now (published, not closed, not started). */
function assertOpen(ctx: Ctx, e: EventRow): void {
  const closes = e.registration_closes_at ?? e.starts_at;
  if (e.status !== 'PUBBLICATO' || ctx.clock.now() >= closes)
    throw new AppError('events.state', 'Registrations for this event are closed', {
      context: { status: e.status },
    });
}

const expired = (ctx: Ctx, requestedAt: Date) =>
  ctx.clock.now().getTime() - requestedAt.getTime() > CONFIRM_HOURS * 3_600_000;

async function viewOf(tx: Queryable, ctx: Ctx, id: string): Promise<MyRegistration> {
  return toMine((await selectRegistrationView(tx, id))!, ctx.clock.now());
}

/**
 * POST /events/{eventId}/registrations: the actor registers themself (name, e-mail and
 * organisation from their account) and queues at once: a seat while one is free, else the
 * waitlist. 404 for an event not published, 409 `events.state` when closed,
 * 409 `events.registration.duplicate` when already registered.
 */
export async function registerSelf(ctx: Ctx, eventId: string, body: SelfRegistrationBody): Promise<MyRegistration> {
  assertCan(ctx.actor, 'events.register');
  const actor = ctx.actor;
  const id = randomUUID();
  await ctx.db.tx(systemAccess, async (tx) => {
    // before the lock: the checks, the account and the row itself (DA_CONFERMARE holds no seat and
    // is in no queue; the unique index refuses a second live registration)
    const found = await readEvent(tx, eventId);
    if (!found || found.status === 'BOZZA') throw new AppError('events.event.not_found');
    assertOpen(ctx, found);
    const account = (await selectAccount(tx, actor.userId))!;
    const orgType = (['societa_revisione', 'piattaforma'] as string[]).includes(account.org_type)
      ? 'altro'
      : account.org_type;
    const inserted = await insertRegistration(tx, {
      id,
      eventId,
      userId: actor.userId,
      fullName: account.display_name,
      email: account.email,
      organisationName: account.org_name,
      organisationType: orgType,
      comuneIstat: account.comune_istat,
      regionCode: account.region_code,
      confirmTokenHash: null,
      // the user manages the registration from their account: this link is never sent
      manageTokenHash: tokenHash(newLinkToken()),
      privacyVersion: body.privacyVersion ?? PRIVACY_VERSION,
      at: ctx.clock.now(),
    });
    if (!inserted) throw new AppError('events.registration.duplicate', 'You are already registered for this event');
    // the seat decision, under the event's lock (decision 0055); the event may have closed meanwhile
    const event = (await lockEvent(tx, eventId))!;
    assertOpen(ctx, event);
    const status = await enterQueue(tx, ctx, event, id, null);
    await recordAudit(tx, ctx, {
      action: 'events.registration.create',
      entityType: 'evt_registration',
      entityId: id,
      tenantComune: null,
      details: { event: eventId, status },
    });
  });
  // the answer (with the waitlist position, a count of the queue) is read after the lock is released
  return ctx.db.tx(systemAccess, (tx) => viewOf(tx, ctx, id));
}

/** GET /event-registrations/mine: the actor's registrations with the event and the waitlist position. */
export async function listMine(ctx: Ctx): Promise<{ items: MyRegistration[] }> {
  assertCan(ctx.actor, 'events.register');
  // the waitlist position counts the whole queue, which row-level security hides from a user: the
  // query runs as the system scope, narrowed to the actor's own rows
  const rows = await ctx.db.tx(systemAccess, (tx) => selectUserRegistrations(tx, ctx.actor!.userId));
  return { items: rows.map((r) => toMine(r, ctx.clock.now())) };
}

/**
 * POST /event-registrations/{id}/cancel: the participant cancels their own registration, or an
 * organiser anyone's; a seat freed goes to the first waiting. 404 for a registration the actor may
 * not cancel, 409 `events.state` when no longer live.
 */
export async function cancelRegistration(ctx: Ctx, id: string): Promise<MyRegistration> {
  const actor = ctx.actor!;
  const organiser = actor.permissions.has('events.manage');
  if (!organiser) assertCan(actor, 'events.register');
  return ctx.db.tx(systemAccess, async (tx) => {
    const found = await selectRegistration(tx, id);
    if (!found || (!organiser && found.user_id !== actor.userId)) throw new AppError('events.registration.not_found');
    const event = (await lockEvent(tx, found.event_id))!;
    await cancelUnderLock(tx, ctx, event, id, {
      by: organiser && found.user_id !== actor.userId ? 'organiser' : 'self',
    });
    return viewOf(tx, ctx, id);
  });
}

/**
 * GET /events/{eventId}/registrations: every registration of the event with its participant's
 * personal data, for the organisers; the read is audited.
 */
export async function listEventRegistrations(ctx: Ctx, eventId: string) {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const event = await selectEvent(tx, eventId);
    if (!event) throw new AppError('events.event.not_found');
    const rows = await selectEventRegistrations(tx, eventId);
    const seats = await countSeats(tx, eventId);
    await recordAudit(tx, ctx, {
      action: 'events.registration.list',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: { registrations: rows.length },
    });
    const items: OrganiserRegistration[] = rows.map((r) => ({
      id: r.id,
      status: r.status,
      waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
      userId: r.user_id,
      fullName: r.full_name,
      email: r.email,
      organisationName: r.organisation_name,
      organisationType: r.organisation_type as OrganiserRegistration['organisationType'],
      comuneIstat: r.comune_istat,
      regionCode: r.region_code,
      requestedAt: r.requested_at.toISOString(),
      queuedAt: iso(r.queued_at),
      cancelledAt: iso(r.cancelled_at),
    }));
    return { capacity: event.capacity, ...seats, items };
  });
}

/**
 * POST /public/events/{slug}/registrations: an external participant asks for a seat. Nothing is
 * held yet: the registration waits for the link in the e-mail. The answer is the same whether or
 * not the e-mail was already registered (no enumeration). 404 for an unknown event, 409
 * `events.state` when closed, 400 for a Comune that does not exist or a stale privacy notice.
 */
export async function requestRegistration(ctx: Ctx, slug: string, body: PublicRegistrationBody) {
  if (body.privacyVersion !== PRIVACY_VERSION)
    throw new AppError('request.invalid', 'The privacy notice has changed: read it again', {
      fieldIssues: [
        { path: 'body.privacyVersion', message: `Not the current version (${PRIVACY_VERSION})`, code: 'custom' },
      ],
    });
  await ctx.db.tx(systemAccess, async (tx) => {
    const event = await selectEventBySlug(tx, slug);
    if (!event) throw new AppError('events.event.not_found');
    assertOpen(ctx, event);
    const regionCode = body.comuneIstat ? await selectComuneRegion(tx, body.comuneIstat) : null;
    if (body.comuneIstat && !regionCode)
      throw new AppError('request.invalid', 'No such Comune', {
        fieldIssues: [{ path: 'body.comuneIstat', message: 'No Comune has this ISTAT code', code: 'custom' }],
      });
    const token = newLinkToken();
    const id = randomUUID();
    const at = ctx.clock.now();
    const inserted = await insertRegistration(tx, {
      id,
      eventId: event.id,
      userId: null,
      fullName: body.fullName,
      email: body.email.toLowerCase(),
      organisationName: body.organisationName,
      organisationType: body.organisationType,
      comuneIstat: body.comuneIstat ?? null,
      regionCode,
      // one link for the participant: it confirms the e-mail, then shows and cancels the registration
      confirmTokenHash: tokenHash(token),
      manageTokenHash: tokenHash(token),
      privacyVersion: body.privacyVersion,
      at,
    });
    if (!inserted) return;
    await insertNotice(tx, { id: randomUUID(), registrationId: id, kind: 'CONFERMA_EMAIL', linkToken: token, at });
    await recordAudit(tx, ctx, {
      action: 'events.registration.request',
      entityType: 'evt_registration',
      entityId: id,
      tenantComune: null,
      details: { event: event.id },
    });
  });
  return PUBLIC_ACCEPTED;
}

/** The registration a token opens (404 `events.link.invalid` for none, an expired or lapsed one). */
async function byToken(tx: Queryable, ctx: Ctx, token: string) {
  const r = await selectByTokenHash(tx, tokenHash(token));
  if (!r || r.status === 'SCADUTA' || (r.status === 'DA_CONFERMARE' && expired(ctx, r.requested_at)))
    throw new AppError('events.link.invalid');
  return r;
}

/**
 * POST /public/registrations/confirm: the e-mail confirmed, the registration enters the queue
 * (arrival: now). Idempotent: a second confirm answers the current state.
 */
export async function confirmRegistration(ctx: Ctx, token: string): Promise<MyRegistration> {
  return ctx.db.tx(systemAccess, async (tx) => {
    const found = await byToken(tx, ctx, token);
    const event = (await lockEvent(tx, found.event_id))!;
    // read again under the lock: a confirmation running at the same time has decided by now
    const r = (await selectRegistration(tx, found.id))!;
    if (r.status === 'DA_CONFERMARE') {
      if (event.status !== 'PUBBLICATO')
        throw new AppError('events.state', 'The event takes no registrations', { context: { status: event.status } });
      const status = await enterQueue(tx, ctx, event, r.id, token);
      await recordAudit(tx, ctx, {
        action: 'events.registration.confirm',
        entityType: 'evt_registration',
        entityId: r.id,
        tenantComune: null,
        details: { event: event.id, status },
      });
    }
    return viewOf(tx, ctx, r.id);
  });
}

/** POST /public/registrations/lookup: the registration a participant's link opens. */
export async function lookupRegistration(ctx: Ctx, token: string): Promise<MyRegistration> {
  return ctx.db.tx(systemAccess, async (tx) => viewOf(tx, ctx, (await byToken(tx, ctx, token)).id));
}

/** POST /public/registrations/cancel: the participant cancels with their link; a freed seat goes to the first waiting. */
export async function cancelByToken(ctx: Ctx, token: string): Promise<MyRegistration> {
  return ctx.db.tx(systemAccess, async (tx) => {
    const found = await byToken(tx, ctx, token);
    const event = (await lockEvent(tx, found.event_id))!;
    await cancelUnderLock(tx, ctx, event, found.id, { by: 'self' });
    return viewOf(tx, ctx, found.id);
  });
}
