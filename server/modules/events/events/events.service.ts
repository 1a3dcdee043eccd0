/**
 * The event itself (issue 14 item 1; decision 0055). ANCI/Cittalia's assistenza tecnica (the
 * organisers, `events.manage`) create an event as a draft, change it (row_version), publish it and
 * cancel it with a reason (every live registration gets its e-mail in the outbox); each change is
 * one transaction with its audit row. The public site reads the published ones with the anonymous
 * scope: never a draft, never a registration (the seats taken come from evt_seats_taken).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess, type Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import type { EventKind, EventStatus } from '../shared/vocabulary.js';
import { fillSeats } from '../shared/seats.js';
import { eventIcs } from './events.ics.js';
import {
  concludeEnded,
  insertEvent,
  insertNotices,
  regionExists,
  selectEvent,
  selectEvents,
  selectLiveRegistrationIds,
  selectPublicEvent,
  selectPublicEventRegions,
  selectPublicEvents,
  selectSlugsLike,
  updateEvent,
  type EventCountsRow,
  type EventRow,
} from './events.repo.js';
import { canCancel, canEdit, canPublish, freeSlug, registrationWindow, slugOf } from './events.rules.js';
import {
  eventRules,
  type CancelEventBody,
  type CreateEventBody,
  type EventDetail,
  type EventSummary,
  type ListEventsQuery,
  type ListPublicEventsQuery,
  type PatchEventBody,
  type PublicEvent,
  type PublicEventRegions,
  type PublicEventSummary,
  type PublishEventBody,
} from './events.schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const seatsLeftOf = (r: EventRow) => Math.max(0, r.capacity - r.confirmed);

const summaryOf = (r: EventRow & EventCountsRow): EventSummary => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as EventKind,
  status: r.status as EventStatus,
  title: r.title,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  place: r.place,
  onlineUrl: r.online_url,
  regionCode: r.region_code,
  regionName: r.region_name,
  capacity: r.capacity,
  confirmed: r.confirmed,
  waiting: r.waiting,
  toConfirm: r.to_confirm,
  seatsLeft: seatsLeftOf(r),
  publishedAt: iso(r.published_at),
  updatedAt: r.updated_at.toISOString(),
});

const detailOf = (r: EventRow & EventCountsRow): EventDetail => ({
  ...summaryOf(r),
  summary: r.summary,
  programme: r.programme,
  audience: r.audience,
  registrationClosesAt: iso(r.registration_closes_at),
  certificateHours: r.certificate_hours === null ? null : Number(r.certificate_hours),
  cancelledReason: r.cancelled_reason,
  rowVersion: r.row_version,
  createdAt: r.created_at.toISOString(),
});

const publicSummaryOf = (r: EventRow, now: Date): PublicEventSummary => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as EventKind,
  status: r.status as EventStatus,
  title: r.title,
  summary: r.summary,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  place: r.place,
  online: r.online_url !== null,
  regionName: r.region_name,
  capacity: r.capacity,
  seatsLeft: seatsLeftOf(r),
  registration: registrationWindow({ ...r, status: r.status as EventStatus }, seatsLeftOf(r), now),
});

/** The cross-field rules (dates, place or link, deadline) as one 400 listing every issue. */
function assertRules(e: Parameters<typeof eventRules>[0]): void {
  const issues: FieldIssue[] = [];
  eventRules(e, {
    addIssue: (i: { path?: PropertyKey[]; message?: string }) =>
      issues.push({ path: `body.${(i.path ?? []).join('.')}`, message: i.message ?? 'invalid', code: 'custom' }),
  } as unknown as z.RefinementCtx);
  if (issues.length) throw new AppError('request.invalid', issues[0]!.message, { fieldIssues: issues });
}

async function assertRegion(tx: Queryable, code: string | null | undefined): Promise<void> {
  if (code && !(await regionExists(tx, code)))
    throw new AppError('request.invalid', 'No Region with this code', {
      fieldIssues: [{ path: 'body.regionCode', message: 'No Region with this code', code: 'custom' }],
    });
}

function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected)
    throw new AppError('events.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
}

/** Loads and locks an event for a change by the organisers: 403 without `events.manage`, 404 when none. */
async function loadForChange(tx: Queryable, eventId: string) {
  const row = await selectEvent(tx, eventId, true);
  if (!row) throw new AppError('events.event.not_found');
  return row;
}

const stateError = (status: string, action: string) =>
  new AppError('events.state', `An event ${status} cannot be ${action}.`, { context: { status } });

/** GET /events: every event for the organisers, drafts included, with the registrations' counts. */
export async function listEvents(ctx: Ctx, q: ListEventsQuery): Promise<Page<EventSummary>> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const rows = await selectEvents(tx, q, q.pageSize, offsetOf(q));
    return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

/** GET /events/{eventId}: one event for the organisers. */
export async function getEvent(ctx: Ctx, eventId: string): Promise<EventDetail> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const row = await selectEvent(tx, eventId);
    if (!row) throw new AppError('events.event.not_found');
    return detailOf(row);
  });
}

/** POST /events: a draft, its public address made from the title (unique). */
export async function createEvent(ctx: Ctx, body: CreateEventBody): Promise<EventDetail> {
  assertCan(ctx.actor, 'events.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    await assertRegion(tx, body.regionCode);
    const base = slugOf(body.title);
    const slug = freeSlug(base, await selectSlugsLike(tx, base));
    const id = randomUUID();
    const now = ctx.clock.now();
    await insertEvent(tx, {
      ...body,
      id,
      slug,
      status: 'BOZZA',
      publishedAt: null,
      orgId: actor.organisationId,
      by: actor.userId,
      now,
    });
    await recordAudit(tx, ctx, {
      action: 'events.event.create',
      entityType: 'evt_event',
      entityId: id,
      tenantComune: null,
      details: { title: body.title, kind: body.kind, slug },
    });
    return detailOf((await selectEvent(tx, id))!);
  });
}

/**
 * PATCH /events/{eventId}: while a draft or published; the capacity never below the seats confirmed.
 * A larger capacity of a published event promotes the waitlist into the new seats (arrival order).
 */
export async function patchEvent(ctx: Ctx, eventId: string, body: PatchEventBody): Promise<EventDetail> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await loadForChange(tx, eventId);
    assertVersion(e.row_version, body.rowVersion);
    if (!canEdit(e.status as EventStatus)) throw stateError(e.status, 'changed');
    const { rowVersion: _v, ...set } = body;
    assertRules({
      startsAt: set.startsAt ?? e.starts_at.toISOString(),
      endsAt: set.endsAt ?? e.ends_at.toISOString(),
      place: set.place !== undefined ? set.place : e.place,
      onlineUrl: set.onlineUrl !== undefined ? set.onlineUrl : e.online_url,
      registrationClosesAt:
        set.registrationClosesAt !== undefined ? set.registrationClosesAt : iso(e.registration_closes_at),
    });
    await assertRegion(tx, set.regionCode);
    // the seats are decided under the event's lock (decision 0055): the count is the committed one
    if (set.capacity !== undefined && set.capacity < e.confirmed)
      throw new AppError(
        'events.events.capacity_below_confirmed',
        `${e.confirmed} seats are confirmed: the capacity cannot go below.`,
        { context: { confirmed: e.confirmed } },
      );
    const fields = Object.keys(set);
    if (fields.length) await updateEvent(tx, eventId, set, ctx.clock.now());
    // more seats: the waitlist moves into them in arrival order, under the lock taken above
    const promoted =
      set.capacity !== undefined && set.capacity > e.capacity && e.status === 'PUBBLICATO'
        ? await fillSeats(tx, ctx, { id: eventId, capacity: set.capacity })
        : [];
    await recordAudit(tx, ctx, {
      action: 'events.event.update',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: {
        fields,
        ...(set.capacity !== undefined ? { capacity: set.capacity } : {}),
        ...(promoted.length ? { promoted: promoted.length } : {}),
      },
    });
    return detailOf((await selectEvent(tx, eventId))!);
  });
}

/** POST /events/{eventId}/publish: BOZZA → PUBBLICATO; the public page appears. */
export async function publishEvent(ctx: Ctx, eventId: string, body: PublishEventBody): Promise<EventDetail> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await loadForChange(tx, eventId);
    assertVersion(e.row_version, body.rowVersion);
    if (!canPublish(e.status as EventStatus)) throw stateError(e.status, 'published');
    const now = ctx.clock.now();
    await updateEvent(tx, eventId, { status: 'PUBBLICATO', publishedAt: now }, now);
    await recordAudit(tx, ctx, {
      action: 'events.event.publish',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: { slug: e.slug },
    });
    return detailOf((await selectEvent(tx, eventId))!);
  });
}

/** POST /events/{eventId}/cancel: PUBBLICATO → ANNULLATO with a reason; every live registration is told by e-mail. */
export async function cancelEvent(ctx: Ctx, eventId: string, body: CancelEventBody): Promise<EventDetail> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await loadForChange(tx, eventId);
    assertVersion(e.row_version, body.rowVersion);
    if (!canCancel(e.status as EventStatus)) throw stateError(e.status, 'cancelled');
    const now = ctx.clock.now();
    await updateEvent(tx, eventId, { status: 'ANNULLATO', cancelledReason: body.reason }, now);
    const live = await selectLiveRegistrationIds(tx, eventId);
    await insertNotices(
      tx,
      live.map((registrationId) => ({ id: randomUUID(), registrationId, kind: 'ANNULLATO' })),
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'events.event.cancel',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: { reason: body.reason, notified: live.length },
    });
    return detailOf((await selectEvent(tx, eventId))!);
  });
}

/** GET /public/events: the published events (no login), coming ones first, then the past. */
export async function listPublicEvents(ctx: Ctx, q: ListPublicEventsQuery): Promise<Page<PublicEventSummary>> {
  const now = ctx.clock.now();
  return ctx.db.tx(accessOf(null), async (tx) => {
    const rows = await selectPublicEvents(tx, q, now, q.pageSize, offsetOf(q));
    return {
      items: rows.map((r) => publicSummaryOf(r, now)),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** GET /public/event-regions: the Regions with a published event (the public list's filter). */
export async function listPublicEventRegions(ctx: Ctx): Promise<PublicEventRegions> {
  return ctx.db.tx(accessOf(null), async (tx) => ({ items: await selectPublicEventRegions(tx) }));
}

async function loadPublic(ctx: Ctx, slug: string): Promise<EventRow> {
  const row = await ctx.db.tx(accessOf(null), (tx) => selectPublicEvent(tx, slug));
  if (!row) throw new AppError('events.event.not_found');
  return row;
}

/** GET /public/events/{slug}: the public page of a published event. */
export async function getPublicEvent(ctx: Ctx, slug: string): Promise<PublicEvent> {
  const r = await loadPublic(ctx, slug);
  return {
    ...publicSummaryOf(r, ctx.clock.now()),
    programme: r.programme,
    audience: r.audience,
    onlineUrl: r.online_url,
    regionCode: r.region_code,
    certificateHours: r.certificate_hours === null ? null : Number(r.certificate_hours),
    cancelledReason: r.cancelled_reason,
  };
}

/** GET /public/events/{slug}/event.ics: the calendar file of a published event. */
export async function publicEventIcs(ctx: Ctx, slug: string): Promise<{ ics: string; filename: string }> {
  const r = await loadPublic(ctx, slug);
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const host = new URL(base).hostname;
  const url = `${base}/eventi/${r.slug}`;
  const location = [r.place, r.online_url].filter((x): x is string => !!x).join(' — ') || null;
  const ics = eventIcs(
    {
      id: r.id,
      title: r.title,
      summary: r.summary,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      location,
      url,
      status: r.status,
      updatedAt: r.updated_at,
    },
    host,
    ctx.clock.now(),
  );
  return { ics, filename: `${r.slug}.ics` };
}

/**
 * The job's step: every published event whose end has passed becomes CONCLUSO, each with its audit
 * row. Idempotent: a second run finds nothing; a cancelled or draft event is never touched. The
 * rows are locked as they change, so a registration waiting on the lock then sees the new state.
 */
export async function concludeEndedEvents(ctx: Ctx): Promise<{ concluded: number }> {
  const now = ctx.clock.now();
  return ctx.db.tx(systemAccess, async (tx) => {
    const done = await concludeEnded(tx, now);
    for (const e of done)
      await recordAudit(tx, ctx, {
        action: 'events.event.conclude',
        entityType: 'evt_event',
        entityId: e.id,
        tenantComune: null,
        details: { slug: e.slug },
      });
    return { concluded: done.length };
  });
}
