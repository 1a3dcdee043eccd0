/**
 * Query threads (chiarimenti; issue 12, item 7; decision 0052). ANCI/Cittalia or MLPS opens a
 * question on one line of a project — the project as a whole, a budget line, an expense, a claim,
 * a scheda trimestrale (and one of its fields) — with a due date and a first message; the lead
 * Comune's staff answer (→ RISPOSTA), the asking side replies (→ APERTA) and resolves it (RISOLTA;
 * it may reopen it). Each user's work list holds what awaits them, overdue first. Every change is
 * one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertOwner, loadProject, todayOf } from '../shared/access.js';
import {
  anchorLabel,
  insertMessage,
  insertQuery,
  selectMessages,
  selectQueries,
  selectQuery,
  selectWorkList,
  updateStatus,
  type QueryRow,
} from './queries.repo.js';
import type { MessageBody, OpenQueryBody, QueryDetail, QueryStatus, QuerySummary, WorkItem } from './queries.schema.js';

/** The asking side an actor speaks for: MLPS, ANCI/Cittalia (assistenza tecnica), or none. */
export function levelOf(actor: Actor): 'ANCI' | 'MLPS' | null {
  if (actor.roles.includes('mlps')) return 'MLPS';
  if (actor.roles.includes('assistenza_tecnica')) return 'ANCI';
  return null;
}

const splitAnchor = (a: string | null): { id: string | null; field: string | null } => {
  if (!a) return { id: null, field: null };
  const i = a.indexOf(':');
  return i < 0 ? { id: a, field: null } : { id: a.slice(0, i), field: a.slice(i + 1) };
};

async function summaryOf(tx: Queryable, r: QueryRow): Promise<QuerySummary> {
  const anchor = splitAnchor(r.anchor_id);
  const label = anchor.id ? await anchorLabel(tx, r.project_id, r.anchor_type, anchor.id) : null;
  return {
    id: r.id,
    projectId: r.project_id,
    anchorType: r.anchor_type,
    anchorId: anchor.id,
    anchorField: anchor.field,
    anchorLabel: label && anchor.field ? `${label} – ${anchor.field}` : label,
    subject: r.subject,
    dueOn: r.due_on,
    status: r.status,
    openedLevel: r.opened_level,
    openedBy: r.opened_by_name,
    openedAt: r.opened_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    messages: r.messages,
    lastMessageAt: r.last_message_at?.toISOString() ?? null,
    daysOverdue: r.days_overdue === null ? null : Number(r.days_overdue),
  };
}

async function detailOf(tx: Queryable, r: QueryRow): Promise<QueryDetail> {
  return {
    ...(await summaryOf(tx, r)),
    thread: (await selectMessages(tx, r.id)).map((m) => ({
      id: m.id,
      body: m.body,
      authorName: m.author_name,
      side: m.side,
      createdAt: m.created_at.toISOString(),
    })),
  };
}

async function loadQuery(tx: Queryable, ctx: Ctx, projectId: string, queryId: string, lock = false) {
  const q = await selectQuery(tx, todayOf(ctx), projectId, queryId, lock);
  if (!q) throw new AppError('projects.query.not_found');
  return q;
}

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

/** GET /projects/{projectId}/queries: the project's threads, open ones first, overdue first. */
export async function listQueries(ctx: Ctx, projectId: string, status?: QueryStatus) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadProject(tx, ctx, projectId, 'projects.queries.read');
    const rows = await selectQueries(tx, todayOf(ctx), projectId, status);
    const items: QuerySummary[] = [];
    for (const r of rows) items.push(await summaryOf(tx, r));
    return { items };
  });
}

/** GET /projects/{projectId}/queries/{queryId}: the thread with its messages. */
export async function getQuery(ctx: Ctx, projectId: string, queryId: string): Promise<QueryDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadProject(tx, ctx, projectId, 'projects.queries.read');
    return detailOf(tx, await loadQuery(tx, ctx, projectId, queryId));
  });
}

/** POST /projects/{projectId}/queries: ANCI/Cittalia or MLPS opens a thread on a line of the project. */
export async function openQuery(ctx: Ctx, projectId: string, body: OpenQueryBody): Promise<QueryDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.queries.open');
    const level = levelOf(ctx.actor!)!;
    if (body.dueOn !== null && body.dueOn < todayOf(ctx)) throw invalid('body.dueOn', 'The due date has passed');
    if (body.anchorId !== null && (await anchorLabel(tx, projectId, body.anchorType, body.anchorId)) === null)
      throw invalid('body.anchorId', 'Not a line of this project');
    const id = randomUUID();
    const now = ctx.clock.now();
    const anchorId = body.anchorId && body.anchorField ? `${body.anchorId}:${body.anchorField}` : body.anchorId;
    await insertQuery(
      tx,
      { id, projectId, comuneIstat: project.comune_istat, ...body, anchorId, level },
      ctx.actor!.userId,
      now,
    );
    await insertMessage(
      tx,
      { id: randomUUID(), queryId: id, projectId, comuneIstat: project.comune_istat, body: body.message },
      ctx.actor!.userId,
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'projects.query.open',
      entityType: 'project_query',
      entityId: id,
      tenantComune: project.comune_istat,
      details: { project: projectId, anchorType: body.anchorType, anchorId, dueOn: body.dueOn, level },
    });
    return detailOf(tx, await loadQuery(tx, ctx, projectId, id));
  });
}

/** The asking side of the thread (the level that opened it) or 403. */
function assertAsker(actor: Actor, q: QueryRow): void {
  assertCan(actor, 'projects.queries.open');
  if (levelOf(actor) !== q.opened_level)
    throw new AppError('projects.query.not_asker', `Only ${q.opened_level} replies to and resolves this query`);
}

/**
 * POST …/messages: the lead Comune's staff answer (→ RISPOSTA); the asking side replies (→ APERTA,
 * the Comune's turn again). 409 `projects.state` on a resolved thread.
 */
export async function postMessage(ctx: Ctx, projectId: string, queryId: string, body: MessageBody) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const actor = ctx.actor!;
    const comuneSide = actor.scope.level === 'comune';
    const { project } = await loadProject(
      tx,
      ctx,
      projectId,
      comuneSide ? 'projects.queries.answer' : 'projects.queries.open',
    );
    const q = await loadQuery(tx, ctx, projectId, queryId, true);
    if (comuneSide) assertOwner(actor, project);
    else assertAsker(actor, q);
    if (q.status === 'RISOLTA')
      throw new AppError('projects.state', 'The query is resolved', { context: { status: q.status } });
    const to: QueryStatus = comuneSide ? 'RISPOSTA' : 'APERTA';
    await insertMessage(
      tx,
      { id: randomUUID(), queryId, projectId, comuneIstat: project.comune_istat, body: body.body },
      actor.userId,
      ctx.clock.now(),
    );
    if (to !== q.status) await updateStatus(tx, queryId, to, null);
    await recordAudit(tx, ctx, {
      action: 'projects.query.message',
      entityType: 'project_query',
      entityId: queryId,
      tenantComune: project.comune_istat,
      details: { project: projectId, from: q.status, to, side: comuneSide ? 'COMUNE' : q.opened_level },
    });
    return detailOf(tx, await loadQuery(tx, ctx, projectId, queryId));
  });
}

/** POST …/resolve: the asking side resolves the thread (RISOLTA), or reopens it (`reopen`: → APERTA). */
export async function resolveQuery(ctx: Ctx, projectId: string, queryId: string, reopen: boolean) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.queries.open');
    const q = await loadQuery(tx, ctx, projectId, queryId, true);
    assertAsker(ctx.actor!, q);
    if (reopen ? q.status !== 'RISOLTA' : q.status === 'RISOLTA')
      throw new AppError('projects.state', reopen ? 'The query is not resolved' : 'The query is already resolved', {
        context: { status: q.status },
      });
    await updateStatus(
      tx,
      queryId,
      reopen ? 'APERTA' : 'RISOLTA',
      reopen ? null : { by: ctx.actor!.userId, at: ctx.clock.now() },
    );
    await recordAudit(tx, ctx, {
      action: reopen ? 'projects.query.reopen' : 'projects.query.resolve',
      entityType: 'project_query',
      entityId: queryId,
      tenantComune: project.comune_istat,
      details: { project: projectId, from: q.status },
    });
    return detailOf(tx, await loadQuery(tx, ctx, projectId, queryId));
  });
}

/**
 * GET /project-queries: the user's work list over every project in reach (row-level security):
 * for the Comune's staff the threads awaiting its answer (APERTA); for ANCI/Cittalia and MLPS
 * their own threads the Comune has answered (RISPOSTA) and those overdue still awaiting the
 * Comune; for a Regione every thread not resolved of its Comuni. Overdue first, with the days.
 */
export async function workList(ctx: Ctx): Promise<{ items: WorkItem[]; overdue: number }> {
  assertCan(ctx.actor, 'projects.queries.read');
  const actor = ctx.actor;
  const level = levelOf(actor);
  const mode =
    actor.scope.level === 'comune'
      ? ({ mode: 'comune' } as const)
      : level
        ? ({ mode: 'asker', level } as const)
        : ({ mode: 'follower' } as const);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const rows = await selectWorkList(tx, todayOf(ctx), mode);
    const items: WorkItem[] = [];
    for (const r of rows)
      items.push({
        ...(await summaryOf(tx, r)),
        projectTitle: r.project_title,
        projectCup: r.project_cup,
        comuneIstat: r.comune_istat,
        comuneName: r.comune_name,
      });
    return { items, overdue: items.filter((i) => i.daysOverdue !== null).length };
  });
}
