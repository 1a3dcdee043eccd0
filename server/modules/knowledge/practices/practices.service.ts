/**
 * Good practices (issue 14 item 2; decision 0056). A Comune's referente or administrative officer
 * writes a practice of their own Comune; ANCI/Cittalia's assistenza tecnica one of any Comune or of
 * none. A draft (BOZZA) is changed by its authors (row_version), sent for review (IN_REVISIONE),
 * then published (PUBBLICATA) or returned to draft with the reviewer's comment by ANCI/Cittalia.
 * Every link (organisations, Comuni, plan actions, projects, survey responses) is checked under the
 * actor's row-level security: what they cannot see is unknown (400). Each change is one transaction
 * with its audit row. The public site reads the published practices with the anonymous scope.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import {
  insertPractice,
  replaceActors,
  replaceLinks,
  searchLinkTargets,
  searchPublicPractices,
  selectActors,
  selectCaseStudiesOfPractice,
  selectComuneBand,
  selectLinks,
  selectLinkTargets,
  selectOrganisations,
  selectPractice,
  selectPractices,
  selectPublicPractice,
  selectPublicRegions,
  selectRegionCodes,
  selectSlugsLike,
  updatePractice,
  type PracticeRow,
} from './practices.repo.js';
import { canStep, firstDuplicate, freeSlug, mayWriteFor, nextStatus, slugOf } from './practices.rules.js';
import {
  type CreatePracticeBody,
  type ListPracticesQuery,
  type ListPublicPracticesQuery,
  type PatchPracticeBody,
  type PickerQuery,
  type PracticeDetail,
  type PracticeSummary,
  type PublicPractice,
  type PublicPracticeSummary,
  type ReturnBody,
  type StepBody,
} from './practices.schema.js';
import { snippetSegments } from './practices.text.js';
import type { Axis } from '../../plans/index.js';
import type {
  ActorRole,
  EvidenceLevel,
  LinkKind,
  PracticeSector,
  PracticeStatus,
  SizeClass,
} from './practices.vocabulary.js';
import type { ActorRow, LinkRow } from './practices.repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const summaryOf = (r: PracticeRow): PracticeSummary => ({
  id: r.id,
  slug: r.slug,
  status: r.status as PracticeStatus,
  title: r.title,
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  axis: r.axis as Axis,
  sector: r.sector as PracticeSector,
  submittedAt: iso(r.submitted_at),
  publishedAt: iso(r.published_at),
  updatedAt: r.updated_at.toISOString(),
});

function contentOf(r: PracticeRow, actors: ActorRow[], links: LinkRow[]) {
  return {
    summary: r.summary,
    problem: r.problem,
    intervention: r.intervention,
    resources: r.resources,
    budgetCents: r.budget_cents === null ? null : Number(r.budget_cents),
    results: r.results.map((x) => ({ text: x.text, evidence: x.evidence as EvidenceLevel })),
    transferability: r.transferability,
    contactOffice: r.contact_office,
    priorityActions: r.priority_actions,
    regionCodes: r.region_codes,
    regionNames: r.region_names,
    sizeClass: r.size_class as SizeClass | null,
    actors: actors
      .filter((a) => a.practice_id === r.id)
      .map((a) => ({ orgId: a.org_id, name: a.name, type: a.type, role: a.role as ActorRole })),
    links: links
      .filter((l) => l.practice_id === r.id)
      .map((l) => ({ kind: l.kind as LinkKind, targetId: l.target_id, label: l.label })),
  };
}

async function detailIn(tx: Queryable, id: string): Promise<PracticeDetail> {
  const r = (await selectPractice(tx, id))!;
  return {
    ...summaryOf(r),
    ...contentOf(r, await selectActors(tx, [id]), await selectLinks(tx, [id])),
    reviewComment: r.review_comment,
    rowVersion: r.row_version,
    createdAt: r.created_at.toISOString(),
  };
}

const invalid = (issues: FieldIssue[]) => new AppError('request.invalid', issues[0]!.message, { fieldIssues: issues });
const issue = (path: string, message: string): FieldIssue => ({ path: `body.${path}`, message, code: 'custom' });

/**
 * The links, actors and Regions of a practice, checked as the actor sees them: each one must exist
 * and be visible (else 400 naming the field), none twice. Returns the links with their labels.
 */
async function checkReferences(
  tx: Queryable,
  body: {
    actors?: { orgId: string; role: string }[] | undefined;
    links?: { kind: LinkKind; targetId: string }[] | undefined;
    regionCodes?: string[] | undefined;
    priorityActions?: number[] | undefined;
  },
): Promise<{ kind: string; targetId: string; label: string }[] | undefined> {
  const issues: FieldIssue[] = [];
  if (body.actors) {
    const dup = firstDuplicate(body.actors, (a) => a.orgId);
    if (dup >= 0) issues.push(issue(`actors.${dup}.orgId`, 'The same organisation twice'));
    const found = new Set(
      (
        await selectOrganisations(
          tx,
          body.actors.map((a) => a.orgId),
        )
      ).map((o) => o.id),
    );
    body.actors.forEach((a, i) => {
      if (!found.has(a.orgId)) issues.push(issue(`actors.${i}.orgId`, 'No organisation with this id'));
    });
  }
  if (body.regionCodes) {
    const dup = firstDuplicate(body.regionCodes, (c) => c);
    if (dup >= 0) issues.push(issue(`regionCodes.${dup}`, 'The same Region twice'));
    const found = new Set(await selectRegionCodes(tx, body.regionCodes));
    body.regionCodes.forEach((c, i) => {
      if (!found.has(c)) issues.push(issue(`regionCodes.${i}`, 'No Region with this code'));
    });
  }
  if (body.priorityActions) {
    const dup = firstDuplicate(body.priorityActions, String);
    if (dup >= 0) issues.push(issue(`priorityActions.${dup}`, 'The same priority action twice'));
  }
  let links: { kind: string; targetId: string; label: string }[] | undefined;
  if (body.links) {
    const dup = firstDuplicate(body.links, (l) => `${l.kind}:${l.targetId}`);
    if (dup >= 0) issues.push(issue(`links.${dup}.targetId`, 'The same link twice'));
    const labels = new Map<string, string>();
    for (const kind of new Set(body.links.map((l) => l.kind))) {
      const ids = body.links.filter((l) => l.kind === kind).map((l) => l.targetId);
      for (const t of await selectLinkTargets(tx, kind, ids)) labels.set(`${kind}:${t.id}`, t.label);
    }
    links = body.links.map((l, i) => {
      const label = labels.get(`${l.kind}:${l.targetId}`);
      if (label === undefined) issues.push(issue(`links.${i}.targetId`, `No ${l.kind} with this id that you may see`));
      return { kind: l.kind, targetId: l.targetId, label: (label ?? '').slice(0, 400) };
    });
  }
  if (issues.length) throw invalid(issues);
  return links;
}

function assertVersion(current: number, expected: number): void {
  if (current !== expected)
    throw new AppError('knowledge.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
}

const stateError = (status: string, step: string) =>
  new AppError('knowledge.state', `A practice ${status} cannot be ${step}.`, { context: { status } });

/** Loads and locks a practice for a change: 404 when the actor cannot see it, 403 when it is not theirs to write. */
async function loadForWrite(tx: Queryable, actor: Actor, id: string): Promise<PracticeRow> {
  const row = await selectPractice(tx, id, true);
  if (!row) throw new AppError('knowledge.practice.not_found');
  if (!mayWriteFor(actor.scope, row.comune_istat)) throw new AppError('forbidden');
  return row;
}

/** GET /practices: a Comune's user, their Comune's practices; ANCI/Cittalia every one; by state and title. */
export async function listPractices(ctx: Ctx, q: ListPracticesQuery): Promise<Page<PracticeSummary>> {
  assertCan(ctx.actor, 'knowledge.practices.write');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const comune = actor.scope.level === 'national' ? null : (actor.scope.comuneIstat ?? '000000');
    const rows = await selectPractices(tx, { ...q, comune }, q.pageSize, offsetOf(q));
    return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

/** GET /practices/{id}: one practice with everything, for its authors and the reviewers. */
export async function getPractice(ctx: Ctx, id: string): Promise<PracticeDetail> {
  const actor = ctx.actor!;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await selectPractice(tx, id);
    if (!row) throw new AppError('knowledge.practice.not_found');
    assertCan(actor, 'knowledge.practices.write');
    if (!mayWriteFor(actor.scope, row.comune_istat) && row.status !== 'PUBBLICATA')
      throw new AppError('knowledge.practice.not_found');
    return detailIn(tx, id);
  });
}

/** POST /practices: a draft of the actor's Comune (or, for ANCI/Cittalia, of the Comune named or none). */
export async function createPractice(ctx: Ctx, body: CreatePracticeBody): Promise<PracticeDetail> {
  assertCan(ctx.actor, 'knowledge.practices.write');
  const actor = ctx.actor;
  const comuneIstat =
    actor.scope.level === 'national' ? (body.comuneIstat ?? null) : (body.comuneIstat ?? actor.scope.comuneIstat);
  if (!mayWriteFor(actor.scope, comuneIstat)) throw new AppError('forbidden');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    let sizeClass: string | null = body.sizeClass ?? null;
    let regionCodes = body.regionCodes;
    if (comuneIstat) {
      const c = await selectComuneBand(tx, comuneIstat);
      if (!c) throw invalid([issue('comuneIstat', 'No Comune with this code')]);
      if (body.sizeClass === undefined) sizeClass = c.band;
      if (!regionCodes.length) regionCodes = [c.region];
    }
    const links = (await checkReferences(tx, { ...body, regionCodes }))!;
    const id = randomUUID();
    const base = slugOf(body.title);
    const slug = freeSlug(base, await selectSlugsLike(tx, 'kn_practices', base));
    const now = ctx.clock.now();
    const status: PracticeStatus = 'BOZZA';
    await insertPractice(tx, {
      ...body,
      comuneIstat,
      regionCodes,
      sizeClass,
      id,
      slug,
      status,
      submittedAt: null,
      publishedAt: null,
      by: actor.userId,
      now,
    });
    await replaceActors(tx, { id, comuneIstat, status }, body.actors);
    await replaceLinks(tx, { id, comuneIstat, status }, links);
    await recordAudit(tx, ctx, {
      action: 'knowledge.practice.create',
      entityType: 'kn_practice',
      entityId: id,
      tenantComune: comuneIstat,
      details: { title: body.title, slug },
    });
    return detailIn(tx, id);
  });
}

/** PATCH /practices/{id}: while a draft, by its authors; the lists given (actors, links…) replace the old ones. */
export async function patchPractice(ctx: Ctx, id: string, body: PatchPracticeBody): Promise<PracticeDetail> {
  assertCan(ctx.actor, 'knowledge.practices.write');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await loadForWrite(tx, actor, id);
    assertVersion(row.row_version, body.rowVersion);
    if (!canStep('edit', row.status as PracticeStatus)) throw stateError(row.status, 'changed');
    const { rowVersion: _v, actors, links: linksIn, ...set } = body;
    const links = await checkReferences(tx, body);
    const owner = { id, comuneIstat: row.comune_istat, status: row.status };
    await updatePractice(tx, id, set, ctx.clock.now());
    if (actors) await replaceActors(tx, owner, actors);
    if (links) await replaceLinks(tx, owner, links);
    await recordAudit(tx, ctx, {
      action: 'knowledge.practice.update',
      entityType: 'kn_practice',
      entityId: id,
      tenantComune: row.comune_istat,
      details: { fields: Object.keys(body).filter((k) => k !== 'rowVersion'), linked: linksIn?.length ?? null },
    });
    return detailIn(tx, id);
  });
}

/** POST /practices/{id}/submit: BOZZA → IN_REVISIONE, by its authors. */
export async function submitPractice(ctx: Ctx, id: string, body: StepBody): Promise<PracticeDetail> {
  assertCan(ctx.actor, 'knowledge.practices.write');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await loadForWrite(tx, actor, id);
    assertVersion(row.row_version, body.rowVersion);
    if (!canStep('submit', row.status as PracticeStatus)) throw stateError(row.status, 'sent for review');
    const now = ctx.clock.now();
    await updatePractice(tx, id, { status: nextStatus.submit, submittedAt: now }, now);
    await recordAudit(tx, ctx, {
      action: 'knowledge.practice.submit',
      entityType: 'kn_practice',
      entityId: id,
      tenantComune: row.comune_istat,
      details: { slug: row.slug },
    });
    return detailIn(tx, id);
  });
}

/** POST /practices/{id}/return: IN_REVISIONE → BOZZA with the reviewer's comment (ANCI/Cittalia). */
export async function returnPractice(ctx: Ctx, id: string, body: ReturnBody): Promise<PracticeDetail> {
  return review(ctx, id, body.rowVersion, 'return', { reviewComment: body.comment });
}

/** POST /practices/{id}/publish: IN_REVISIONE → PUBBLICATA (ANCI/Cittalia): the public page appears. */
export async function publishPractice(ctx: Ctx, id: string, body: StepBody): Promise<PracticeDetail> {
  return review(ctx, id, body.rowVersion, 'publish', {});
}

async function review(
  ctx: Ctx,
  id: string,
  rowVersion: number,
  step: 'return' | 'publish',
  extra: { reviewComment?: string },
): Promise<PracticeDetail> {
  // reviewing is the reviewers' alone, whatever the practice: 403 before looking it up
  assertCan(ctx.actor, 'knowledge.practices.review');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await selectPractice(tx, id, true);
    if (!row) throw new AppError('knowledge.practice.not_found');
    assertVersion(row.row_version, rowVersion);
    if (!canStep(step, row.status as PracticeStatus))
      throw stateError(row.status, step === 'return' ? 'returned' : 'published');
    const now = ctx.clock.now();
    await updatePractice(
      tx,
      id,
      {
        status: nextStatus[step],
        reviewedBy: actor.userId,
        ...(step === 'publish' ? { publishedAt: now, reviewComment: null } : extra),
      },
      now,
    );
    await recordAudit(tx, ctx, {
      action: step === 'return' ? 'knowledge.practice.return' : 'knowledge.practice.publish',
      entityType: 'kn_practice',
      entityId: id,
      tenantComune: row.comune_istat,
      details: step === 'return' ? { comment: extra.reviewComment ?? null } : { slug: row.slug },
    });
    return detailIn(tx, id);
  });
}

/** GET /practices/pickers: organisations, Comuni, plan actions, projects or survey responses by name, as the actor sees them. */
export async function pickPracticeTargets(
  ctx: Ctx,
  q: PickerQuery,
): Promise<{ items: { id: string; label: string }[] }> {
  assertCan(ctx.actor, 'knowledge.practices.write');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({ items: await searchLinkTargets(tx, q.kind, q.q, 20) }));
}

/** GET /public/practices: the published practices (no login), searched with the Italian stemmer and filtered. */
export async function listPublicPractices(ctx: Ctx, q: ListPublicPracticesQuery): Promise<Page<PublicPracticeSummary>> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const rows = await searchPublicPractices(tx, q, q.pageSize, offsetOf(q));
    return {
      items: rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        comuneName: r.comune_name,
        axis: r.axis as Axis,
        sector: r.sector as PracticeSector,
        regionNames: r.region_names,
        sizeClass: r.size_class as SizeClass | null,
        publishedAt: r.published_at.toISOString(),
        snippet: r.headline === null ? null : snippetSegments(r.headline),
      })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** GET /public/practices/{slug}: the public page of a published practice. */
export async function getPublicPractice(ctx: Ctx, slug: string): Promise<PublicPractice> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const r = await selectPublicPractice(tx, slug);
    if (!r) throw new AppError('knowledge.practice.not_found');
    return {
      slug: r.slug,
      title: r.title,
      comuneName: r.comune_name,
      axis: r.axis as Axis,
      sector: r.sector as PracticeSector,
      publishedAt: r.published_at!.toISOString(),
      ...contentOf(r, await selectActors(tx, [r.id]), await selectLinks(tx, [r.id])),
      caseStudies: await selectCaseStudiesOfPractice(tx, r.id),
    };
  });
}

/** GET /public/practice-regions: the Regions with published practices and how many (the public filter). */
export async function listPublicPracticeRegions(
  ctx: Ctx,
): Promise<{ items: { code: string; name: string; count: number }[] }> {
  return ctx.db.tx(accessOf(null), async (tx) => ({ items: await selectPublicRegions(tx) }));
}
