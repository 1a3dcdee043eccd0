/**
 * Projects (issue 12 item 2): the list a user reaches, the whole design of one project, creation
 * by the lead Comune's staff (with budget version 1 as a draft), changes, partners and the
 * lifecycle BOZZA → PRESENTATO → APPROVATO (by MLPS's decision on the budget) → IN_CORSO →
 * CONCLUSO. Every change is one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { loadProject } from '../shared/access.js';
import { callRulesSchema } from '../shared/call-rules.js';
import { checkCup } from '../shared/tax-ids.js';
import { assertStatus, canDesign, invalid, loadForDesign, rulesOfVersion } from './design.access.js';
import {
  countStructure,
  cupTaken,
  insertProject,
  insertVersion,
  replacePartners,
  selectActivities,
  selectCallOptions,
  selectCallVersion,
  selectCatalogue,
  selectLines,
  selectLogframe,
  selectOrganisations,
  selectPartners,
  selectProjectDetail,
  selectProjectIndicators,
  selectProjects,
  selectTargets,
  selectVersions,
  markSubmitted,
  updateProject,
  type ProjectListRow,
  type VersionRow,
} from './design.repo.js';
import { descriptionEditable, evaluateBudget, structureEditable } from './design.rules.js';
import type {
  BudgetVersionSummaryOut,
  CallOptionOut,
  CreateProjectBody,
  IndicatorDefOut,
  PatchProjectBody,
  ProjectDetailOut,
  ProjectListQuery,
  ProjectSummaryOut,
  PutPartnersBody,
} from './design.schema.js';
import type { Page } from '../../../platform/pagination.js';

function toSummary(r: ProjectListRow): ProjectSummaryOut {
  return {
    id: r.id,
    cup: r.cup,
    title: r.title,
    acronym: r.acronym,
    status: r.status as ProjectSummaryOut['status'],
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    regionName: r.region_name,
    callId: r.call_id,
    callTitle: r.call_title,
    callVersionId: r.call_version_id,
    startDate: r.start_date,
    endDate: r.end_date,
    budgetTotalCents: r.budget_total_cents,
  };
}

export function toVersionSummary(v: VersionRow): BudgetVersionSummaryOut {
  return {
    id: v.id,
    versionNo: v.version_no,
    status: v.status,
    kind: v.kind,
    reason: v.reason,
    totalCents: v.total_cents,
    createdAt: v.created_at.toISOString(),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    decidedAt: v.decided_at?.toISOString() ?? null,
    decisionNote: v.decision_note,
    rowVersion: v.row_version,
  };
}

/** The approved version with the highest number, and the one being edited or waiting for a decision. */
export function versionsInPlay(versions: readonly VersionRow[]): {
  inForce: VersionRow | null;
  open: VersionRow | null;
} {
  const approved = versions.filter((v) => v.status === 'APPROVATA');
  return {
    inForce: approved.length ? approved[approved.length - 1]! : null,
    open: versions.find((v) => v.status === 'BOZZA' || v.status === 'PROPOSTA') ?? null,
  };
}

/** The common indicators of the catalogue (every framework but the projects' own). */
export async function getIndicatorCatalogue(ctx: Ctx): Promise<{ items: IndicatorDefOut[] }> {
  assertCan(ctx.actor, 'projects.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await selectCatalogue(tx)).map((d) => ({
      code: d.code,
      framework: d.framework,
      kind: d.kind,
      labelIt: d.label_it,
      labelEn: d.label_en,
      unit: d.unit,
      disaggregations: d.disaggregations,
    })),
  }));
}

/** The calls a project can be designed under: the latest published version of each, by title. */
export async function listCallOptions(ctx: Ctx): Promise<{ items: CallOptionOut[] }> {
  assertCan(ctx.actor, 'projects.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await selectCallOptions(tx))
      .map((r) => {
        const rules = callRulesSchema.parse(r.rules);
        return {
          callId: r.call_id,
          callVersionId: r.call_version_id,
          versionNo: r.version_no,
          code: r.code,
          titleIt: r.title_it,
          fundingSource: r.funding_source,
          eligibilityFrom: rules.eligibility.from,
          eligibilityTo: rules.eligibility.to,
        };
      })
      .sort((a, b) => a.titleIt.localeCompare(b.titleIt, 'it')),
  }));
}

/** The projects the actor reaches (row-level security), newest first, with their budget in force. */
export async function listProjects(ctx: Ctx, q: ProjectListQuery): Promise<Page<ProjectSummaryOut>> {
  assertCan(ctx.actor, 'projects.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { rows, total } = await selectProjects(tx, q);
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  });
}

async function detailOf(tx: Queryable, ctx: Ctx, projectId: string): Promise<ProjectDetailOut> {
  const r = (await selectProjectDetail(tx, projectId))!;
  const [partners, logframe, activities, indicators, targets, versions] = [
    await selectPartners(tx, projectId),
    await selectLogframe(tx, projectId),
    await selectActivities(tx, projectId),
    await selectProjectIndicators(tx, projectId),
    await selectTargets(tx, projectId),
    await selectVersions(tx, projectId),
  ];
  const { inForce, open } = versionsInPlay(versions);
  return {
    ...toSummary(r),
    summary: r.summary,
    agreementRef: r.agreement_ref,
    leadOrgId: r.lead_org_id,
    leadOrgName: r.lead_org_name,
    callVersionNo: r.call_version_no,
    rules: callRulesSchema.parse(r.rules),
    partners: partners.map((p) => ({ organisationId: p.organisation_id, name: p.name, type: p.type, role: p.role })),
    logframe: logframe.map((i) => ({
      id: i.id,
      kind: i.kind,
      parentId: i.parent_id,
      code: i.code,
      text: i.text,
      position: i.position,
    })),
    activities: activities.map((a) => ({
      id: a.id,
      code: a.code,
      parentId: a.parent_id,
      resultId: a.result_id,
      title: a.title,
      plannedStart: a.planned_start,
      plannedEnd: a.planned_end,
      actualStart: a.actual_start,
      actualEnd: a.actual_end,
      progressPct: a.progress_pct,
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      framework: i.framework,
      kind: i.kind,
      labelIt: i.label_it,
      labelEn: i.label_en,
      unit: i.unit,
      resultId: i.result_id,
      baseline: i.baseline,
      disaggregations: i.chosen,
      availableDisaggregations: i.disaggregations,
      targets: targets
        .filter((t) => t.project_indicator_id === i.id)
        .map((t) => ({ periodEnd: t.period_end, value: t.value })),
    })),
    budgetVersions: versions.map(toVersionSummary),
    inForceVersionId: inForce?.id ?? null,
    openVersionId: open?.id ?? null,
    canEdit: canDesign(ctx, r),
    canDecide: can(ctx.actor, 'projects.budget.decide'),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    rowVersion: r.row_version,
  };
}

/** One project with its whole design: 404 outside the actor's reach. */
export async function getProject(ctx: Ctx, projectId: string): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadProject(tx, ctx, projectId);
    return detailOf(tx, ctx, projectId);
  });
}

async function normaliseCup(tx: Queryable, input: string | null, except: string | null): Promise<string | null> {
  if (input === null || input === '') return null;
  const c = checkCup(input);
  if (!c.valid) {
    throw new AppError(
      'projects.cup.invalid',
      'A CUP has 15 characters: a letter, two digits, a letter, 11 letters or digits.',
      {
        context: { reason: c.reason },
      },
    );
  }
  if (await cupTaken(tx, c.normalised, except)) {
    throw new AppError('projects.cup.duplicate', 'Another project already has this CUP.');
  }
  return c.normalised;
}

async function checkPartners(
  tx: Queryable,
  leadOrgId: string,
  partners: readonly { organisationId: string }[],
): Promise<void> {
  const ids = partners.map((p) => p.organisationId);
  if (new Set(ids).size !== ids.length) throw invalid('partners', 'An organisation is listed twice');
  if (ids.includes(leadOrgId)) throw invalid('partners', 'The lead beneficiary is not its own partner');
  const found = await selectOrganisations(tx, ids);
  if (found.length !== ids.length) throw invalid('partners', 'Unknown organisation');
}

/**
 * A new project of the actor's Comune (its staff only), on a published version of a call, in
 * BOZZA, with budget version 1 (INIZIALE) as an empty draft.
 */
export async function createProject(ctx: Ctx, body: CreateProjectBody): Promise<ProjectDetailOut> {
  assertCan(ctx.actor, 'projects.design.write');
  const actor = ctx.actor;
  if (actor.scope.level !== 'comune' || !actor.scope.comuneIstat) {
    throw new AppError('projects.project.not_owner', 'Only the staff of a Comune create its projects.');
  }
  const comuneIstat = actor.scope.comuneIstat;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const call = await selectCallVersion(tx, body.callVersionId);
    if (!call?.published) throw invalid('callVersionId', 'Not a published version of a call');
    const cup = await normaliseCup(tx, body.cup, null);
    await checkPartners(tx, actor.organisationId, body.partners);
    const id = randomUUID();
    const at = ctx.clock.now();
    await insertProject(tx, {
      id,
      cup,
      title: body.title,
      acronym: body.acronym,
      callVersionId: body.callVersionId,
      comuneIstat,
      leadOrgId: actor.organisationId,
      startDate: body.startDate,
      endDate: body.endDate,
      summary: body.summary,
      createdBy: actor.userId,
      at,
    });
    await replacePartners(tx, id, comuneIstat, body.partners);
    await insertVersion(tx, {
      id: randomUUID(),
      projectId: id,
      comuneIstat,
      versionNo: 1,
      kind: 'INIZIALE',
      reason: null,
      coFinancingCents: 0,
      createdBy: actor.userId,
      at,
    });
    await recordAudit(tx, ctx, {
      action: 'projects.project.create',
      entityType: 'project',
      entityId: id,
      tenantComune: comuneIstat,
      details: { callVersion: body.callVersionId, cup },
    });
    return detailOf(tx, ctx, id);
  });
}

/**
 * Changes the header (with the row version read). In BOZZA everything; while approved or running
 * only the description, the acronym, the agreement and the CUP (often assigned after approval);
 * nothing once presented (waiting for MLPS) or closed.
 */
export async function patchProject(ctx: Ctx, projectId: string, body: PatchProjectBody): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId, body.rowVersion);
    const { rowVersion: _rv, ...fields } = body;
    const structural = ['title', 'startDate', 'endDate'].some((k) => fields[k as keyof typeof fields] !== undefined);
    assertStatus(project, structural ? structureEditable : descriptionEditable, 'change the project');
    const startDate = fields.startDate ?? project.start_date;
    const endDate = fields.endDate ?? project.end_date;
    if (endDate < startDate) throw invalid('endDate', 'The end cannot precede the start');
    const changes: Record<string, unknown> = { ...fields };
    if (fields.cup !== undefined) changes.cup = await normaliseCup(tx, fields.cup, projectId);
    await updateProject(tx, projectId, changes, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.project.update',
      entityType: 'project',
      entityId: projectId,
      tenantComune: project.comune_istat,
      details: { fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) },
    });
    return detailOf(tx, ctx, projectId);
  });
}

/** Replaces the partners (organisations of the registry) of a draft project. */
export async function putPartners(ctx: Ctx, projectId: string, body: PutPartnersBody): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId);
    assertStatus(project, structureEditable, 'change the partners');
    await checkPartners(tx, project.lead_org_id, body.partners);
    const kept = new Set(body.partners.map((p) => p.organisationId));
    const { open } = versionsInPlay(await selectVersions(tx, projectId));
    if (open) {
      const orphan = (await selectLines(tx, open.id)).find((l) => l.partner_org_id && !kept.has(l.partner_org_id));
      if (orphan) {
        throw new AppError(
          'projects.partner.in_use',
          'The partner still has budget lines: move or remove them first.',
          {
            context: { organisationId: orphan.partner_org_id! },
          },
        );
      }
    }
    await replacePartners(tx, projectId, project.comune_istat, body.partners);
    await updateProject(tx, projectId, {}, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.partners.write',
      entityType: 'project',
      entityId: projectId,
      tenantComune: project.comune_istat,
      details: { partners: body.partners.length },
    });
    return detailOf(tx, ctx, projectId);
  });
}

/**
 * Presents a draft project to MLPS: it needs a general objective, at least one activity and budget
 * lines whose caps and co-financing hold (400 `projects.budget.caps` with the Italian messages);
 * budget version 1 becomes PROPOSTA and is frozen.
 */
export async function submitProject(ctx: Ctx, projectId: string, rowVersion?: number): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId, rowVersion);
    assertStatus(project, (s) => s === 'BOZZA', 'present the project');
    const structure = await countStructure(tx, projectId);
    const { open } = versionsInPlay(await selectVersions(tx, projectId));
    const lines = open ? await selectLines(tx, open.id) : [];
    const missing = [
      ...(structure.general === 0 ? ['general_objective'] : []),
      ...(structure.activities === 0 ? ['activities'] : []),
      ...(lines.length === 0 ? ['budget'] : []),
    ];
    if (missing.length > 0 || !open) {
      throw new AppError('projects.project.incomplete', `Missing before presenting: ${missing.join(', ')}.`, {
        context: { missing: missing.join(',') },
      });
    }
    const rules = await rulesOfVersion(tx, project.call_version_id);
    await assertChecksHold(rules, lines, open.co_financing_cents);
    const at = ctx.clock.now();
    await markSubmitted(tx, open.id, ctx.actor!.userId, at);
    await updateProject(tx, projectId, { status: 'PRESENTATO' }, at);
    await recordAudit(tx, ctx, {
      action: 'projects.project.submit',
      entityType: 'project',
      entityId: projectId,
      tenantComune: project.comune_istat,
      details: { budgetVersion: open.id },
    });
    return detailOf(tx, ctx, projectId);
  });
}

/** 400 `projects.budget.caps` with every failed check's Italian message, unless all hold. */
export async function assertChecksHold(
  rules: Parameters<typeof evaluateBudget>[0],
  lines: readonly { category_code: string; amount_cents: number }[],
  coFinancingCents: number,
): Promise<void> {
  const ev = evaluateBudget(
    rules,
    lines.map((l) => ({ categoryCode: l.category_code, amountCents: l.amount_cents })),
    coFinancingCents,
  );
  if (ev.ok) return;
  const failed = [
    ...ev.caps.filter((c) => !c.ok).map((c) => ({ check: c.capId, message: c.message })),
    ...(ev.coFinancing.ok ? [] : [{ check: 'co_financing', message: ev.coFinancing.message }]),
  ];
  throw new AppError('projects.budget.caps', failed.map((f) => f.message).join('; '), {
    context: { checks: failed },
  });
}

async function move(
  ctx: Ctx,
  projectId: string,
  from: string,
  to: string,
  action: 'projects.project.start' | 'projects.project.close',
  rowVersion?: number,
): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId, rowVersion);
    assertStatus(project, (s) => s === from, action === 'projects.project.start' ? 'start' : 'close');
    await updateProject(tx, projectId, { status: to }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action,
      entityType: 'project',
      entityId: projectId,
      tenantComune: project.comune_istat,
      details: { from, to },
    });
    return detailOf(tx, ctx, projectId);
  });
}

/** APPROVATO → IN_CORSO (the lead Comune starts the activities). */
export const startProject = (ctx: Ctx, projectId: string, rowVersion?: number) =>
  move(ctx, projectId, 'APPROVATO', 'IN_CORSO', 'projects.project.start', rowVersion);

/** IN_CORSO → CONCLUSO. */
export const closeProject = (ctx: Ctx, projectId: string, rowVersion?: number) =>
  move(ctx, projectId, 'IN_CORSO', 'CONCLUSO', 'projects.project.close', rowVersion);

export { detailOf };
