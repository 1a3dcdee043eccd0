/**
 * Use cases of the knowledge base. The help desk (`helpdesk.handle`, national scope) writes an
 * entry, usually from a resolved request: a new record with the question and the answer rewritten
 * without the Comune's details (the request's Comune, people and messages are never exposed through
 * it); a check warns of the Comune's name, the names of who wrote, e-mail addresses, phone numbers
 * and codici fiscali, and publishing with warnings needs an explicit confirmation. Published entries
 * are searched (Italian full text) by every logged-in user and publicly.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import type { AnswerStatus } from '../shared/vocabulary.js';
import {
  insertAnswer,
  lockAnswer,
  searchAnswers,
  selectAnswer,
  selectPublishedBySlug,
  selectSourceFacts,
  slugTaken,
  updateAnswer,
  type AnswerRow,
} from './answers.repo.js';
import { keywordsList, keywordsText, personalDataWarnings, slugOf, type PersonalDataWarning } from './answers.rules.js';
import type {
  AnswerDetail,
  CreateAnswerBody,
  PatchAnswerBody,
  PublicAnswer,
  PublishAnswerBody,
  SearchAnswersQuery,
} from './answers.schema.js';

const isStaff = (ctx: Ctx) => can(ctx.actor, 'helpdesk.handle') && ctx.actor!.scope.level === 'national';

async function warningsOf(tx: Queryable, a: AnswerRow): Promise<PersonalDataWarning[]> {
  const source = a.source_request_id ? await selectSourceFacts(tx, a.source_request_id) : undefined;
  return personalDataWarnings(a, {
    comuneNames: source ? [source.comune_name] : [],
    personNames: source?.person_names ?? [],
  });
}

async function detailOf(tx: Queryable, ctx: Ctx, a: AnswerRow): Promise<AnswerDetail> {
  const staff = isStaff(ctx);
  return {
    id: a.id,
    slug: a.slug,
    topic: a.topic,
    status: a.status,
    question: a.question,
    answer: a.answer,
    keywords: keywordsList(a.keywords),
    sourceRequestId: staff ? a.source_request_id : null,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    publishedAt: a.published_at?.toISOString() ?? null,
    warnings: staff ? await warningsOf(tx, a) : [],
    rowVersion: a.row_version,
  };
}

const toPublic = (a: AnswerRow): PublicAnswer => ({
  slug: a.slug,
  topic: a.topic,
  question: a.question,
  answer: a.answer,
  keywords: keywordsList(a.keywords),
  publishedAt: (a.published_at ?? a.updated_at).toISOString(),
  updatedAt: a.updated_at.toISOString(),
});

async function freeSlug(tx: Queryable, question: string): Promise<string> {
  const base = slugOf(question);
  if (!(await slugTaken(tx, base))) return base;
  for (;;) {
    const s = `${base.slice(0, 80)}-${randomBytes(3).toString('hex')}`;
    if (!(await slugTaken(tx, s))) return s;
  }
}

async function lockForChange(tx: Queryable, ctx: Ctx, id: string, rowVersion?: number): Promise<AnswerRow> {
  assertCan(ctx.actor, 'helpdesk.handle');
  const a = await lockAnswer(tx, id);
  if (!a) throw new AppError('helpdesk.answer.not_found');
  if (rowVersion !== undefined && rowVersion !== a.row_version)
    throw new AppError('helpdesk.stale', 'The entry changed since it was read', {
      context: { rowVersion: a.row_version },
    });
  return a;
}

/** POST /help-answers: the help desk writes a draft entry, from a resolved request or from scratch. */
export async function createAnswer(ctx: Ctx, body: CreateAnswerBody): Promise<AnswerDetail> {
  assertCan(ctx.actor, 'helpdesk.handle');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (body.sourceRequestId !== null) {
      const source = await selectSourceFacts(tx, body.sourceRequestId);
      if (!source) throw new AppError('helpdesk.request.not_found');
      if (source.status !== 'RISOLTA' && source.status !== 'CHIUSA')
        throw new AppError('helpdesk.state', 'An entry is written from a resolved request', {
          context: { status: source.status },
        });
    }
    const id = randomUUID();
    await insertAnswer(tx, {
      id,
      slug: await freeSlug(tx, body.question),
      topic: body.topic,
      question: body.question,
      answer: body.answer,
      keywords: keywordsText(body.keywords),
      sourceRequestId: body.sourceRequestId,
      createdBy: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
    const a = (await selectAnswer(tx, id))!;
    const warnings = await warningsOf(tx, a);
    await recordAudit(tx, ctx, {
      action: 'helpdesk.answer.create',
      entityType: 'hd_answer',
      entityId: id,
      tenantComune: null,
      details: { topic: body.topic, source: body.sourceRequestId, warnings: warnings.map((w) => w.kind) },
    });
    return detailOf(tx, ctx, a);
  });
}

/** GET /help-answers/{id}: an entry (a draft for the help desk only: 404 otherwise). */
export async function getAnswer(ctx: Ctx, id: string): Promise<AnswerDetail> {
  assertCan(ctx.actor, 'helpdesk.answers.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const a = await selectAnswer(tx, id);
    if (!a || (a.status !== 'PUBBLICATA' && !isStaff(ctx))) throw new AppError('helpdesk.answer.not_found');
    return detailOf(tx, ctx, a);
  });
}

/** PATCH /help-answers/{id}: the help desk rewrites an entry (a published one stays published). */
export async function patchAnswer(ctx: Ctx, id: string, body: PatchAnswerBody): Promise<AnswerDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const before = await lockForChange(tx, ctx, id, body.rowVersion);
    await updateAnswer(tx, id, ctx.clock.now(), {
      ...(body.topic ? { topic: body.topic } : {}),
      ...(body.question ? { question: body.question } : {}),
      ...(body.answer ? { answer: body.answer } : {}),
      ...(body.keywords ? { keywords: keywordsText(body.keywords) } : {}),
    });
    const a = (await selectAnswer(tx, id))!;
    const warnings = await warningsOf(tx, a);
    await recordAudit(tx, ctx, {
      action: 'helpdesk.answer.update',
      entityType: 'hd_answer',
      entityId: id,
      tenantComune: null,
      details: {
        fields: Object.keys(body).filter((k) => k !== 'rowVersion'),
        status: before.status,
        warnings: warnings.map((w) => w.kind),
      },
    });
    return detailOf(tx, ctx, a);
  });
}

/**
 * POST /help-answers/{id}/publish: the entry becomes public. With warnings of the check, 409
 * `helpdesk.answer.personal_data` (context.warnings) unless `acknowledgeWarnings`.
 */
export async function publishAnswer(ctx: Ctx, id: string, body: PublishAnswerBody): Promise<AnswerDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const a = await lockForChange(tx, ctx, id, body.rowVersion);
    if (a.status === 'PUBBLICATA')
      throw new AppError('helpdesk.state', 'The entry is published already', { context: { status: a.status } });
    const warnings = await warningsOf(tx, a);
    if (warnings.length && !body.acknowledgeWarnings)
      throw new AppError('helpdesk.answer.personal_data', "The entry may carry the Comune's or a person's details", {
        context: { warnings: warnings.map((w) => ({ kind: w.kind, field: w.field, match: w.match })) },
      });
    const at = ctx.clock.now();
    await updateAnswer(tx, id, at, { status: 'PUBBLICATA', published_at: at });
    await recordAudit(tx, ctx, {
      action: 'helpdesk.answer.publish',
      entityType: 'hd_answer',
      entityId: id,
      tenantComune: null,
      details: { from: a.status, acknowledged: warnings.map((w) => w.kind) },
    });
    return detailOf(tx, ctx, (await selectAnswer(tx, id))!);
  });
}

/** POST /help-answers/{id}/withdraw: a published entry leaves the public base (kept, RITIRATA). */
export async function withdrawAnswer(ctx: Ctx, id: string, rowVersion?: number): Promise<AnswerDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const a = await lockForChange(tx, ctx, id, rowVersion);
    if (a.status !== 'PUBBLICATA')
      throw new AppError('helpdesk.state', 'Only a published entry is withdrawn', { context: { status: a.status } });
    await updateAnswer(tx, id, ctx.clock.now(), { status: 'RITIRATA' });
    await recordAudit(tx, ctx, {
      action: 'helpdesk.answer.withdraw',
      entityType: 'hd_answer',
      entityId: id,
      tenantComune: null,
      details: { from: a.status },
    });
    return detailOf(tx, ctx, (await selectAnswer(tx, id))!);
  });
}

const hit = (r: Awaited<ReturnType<typeof searchAnswers>>[number]) => ({
  id: r.id,
  slug: r.slug,
  topic: r.topic,
  status: r.status,
  question: r.question,
  excerpt: r.excerpt,
  keywords: keywordsList(r.keywords),
  publishedAt: r.published_at?.toISOString() ?? null,
});

/** GET /help-answers: the search of every logged-in user (published entries); the help desk may ask for a status. */
export async function searchAnswersOf(ctx: Ctx, q: SearchAnswersQuery) {
  assertCan(ctx.actor, 'helpdesk.answers.read');
  const statuses: AnswerStatus[] = q.status && isStaff(ctx) ? [q.status] : ['PUBBLICATA'];
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await searchAnswers(tx, { q: q.q || null, topic: q.topic ?? null, statuses, limit: 100 })).map(hit),
  }));
}

/** GET /public/help-answers: the public search (no session; published entries only). */
export async function searchPublicAnswers(
  ctx: Ctx,
  q: { q?: string | undefined; topic?: SearchAnswersQuery['topic'] },
) {
  return ctx.db.tx(accessOf(null), async (tx) => ({
    items: (
      await searchAnswers(tx, { q: q.q || null, topic: q.topic ?? null, statuses: ['PUBBLICATA'], limit: 100 })
    ).map((r) => {
      const h = hit(r);
      return {
        slug: h.slug,
        topic: h.topic,
        question: h.question,
        excerpt: h.excerpt,
        keywords: h.keywords,
        publishedAt: h.publishedAt,
      };
    }),
  }));
}

/** GET /public/help-answers/{slug}: a published entry (404 otherwise). */
export async function getPublicAnswer(ctx: Ctx, slug: string): Promise<PublicAnswer> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const a = await selectPublishedBySlug(tx, slug);
    if (!a) throw new AppError('helpdesk.answer.not_found');
    return toPublic(a);
  });
}
