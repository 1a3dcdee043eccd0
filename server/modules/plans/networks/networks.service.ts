/**
 * Networks and meetings of the local plans (issue 13 item 3; domain.md §7.2): tavoli and thematic
 * working groups of a Comune or of a Region with their member organisations; meetings with their
 * participating organisations, participants and minutes; decisions and follow-ups with an owner and
 * a due date, linked to an action of the Comune's plan; the user's work list; the totals beside
 * phase 1. Row-level security keeps other places' out of every query (404); who may change what is
 * narrowed here (networks.rules.ts). Every change is one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertVersion, todayOf } from '../shared/access.js';
import {
  readPlmDocument,
  removePlmDocument,
  selectPlmDocument,
  storePlmDocument,
  type PlmDocumentFile,
} from '../shared/documents.js';
import {
  actionOfComune,
  deleteMember,
  existingOrganisations,
  insertFollowUp,
  insertMeeting,
  insertNetwork,
  lockMeeting,
  lockNetwork,
  planOfComune,
  regionExists,
  regionOfComune,
  replaceMeetingOrganisations,
  selectActionChoices,
  selectFollowUp,
  selectFollowUps,
  selectMeeting,
  selectMeetingOrganisations,
  selectMeetings,
  selectMember,
  selectMembers,
  selectNetwork,
  selectNetworks,
  selectOwnerChoices,
  selectTotals,
  selectWorkList,
  setMinutes,
  updateFollowUp,
  updateMeeting,
  updateNetwork,
  upsertMember,
  type FollowUpRow,
  type FollowUpValues,
  type MeetingRow,
  type NetworkRow,
} from './networks.repo.js';
import {
  canEditPlace,
  compareWorkItems,
  daysOverdue,
  dueDateProblem,
  meetingDateProblem,
  phaseOneReference,
  type Place,
} from './networks.rules.js';
import type {
  FollowUpCreateBody,
  FollowUpOut,
  FollowUpUpdateBody,
  MeetingCreateBody,
  MeetingDetail,
  MeetingListQuery,
  MeetingSummary,
  MeetingUpdateBody,
  MemberBody,
  MinutesUploadBody,
  NetworkCreateBody,
  NetworkDetail,
  NetworkListQuery,
  NetworkSummary,
  NetworkUpdateBody,
  Totals,
  TotalsQuery,
  WorkItem,
} from './networks.schema.js';

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

const placeOf = (r: { comune_istat: string | null; region_code: string }): Place => ({
  comune: r.comune_istat,
  region: r.region_code,
});

/** The actor may change the place's networks and meetings: the permission and the place. */
const mayEdit = (actor: Actor, place: Place): boolean =>
  can(actor, 'plans.networks.edit') && canEditPlace(actor, place);

function assertEditor(actor: Actor, place: Place): void {
  assertCan(actor, 'plans.networks.edit');
  if (!canEditPlace(actor, place))
    throw new AppError('plans.networks.not_editor', "Only the place's own staff (or its Region, or ANCI) change it");
}

const networkSummary = (actor: Actor, r: NetworkRow): NetworkSummary => ({
  id: r.id,
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  kind: r.kind,
  name: r.name,
  theme: r.theme,
  axis: r.axis,
  planId: r.plan_id,
  active: r.active,
  members: r.members,
  meetings: r.meetings,
  lastMeetingOn: r.last_meeting_on,
  canEdit: mayEdit(actor, placeOf(r)),
  rowVersion: r.row_version,
});

const meetingSummary = (r: MeetingRow): MeetingSummary => ({
  id: r.id,
  networkId: r.network_id,
  networkName: r.network_name,
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  kind: r.kind,
  title: r.title,
  heldOn: r.held_on,
  place: r.place,
  participantsCount: r.participants_count,
  organisations: r.organisations,
  hasMinutes: r.minutes_document_id !== null,
  followUpsOpen: r.follow_ups_open,
});

const followUpOut = (actor: Actor, today: string, r: FollowUpRow): FollowUpOut => ({
  id: r.id,
  meetingId: r.meeting_id,
  kind: r.kind,
  text: r.text,
  actionId: r.action_id,
  actionLabel: r.action_label,
  ownerUserId: r.owner_user_id,
  ownerUserName: r.owner_user_name,
  ownerOrgId: r.owner_org_id,
  ownerOrgName: r.owner_org_name,
  dueDate: r.due_date,
  status: r.status,
  doneAt: r.done_at?.toISOString() ?? null,
  daysOverdue: daysOverdue({ status: r.status, dueDate: r.due_date }, today),
  canChange: mayEdit(actor, placeOf(r)) || r.owner_user_id === actor.userId,
});

async function loadNetwork(tx: Queryable, id: string): Promise<NetworkRow> {
  const n = await selectNetwork(tx, id);
  if (!n) throw new AppError('plans.networks.not_found');
  return n;
}

async function loadMeeting(tx: Queryable, id: string): Promise<MeetingRow> {
  const m = await selectMeeting(tx, id);
  if (!m) throw new AppError('plans.networks.meeting_not_found');
  return m;
}

/**
 * The place of a new network or meeting: the Comune given (its Region must match `regionCode` when
 * both are given), else the Region given, else the actor's own Comune or Region. 400 otherwise.
 */
async function resolvePlace(
  tx: Queryable,
  actor: Actor,
  body: { comuneIstat: string | null; regionCode: string | null },
): Promise<Place> {
  if (body.comuneIstat !== null) {
    const region = await regionOfComune(tx, body.comuneIstat);
    if (!region) throw invalid('body.comuneIstat', 'No Comune has this ISTAT code');
    if (body.regionCode !== null && body.regionCode !== region)
      throw invalid('body.regionCode', 'The Comune is not in this Region');
    return { comune: body.comuneIstat, region };
  }
  if (body.regionCode !== null) {
    if (!(await regionExists(tx, body.regionCode))) throw invalid('body.regionCode', 'No Region has this code');
    return { comune: null, region: body.regionCode };
  }
  if (actor.scope.level === 'comune' && actor.scope.comuneIstat) {
    const region = await regionOfComune(tx, actor.scope.comuneIstat);
    return { comune: actor.scope.comuneIstat, region: region! };
  }
  if (actor.scope.level === 'regione' && actor.scope.regionCode)
    return { comune: null, region: actor.scope.regionCode };
  throw invalid('body.comuneIstat', 'Say which Comune or Region it belongs to');
}

async function assertPlan(tx: Queryable, planId: string | null, place: Place): Promise<void> {
  if (planId === null) return;
  if (place.comune === null || !(await planOfComune(tx, planId, place.comune)))
    throw invalid('body.planId', "Not a plan of the network's Comune");
}

/** GET /plan-networks: the networks in reach, with their counts. */
export async function listNetworks(ctx: Ctx, q: NetworkListQuery) {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const rows = await selectNetworks(tx, q);
    const canCreate =
      can(actor, 'plans.networks.edit') &&
      (actor.scope.level !== 'national' || actor.roles.includes('assistenza_tecnica'));
    return { items: rows.map((r) => networkSummary(actor, r)), canCreate };
  });
}

async function networkDetail(tx: Queryable, actor: Actor, n: NetworkRow): Promise<NetworkDetail> {
  const members = await selectMembers(tx, n.id);
  const meetings = await selectMeetings(tx, { networkId: n.id });
  return {
    ...networkSummary(actor, n),
    memberList: members.map((m) => ({
      organisationId: m.organisation_id,
      name: m.name,
      type: m.type,
      role: m.role,
      joinedOn: m.joined_on,
    })),
    meetingList: meetings.map(meetingSummary),
  };
}

/** GET /plan-networks/{networkId}: the network with its members and meetings. */
export async function getNetwork(ctx: Ctx, networkId: string): Promise<NetworkDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(actor), async (tx) => networkDetail(tx, actor, await loadNetwork(tx, networkId)));
}

/** POST /plan-networks: a new tavolo or working group of a Comune or a Region. */
export async function createNetwork(ctx: Ctx, body: NetworkCreateBody): Promise<NetworkDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const place = await resolvePlace(tx, actor, body);
    assertEditor(actor, place);
    await assertPlan(tx, body.planId, place);
    const id = randomUUID();
    await insertNetwork(tx, { id, comune: place.comune, region: place.region, ...body }, actor.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.network.create',
      entityType: 'plm_network',
      entityId: id,
      tenantComune: place.comune,
      details: { region: place.region, kind: body.kind, axis: body.axis },
    });
    return networkDetail(tx, actor, await loadNetwork(tx, id));
  });
}

/** PATCH /plan-networks/{networkId}: name, kind, theme, axis, plan, active. */
export async function changeNetwork(ctx: Ctx, networkId: string, body: NetworkUpdateBody): Promise<NetworkDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const n = await loadNetwork(tx, networkId);
    assertEditor(actor, placeOf(n));
    await lockNetwork(tx, networkId);
    const current = (await selectNetwork(tx, networkId))!;
    assertVersion(current.row_version, body.rowVersion);
    const next = {
      kind: body.kind ?? current.kind,
      name: body.name ?? current.name,
      theme: body.theme !== undefined ? body.theme : current.theme,
      axis: body.axis !== undefined ? body.axis : current.axis,
      planId: body.planId !== undefined ? body.planId : current.plan_id,
      active: body.active ?? current.active,
    };
    if (body.planId !== undefined) await assertPlan(tx, next.planId, placeOf(current));
    await updateNetwork(tx, networkId, next, ctx.clock.now());
    const changed = Object.keys(body).filter((k) => k !== 'rowVersion');
    await recordAudit(tx, ctx, {
      action: 'plans.network.update',
      entityType: 'plm_network',
      entityId: networkId,
      tenantComune: current.comune_istat,
      details: { changed, active: next.active },
    });
    return networkDetail(tx, actor, await loadNetwork(tx, networkId));
  });
}

/** PUT /plan-networks/{networkId}/members/{organisationId}: adds an organisation or changes its role. */
export async function setMember(ctx: Ctx, networkId: string, orgId: string, body: MemberBody): Promise<NetworkDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const n = await loadNetwork(tx, networkId);
    assertEditor(actor, placeOf(n));
    if (!(await existingOrganisations(tx, [orgId])).has(orgId))
      throw invalid('params.organisationId', 'No organisation in the registry has this id');
    await lockNetwork(tx, networkId);
    const before = await selectMember(tx, networkId, orgId);
    await upsertMember(tx, {
      networkId,
      comune: n.comune_istat,
      region: n.region_code,
      orgId,
      role: body.role,
      joinedOn: body.joinedOn,
    });
    await recordAudit(tx, ctx, {
      action: 'plans.network.member_set',
      entityType: 'plm_network',
      entityId: networkId,
      tenantComune: n.comune_istat,
      details: { organisation: orgId, role: body.role, from: before?.role ?? null },
    });
    return networkDetail(tx, actor, await loadNetwork(tx, networkId));
  });
}

/** DELETE /plan-networks/{networkId}/members/{organisationId}. */
export async function removeMember(ctx: Ctx, networkId: string, orgId: string): Promise<NetworkDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const n = await loadNetwork(tx, networkId);
    assertEditor(actor, placeOf(n));
    await lockNetwork(tx, networkId);
    const before = await selectMember(tx, networkId, orgId);
    if (!before) throw new AppError('plans.networks.not_found', 'The organisation is not a member of this network');
    await deleteMember(tx, networkId, orgId);
    await recordAudit(tx, ctx, {
      action: 'plans.network.member_remove',
      entityType: 'plm_network',
      entityId: networkId,
      tenantComune: n.comune_istat,
      details: { organisation: orgId, role: before.role },
    });
    return networkDetail(tx, actor, await loadNetwork(tx, networkId));
  });
}

/** GET /plan-meetings: the meetings in reach, by network, place, year, kind; the latest first. */
export async function listMeetings(ctx: Ctx, q: MeetingListQuery) {
  assertCan(ctx.actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({ items: (await selectMeetings(tx, q)).map(meetingSummary) }));
}

async function meetingDetail(tx: Queryable, ctx: Ctx, m: MeetingRow): Promise<MeetingDetail> {
  const actor = ctx.actor!;
  const today = todayOf(ctx);
  const place = placeOf(m);
  const editable = mayEdit(actor, place);
  const minutes = m.minutes_document_id ? await selectPlmDocument(tx, m.minutes_document_id) : undefined;
  return {
    ...meetingSummary(m),
    agenda: m.agenda,
    organisationList: await selectMeetingOrganisations(tx, m.id),
    minutes: minutes
      ? {
          id: minutes.id,
          fileName: minutes.file_name,
          mediaType: minutes.media_type,
          sizeBytes: minutes.size_bytes,
          uploadedBy: minutes.uploaded_by_name,
          uploadedAt: minutes.uploaded_at.toISOString(),
        }
      : null,
    followUps: (await selectFollowUps(tx, m.id)).map((f) => followUpOut(actor, today, f)),
    actionChoices: editable && place.comune ? await selectActionChoices(tx, place.comune) : [],
    ownerChoices: editable ? await selectOwnerChoices(tx, place) : [],
    canEdit: editable,
    rowVersion: m.row_version,
  };
}

/** GET /plan-meetings/{meetingId}: the meeting with organisations, minutes, decisions and follow-ups. */
export async function getMeeting(ctx: Ctx, meetingId: string): Promise<MeetingDetail> {
  assertCan(ctx.actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => meetingDetail(tx, ctx, await loadMeeting(tx, meetingId)));
}

async function assertOrganisations(tx: Queryable, ids: readonly string[]): Promise<void> {
  const found = await existingOrganisations(tx, ids);
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`body.organisationIds.${missing}`, 'No organisation in the registry has this id');
}

/** POST /plan-meetings: a meeting of a network (its place) or of a place on its own. */
export async function createMeeting(ctx: Ctx, body: MeetingCreateBody): Promise<MeetingDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    let place: Place;
    if (body.networkId !== null) {
      const n = await selectNetwork(tx, body.networkId);
      if (!n) throw invalid('body.networkId', 'No network in reach has this id');
      place = placeOf(n);
    } else place = await resolvePlace(tx, actor, body);
    assertEditor(actor, place);
    const dateProblem = meetingDateProblem(body.heldOn, todayOf(ctx));
    if (dateProblem) throw invalid('body.heldOn', dateProblem);
    await assertOrganisations(tx, body.organisationIds);
    const id = randomUUID();
    await insertMeeting(
      tx,
      { ...body, id, networkId: body.networkId, comune: place.comune, region: place.region },
      actor.userId,
      ctx.clock.now(),
    );
    await replaceMeetingOrganisations(tx, { meetingId: id, ...place }, body.organisationIds);
    await recordAudit(tx, ctx, {
      action: 'plans.meeting.create',
      entityType: 'plm_meeting',
      entityId: id,
      tenantComune: place.comune,
      details: {
        network: body.networkId,
        kind: body.kind,
        heldOn: body.heldOn,
        participants: body.participantsCount,
        organisations: body.organisationIds.length,
      },
    });
    return meetingDetail(tx, ctx, await loadMeeting(tx, id));
  });
}

/** PATCH /plan-meetings/{meetingId}. */
export async function changeMeeting(ctx: Ctx, meetingId: string, body: MeetingUpdateBody): Promise<MeetingDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const m = await loadMeeting(tx, meetingId);
    assertEditor(actor, placeOf(m));
    await lockMeeting(tx, meetingId);
    const current = (await selectMeeting(tx, meetingId))!;
    assertVersion(current.row_version, body.rowVersion);
    if (body.heldOn !== undefined) {
      const dateProblem = meetingDateProblem(body.heldOn, todayOf(ctx));
      if (dateProblem) throw invalid('body.heldOn', dateProblem);
    }
    if (body.organisationIds) await assertOrganisations(tx, body.organisationIds);
    await updateMeeting(
      tx,
      meetingId,
      {
        kind: body.kind ?? current.kind,
        title: body.title ?? current.title,
        heldOn: body.heldOn ?? current.held_on,
        place: body.place !== undefined ? body.place : current.place,
        agenda: body.agenda !== undefined ? body.agenda : current.agenda,
        participantsCount: body.participantsCount ?? current.participants_count,
      },
      ctx.clock.now(),
    );
    if (body.organisationIds)
      await replaceMeetingOrganisations(tx, { meetingId, ...placeOf(current) }, body.organisationIds);
    await recordAudit(tx, ctx, {
      action: 'plans.meeting.update',
      entityType: 'plm_meeting',
      entityId: meetingId,
      tenantComune: current.comune_istat,
      details: { changed: Object.keys(body).filter((k) => k !== 'rowVersion') },
    });
    return meetingDetail(tx, ctx, await loadMeeting(tx, meetingId));
  });
}

/** POST /plan-meetings/{meetingId}/minutes: the minutes (PDF, PNG or JPEG), replacing any earlier. */
export async function uploadMinutes(ctx: Ctx, meetingId: string, body: MinutesUploadBody): Promise<MeetingDetail> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const m = await loadMeeting(tx, meetingId);
    assertEditor(actor, placeOf(m));
    await lockMeeting(tx, meetingId);
    const previous = m.minutes_document_id ? await selectPlmDocument(tx, m.minutes_document_id) : undefined;
    const doc = await storePlmDocument(tx, ctx, {
      owner: { meetingId },
      kind: 'VERBALE',
      comune: m.comune_istat,
      region: m.region_code,
      fileName: body.filename,
      contentBase64: body.content,
    });
    await setMinutes(tx, meetingId, doc.id, ctx.clock.now());
    if (previous) await removePlmDocument(tx, ctx, previous);
    await recordAudit(tx, ctx, {
      action: 'plans.meeting.minutes',
      entityType: 'plm_meeting',
      entityId: meetingId,
      tenantComune: m.comune_istat,
      details: { document: doc.id, replaced: previous?.id ?? null, bytes: doc.size_bytes },
    });
    return meetingDetail(tx, ctx, await loadMeeting(tx, meetingId));
  });
}

/** GET /plan-meetings/{meetingId}/minutes: the minutes' bytes; every download audited. */
export async function downloadMinutes(ctx: Ctx, meetingId: string): Promise<PlmDocumentFile> {
  assertCan(ctx.actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const m = await loadMeeting(tx, meetingId);
    if (!m.minutes_document_id) throw new AppError('plans.document.not_found', 'The meeting has no minutes');
    return readPlmDocument(tx, ctx, { meetingId }, m.minutes_document_id);
  });
}

/** Checks a follow-up's link, owner and due date against its meeting (400 each). */
async function assertFollowUp(tx: Queryable, m: MeetingRow, f: FollowUpValues): Promise<void> {
  if (f.actionId !== null) {
    if (m.comune_istat === null) throw invalid('body.actionId', "A Region's meeting has no plan to link");
    if (!(await actionOfComune(tx, f.actionId, m.comune_istat)))
      throw invalid('body.actionId', "Not an action of a plan of the meeting's Comune");
  }
  if (f.ownerUserId !== null && (await selectOwnerChoices(tx, placeOf(m), f.ownerUserId)).length === 0)
    throw invalid('body.ownerUserId', 'The owner must be a user of the same Comune, of its Region or of ANCI');
  if (f.ownerOrgId !== null && !(await existingOrganisations(tx, [f.ownerOrgId])).has(f.ownerOrgId))
    throw invalid('body.ownerOrgId', 'No organisation in the registry has this id');
  if (f.dueDate !== null) {
    const problem = dueDateProblem(f.dueDate, m.held_on);
    if (problem) throw invalid('body.dueDate', problem);
  }
}

/** POST /plan-meetings/{meetingId}/follow-ups: a decision or a follow-up of the meeting. */
export async function createFollowUp(ctx: Ctx, meetingId: string, body: FollowUpCreateBody): Promise<FollowUpOut> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.edit');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const m = await loadMeeting(tx, meetingId);
    assertEditor(actor, placeOf(m));
    await assertFollowUp(tx, m, body);
    const id = randomUUID();
    await insertFollowUp(
      tx,
      { ...body, id, meetingId, comune: m.comune_istat, region: m.region_code },
      ctx.clock.now(),
    );
    await recordAudit(tx, ctx, {
      action: 'plans.follow_up.create',
      entityType: 'plm_meeting',
      entityId: meetingId,
      tenantComune: m.comune_istat,
      details: {
        followUp: id,
        kind: body.kind,
        action: body.actionId,
        ownerUser: body.ownerUserId,
        ownerOrg: body.ownerOrgId,
        dueDate: body.dueDate,
      },
    });
    return followUpOut(actor, todayOf(ctx), (await selectFollowUp(tx, id))!);
  });
}

/**
 * PATCH /plan-follow-ups/{followUpId}: those who edit the place change anything; the owner (a user)
 * changes only its status (marks it done). FATTO records when.
 */
export async function changeFollowUp(ctx: Ctx, followUpId: string, body: FollowUpUpdateBody): Promise<FollowUpOut> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const f = await selectFollowUp(tx, followUpId);
    if (!f) throw new AppError('plans.networks.follow_up_not_found');
    const editor = mayEdit(actor, placeOf(f));
    const owner = f.owner_user_id === actor.userId;
    const onlyStatus = Object.keys(body).every((k) => k === 'status');
    if (!editor && !(owner && onlyStatus)) {
      assertCan(actor, 'plans.networks.edit');
      throw new AppError('plans.networks.not_editor', 'Only its owner marks it done; the place’s editors change it');
    }
    const current = (await selectFollowUp(tx, followUpId, true))!;
    const m = (await selectMeeting(tx, current.meeting_id))!;
    const values: FollowUpValues = {
      kind: body.kind ?? current.kind,
      text: body.text ?? current.text,
      actionId: body.actionId !== undefined ? body.actionId : current.action_id,
      ownerUserId: body.ownerUserId !== undefined ? body.ownerUserId : current.owner_user_id,
      ownerOrgId: body.ownerOrgId !== undefined ? body.ownerOrgId : current.owner_org_id,
      dueDate: body.dueDate !== undefined ? body.dueDate : current.due_date,
    };
    await assertFollowUp(tx, m, {
      kind: values.kind,
      text: values.text,
      actionId: body.actionId !== undefined ? values.actionId : null,
      ownerUserId: body.ownerUserId !== undefined ? values.ownerUserId : null,
      ownerOrgId: body.ownerOrgId !== undefined ? values.ownerOrgId : null,
      dueDate: body.dueDate !== undefined ? values.dueDate : null,
    });
    const status = body.status ?? current.status;
    const doneAt = status === 'FATTO' ? (current.status === 'FATTO' ? current.done_at : ctx.clock.now()) : null;
    await updateFollowUp(tx, followUpId, { ...values, status, doneAt }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.follow_up.update',
      entityType: 'plm_meeting',
      entityId: current.meeting_id,
      tenantComune: current.comune_istat,
      details: { followUp: followUpId, changed: Object.keys(body), from: current.status, to: status },
    });
    return followUpOut(actor, todayOf(ctx), (await selectFollowUp(tx, followUpId))!);
  });
}

/**
 * GET /plan-follow-ups/mine: the open follow-ups the user owns, plus for a referente comunale those
 * of their Comune; overdue first, with the days overdue.
 */
export async function myFollowUps(ctx: Ctx): Promise<{ items: WorkItem[]; overdue: number }> {
  const actor = ctx.actor;
  assertCan(actor, 'plans.networks.read');
  const comune =
    actor.scope.level === 'comune' && actor.roles.includes('referente_comunale') ? actor.scope.comuneIstat : null;
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const rows = await selectWorkList(tx, actor.userId, comune);
    const items = rows
      .map((r) => ({
        ...followUpOut(actor, today, r),
        meetingTitle: r.meeting_title,
        heldOn: r.held_on,
        networkName: r.network_name,
        comuneName: r.comune_name,
        regionName: r.region_name,
      }))
      .sort(compareWorkItems);
    return { items, overdue: items.filter((i) => i.daysOverdue !== null).length };
  });
}

/** GET /plan-networks/totals: the totals in reach (of a place when asked) beside phase 1. */
export async function networkTotals(ctx: Ctx, q: TotalsQuery): Promise<Totals> {
  assertCan(ctx.actor, 'plans.networks.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { totals: t, byKindYear } = await selectTotals(tx, todayOf(ctx), q);
    return {
      networks: t.networks,
      activeNetworks: t.active_networks,
      byKind: { TAVOLO: t.tavoli, GRUPPO_TEMATICO: t.gruppi },
      memberOrganisations: t.member_organisations,
      organisationsInvolved: t.organisations_involved,
      meetings: t.meetings,
      meetingsByKindAndYear: byKindYear.map((r) => ({
        year: r.year,
        kind: r.kind as Totals['meetingsByKindAndYear'][number]['kind'],
        count: r.count,
      })),
      participants: t.participants,
      followUps: { open: t.open, done: t.done, overdue: t.overdue },
      reference: { ...phaseOneReference },
    };
  });
}
