/**
 * A plan's actions and monitorings (issue 13 item 1). The plan's Comune's referente adds, changes
 * and removes actions — each tagged with an axis and a priority action of the Piano triennale, with
 * lead and partner organisations of the registry, budget, funding source, the MLPS-funded project
 * of the same Comune that carries it — and sets their indicators with targets per period, while the
 * plan is drafted or prepares an update (`actionsEditableIn`); once the plan is implemented, a
 * monitoring per period records the indicators' values and the actions' states
 * (`monitoringOpenIn`). The Region (its own Comuni), ANCI/Cittalia and MLPS read. Every change is
 * one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertVersion, loadPlan, loadPlanForChange, type PlanRow } from '../shared/access.js';
import {
  actionsEditableIn,
  axisOfPriorityAction,
  monitoringOpenIn,
  type PlanStatus,
  type PriorityAction,
} from '../shared/vocabulary.js';
import {
  actionMonitored,
  actionReferenced,
  deleteAction,
  deleteIndicators,
  insertAction,
  insertMonitoring,
  insertMonitoringActions,
  insertValue,
  replacePartners,
  replaceTargets,
  selectAction,
  selectActionIdByCode,
  selectActions,
  selectComuneName,
  selectIndicators,
  selectMonitoring,
  selectMonitoringActions,
  selectMonitorings,
  selectOrganisationIds,
  selectPartners,
  selectProjectComune,
  selectReportedIndicators,
  selectTargets,
  selectValues,
  touchAction,
  updateAction,
  updateActionStatus,
  upsertIndicator,
  type ActionRow,
  type ActionValues,
  type MonitoringRow,
} from './actions.repo.js';
import { periodWithin, progressOf, targetFor, totalsOf } from './actions.rules.js';
import type {
  ActionListOut,
  ActionOut,
  CreateActionBody,
  CreateMonitoringBody,
  MonitoringOut,
  MonitoringSummaryOut,
  PatchActionBody,
  PutIndicatorsBody,
} from './actions.schema.js';

const issue = (path: string, message: string) => ({ fieldIssues: [{ path: `body.${path}`, message, code: 'custom' }] });
const invalid = (path: string, message: string) => new AppError('request.invalid', message, issue(path, message));
const badReference = (path: string, message: string) => new AppError('plans.reference', message, issue(path, message));

/** Why the actor may not change the plan's actions or record a monitoring now, or null when they may. */
function blockOf(actor: Actor, plan: PlanRow, openIn: readonly PlanStatus[]): 'ROLE' | 'STATE' | null {
  if (!can(actor, 'plans.edit') || actor.scope.level !== 'comune' || actor.scope.comuneIstat !== plan.comune_istat)
    return 'ROLE';
  return openIn.includes(plan.status as PlanStatus) ? null : 'STATE';
}

function assertEditable(plan: PlanRow): void {
  if (!actionsEditableIn.includes(plan.status as PlanStatus)) {
    throw new AppError('plans.state', "The plan's actions change only while it is drafted or prepares an update.", {
      context: { status: plan.status },
    });
  }
}

async function planHead(tx: Queryable, plan: PlanRow) {
  return {
    id: plan.id,
    title: plan.title,
    comuneIstat: plan.comune_istat,
    comuneName: await selectComuneName(tx, plan.comune_istat),
    status: plan.status as PlanStatus,
    periodFrom: plan.period_from,
    periodTo: plan.period_to,
  };
}

/** Every action of the plan with its partners, indicators, targets and latest values. */
async function actionsOf(tx: Queryable, planId: string): Promise<ActionOut[]> {
  const [rows, partners, indicators, targets, values] = [
    await selectActions(tx, planId),
    await selectPartners(tx, planId),
    await selectIndicators(tx, planId),
    await selectTargets(tx, planId),
    await selectValues(tx, planId),
  ];
  return rows.map((a) => toAction(a, partners, indicators, targets, values));
}

function toAction(
  a: ActionRow,
  partners: Awaited<ReturnType<typeof selectPartners>>,
  indicators: Awaited<ReturnType<typeof selectIndicators>>,
  targets: Awaited<ReturnType<typeof selectTargets>>,
  values: Awaited<ReturnType<typeof selectValues>>,
): ActionOut {
  return {
    id: a.id,
    planId: a.plan_id,
    code: a.code,
    title: a.title,
    description: a.description,
    axis: a.axis,
    priorityAction: a.priority_action,
    lead: a.lead_org_id ? { id: a.lead_org_id, name: a.lead_name ?? '' } : null,
    partners: partners
      .filter((p) => p.action_id === a.id)
      .map((p) => ({ organisationId: p.organisation_id, name: p.name, role: p.role })),
    budgetCents: a.budget_cents,
    fundingSource: a.funding_source,
    project: a.project_id && a.project_title ? { id: a.project_id, title: a.project_title, cup: a.project_cup } : null,
    status: a.status,
    startDate: a.start_date,
    endDate: a.end_date,
    position: a.position,
    rowVersion: a.row_version,
    indicators: indicators
      .filter((i) => i.action_id === a.id)
      .map((i) => {
        const own = targets.filter((t) => t.indicator_id === i.id).map((t) => ({ period: t.period, target: t.target }));
        const reported = values
          .filter((v) => v.indicator_id === i.id)
          .map((v) => ({
            period: v.period,
            referenceDate: v.reference_date,
            value: v.value,
            monitoringId: v.monitoring_id,
          }));
        return {
          id: i.id,
          name: i.name,
          unit: i.unit,
          baseline: i.baseline,
          targets: own,
          latest: progressOf(own, reported),
        };
      }),
  };
}

async function oneAction(tx: Queryable, planId: string, actionId: string): Promise<ActionOut> {
  const found = (await actionsOf(tx, planId)).find((a) => a.id === actionId);
  if (!found) throw new AppError('plans.actions.not_found');
  return found;
}

async function loadAction(tx: Queryable, planId: string, actionId: string): Promise<ActionRow> {
  const row = await selectAction(tx, planId, actionId);
  if (!row) throw new AppError('plans.actions.not_found');
  return row;
}

/** The organisations and the project named must exist; the project must be of the plan's Comune. */
async function checkReferences(
  tx: Queryable,
  plan: PlanRow,
  v: {
    leadOrganisationId?: string | null;
    partners?: ReadonlyArray<{ organisationId: string }> | undefined;
    projectId?: string | null;
  },
): Promise<void> {
  const ids = [
    ...(v.leadOrganisationId ? [v.leadOrganisationId] : []),
    ...(v.partners ?? []).map((p) => p.organisationId),
  ];
  const known = await selectOrganisationIds(tx, ids);
  if (v.leadOrganisationId && !known.has(v.leadOrganisationId))
    throw badReference('leadOrganisationId', 'The lead organisation is not in the registry.');
  const unknown = (v.partners ?? []).findIndex((p) => !known.has(p.organisationId));
  if (unknown >= 0) throw badReference(`partners.${unknown}.organisationId`, 'The partner is not in the registry.');
  if (v.projectId) {
    const comune = await selectProjectComune(tx, v.projectId);
    if (comune !== plan.comune_istat) throw badReference('projectId', "The project is not one of the plan's Comune.");
  }
}

async function assertCodeFree(tx: Queryable, planId: string, code: string, self?: string): Promise<void> {
  const holder = await selectActionIdByCode(tx, planId, code);
  if (holder && holder !== self) {
    throw new AppError('plans.actions.duplicate_code', 'Another action of the plan has this code.', {
      context: { code },
    });
  }
}

const placeOf = (plan: PlanRow) => ({ planId: plan.id, comuneIstat: plan.comune_istat, regionCode: plan.region_code });

/** GET /plans/{planId}/actions: the actions, their totals by axis and priority action, and whether the actor may change them. */
export async function listActions(ctx: Ctx, planId: string): Promise<ActionListOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlan(tx, ctx, planId);
    const items = await actionsOf(tx, planId);
    const block = blockOf(ctx.actor!, plan, actionsEditableIn);
    return {
      plan: await planHead(tx, plan),
      items,
      totals: totalsOf(
        items.map((a) => ({
          axis: a.axis,
          priorityAction: a.priorityAction as PriorityAction,
          budgetCents: a.budgetCents,
        })),
      ),
      canEdit: block === null,
      editBlockedBy: block,
    };
  });
}

/** POST /plans/{planId}/actions: a new action (its partners with it). */
export async function createAction(ctx: Ctx, planId: string, body: CreateActionBody): Promise<ActionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    assertEditable(plan);
    await checkReferences(tx, plan, body);
    await assertCodeFree(tx, planId, body.code);
    const id = randomUUID();
    const values: ActionValues = {
      ...body,
      axis: body.axis ?? axisOfPriorityAction[body.priorityAction as PriorityAction],
    };
    await insertAction(tx, { ...values, id, ...placeOf(plan) }, ctx.clock.now());
    await replacePartners(tx, { id, ...placeOf(plan) }, body.partners);
    await recordAudit(tx, ctx, {
      action: 'plans.action.create',
      entityType: 'plm_action',
      entityId: id,
      tenantComune: plan.comune_istat,
      details: {
        plan: planId,
        code: body.code,
        axis: values.axis,
        priorityAction: body.priorityAction,
        partners: body.partners.length,
      },
    });
    return oneAction(tx, planId, id);
  });
}

/** PATCH /plans/{planId}/actions/{actionId}: the fields given change; `partners`, when given, replace the list. */
export async function patchAction(
  ctx: Ctx,
  planId: string,
  actionId: string,
  body: PatchActionBody,
): Promise<ActionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    const current = await loadAction(tx, planId, actionId);
    assertEditable(plan);
    assertVersion(current.row_version, body.rowVersion);
    const { rowVersion: _read, partners, ...fields } = body;
    void _read;
    const next: ActionValues = {
      code: fields.code ?? current.code,
      title: fields.title ?? current.title,
      description: fields.description !== undefined ? fields.description : current.description,
      priorityAction: fields.priorityAction ?? current.priority_action,
      // a new priority action without an axis takes its default axis
      axis:
        fields.axis ??
        (fields.priorityAction !== undefined
          ? axisOfPriorityAction[fields.priorityAction as PriorityAction]
          : current.axis),
      leadOrganisationId: fields.leadOrganisationId !== undefined ? fields.leadOrganisationId : current.lead_org_id,
      budgetCents: fields.budgetCents !== undefined ? fields.budgetCents : current.budget_cents,
      fundingSource: fields.fundingSource !== undefined ? fields.fundingSource : current.funding_source,
      projectId: fields.projectId !== undefined ? fields.projectId : current.project_id,
      status: fields.status ?? current.status,
      startDate: fields.startDate !== undefined ? fields.startDate : current.start_date,
      endDate: fields.endDate !== undefined ? fields.endDate : current.end_date,
    };
    if (next.startDate && next.endDate && next.endDate < next.startDate)
      throw invalid('endDate', 'The end cannot precede the start');
    await checkReferences(tx, plan, {
      ...(fields.leadOrganisationId ? { leadOrganisationId: fields.leadOrganisationId } : {}),
      partners,
      ...(fields.projectId ? { projectId: fields.projectId } : {}),
    });
    if (fields.code !== undefined) await assertCodeFree(tx, planId, fields.code, actionId);
    await updateAction(tx, actionId, next, ctx.clock.now());
    if (partners) await replacePartners(tx, { id: actionId, ...placeOf(plan) }, partners);
    await recordAudit(tx, ctx, {
      action: 'plans.action.update',
      entityType: 'plm_action',
      entityId: actionId,
      tenantComune: plan.comune_istat,
      details: {
        plan: planId,
        fields: [
          ...Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined),
          ...(partners ? ['partners'] : []),
        ],
      },
    });
    return oneAction(tx, planId, actionId);
  });
}

/** DELETE /plans/{planId}/actions/{actionId}: while the actions are editable, when nothing was reported on it nor points at it. */
export async function removeAction(ctx: Ctx, planId: string, actionId: string): Promise<ActionListOut> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    const current = await loadAction(tx, planId, actionId);
    assertEditable(plan);
    if ((await selectReportedIndicators(tx, actionId)).size > 0)
      throw new AppError('plans.actions.reported', 'Values were reported on its indicators: the action stays.');
    if (await actionMonitored(tx, actionId))
      throw new AppError('plans.actions.reported', 'A monitoring recorded its state: the action stays.');
    if (await actionReferenced(tx, actionId))
      throw new AppError('plans.actions.in_use', "A meeting's follow-up or a thread refers to the action.");
    await deleteAction(tx, actionId);
    await recordAudit(tx, ctx, {
      action: 'plans.action.delete',
      entityType: 'plm_action',
      entityId: actionId,
      tenantComune: plan.comune_istat,
      details: { plan: planId, code: current.code },
    });
  });
  return listActions(ctx, planId);
}

/**
 * PUT /plans/{planId}/actions/{actionId}/indicators: the action's whole list of indicators with
 * their targets. An indicator kept by its id keeps its reported values; one with values cannot go.
 */
export async function putIndicators(
  ctx: Ctx,
  planId: string,
  actionId: string,
  body: PutIndicatorsBody,
): Promise<ActionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    const current = await loadAction(tx, planId, actionId);
    assertEditable(plan);
    assertVersion(current.row_version, body.rowVersion);
    const existing = (await selectIndicators(tx, planId)).filter((i) => i.action_id === actionId);
    const existingIds = new Set(existing.map((i) => i.id));
    for (const [n, ind] of body.indicators.entries()) {
      if (ind.id && !existingIds.has(ind.id))
        throw badReference(`indicators.${n}.id`, 'The indicator is not one of this action.');
      const outside = ind.targets.findIndex((t) => !periodWithin(t.period, plan.period_from, plan.period_to));
      if (outside >= 0)
        throw invalid(
          `indicators.${n}.targets.${outside}.period`,
          `The period is outside the plan's years (${plan.period_from}–${plan.period_to}).`,
        );
    }
    const kept = new Set(body.indicators.map((i) => i.id).filter((id): id is string => !!id));
    if (kept.size !== body.indicators.filter((i) => i.id).length)
      throw invalid('indicators', 'An indicator is listed twice.');
    const dropped = existing.filter((i) => !kept.has(i.id)).map((i) => i.id);
    const reported = await selectReportedIndicators(tx, actionId);
    if (dropped.some((id) => reported.has(id)))
      throw new AppError('plans.actions.reported', 'Values were reported on an indicator removed: it stays.');
    await deleteIndicators(tx, dropped);
    for (const [position, ind] of body.indicators.entries()) {
      const id = ind.id ?? randomUUID();
      await upsertIndicator(
        tx,
        { id, actionId, ...placeOf(plan), name: ind.name, unit: ind.unit, baseline: ind.baseline, position },
        !ind.id,
      );
      await replaceTargets(tx, { id, ...placeOf(plan) }, ind.targets);
    }
    await touchAction(tx, actionId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.action.indicators',
      entityType: 'plm_action',
      entityId: actionId,
      tenantComune: plan.comune_istat,
      details: { plan: planId, indicators: body.indicators.length, removed: dropped.length },
    });
    return oneAction(tx, planId, actionId);
  });
}

const toSummary = (m: MonitoringRow): MonitoringSummaryOut => ({
  id: m.id,
  planId: m.plan_id,
  period: m.period,
  referenceDate: m.reference_date,
  note: m.note,
  createdBy: m.created_by_name,
  createdAt: m.created_at.toISOString(),
  values: m.values_count,
});

/** GET /plans/{planId}/monitorings: newest first, and whether the actor may record one now. */
export async function listMonitorings(ctx: Ctx, planId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlan(tx, ctx, planId);
    const block = blockOf(ctx.actor!, plan, monitoringOpenIn);
    return {
      plan: await planHead(tx, plan),
      items: (await selectMonitorings(tx, planId)).map(toSummary),
      canRecord: block === null,
      recordBlockedBy: block,
    };
  });
}

async function monitoringOut(tx: Queryable, planId: string, m: MonitoringRow): Promise<MonitoringOut> {
  const actions = await selectActions(tx, planId);
  const indicators = await selectIndicators(tx, planId);
  const targets = await selectTargets(tx, planId);
  const values = await selectValues(tx, planId, m.id);
  const items = values.flatMap((v) => {
    const ind = indicators.find((i) => i.id === v.indicator_id);
    const action = actions.find((a) => a.id === ind?.action_id);
    if (!ind || !action) return [];
    const target = targetFor(
      targets.filter((t) => t.indicator_id === ind.id),
      m.period,
    );
    return [
      {
        indicatorId: ind.id,
        indicatorName: ind.name,
        unit: ind.unit,
        actionId: action.id,
        actionCode: action.code,
        actionTitle: action.title,
        value: v.value,
        note: v.note,
        target,
        percent: target === null || target === 0 ? null : Math.round((v.value / target) * 100),
        order: action.position * 1000 + ind.position,
      },
    ];
  });
  items.sort((a, b) => a.order - b.order);
  const states = await selectMonitoringActions(tx, m.id);
  return {
    ...toSummary(m),
    items: items.map(({ order: _o, ...rest }) => rest),
    actions: states.map((s) => ({
      actionId: s.action_id,
      actionCode: s.code,
      actionTitle: s.title,
      axis: s.axis,
      priorityAction: s.priority_action,
      status: s.status,
    })),
  };
}

/**
 * POST /plans/{planId}/monitorings: the values of the plan's indicators and the actions' states at
 * a date, one monitoring per period, while the plan is implemented; the actions take their new
 * states in the same transaction, and every action's state (changed or not) is kept with the
 * monitoring so that a later change of an action does not rewrite it.
 */
export async function createMonitoring(ctx: Ctx, planId: string, body: CreateMonitoringBody): Promise<MonitoringOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    if (!monitoringOpenIn.includes(plan.status as PlanStatus)) {
      throw new AppError('plans.state', 'A monitoring is recorded once the plan is being implemented.', {
        context: { status: plan.status },
      });
    }
    if (!periodWithin(body.period, plan.period_from, plan.period_to))
      throw invalid('period', `The period is outside the plan's years (${plan.period_from}–${plan.period_to}).`);
    const indicatorIds = new Set((await selectIndicators(tx, planId)).map((i) => i.id));
    const strangerValue = body.values.findIndex((v) => !indicatorIds.has(v.indicatorId));
    if (strangerValue >= 0)
      throw badReference(`values.${strangerValue}.indicatorId`, 'The indicator is not one of this plan.');
    const actions = await selectActions(tx, planId);
    const actionIds = new Set(actions.map((a) => a.id));
    const strangerAction = body.actionStatuses.findIndex((s) => !actionIds.has(s.actionId));
    if (strangerAction >= 0)
      throw badReference(`actionStatuses.${strangerAction}.actionId`, 'The action is not one of this plan.');
    const id = randomUUID();
    const at = ctx.clock.now();
    const inserted = await insertMonitoring(
      tx,
      { id, ...placeOf(plan), period: body.period, referenceDate: body.referenceDate, note: body.note },
      ctx.actor!.userId,
      at,
    );
    if (!inserted)
      throw new AppError('plans.monitoring.duplicate', 'This period already has its monitoring.', {
        context: { period: body.period },
      });
    for (const v of body.values)
      await insertValue(tx, {
        ...placeOf(plan),
        indicatorId: v.indicatorId,
        monitoringId: id,
        value: v.value,
        note: v.note,
      });
    const changed: string[] = [];
    for (const s of body.actionStatuses) {
      const before = actions.find((a) => a.id === s.actionId)!;
      if (before.status === s.status) continue;
      await updateActionStatus(tx, s.actionId, s.status, at);
      changed.push(`${before.code}: ${before.status} → ${s.status}`);
    }
    // every action's state as it stands now, the changes above included, kept with the monitoring
    await insertMonitoringActions(tx, planId, id);
    await recordAudit(tx, ctx, {
      action: 'plans.monitoring.create',
      entityType: 'plm_monitoring',
      entityId: id,
      tenantComune: plan.comune_istat,
      details: { plan: planId, period: body.period, values: body.values.length, statuses: changed },
    });
    return monitoringOut(tx, planId, (await selectMonitoring(tx, planId, id))!);
  });
}

/** GET /plans/{planId}/monitorings/{monitoringId}: the values reported against their targets and the actions' states at it. */
export async function getMonitoring(ctx: Ctx, planId: string, monitoringId: string): Promise<MonitoringOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadPlan(tx, ctx, planId);
    const m = await selectMonitoring(tx, planId, monitoringId);
    if (!m) throw new AppError('plans.monitoring.not_found');
    return monitoringOut(tx, planId, m);
  });
}
