/**
 * The Region–Comune dialogue (issue 13 item 4). A thread joins one Comune and its Region — the
 * Comune's referenti, the Region's staff, the regional ANCI branch and ANCI/Cittalia nationally —
 * anchored to the Comune's plan, one of its actions, one of its projects or a topic, with a due
 * date. Any participant writes (mentioning other participants, attaching up to three PDF, PNG or
 * JPEG files), closes, reopens and moves the due date. Row-level security keeps each thread to its
 * Comune, its Region's scope and the national scope; the permission keeps MLPS and the revisore
 * out. Each message owes an e-mail to the other participants (dialogue.notices.ts sends them).
 * Every change is one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertVersion, loadPlan, todayOf } from '../shared/access.js';
import { readPlmDocument, storePlmDocument, type PlmDocumentFile } from '../shared/documents.js';
import {
  anchorBelongs,
  insertMentions,
  insertMessage,
  insertNotifications,
  insertThread,
  lockThread,
  selectAnchorChoices,
  selectAttachmentMessage,
  selectAttachments,
  selectComune,
  selectJoined,
  selectMentions,
  selectMessages,
  selectParticipants,
  selectThread,
  selectThreads,
  touchThread,
  updateThreadDueDate,
  updateThreadStatus,
  type ParticipantRow,
  type ThreadRow,
} from './dialogue.repo.js';
import { comuneInReach, noticeRecipients, notParticipants } from './dialogue.rules.js';
import type {
  AnchorChoices,
  ListThreadsQuery,
  MessageBody,
  OpenThreadBody,
  Participant,
  PatchThreadBody,
  ThreadDetail,
  ThreadSummary,
} from './dialogue.schema.js';

const meOf = (ctx: Ctx) => ({ today: todayOf(ctx), userId: ctx.actor!.userId, orgId: ctx.actor!.organisationId });

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

export const toSummary = (r: ThreadRow): ThreadSummary => ({
  id: r.id,
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  subject: r.subject,
  anchorKind: r.anchor_kind,
  planId: r.plan_id,
  actionId: r.action_id,
  projectId: r.project_id,
  topic: r.topic,
  anchorLabel: r.anchor_label,
  dueDate: r.due_date,
  overdue: r.days_overdue !== null,
  daysOverdue: r.days_overdue === null ? null : Number(r.days_overdue),
  status: r.status,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  messages: r.messages,
  lastMessageAt: r.last_message_at?.toISOString() ?? null,
  awaitingMe: r.awaiting_me,
  rowVersion: r.row_version,
});

const toParticipant = (p: ParticipantRow): Participant => ({
  userId: p.user_id,
  displayName: p.display_name,
  organisation: p.organisation,
  roles: p.roles,
});

/** A thread in the actor's reach (404 otherwise), after the permission to read (403). */
async function loadThread(tx: Queryable, ctx: Ctx, threadId: string): Promise<ThreadRow> {
  assertCan(ctx.actor, 'plans.dialogue.read');
  const t = await selectThread(tx, meOf(ctx), threadId);
  if (!t) throw new AppError('plans.dialogue.not_found');
  return t;
}

/** A thread to change: in reach (404), the permission to write (403), locked. */
async function loadThreadForChange(tx: Queryable, ctx: Ctx, threadId: string) {
  const t = await loadThread(tx, ctx, threadId);
  assertCan(ctx.actor, 'plans.dialogue.write');
  const locked = (await lockThread(tx, threadId))!;
  return { thread: t, locked };
}

async function detailOf(tx: Queryable, ctx: Ctx, threadId: string): Promise<ThreadDetail> {
  const t = (await selectThread(tx, meOf(ctx), threadId))!;
  const mentions = await selectMentions(tx, threadId);
  const attachments = await selectAttachments(tx, threadId);
  return {
    thread: toSummary(t),
    messages: (await selectMessages(tx, threadId)).map((m) => ({
      id: m.id,
      body: m.body,
      authorId: m.author_id,
      authorName: m.author_name,
      authorOrganisation: m.author_organisation,
      createdAt: m.created_at.toISOString(),
      mentions: mentions
        .filter((x) => x.message_id === m.id)
        .map((x) => ({ userId: x.user_id, displayName: x.display_name })),
      attachments: attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({ id: a.id, fileName: a.file_name, mediaType: a.media_type, sizeBytes: a.size_bytes })),
    })),
  };
}

/** A Comune the actor may open threads with (400 `plans.dialogue.comune` otherwise, as for one that does not exist). */
async function comuneInReachOf(tx: Queryable, ctx: Ctx, istat: string, path: string) {
  const c = await selectComune(tx, istat);
  if (!c || !comuneInReach(ctx.actor!.scope, { istat: c.istat_code, region: c.region_code }))
    throw new AppError('plans.dialogue.comune', 'Not a Comune you may talk with', {
      fieldIssues: [{ path, message: 'Not a Comune in your reach', code: 'custom' }],
    });
  return c;
}

/**
 * Writes a message with its mentions (participants only: 400 `plans.dialogue.mention`), its
 * attachments (at most three, checked by content: 400 `plans.document.refused`) and the e-mail
 * notices it owes to the other participants.
 */
async function writeMessage(
  tx: Queryable,
  ctx: Ctx,
  thread: { id: string; comuneIstat: string; regionCode: string },
  body: MessageBody,
): Promise<{ messageId: string; notices: number }> {
  const participants = await selectParticipants(tx, thread.comuneIstat, thread.regionCode);
  const strangers = notParticipants(body.mentions, participants.map(toParticipant));
  if (strangers.length)
    throw new AppError('plans.dialogue.mention', 'Only the participants of the thread may be mentioned', {
      fieldIssues: [{ path: 'body.mentions', message: 'Not a participant of the thread', code: 'custom' }],
    });
  const messageId = randomUUID();
  const place = { threadId: thread.id, comuneIstat: thread.comuneIstat, regionCode: thread.regionCode };
  const at = ctx.clock.now();
  await insertMessage(tx, { id: messageId, ...place, body: body.body, authorId: ctx.actor!.userId, at });
  const mentions = [...new Set(body.mentions)];
  await insertMentions(tx, { messageId, ...place }, mentions);
  for (const a of body.attachments)
    await storePlmDocument(tx, ctx, {
      owner: { messageId },
      kind: 'ALLEGATO',
      comune: thread.comuneIstat,
      region: thread.regionCode,
      fileName: a.fileName,
      contentBase64: a.content,
    });
  const joined = await selectJoined(tx, thread.id);
  const recipients = noticeRecipients(
    participants.map((p) => ({
      userId: p.user_id,
      anci:
        p.roles.includes('assistenza_tecnica') && !p.roles.some((r) => r === 'regione' || r === 'referente_comunale'),
    })),
    ctx.actor!.userId,
    mentions,
    joined,
  );
  await insertNotifications(tx, { messageId, ...place }, recipients);
  await touchThread(tx, thread.id, at);
  return { messageId, notices: recipients.length };
}

/** GET /plan-threads: the threads in reach, with filters; overdue first. With `planId`: 404 for a plan out of reach. */
export async function listThreads(ctx: Ctx, q: ListThreadsQuery) {
  assertCan(ctx.actor, 'plans.dialogue.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = q.planId ? await loadPlan(tx, ctx, q.planId, 'plans.dialogue.read') : null;
    const rows = await selectThreads(tx, meOf(ctx), {
      status: q.status,
      comune: q.comune,
      anchor: q.anchor,
      planId: q.planId,
      awaitingMe: q.awaitingMe === undefined ? undefined : q.awaitingMe === 'true',
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    });
    const items = rows.map(toSummary);
    return {
      items,
      overdue: items.filter((i) => i.overdue).length,
      awaitingMe: items.filter((i) => i.awaitingMe).length,
      plan: plan
        ? {
            id: plan.id,
            title: plan.title,
            comuneIstat: plan.comune_istat,
            periodFrom: plan.period_from,
            periodTo: plan.period_to,
          }
        : null,
    };
  });
}

/** GET /plan-threads/{threadId}: the thread with its messages, mentions and attachments. */
export async function getThread(ctx: Ctx, threadId: string): Promise<ThreadDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadThread(tx, ctx, threadId);
    return detailOf(tx, ctx, threadId);
  });
}

/** GET /plan-threads/participants: who may be mentioned in a Comune's threads (no e-mail addresses). */
export async function listParticipants(ctx: Ctx, comuneIstat: string): Promise<{ items: Participant[] }> {
  assertCan(ctx.actor, 'plans.dialogue.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await comuneInReachOf(tx, ctx, comuneIstat, 'querystring.comuneIstat');
    return { items: (await selectParticipants(tx, c.istat_code, c.region_code)).map(toParticipant) };
  });
}

/** GET /plan-threads/anchors: the plans, actions and projects of a Comune in reach a thread may be anchored to. */
export async function listAnchorChoices(ctx: Ctx, comuneIstat: string): Promise<AnchorChoices> {
  assertCan(ctx.actor, 'plans.dialogue.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await comuneInReachOf(tx, ctx, comuneIstat, 'querystring.comuneIstat');
    const r = await selectAnchorChoices(tx, c.istat_code);
    return {
      plans: r.plans,
      actions: r.actions.map((a) => ({ id: a.id, planId: a.plan_id, code: a.code, title: a.title })),
      projects: r.projects.map((p) => ({ id: p.id, cup: p.cup?.trim() ?? null, title: p.title })),
    };
  });
}

/** POST /plan-threads: opens a thread with a Comune in reach, anchored to its plan, action, project or a topic. */
export async function openThread(ctx: Ctx, body: OpenThreadBody): Promise<ThreadDetail> {
  assertCan(ctx.actor, 'plans.dialogue.write');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await comuneInReachOf(tx, ctx, body.comuneIstat, 'body.comuneIstat');
    if (body.anchorKind !== 'TEMA') {
      const [field, id] =
        body.anchorKind === 'PIANO'
          ? (['planId', body.planId] as const)
          : body.anchorKind === 'AZIONE'
            ? (['actionId', body.actionId] as const)
            : (['projectId', body.projectId] as const);
      if (!id || !(await anchorBelongs(tx, body.anchorKind, id, c.istat_code)))
        throw new AppError('plans.reference', `Not a ${field} of this Comune`, {
          fieldIssues: [{ path: `body.${field}`, message: 'Not of this Comune', code: 'custom' }],
        });
    }
    if (body.dueDate !== null && body.dueDate < todayOf(ctx)) throw invalid('body.dueDate', 'The due date has passed');
    const id = randomUUID();
    await insertThread(tx, {
      id,
      comuneIstat: c.istat_code,
      regionCode: c.region_code,
      subject: body.subject,
      anchorKind: body.anchorKind,
      planId: body.planId,
      actionId: body.actionId,
      projectId: body.projectId,
      topic: body.topic,
      dueDate: body.dueDate,
      createdBy: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
    const { messageId, notices } = await writeMessage(
      tx,
      ctx,
      { id, comuneIstat: c.istat_code, regionCode: c.region_code },
      body,
    );
    await recordAudit(tx, ctx, {
      action: 'plans.thread.open',
      entityType: 'plm_thread',
      entityId: id,
      tenantComune: c.istat_code,
      details: {
        anchorKind: body.anchorKind,
        anchorId: body.planId ?? body.actionId ?? body.projectId,
        dueDate: body.dueDate,
        message: messageId,
        mentions: body.mentions.length,
        attachments: body.attachments.length,
        notices,
      },
    });
    return detailOf(tx, ctx, id);
  });
}

/** POST /plan-threads/{threadId}/messages: a participant writes; 409 `plans.state` on a closed thread. */
export async function postMessage(ctx: Ctx, threadId: string, body: MessageBody): Promise<ThreadDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { thread, locked } = await loadThreadForChange(tx, ctx, threadId);
    if (locked.status === 'CHIUSA')
      throw new AppError('plans.state', 'The thread is closed: reopen it first', {
        context: { status: locked.status },
      });
    const { messageId, notices } = await writeMessage(
      tx,
      ctx,
      { id: threadId, comuneIstat: thread.comune_istat, regionCode: thread.region_code },
      body,
    );
    await recordAudit(tx, ctx, {
      action: 'plans.thread.message',
      entityType: 'plm_thread',
      entityId: threadId,
      tenantComune: thread.comune_istat,
      details: { message: messageId, mentions: body.mentions.length, attachments: body.attachments.length, notices },
    });
    return detailOf(tx, ctx, threadId);
  });
}

/** POST …/close and …/reopen: 409 `plans.state` when the thread is already so. */
export async function setThreadStatus(ctx: Ctx, threadId: string, close: boolean): Promise<ThreadDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { thread, locked } = await loadThreadForChange(tx, ctx, threadId);
    const to = close ? 'CHIUSA' : 'APERTA';
    if (locked.status === to)
      throw new AppError('plans.state', close ? 'The thread is already closed' : 'The thread is open', {
        context: { status: locked.status },
      });
    await updateThreadStatus(tx, threadId, to, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: close ? 'plans.thread.close' : 'plans.thread.reopen',
      entityType: 'plm_thread',
      entityId: threadId,
      tenantComune: thread.comune_istat,
      details: { from: locked.status, to },
    });
    return detailOf(tx, ctx, threadId);
  });
}

/** PATCH /plan-threads/{threadId}: the due date (null: none); 409 `plans.stale` on an old row version. */
export async function patchThread(ctx: Ctx, threadId: string, body: PatchThreadBody): Promise<ThreadDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { thread, locked } = await loadThreadForChange(tx, ctx, threadId);
    assertVersion(locked.row_version, body.rowVersion);
    if (body.dueDate !== null && body.dueDate < todayOf(ctx) && body.dueDate !== thread.due_date)
      throw invalid('body.dueDate', 'The due date has passed');
    await updateThreadDueDate(tx, threadId, body.dueDate, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.thread.due_date',
      entityType: 'plm_thread',
      entityId: threadId,
      tenantComune: thread.comune_istat,
      details: { from: thread.due_date, to: body.dueDate },
    });
    return detailOf(tx, ctx, threadId);
  });
}

/** GET …/attachments/{documentId}: an attachment of one of the thread's messages; the read is audited. */
export async function downloadAttachment(ctx: Ctx, threadId: string, documentId: string): Promise<PlmDocumentFile> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadThread(tx, ctx, threadId);
    const messageId = await selectAttachmentMessage(tx, threadId, documentId);
    if (!messageId) throw new AppError('plans.document.not_found');
    return readPlmDocument(tx, ctx, { messageId }, documentId);
  });
}
