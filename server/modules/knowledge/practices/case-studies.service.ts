/**
 * The five case studies (issue 14 item 2; decision 0056): long documents in sections of plain text
 * with their sources, tied to Comuni and to good practices, written by ANCI/Cittalia's assistenza
 * tecnica and published after review (the practices' workflow: BOZZA → IN_REVISIONE → PUBBLICATA, or
 * back to BOZZA with a comment). Published ones are public; a link to a practice not yet published
 * is kept but not shown on the public page.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import {
  insertCaseStudy,
  selectCaseStudies,
  selectCaseStudy,
  selectComuniNamed,
  selectPracticesNamed,
  selectPublicCaseStudy,
  updateCaseStudy,
  type CaseStudyRow,
} from './case-studies.repo.js';
import { selectSlugsLike } from './practices.repo.js';
import { canStep, firstDuplicate, freeSlug, nextStatus, slugOf, type WorkflowStep } from './practices.rules.js';
import type {
  CaseStudyDetail,
  CaseStudySummary,
  CreateCaseStudyBody,
  ListCaseStudiesQuery,
  PatchCaseStudyBody,
  PublicCaseStudy,
  PublicCaseStudySummary,
  ReturnBody,
  StepBody,
} from './practices.schema.js';
import type { PracticeStatus } from './practices.vocabulary.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const summaryOf = (r: CaseStudyRow): CaseStudySummary => ({
  id: r.id,
  slug: r.slug,
  status: r.status as PracticeStatus,
  title: r.title,
  summary: r.summary,
  submittedAt: iso(r.submitted_at),
  publishedAt: iso(r.published_at),
  updatedAt: r.updated_at.toISOString(),
  rowVersion: r.row_version,
});

async function detailIn(tx: Queryable, id: string): Promise<CaseStudyDetail> {
  const r = (await selectCaseStudy(tx, id))!;
  return {
    ...summaryOf(r),
    sections: r.sections,
    sources: r.sources,
    comuni: await selectComuniNamed(tx, r.comuni),
    practices: await selectPracticesNamed(tx, r.practice_ids),
    reviewComment: r.review_comment,
    createdAt: r.created_at.toISOString(),
  };
}

const issue = (path: string, message: string): FieldIssue => ({ path: `body.${path}`, message, code: 'custom' });

/** Every Comune and practice named must exist (and be visible), none twice: else 400 naming the field. */
async function checkReferences(
  tx: Queryable,
  body: { comuni?: string[] | undefined; practiceIds?: string[] | undefined },
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (body.comuni) {
    const dup = firstDuplicate(body.comuni, (c) => c);
    if (dup >= 0) issues.push(issue(`comuni.${dup}`, 'The same Comune twice'));
    const found = new Set((await selectComuniNamed(tx, body.comuni)).map((c) => c.istat));
    body.comuni.forEach((c, i) => {
      if (!found.has(c)) issues.push(issue(`comuni.${i}`, 'No Comune with this code'));
    });
  }
  if (body.practiceIds) {
    const dup = firstDuplicate(body.practiceIds, (c) => c);
    if (dup >= 0) issues.push(issue(`practiceIds.${dup}`, 'The same practice twice'));
    const found = new Set((await selectPracticesNamed(tx, body.practiceIds)).map((p) => p.id));
    body.practiceIds.forEach((p, i) => {
      if (!found.has(p)) issues.push(issue(`practiceIds.${i}`, 'No practice with this id'));
    });
  }
  if (issues.length) throw new AppError('request.invalid', issues[0]!.message, { fieldIssues: issues });
}

function assertVersion(current: number, expected: number): void {
  if (current !== expected)
    throw new AppError('knowledge.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
}

async function loadForChange(tx: Queryable, id: string): Promise<CaseStudyRow> {
  const row = await selectCaseStudy(tx, id, true);
  if (!row) throw new AppError('knowledge.case_study.not_found');
  return row;
}

/** GET /case-studies: every case study, drafts included, for ANCI/Cittalia. */
export async function listCaseStudies(ctx: Ctx, q: ListCaseStudiesQuery): Promise<Page<CaseStudySummary>> {
  assertCan(ctx.actor, 'knowledge.case_studies.write');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const rows = await selectCaseStudies(tx, q, q.pageSize, offsetOf(q));
    return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

export async function getCaseStudy(ctx: Ctx, id: string): Promise<CaseStudyDetail> {
  assertCan(ctx.actor, 'knowledge.case_studies.write');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await selectCaseStudy(tx, id))) throw new AppError('knowledge.case_study.not_found');
    return detailIn(tx, id);
  });
}

export async function createCaseStudy(ctx: Ctx, body: CreateCaseStudyBody): Promise<CaseStudyDetail> {
  assertCan(ctx.actor, 'knowledge.case_studies.write');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    await checkReferences(tx, body);
    const id = randomUUID();
    const base = slugOf(body.title, 'caso-studio');
    const slug = freeSlug(base, await selectSlugsLike(tx, 'kn_case_studies', base));
    await insertCaseStudy(tx, {
      ...body,
      id,
      slug,
      status: 'BOZZA',
      submittedAt: null,
      publishedAt: null,
      by: actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'knowledge.case_study.create',
      entityType: 'kn_case_study',
      entityId: id,
      tenantComune: null,
      details: { title: body.title, slug },
    });
    return detailIn(tx, id);
  });
}

export async function patchCaseStudy(ctx: Ctx, id: string, body: PatchCaseStudyBody): Promise<CaseStudyDetail> {
  assertCan(ctx.actor, 'knowledge.case_studies.write');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const row = await loadForChange(tx, id);
    assertVersion(row.row_version, body.rowVersion);
    if (!canStep('edit', row.status as PracticeStatus))
      throw new AppError('knowledge.state', `A case study ${row.status} cannot be changed.`, {
        context: { status: row.status },
      });
    const { rowVersion: _v, ...set } = body;
    await checkReferences(tx, set);
    await updateCaseStudy(tx, id, set, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'knowledge.case_study.update',
      entityType: 'kn_case_study',
      entityId: id,
      tenantComune: null,
      details: { fields: Object.keys(set) },
    });
    return detailIn(tx, id);
  });
}

async function step(
  ctx: Ctx,
  id: string,
  rowVersion: number,
  which: Exclude<WorkflowStep, 'edit'>,
  comment?: string,
): Promise<CaseStudyDetail> {
  assertCan(ctx.actor, which === 'submit' ? 'knowledge.case_studies.write' : 'knowledge.practices.review');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await loadForChange(tx, id);
    assertVersion(row.row_version, rowVersion);
    if (!canStep(which, row.status as PracticeStatus))
      throw new AppError('knowledge.state', `A case study ${row.status} cannot take this step.`, {
        context: { status: row.status },
      });
    const now = ctx.clock.now();
    const set: Record<string, unknown> = { status: nextStatus[which] };
    if (which === 'submit') set.submittedAt = now;
    if (which === 'return') Object.assign(set, { reviewComment: comment, reviewedBy: actor.userId });
    if (which === 'publish') Object.assign(set, { publishedAt: now, reviewComment: null, reviewedBy: actor.userId });
    await updateCaseStudy(tx, id, set, now);
    await recordAudit(tx, ctx, {
      action: `knowledge.case_study.${which}`,
      entityType: 'kn_case_study',
      entityId: id,
      tenantComune: null,
      details: which === 'return' ? { comment: comment ?? null } : { slug: row.slug },
    });
    return detailIn(tx, id);
  });
}

export const submitCaseStudy = (ctx: Ctx, id: string, b: StepBody) => step(ctx, id, b.rowVersion, 'submit');
export const returnCaseStudy = (ctx: Ctx, id: string, b: ReturnBody) =>
  step(ctx, id, b.rowVersion, 'return', b.comment);
export const publishCaseStudy = (ctx: Ctx, id: string, b: StepBody) => step(ctx, id, b.rowVersion, 'publish');

/** GET /public/case-studies: the published case studies (no login), in the order they were published. */
export async function listPublicCaseStudies(
  ctx: Ctx,
  q: { page: number; pageSize: number },
): Promise<Page<PublicCaseStudySummary>> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const rows = await selectCaseStudies(tx, { publishedOnly: true }, q.pageSize, offsetOf(q));
    return {
      items: rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        publishedAt: r.published_at!.toISOString(),
      })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** GET /public/case-studies/{slug}: a published case study, with its published practices only. */
export async function getPublicCaseStudy(ctx: Ctx, slug: string): Promise<PublicCaseStudy> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const r = await selectPublicCaseStudy(tx, slug);
    if (!r) throw new AppError('knowledge.case_study.not_found');
    const practices = await selectPracticesNamed(tx, r.practice_ids);
    return {
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      publishedAt: r.published_at!.toISOString(),
      sections: r.sections,
      sources: r.sources,
      comuni: await selectComuniNamed(tx, r.comuni),
      practices: practices.filter((p) => p.published).map((p) => ({ slug: p.slug, title: p.title })),
    };
  });
}
