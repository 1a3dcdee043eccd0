/**
 * The logical framework of a project (general objective, specific objectives, expected results),
 * its activities (WBS with planned and actual dates and progress: the Gantt chart) and its
 * indicators (from the catalogue or its own) with baseline, targets per period and
 * disaggregations. The structure changes in a draft; progress and actual dates while it runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import type { ProjectRow } from '../shared/access.js';
import { assertStatus, invalid, loadForDesign } from './design.access.js';
import {
  activityUses,
  deleteActivity,
  deleteLogframe,
  deleteProjectIndicator,
  insertCustomDef,
  insertLogframe,
  logframeUses,
  projectHasIndicator,
  saveProjectIndicator,
  selectActivities,
  selectActivity,
  selectDef,
  selectLogframe,
  selectProjectIndicator,
  updateLogframe,
  updateProject,
  upsertActivity,
  type ActivityRow,
} from './design.repo.js';
import { progressEditable, structureEditable } from './design.rules.js';
import type {
  CreateActivityBody,
  CreateIndicatorBody,
  CreateLogframeBody,
  PatchActivityBody,
  PatchLogframeBody,
  ProjectDetailOut,
  PutIndicatorBody,
} from './design.schema.js';
import { detailOf } from './projects.service.js';

type Action = 'projects.logframe.write' | 'projects.activity.write' | 'projects.indicator.write';

/** One change of the design: the project locked for its owner, the change, the audit row, the new detail. */
async function designChange(
  ctx: Ctx,
  projectId: string,
  action: Action,
  change: (tx: Queryable, project: ProjectRow) => Promise<Record<string, string | number | null>>,
): Promise<ProjectDetailOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId);
    const details = await change(tx, project);
    await updateProject(tx, projectId, {}, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action,
      entityType: 'project',
      entityId: projectId,
      tenantComune: project.comune_istat,
      details,
    });
    return detailOf(tx, ctx, projectId);
  });
}

const parentKind = {
  OBIETTIVO_GENERALE: null,
  OBIETTIVO_SPECIFICO: 'OBIETTIVO_GENERALE',
  RISULTATO: 'OBIETTIVO_SPECIFICO',
} as const;

export function createLogframeItem(ctx: Ctx, projectId: string, body: CreateLogframeBody): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.logframe.write', async (tx, project) => {
    assertStatus(project, structureEditable, 'change the logical framework');
    const items = await selectLogframe(tx, projectId);
    const wanted = parentKind[body.kind];
    if (wanted === null) {
      if (body.parentId !== null) throw invalid('parentId', 'The general objective has no parent');
      if (items.some((i) => i.kind === 'OBIETTIVO_GENERALE'))
        throw invalid('kind', 'The project has one general objective');
    } else {
      const parent = items.find((i) => i.id === body.parentId);
      if (!parent || parent.kind !== wanted) throw invalid('parentId', `The parent must be an item of kind ${wanted}`);
    }
    if (items.some((i) => i.code === body.code)) throw invalid('code', 'Code already used in this project');
    const id = randomUUID();
    await insertLogframe(tx, { id, projectId, comuneIstat: project.comune_istat, ...body });
    return { op: 'create', item: id };
  });
}

export function patchLogframeItem(
  ctx: Ctx,
  projectId: string,
  itemId: string,
  body: PatchLogframeBody,
): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.logframe.write', async (tx, project) => {
    const items = await selectLogframe(tx, projectId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new AppError('projects.logframe.not_found');
    assertStatus(project, structureEditable, 'change the logical framework');
    if (body.code && items.some((i) => i.code === body.code && i.id !== itemId))
      throw invalid('code', 'Code already used in this project');
    await updateLogframe(tx, itemId, {
      code: body.code ?? item.code,
      text: body.text ?? item.text,
      position: body.position ?? item.position,
    });
    return { op: 'update', item: itemId };
  });
}

export function deleteLogframeItem(ctx: Ctx, projectId: string, itemId: string): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.logframe.write', async (tx, project) => {
    const item = (await selectLogframe(tx, projectId)).find((i) => i.id === itemId);
    if (!item) throw new AppError('projects.logframe.not_found');
    assertStatus(project, structureEditable, 'change the logical framework');
    if ((await logframeUses(tx, itemId)) > 0)
      throw new AppError('projects.item.in_use', 'Items, activities or indicators still refer to it.');
    await deleteLogframe(tx, itemId);
    return { op: 'delete', item: itemId };
  });
}

async function checkActivityLinks(
  tx: Queryable,
  projectId: string,
  a: ActivityRow,
  project: ProjectRow,
): Promise<void> {
  if (a.parent_id) {
    if (a.parent_id === a.id) throw invalid('parentId', 'An activity is not its own parent');
    const parent = (await selectActivities(tx, projectId)).find((x) => x.id === a.parent_id);
    if (!parent) throw invalid('parentId', 'Not an activity of this project');
  }
  if (a.result_id) {
    const r = (await selectLogframe(tx, projectId)).find((x) => x.id === a.result_id);
    if (r?.kind !== 'RISULTATO') throw invalid('resultId', 'Not an expected result of this project');
  }
  if (a.planned_start < project.start_date || a.planned_end > project.end_date)
    throw invalid(
      'plannedStart',
      `The activity falls outside the project (${project.start_date} – ${project.end_date})`,
    );
  if (a.planned_end < a.planned_start) throw invalid('plannedEnd', 'The end cannot precede the start');
  if (a.actual_start && a.actual_end && a.actual_end < a.actual_start)
    throw invalid('actualEnd', 'The end cannot precede the start');
}

export function createActivity(ctx: Ctx, projectId: string, body: CreateActivityBody): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.activity.write', async (tx, project) => {
    assertStatus(project, structureEditable, 'change the activities');
    const a: ActivityRow = {
      id: randomUUID(),
      code: body.code,
      parent_id: body.parentId,
      result_id: body.resultId,
      title: body.title,
      planned_start: body.plannedStart,
      planned_end: body.plannedEnd,
      actual_start: body.actualStart,
      actual_end: body.actualEnd,
      progress_pct: body.progressPct,
    };
    await checkActivityLinks(tx, projectId, a, project);
    if ((await selectActivities(tx, projectId)).some((x) => x.code === a.code))
      throw invalid('code', 'Code already used in this project');
    await upsertActivity(tx, projectId, project.comune_istat, a);
    return { op: 'create', activity: a.id };
  });
}

const progressFields = new Set(['actualStart', 'actualEnd', 'progressPct']);

/**
 * Changes an activity: anything in a draft; once approved or running only the progress and the
 * actual dates (409 `projects.state` for the rest).
 */
export function patchActivity(
  ctx: Ctx,
  projectId: string,
  activityId: string,
  body: PatchActivityBody,
): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.activity.write', async (tx, project) => {
    const old = await selectActivity(tx, projectId, activityId);
    if (!old) throw new AppError('projects.activity.not_found');
    const onlyProgress = Object.entries(body).every(([k, v]) => v === undefined || progressFields.has(k));
    assertStatus(project, onlyProgress ? progressEditable : structureEditable, 'change the activity');
    const a: ActivityRow = {
      id: old.id,
      code: body.code ?? old.code,
      parent_id: body.parentId !== undefined ? body.parentId : old.parent_id,
      result_id: body.resultId !== undefined ? body.resultId : old.result_id,
      title: body.title ?? old.title,
      planned_start: body.plannedStart ?? old.planned_start,
      planned_end: body.plannedEnd ?? old.planned_end,
      actual_start: body.actualStart !== undefined ? body.actualStart : old.actual_start,
      actual_end: body.actualEnd !== undefined ? body.actualEnd : old.actual_end,
      progress_pct: body.progressPct ?? old.progress_pct,
    };
    await checkActivityLinks(tx, projectId, a, project);
    if (a.code !== old.code && (await selectActivities(tx, projectId)).some((x) => x.code === a.code))
      throw invalid('code', 'Code already used in this project');
    await upsertActivity(tx, projectId, project.comune_istat, a);
    return { op: onlyProgress ? 'progress' : 'update', activity: activityId };
  });
}

export function removeActivity(ctx: Ctx, projectId: string, activityId: string): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.activity.write', async (tx, project) => {
    if (!(await selectActivity(tx, projectId, activityId))) throw new AppError('projects.activity.not_found');
    assertStatus(project, structureEditable, 'change the activities');
    if ((await activityUses(tx, activityId)) > 0)
      throw new AppError('projects.item.in_use', 'Sub-activities or expenses still refer to it.');
    await deleteActivity(tx, activityId);
    return { op: 'delete', activity: activityId };
  });
}

async function checkIndicatorValues(
  tx: Queryable,
  projectId: string,
  body: PutIndicatorBody,
  allowed: readonly string[],
): Promise<void> {
  if (body.resultId) {
    const r = (await selectLogframe(tx, projectId)).find((x) => x.id === body.resultId);
    if (r?.kind !== 'RISULTATO') throw invalid('resultId', 'Not an expected result of this project');
  }
  const bad = body.disaggregations.find((d) => !allowed.includes(d));
  if (bad) throw invalid('disaggregations', `The indicator cannot be broken down by ${bad}`);
  const periods = body.targets.map((t) => t.periodEnd);
  if (new Set(periods).size !== periods.length) throw invalid('targets', 'A period is listed twice');
}

/** Adds an indicator of the catalogue, or defines one of the project's own (framework CUSTOM). */
export function addIndicator(ctx: Ctx, projectId: string, body: CreateIndicatorBody): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.indicator.write', async (tx, project) => {
    assertStatus(project, structureEditable, 'change the indicators');
    let code: string;
    let allowed: string[];
    if (body.indicatorCode !== undefined) {
      const def = await selectDef(tx, body.indicatorCode);
      if (!def || (def.project_id !== null && def.project_id !== projectId))
        throw invalid('indicatorCode', 'Not an indicator of the catalogue');
      code = def.code;
      allowed = def.disaggregations;
      if (await projectHasIndicator(tx, projectId, code))
        throw invalid('indicatorCode', 'The project already reports on this indicator');
    } else {
      const custom = body.custom!;
      code = `C-${randomBytes(5).toString('hex').toUpperCase()}`;
      allowed = custom.disaggregations;
      await insertCustomDef(tx, { code, projectId, ...custom, at: ctx.clock.now() });
    }
    await checkIndicatorValues(tx, projectId, body, allowed);
    const id = randomUUID();
    await saveProjectIndicator(tx, { id, projectId, comuneIstat: project.comune_istat, code, ...body });
    return { op: 'create', indicator: code };
  });
}

/** Replaces an indicator's result, baseline, disaggregations and targets. */
export function putIndicator(
  ctx: Ctx,
  projectId: string,
  indicatorId: string,
  body: PutIndicatorBody,
): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.indicator.write', async (tx, project) => {
    const pi = await selectProjectIndicator(tx, projectId, indicatorId);
    if (!pi) throw new AppError('projects.indicator.not_found');
    assertStatus(project, structureEditable, 'change the indicators');
    const def = (await selectDef(tx, pi.indicator_code))!;
    await checkIndicatorValues(tx, projectId, body, def.disaggregations);
    await saveProjectIndicator(tx, {
      id: indicatorId,
      projectId,
      comuneIstat: project.comune_istat,
      code: pi.indicator_code,
      ...body,
    });
    return { op: 'update', indicator: pi.indicator_code };
  });
}

export function removeIndicator(ctx: Ctx, projectId: string, indicatorId: string): Promise<ProjectDetailOut> {
  return designChange(ctx, projectId, 'projects.indicator.write', async (tx, project) => {
    const pi = await selectProjectIndicator(tx, projectId, indicatorId);
    if (!pi) throw new AppError('projects.indicator.not_found');
    assertStatus(project, structureEditable, 'change the indicators');
    await deleteProjectIndicator(tx, indicatorId);
    return { op: 'delete', indicator: pi.indicator_code };
  });
}
