/**
 * The measures of a PAI (orientation, training, Italian course, internship, housing support…):
 * planned, started, then completed, interrupted or cancelled (measureMachine). A measure added to
 * an approved PAI, or a planned cost raised on one, commits money at once: the budget guard runs.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { refreshCaseTasks } from '../shared/tasks.js';
import { assertCaseOpen, todayOf } from '../shared/access.js';
import { assertActualCostPlausible } from './budget.rules.js';
import { assertWithinBudget } from './budget.service.js';
import { toMeasure } from './pai.mapper.js';
import {
  existsOrganisation,
  insertMeasure,
  selectMeasure,
  updateMeasure as updateMeasureRow,
  type MeasurePatch,
} from './pai.repo.js';
import {
  assertMeasureTransition,
  assertPaiOpen,
  costRaised,
  fieldError,
  liveApproved,
  planMeasureDates,
  yearOf,
} from './pai.rules.js';
import type { CreateMeasureBody, Measure, UpdateMeasureBody } from './pai.schema.js';
import { loadPai } from './pai.service.js';

/** Adds a measure to a PAI that is not closed; on an approved PAI its planned cost must fit the budget. */
export async function addMeasure(ctx: Ctx, paiId: string, body: CreateMeasureBody): Promise<Measure> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(kase);
    assertPaiOpen(pai.status);
    if (body.providerOrgId && !(await existsOrganisation(tx, body.providerOrgId))) {
      throw fieldError('body.providerOrgId', 'No active organisation has this id.', 'not_found');
    }
    if (liveApproved.includes(pai.status)) {
      await assertWithinBudget(tx, pai.comune_istat, pai.id, {
        measureId: null,
        year: yearOf(body.startOn),
        cost: body.costPlanned,
      });
    }
    const id = await insertMeasure(tx, {
      paiId: pai.id,
      comune: pai.comune_istat,
      type: body.type,
      providerName: body.providerName,
      providerOrgId: body.providerOrgId ?? null,
      startOn: body.startOn,
      endOn: body.endOn ?? null,
      hoursPlanned: body.hoursPlanned,
      costPlanned: body.costPlanned,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.measure.create',
      entityType: 'pilot_measure',
      entityId: id,
      tenantComune: pai.comune_istat,
      details: { paiId: pai.id, type: body.type },
    });
    await refreshCaseTasks(tx, ctx, kase.id);
    return readMeasure(tx, id);
  });
}

/**
 * Records progress on a measure: its status along measureMachine (409 `pilot.invalid_transition`
 * otherwise; it starts only once the PAI is approved) with its actual start and end dates
 * (planMeasureDates), actual hours and cost (above 150% of plan only when confirmed: 409
 * `pilot.cost_above_plan`), outcome, end date, or a new planned cost, which on an approved PAI
 * must fit the budget when it grows.
 */
export async function updateMeasure(ctx: Ctx, measureId: string, body: UpdateMeasureBody): Promise<Measure> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const found = await selectMeasure(tx, measureId);
    if (!found) throw new AppError('pilot.measure.not_found');
    let loaded: Awaited<ReturnType<typeof loadPai>>;
    try {
      loaded = await loadPai(tx, ctx, found.pai_id, 'pilot.cases.write', { lock: true });
    } catch (err) {
      if (err instanceof AppError && err.code === 'pilot.pai.not_found') throw new AppError('pilot.measure.not_found');
      throw err;
    }
    const { pai, kase } = loaded;
    const m = (await selectMeasure(tx, measureId, { lock: true }))!;
    assertCaseOpen(kase);
    assertPaiOpen(pai.status);

    const patch: MeasurePatch = {};
    const status = body.status ?? m.status;
    if (status !== m.status) {
      assertMeasureTransition(m.status, status, pai.status);
      patch.status = status;
    }
    if (body.endOn !== undefined) {
      if (body.endOn !== null && body.endOn < m.start_on)
        throw fieldError('body.endOn', `The end date precedes the start date ${m.start_on}.`);
      patch.end_on = body.endOn;
    }
    Object.assign(patch, planMeasureDates(m, status, body, { today: todayOf(ctx), approvedOn: pai.approved_on }));
    if (body.hoursActual !== undefined) patch.hours_actual = body.hoursActual;
    if (body.costActual !== undefined) {
      if (body.costActual !== null)
        assertActualCostPlausible(body.costActual, body.costPlanned ?? m.cost_planned, body.confirmAbovePlan === true);
      patch.cost_actual = body.costActual;
    }
    if (body.outcome !== undefined) patch.outcome = body.outcome;
    if (body.costPlanned !== undefined) {
      if (costRaised(body.costPlanned, m.cost_planned) && status !== 'annullata' && liveApproved.includes(pai.status)) {
        await assertWithinBudget(tx, pai.comune_istat, pai.id, {
          measureId: m.id,
          year: yearOf(m.start_on),
          cost: body.costPlanned,
        });
      }
      patch.cost_planned = body.costPlanned;
    }
    await updateMeasureRow(tx, m.id, patch, ctx.clock.now());
    const fields = Object.keys(patch).map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
    await recordAudit(tx, ctx, {
      action: 'pilot.measure.update',
      entityType: 'pilot_measure',
      entityId: m.id,
      tenantComune: pai.comune_istat,
      details: {
        paiId: pai.id,
        fields,
        ...(patch.status ? { from: m.status, to: patch.status } : {}),
        ...(body.confirmAbovePlan && patch.cost_actual !== undefined ? { confirmedAbovePlan: true } : {}),
      },
    });
    await refreshCaseTasks(tx, ctx, kase.id);
    return readMeasure(tx, m.id);
  });
}

async function readMeasure(tx: Queryable, id: string): Promise<Measure> {
  return toMeasure((await selectMeasure(tx, id))!);
}
