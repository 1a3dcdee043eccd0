/**
 * The quarterly monitoring (scheda trimestrale; issue 12, item 6; decision 0052). The lead Comune's
 * staff write one scheda per quarter of the project and submit it; ANCI/Cittalia validates or
 * returns it, then MLPS approves or returns it, each return with comments on fields. The computed
 * sections (general data, financial progress, activities, the indicators the platform can compute)
 * are computed live while the Comune edits and frozen into the content at submission; an approved
 * scheda is locked (also by a trigger, migration 0032) and readable for ever. Every change is one
 * transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { assertOwner, assertVersion, loadProject, todayOf, type ProjectRow } from '../shared/access.js';
import { shareBp } from '../shared/money.js';
import {
  insertComment,
  insertReport,
  markReviewed,
  markSubmitted,
  resolveComments,
  selectActivities,
  selectCategoryFigures,
  selectClaimOutcomes,
  selectComments,
  selectIndicators,
  selectReport,
  selectReports,
  updateContent,
  type CommentRow,
  type ReportRow,
} from './monitoring.repo.js';
import {
  committedCents,
  computationOf,
  computations,
  editable,
  quarterRange,
  quartersDue,
  quarterWithin,
  reviewStep,
} from './monitoring.rules.js';
import {
  computedSchema,
  monitoringContentSchema,
  type CommentOut,
  type Computed,
  type CreateReportBody,
  type MonitoringContent,
  type PutContentBody,
  type ReportOut,
  type ReportSummary,
  type ReviewBody,
} from './monitoring.schema.js';

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

/** The stored content: what the Comune entered, and the computed sections once frozen. */
function splitContent(stored: Record<string, unknown>): { content: MonitoringContent; frozen: Computed | null } {
  const { computed, ...entered } = stored;
  const parsed = monitoringContentSchema.safeParse(entered);
  const frozen = computed ? computedSchema.safeParse(computed) : null;
  return {
    content: parsed.success ? parsed.data : monitoringContentSchema.parse({}),
    frozen: frozen?.success ? frozen.data : null,
  };
}

const toSummary = (r: ReportRow): ReportSummary => ({
  id: r.id,
  projectId: r.project_id,
  year: r.year,
  quarter: r.quarter,
  status: r.status,
  submittedAt: r.submitted_at?.toISOString() ?? null,
  approvedAt: r.approved_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
  openComments: r.open_comments,
  rowVersion: r.row_version,
});

const toComment = (c: CommentRow): CommentOut => ({
  id: c.id,
  level: c.level,
  field: c.field,
  text: c.text,
  authorName: c.author_name,
  createdAt: c.created_at.toISOString(),
  resolvedAt: c.resolved_at?.toISOString() ?? null,
});

/**
 * The sections the platform computes for a quarter, cumulative to its last day: the project's
 * general data, the financial progress in cents (committed from the scheda's procurements), the
 * activities' progress and the indicators it can compute (the others with a null value).
 */
export async function computeSections(
  tx: Queryable,
  ctx: Pick<Ctx, 'clock'>,
  project: ProjectRow,
  q: { year: number; quarter: number },
  content: MonitoringContent,
): Promise<Computed> {
  const asOf = quarterRange(q).end;
  const byCategory = await selectCategoryFigures(tx, project.id, asOf);
  const outcomes = await selectClaimOutcomes(tx, project.id, asOf);
  const sum = (k: 'plannedCents' | 'spentCents' | 'claimedCents') => byCategory.reduce((n, c) => n + c[k], 0);
  const plannedCents = sum('plannedCents');
  const spentCents = sum('spentCents');
  const claimedCents = sum('claimedCents');
  const financial = {
    plannedCents,
    committedCents: committedCents(content, asOf),
    spentCents,
    claimedCents,
    ...outcomes,
    spentShareBp: shareBp(spentCents, plannedCents),
    byCategory,
  };
  const activities = await selectActivities(tx, project.id);
  const facts = {
    localAuthorityBeneficiary: true,
    spentCents,
    claimedCents,
    plannedCents,
    spentShareBp: financial.spentShareBp,
    activitiesTotal: activities.length,
    activitiesDone: activities.filter((a) => a.progress_pct === 100).length,
  };
  const indicators = (await selectIndicators(tx, project.id, asOf)).map((i) => {
    const how = computationOf(i);
    return {
      indicatorCode: i.code,
      labelIt: i.label_it,
      labelEn: i.label_en,
      unit: i.unit,
      computedValue: how ? computations[how]!(facts) : null,
      target: i.target,
    };
  });
  return {
    asOf,
    computedAt: ctx.clock.now().toISOString(),
    project: {
      title: project.title,
      cup: project.cup,
      comuneIstat: project.comune_istat,
      startDate: project.start_date,
      endDate: project.end_date,
    },
    financial,
    activities: activities.map((a) => ({
      activityId: a.id,
      code: a.code,
      title: a.title,
      plannedStart: a.planned_start,
      plannedEnd: a.planned_end,
      actualStart: a.actual_start,
      actualEnd: a.actual_end,
      progressPct: a.progress_pct,
    })),
    indicators,
  };
}

async function loadReport(tx: Queryable, projectId: string, reportId: string, lock = false): Promise<ReportRow> {
  const r = await selectReport(tx, projectId, reportId, lock);
  if (!r) throw new AppError('projects.monitoring.not_found');
  return r;
}

async function reportOut(tx: Queryable, ctx: Ctx, project: ProjectRow, r: ReportRow): Promise<ReportOut> {
  const { content, frozen } = splitContent(r.content);
  const live = editable(r.status) || !frozen;
  return {
    ...toSummary(r),
    content,
    computed: live ? await computeSections(tx, ctx, project, r, content) : frozen,
    frozen: !live,
    locked: r.status === 'APPROVATA',
    comments: (await selectComments(tx, r.id)).map(toComment),
  };
}

/** GET …/monitoring-reports: the project's schede, newest quarter first, and the quarters still missing. */
export async function listReports(ctx: Ctx, projectId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.read');
    const rows = await selectReports(tx, projectId);
    const have = new Set(rows.map((r) => `${r.year}-${r.quarter}`));
    return {
      items: rows.map(toSummary),
      missingQuarters: quartersDue(project.start_date, project.end_date, todayOf(ctx)).filter(
        (q) => !have.has(`${q.year}-${q.quarter}`),
      ),
    };
  });
}

/** POST …/monitoring-reports: a new scheda (BOZZA) for a quarter within the project's dates. */
export async function createReport(ctx: Ctx, projectId: string, body: CreateReportBody): Promise<ReportOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.write');
    assertOwner(ctx.actor!, project);
    if (!quarterWithin(body, project.start_date, project.end_date))
      throw invalid(
        'body.quarter',
        `The quarter is outside the project's dates (${project.start_date} – ${project.end_date})`,
      );
    const id = randomUUID();
    // two requests at once: the unique (project, year, quarter) lets one in, the other answers 409
    const inserted = await insertReport(
      tx,
      { id, projectId, comuneIstat: project.comune_istat, ...body, content: monitoringContentSchema.parse({}) },
      ctx.actor!.userId,
      ctx.clock.now(),
    );
    if (!inserted)
      throw new AppError('projects.monitoring.duplicate', 'This quarter already has its scheda', {
        context: { year: body.year, quarter: body.quarter },
      });
    await recordAudit(tx, ctx, {
      action: 'projects.monitoring.create',
      entityType: 'project_monitoring_report',
      entityId: id,
      tenantComune: project.comune_istat,
      details: { project: projectId, year: body.year, quarter: body.quarter },
    });
    return reportOut(tx, ctx, project, await loadReport(tx, projectId, id));
  });
}

/** GET …/monitoring-reports/{reportId}: the content, the computed sections and the comments. */
export async function getReport(ctx: Ctx, projectId: string, reportId: string): Promise<ReportOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.read');
    return reportOut(tx, ctx, project, await loadReport(tx, projectId, reportId));
  });
}

/** GET …/comments: every comment of every review round, open ones first within a field's order. */
export async function listComments(ctx: Ctx, projectId: string, reportId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadProject(tx, ctx, projectId, 'projects.monitoring.read');
    const r = await loadReport(tx, projectId, reportId);
    return { items: (await selectComments(tx, r.id)).map(toComment) };
  });
}

/** The activities and indicators the Comune writes about must be the project's. */
async function checkContent(tx: Queryable, project: ProjectRow, content: MonitoringContent, asOf: string) {
  const activityIds = new Set((await selectActivities(tx, project.id)).map((a) => a.id));
  content.activities.forEach((a, i) => {
    if (!activityIds.has(a.activityId))
      throw invalid(`body.content.activities.${i}.activityId`, 'Not an activity of this project');
  });
  const indicators = new Map((await selectIndicators(tx, project.id, asOf)).map((i) => [i.code, i]));
  const seen = new Set<string>();
  content.indicators.forEach((e, i) => {
    const def = indicators.get(e.indicatorCode);
    const path = `body.content.indicators.${i}.indicatorCode`;
    if (!def) throw invalid(path, 'Not an indicator of this project');
    if (computationOf(def)) throw invalid(path, 'The platform computes this indicator: it is not entered by hand');
    if (seen.has(e.indicatorCode)) throw invalid(path, 'The indicator is entered twice');
    seen.add(e.indicatorCode);
  });
}

/** PUT …/content: the Comune's staff save the scheda while it is a draft or returned. */
export async function putContent(ctx: Ctx, projectId: string, reportId: string, body: PutContentBody) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.write');
    assertOwner(ctx.actor!, project);
    const r = await loadReport(tx, projectId, reportId, true);
    assertEditable(r);
    assertVersion(r.row_version, body.rowVersion);
    await checkContent(tx, project, body.content, quarterRange(r).end);
    await updateContent(tx, r.id, body.content, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.monitoring.update',
      entityType: 'project_monitoring_report',
      entityId: r.id,
      tenantComune: project.comune_istat,
      details: { project: projectId, rowVersion: r.row_version + 1 },
    });
    return reportOut(tx, ctx, project, await loadReport(tx, projectId, reportId));
  });
}

function assertEditable(r: ReportRow): void {
  if (r.status === 'APPROVATA')
    throw new AppError('projects.monitoring.locked', 'An approved scheda is locked', { context: { status: r.status } });
  if (!editable(r.status))
    throw new AppError('projects.state', 'The scheda is under review', { context: { status: r.status } });
}

/**
 * POST …/submit: BOZZA or RESTITUITA → INVIATA. The computed sections are frozen into the content
 * as they are now, and the comments of the previous round are resolved.
 */
export async function submitReport(ctx: Ctx, projectId: string, reportId: string, rowVersion?: number) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.write');
    assertOwner(ctx.actor!, project);
    const r = await loadReport(tx, projectId, reportId, true);
    assertEditable(r);
    assertVersion(r.row_version, rowVersion);
    const { content } = splitContent(r.content);
    const now = ctx.clock.now();
    const computed = await computeSections(tx, ctx, project, r, content);
    await markSubmitted(tx, r.id, { ...content, computed }, ctx.actor!.userId, now);
    const resolved = await resolveComments(tx, r.id, now);
    await recordAudit(tx, ctx, {
      action: 'projects.monitoring.submit',
      entityType: 'project_monitoring_report',
      entityId: r.id,
      tenantComune: project.comune_istat,
      details: { project: projectId, from: r.status, resolvedComments: resolved },
    });
    return reportOut(tx, ctx, project, await loadReport(tx, projectId, reportId));
  });
}

/**
 * POST …/review: ANCI/Cittalia validates or returns a scheda INVIATA; MLPS approves or returns a
 * scheda VALIDATA_ANCI. A return carries at least one comment on a field (the schema checks it);
 * comments may accompany the other decisions too.
 */
export async function reviewReport(ctx: Ctx, projectId: string, reportId: string, body: ReviewBody) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.monitoring.review');
    const r = await loadReport(tx, projectId, reportId, true);
    assertVersion(r.row_version, body.rowVersion);
    const step = reviewStep(r.status, ctx.actor!.roles, body.decision);
    if (!step.ok && step.why === 'state') {
      if (r.status === 'APPROVATA')
        throw new AppError('projects.monitoring.locked', 'An approved scheda is locked', {
          context: { status: r.status },
        });
      throw new AppError('projects.state', 'The scheda is not waiting for a review', { context: { status: r.status } });
    }
    if (!step.ok)
      throw new AppError(
        'projects.monitoring.not_your_level',
        r.status === 'INVIATA'
          ? 'ANCI/Cittalia reviews this scheda first: validate or return'
          : 'MLPS reviews this scheda now: approve or return',
        { context: { status: r.status } },
      );
    const now = ctx.clock.now();
    for (const c of body.comments)
      await insertComment(
        tx,
        { id: randomUUID(), reportId: r.id, projectId, comuneIstat: project.comune_istat, level: step.level, ...c },
        ctx.actor!.userId,
        now,
      );
    await markReviewed(tx, r.id, step.to, now);
    await recordAudit(tx, ctx, {
      action:
        body.decision === 'return'
          ? 'projects.monitoring.return'
          : body.decision === 'validate'
            ? 'projects.monitoring.validate'
            : 'projects.monitoring.approve',
      entityType: 'project_monitoring_report',
      entityId: r.id,
      tenantComune: project.comune_istat,
      details: { project: projectId, level: step.level, from: r.status, to: step.to, comments: body.comments.length },
    });
    return reportOut(tx, ctx, project, await loadReport(tx, projectId, reportId));
  });
}
