/**
 * Use cases of the help desk's requests. A Comune's staff open requests and follow their own
 * Comune's (row-level security and the permission `helpdesk.request`); the help desk (assistenza
 * tecnica of ANCI/Cittalia, national scope: `helpdesk.handle`) sees every request, assigns, answers,
 * writes internal notes and resolves; the Comune closes or reopens and rates. Every change is one
 * transaction with its audit row; the escalation job (requests.jobs.ts) marks the late ones.
 */
import { randomUUID } from 'node:crypto';
import { romeDate } from '../../../platform/calendar.js';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess, type Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { addWorkingDays } from '../../surveys/index.js';
import { recordAudit } from '../../audit/index.js';
import { readAttachment, storeAttachment } from '../shared/documents.js';
import type { RequestStatus } from '../shared/vocabulary.js';
import {
  acknowledgeEscalation,
  belongsToComune,
  insertEscalation,
  insertEvent,
  insertMessage,
  insertRequest,
  lockRequest,
  selectAttachments,
  selectChoices,
  selectComuneRegion,
  selectEvents,
  selectLateCandidates,
  selectMessages,
  selectOpenEscalations,
  selectRequest,
  selectRequests,
  selectStaff,
  updateRequest,
  type LockedRequest,
  type RequestRow,
} from './requests.repo.js';
import {
  canReopen,
  dueDates,
  missedDueDates,
  nextStatus,
  REOPEN_RESOLUTION_DAYS,
  requestCode,
  type RequestAction,
} from './requests.rules.js';
import type {
  AssignBody,
  ListRequestsQuery,
  MessageBody,
  OpenRequestBody,
  ReopenBody,
  RequestDetail,
  RequestSummary,
  ResolveBody,
  SatisfactionBody,
} from './requests.schema.js';

const todayOf = (ctx: Ctx) => romeDate(ctx.clock.now());

/** A member of the help desk: the permission to handle requests and the national scope. */
const isStaff = (ctx: Ctx) => can(ctx.actor, 'helpdesk.handle') && ctx.actor!.scope.level === 'national';

const toSummary = (r: RequestRow): RequestSummary => ({
  id: r.id,
  code: requestCode(r.request_no),
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  topic: r.topic,
  priority: r.priority,
  subject: r.subject,
  projectId: r.project_id,
  planId: r.plan_id,
  aboutLabel: r.about_label,
  status: r.status,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  firstAnswerDue: r.first_answer_due,
  resolutionDue: r.resolution_due,
  firstAnswerAt: r.first_answer_at?.toISOString() ?? null,
  resolvedAt: r.resolved_at?.toISOString() ?? null,
  closedAt: r.closed_at?.toISOString() ?? null,
  overdue: r.overdue,
  escalatedAt: r.escalated_at?.toISOString() ?? null,
  reopenedCount: r.reopened_count,
  satisfaction: r.satisfaction,
  lastMessageAt: r.last_message_at?.toISOString() ?? null,
  rowVersion: r.row_version,
});

const stateError = (status: RequestStatus, message: string) =>
  new AppError('helpdesk.state', message, { context: { status } });

/** Either side's permission (403 without), then the request in reach (404 otherwise: another Comune's). */
async function loadRequest(tx: Queryable, ctx: Ctx, id: string): Promise<RequestRow> {
  if (!can(ctx.actor, 'helpdesk.request') && !can(ctx.actor, 'helpdesk.handle'))
    assertCan(ctx.actor, 'helpdesk.request');
  const r = await selectRequest(tx, todayOf(ctx), id);
  if (!r) throw new AppError('helpdesk.request.not_found');
  return r;
}

/** A request to change: in reach (404), the side's permission (403), locked, the row version checked (409). */
async function lockFor(
  tx: Queryable,
  ctx: Ctx,
  id: string,
  side: 'COMUNE' | 'ANCI',
  rowVersion?: number,
): Promise<LockedRequest> {
  await loadRequest(tx, ctx, id);
  if (side === 'ANCI') assertCan(ctx.actor, 'helpdesk.handle');
  else assertCan(ctx.actor, 'helpdesk.request');
  const locked = (await lockRequest(tx, id))!;
  if (rowVersion !== undefined && rowVersion !== locked.row_version)
    throw new AppError('helpdesk.stale', 'The request changed since it was read', {
      context: { rowVersion: locked.row_version },
    });
  return locked;
}

function transition(locked: LockedRequest, action: RequestAction): RequestStatus {
  const to = nextStatus(locked.status, action);
  if (!to) throw stateError(locked.status, `Not possible while the request is ${locked.status}`);
  return to;
}

async function detailOf(tx: Queryable, ctx: Ctx, id: string): Promise<RequestDetail> {
  const r = (await selectRequest(tx, todayOf(ctx), id))!;
  const attachments = await selectAttachments(tx, id);
  const comuneSide = !isStaff(ctx);
  return {
    request: toSummary(r),
    resolution: r.resolution,
    satisfactionComment: r.satisfaction_comment,
    messages: (await selectMessages(tx, id)).map((m) => ({
      id: m.id,
      side: m.side,
      internal: m.internal,
      body: m.body,
      authorName: m.author_name,
      createdAt: m.created_at.toISOString(),
      attachments: attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({ id: a.id, fileName: a.file_name, mediaType: a.media_type, sizeBytes: a.size_bytes })),
    })),
    events: (await selectEvents(tx, id)).map((e) => ({
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      assigneeName: e.assignee_name,
      actorName: e.actor_name,
      at: e.at.toISOString(),
    })),
    canReopen:
      comuneSide && (r.status === 'RISOLTA' || r.status === 'CHIUSA') && canReopen(r.resolved_at, ctx.clock.now()),
  };
}

async function statusEvent(
  tx: Queryable,
  ctx: Ctx,
  r: { id: string; comune_istat: string },
  from: RequestStatus,
  to: RequestStatus,
  at: Date,
) {
  if (from === to) return;
  await insertEvent(tx, {
    id: randomUUID(),
    requestId: r.id,
    comuneIstat: r.comune_istat,
    kind: 'STATO',
    fromStatus: from,
    toStatus: to,
    assigneeId: null,
    actorId: ctx.actor?.userId ?? null,
    at,
  });
}

/** Writes a message and its attachments; returns its id. */
async function writeMessage(
  tx: Queryable,
  ctx: Ctx,
  r: { id: string; comune_istat: string },
  m: { side: 'COMUNE' | 'ANCI'; internal: boolean; body: string; attachments: MessageBody['attachments'] },
  at: Date,
): Promise<string> {
  const messageId = randomUUID();
  await insertMessage(tx, {
    id: messageId,
    requestId: r.id,
    comuneIstat: r.comune_istat,
    side: m.side,
    internal: m.internal,
    body: m.body,
    authorId: ctx.actor!.userId,
    at,
  });
  for (const a of m.attachments)
    await storeAttachment(tx, ctx, {
      requestId: r.id,
      messageId,
      comuneIstat: r.comune_istat,
      internal: m.internal,
      fileName: a.filename,
      content: a.content,
    });
  return messageId;
}

/** GET /help-requests: a Comune its own requests; the help desk the queue, with its filters. */
export async function listRequests(ctx: Ctx, q: ListRequestsQuery) {
  if (!can(ctx.actor, 'helpdesk.request') && !can(ctx.actor, 'helpdesk.handle'))
    assertCan(ctx.actor, 'helpdesk.request');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
    const rows = await selectRequests(tx, todayOf(ctx), {
      status: q.status,
      open: flag(q.open),
      topic: q.topic,
      region: q.region,
      assignee: q.assignee,
      overdue: flag(q.overdue),
      escalated: flag(q.escalated),
    });
    const items = rows.map(toSummary);
    return {
      items,
      overdue: items.filter((i) => i.overdue).length,
      unassigned: items.filter((i) => i.status === 'NUOVA').length,
    };
  });
}

/** GET /help-requests/choices: the Comune's projects and plans a request may be about. */
export async function listChoices(ctx: Ctx) {
  assertCan(ctx.actor, 'helpdesk.request');
  const istat = ctx.actor.scope.comuneIstat;
  if (!istat) return { projects: [], plans: [] };
  return ctx.db.tx(accessOf(ctx.actor), (tx) => selectChoices(tx, istat));
}

/** GET /help-requests/staff: the help desk's members, for the assignment picker. */
export async function listStaff(ctx: Ctx) {
  assertCan(ctx.actor, 'helpdesk.handle');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await selectStaff(tx)).map((s) => ({
      userId: s.user_id,
      displayName: s.display_name,
      organisation: s.organisation,
      open: s.open,
    })),
  }));
}

/** POST /help-requests: a Comune's staff open a request of their own Comune. */
export async function openRequest(ctx: Ctx, body: OpenRequestBody): Promise<RequestDetail> {
  assertCan(ctx.actor, 'helpdesk.request');
  const istat = ctx.actor.scope.comuneIstat;
  if (ctx.actor.scope.level !== 'comune' || !istat)
    throw new AppError('forbidden', 'Only the staff of a Comune open requests');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const region = (await selectComuneRegion(tx, istat))!;
    for (const [kind, id, path] of [
      ['project', body.projectId, 'body.projectId'],
      ['plan', body.planId, 'body.planId'],
    ] as const)
      if (id !== null && !(await belongsToComune(tx, kind, id, istat)))
        throw new AppError('helpdesk.request.reference', `Not a ${kind} of your Comune`, {
          fieldIssues: [{ path, message: `Not a ${kind} of your Comune`, code: 'custom' }],
        });
    const id = randomUUID();
    const at = ctx.clock.now();
    const due = dueDates(romeDate(at), body.topic, body.priority);
    await insertRequest(tx, {
      id,
      comuneIstat: istat,
      regionCode: region,
      topic: body.topic,
      priority: body.priority,
      subject: body.subject,
      projectId: body.projectId,
      planId: body.planId,
      createdBy: ctx.actor!.userId,
      at,
      firstAnswerDue: due.firstAnswerDue,
      resolutionDue: due.resolutionDue,
    });
    const r = { id, comune_istat: istat };
    await insertEvent(tx, {
      id: randomUUID(),
      requestId: id,
      comuneIstat: istat,
      kind: 'APERTA',
      fromStatus: null,
      toStatus: 'NUOVA',
      assigneeId: null,
      actorId: ctx.actor!.userId,
      at,
    });
    const messageId = await writeMessage(
      tx,
      ctx,
      r,
      { side: 'COMUNE', internal: false, body: body.body, attachments: body.attachments },
      at,
    );
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.open',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: istat,
      details: {
        topic: body.topic,
        priority: body.priority,
        project: body.projectId,
        plan: body.planId,
        message: messageId,
        attachments: body.attachments.length,
        ...due,
      },
    });
    return detailOf(tx, ctx, id);
  });
}

/** GET /help-requests/{id}: the request with its conversation (internal notes for the help desk only). */
export async function getRequest(ctx: Ctx, id: string): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadRequest(tx, ctx, id);
    return detailOf(tx, ctx, id);
  });
}

/** POST /help-requests/{id}/assign: the help desk assigns the request to one of its members (or reassigns it). */
export async function assignRequest(ctx: Ctx, id: string, body: AssignBody): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const locked = await lockFor(tx, ctx, id, 'ANCI', body.rowVersion);
    const to = transition(locked, 'assign');
    if (!(await selectStaff(tx)).some((s) => s.user_id === body.assigneeId))
      throw new AppError('helpdesk.request.assignee', 'Not a member of the help desk', {
        fieldIssues: [{ path: 'body.assigneeId', message: 'Not a member of the help desk', code: 'custom' }],
      });
    const at = ctx.clock.now();
    await updateRequest(tx, id, at, { status: to, assignee_id: body.assigneeId });
    await insertEvent(tx, {
      id: randomUUID(),
      requestId: id,
      comuneIstat: locked.comune_istat,
      kind: 'ASSEGNATA',
      fromStatus: locked.status,
      toStatus: to,
      assigneeId: body.assigneeId,
      actorId: ctx.actor!.userId,
      at,
    });
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.assign',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: { from: locked.assignee_id, to: body.assigneeId, status: to },
    });
    return detailOf(tx, ctx, id);
  });
}

/**
 * POST /help-requests/{id}/messages: the Comune writes (back in the works when the help desk waited
 * for it); the help desk answers (the first answer is dated; a NUOVA request is taken in charge by
 * the writer) or writes an internal note (no change of state).
 */
export async function postMessage(ctx: Ctx, id: string, body: MessageBody): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const staff = isStaff(ctx);
    if (!staff && (body.internal || body.awaitComune))
      throw new AppError('request.invalid', 'Only the help desk writes internal notes', {
        fieldIssues: [
          { path: body.internal ? 'body.internal' : 'body.awaitComune', message: 'Help desk only', code: 'custom' },
        ],
      });
    const locked = await lockFor(tx, ctx, id, staff ? 'ANCI' : 'COMUNE');
    const at = ctx.clock.now();
    const to = body.internal
      ? locked.status
      : transition(locked, staff ? (body.awaitComune ? 'anci_ask' : 'anci_reply') : 'comune_reply');
    const messageId = await writeMessage(
      tx,
      ctx,
      locked,
      { side: staff ? 'ANCI' : 'COMUNE', internal: body.internal, body: body.body, attachments: body.attachments },
      at,
    );
    const takeOver = staff && !body.internal && locked.assignee_id === null;
    if (to !== locked.status || takeOver || (staff && !body.internal && !locked.first_answer_at))
      await updateRequest(tx, id, at, {
        ...(to !== locked.status ? { status: to } : {}),
        ...(takeOver ? { assignee_id: ctx.actor!.userId } : {}),
        ...(staff && !body.internal && !locked.first_answer_at ? { first_answer_at: at } : {}),
      });
    if (takeOver)
      await insertEvent(tx, {
        id: randomUUID(),
        requestId: id,
        comuneIstat: locked.comune_istat,
        kind: 'ASSEGNATA',
        fromStatus: locked.status,
        toStatus: locked.status,
        assigneeId: ctx.actor!.userId,
        actorId: ctx.actor!.userId,
        at,
      });
    await statusEvent(tx, ctx, locked, locked.status, to, at);
    await recordAudit(tx, ctx, {
      action: body.internal ? 'helpdesk.request.note' : 'helpdesk.request.message',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: {
        message: messageId,
        side: staff ? 'ANCI' : 'COMUNE',
        attachments: body.attachments.length,
        from: locked.status,
        to,
      },
    });
    return detailOf(tx, ctx, id);
  });
}

/** POST /help-requests/{id}/resolve: the help desk resolves with its resolution text. */
export async function resolveRequest(ctx: Ctx, id: string, body: ResolveBody): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const locked = await lockFor(tx, ctx, id, 'ANCI', body.rowVersion);
    const to = transition(locked, 'resolve');
    const at = ctx.clock.now();
    await updateRequest(tx, id, at, {
      status: to,
      resolved_at: at,
      resolution: body.resolution,
      ...(locked.first_answer_at ? {} : { first_answer_at: at }),
    });
    await statusEvent(tx, ctx, locked, locked.status, to, at);
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.resolve',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: { from: locked.status, to },
    });
    return detailOf(tx, ctx, id);
  });
}

/** POST /help-requests/{id}/close: the Comune confirms the resolution. */
export async function closeRequest(ctx: Ctx, id: string, rowVersion?: number): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const locked = await lockFor(tx, ctx, id, 'COMUNE', rowVersion);
    const to = transition(locked, 'close');
    const at = ctx.clock.now();
    await updateRequest(tx, id, at, { status: to, closed_at: at });
    await statusEvent(tx, ctx, locked, locked.status, to, at);
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.close',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: { from: locked.status, to },
    });
    return detailOf(tx, ctx, id);
  });
}

/**
 * POST /help-requests/{id}/reopen: the Comune reopens a resolved or closed request within the
 * reopening period, saying why (a message); it is due again within a few working days, and a
 * rating given is withdrawn (the Comune rates again once it is closed).
 */
export async function reopenRequest(ctx: Ctx, id: string, body: ReopenBody): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const locked = await lockFor(tx, ctx, id, 'COMUNE', body.rowVersion);
    const to = transition(locked, 'reopen');
    const at = ctx.clock.now();
    if (!canReopen(locked.resolved_at, at))
      throw new AppError('helpdesk.request.reopen_expired', 'The period to reopen the request has passed');
    const [{ reopened_count } = { reopened_count: 0 }] = await tx.query<{ reopened_count: number }>(
      'SELECT reopened_count FROM hd_requests WHERE id = $1',
      [id],
    );
    const messageId = await writeMessage(
      tx,
      ctx,
      locked,
      { side: 'COMUNE', internal: false, body: body.reason, attachments: [] },
      at,
    );
    await updateRequest(tx, id, at, {
      status: to,
      resolved_at: null,
      resolution: null,
      closed_at: null,
      satisfaction: null,
      satisfaction_comment: null,
      resolution_due: addWorkingDays(romeDate(at), REOPEN_RESOLUTION_DAYS),
      reopened_count: reopened_count + 1,
    });
    await statusEvent(tx, ctx, locked, locked.status, to, at);
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.reopen',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: { from: locked.status, to, message: messageId },
    });
    return detailOf(tx, ctx, id);
  });
}

/** POST /help-requests/{id}/satisfaction: the Comune rates a closed request, once (1–5, an optional comment). */
export async function rateRequest(ctx: Ctx, id: string, body: SatisfactionBody): Promise<RequestDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const locked = await lockFor(tx, ctx, id, 'COMUNE');
    if (locked.status !== 'CHIUSA') throw stateError(locked.status, 'A request is rated once closed');
    if (locked.satisfaction !== null) throw new AppError('helpdesk.request.rated', 'The request was rated already');
    const at = ctx.clock.now();
    await updateRequest(tx, id, at, {
      satisfaction: body.score,
      satisfaction_comment: body.comment || null,
      rated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'helpdesk.request.rate',
      entityType: 'hd_request',
      entityId: id,
      tenantComune: locked.comune_istat,
      details: { score: body.score, comment: body.comment !== null && body.comment !== '' },
    });
    return detailOf(tx, ctx, id);
  });
}

/** GET …/attachments/{documentId}: an attachment of the request's messages (an internal one for the help desk only). */
export async function downloadAttachment(ctx: Ctx, id: string, documentId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadRequest(tx, ctx, id);
    return readAttachment(tx, ctx, id, documentId);
  });
}

/** GET /help-escalations: the late requests the job signalled, not yet taken note of (the help desk's in-app notices). */
export async function listEscalations(ctx: Ctx) {
  assertCan(ctx.actor, 'helpdesk.handle');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await selectOpenEscalations(tx)).map((e) => ({
      id: e.id,
      requestId: e.request_id,
      code: requestCode(e.request_no),
      subject: e.subject,
      kind: e.kind,
      dueDate: e.due_date,
      assigneeName: e.assignee_name,
      createdAt: e.created_at.toISOString(),
    })),
  }));
}

/** POST /help-escalations/{id}/acknowledge: a member of the help desk takes note of a signal. */
export async function acknowledge(ctx: Ctx, escalationId: string): Promise<void> {
  assertCan(ctx.actor, 'helpdesk.handle');
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const row = await acknowledgeEscalation(tx, escalationId, ctx.actor!.userId, ctx.clock.now());
    if (!row) throw new AppError('helpdesk.escalation.not_found');
    await recordAudit(tx, ctx, {
      action: 'helpdesk.escalation.acknowledge',
      entityType: 'hd_request',
      entityId: row.request_id,
      tenantComune: row.comune_istat,
      details: { escalation: escalationId },
    });
  });
}

/**
 * The escalation job's work: every open request past a due date (the first answer's while none was
 * given, the resolution's) is marked escalated and signalled to the help desk once per due date
 * (hd_escalations' unique key: a second run, or two at once, signal nothing more). Returns the
 * signals written.
 */
export async function escalateLateRequests(ctx: Ctx): Promise<number> {
  const today = todayOf(ctx);
  return ctx.db.tx(systemAccess, async (tx) => {
    let written = 0;
    for (const r of await selectLateCandidates(tx, today)) {
      const missed = missedDueDates(
        {
          status: r.status,
          firstAnswerDue: r.first_answer_due,
          resolutionDue: r.resolution_due,
          firstAnswerAt: r.first_answer_at,
        },
        today,
      );
      for (const m of missed) {
        const at = ctx.clock.now();
        const inserted = await insertEscalation(tx, {
          id: randomUUID(),
          requestId: r.id,
          comuneIstat: r.comune_istat,
          kind: m.kind,
          dueDate: m.dueDate,
          at,
        });
        if (!inserted) continue;
        written++;
        await tx.query(
          'UPDATE hd_requests SET escalated_at = coalesce(escalated_at, $2), updated_at = $2 WHERE id = $1',
          [r.id, at],
        );
        await insertEvent(tx, {
          id: randomUUID(),
          requestId: r.id,
          comuneIstat: r.comune_istat,
          kind: 'SOLLECITO',
          fromStatus: r.status,
          toStatus: r.status,
          assigneeId: null,
          actorId: null,
          at,
        });
        await recordAudit(tx, ctx, {
          action: 'helpdesk.request.escalate',
          entityType: 'hd_request',
          entityId: r.id,
          tenantComune: r.comune_istat,
          details: { kind: m.kind, dueDate: m.dueDate },
        });
      }
    }
    if (written) ctx.log.info({ escalations: written }, 'help desk: late requests signalled');
    return written;
  });
}
