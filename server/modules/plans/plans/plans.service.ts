/**
 * A Comune's plan (PLM; issue 13 item 1; domain.md §7.3). The Comune's referente creates it (AVVIO)
 * and takes it through its states, each step recorded with who and when; adoption needs the act
 * (Giunta or Consiglio, number, date not in the future) and at least one action, and freezes
 * version 1; the step to MONITORATO needs a monitoring; an update (AGGIORNATO) freezes the next
 * version. The Region reads its Comuni's plans, ANCI/Cittalia and MLPS all (row-level security).
 * Every change is one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan, can } from '../../../platform/policy.js';
import { controlPersons } from '../../../platform/disclosure.js';
import { recordAudit } from '../../audit/index.js';
import { COUNTED_STATUSES, ownAnswer, questionsOfWave, SETTLEMENT_FIELDS, settlementOut } from '../../surveys/index.js';
import { assertVersion, loadPlan, loadPlanForChange, todayOf } from '../shared/access.js';
import {
  readPlmDocument,
  removePlmDocument,
  selectPlmDocument,
  selectPlmDocumentsOf,
  storePlmDocument,
  toDocumentOut,
  type PlmDocumentFile,
} from '../shared/documents.js';
import { regionOfComune } from '../shared/plan.repo.js';
import type { PlanStatus } from '../shared/vocabulary.js';
import {
  buildSnapshot,
  countOf,
  insertEvent,
  insertPlan,
  insertVersion,
  planOfComuneExists,
  selectAdoption,
  selectEvents,
  selectLatestCountedResponse,
  selectPlanDetail,
  selectPlans,
  selectVersion,
  selectVersions,
  updatePlan,
  type PlanListRow,
  type VersionRow,
} from './plans.repo.js';
import { adoptionEditableIn, allowedSteps, checkStep, diffSnapshots, normaliseSnapshot } from './plans.rules.js';
import type {
  AdoptionBody,
  CreatePlanBody,
  ListPlansQuery,
  PatchPlanBody,
  PlanContext,
  PlanDetail,
  PlanSummary,
  PutContextBody,
  TransitionBody,
  UploadAdoptionDocumentBody,
} from './plans.schema.js';

const summaryOf = (r: Omit<PlanListRow, 'total'>): PlanSummary => ({
  id: r.id,
  comuneIstat: r.comune_istat,
  comuneName: r.comune_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  title: r.title,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  status: r.status as PlanStatus,
  actions: r.actions,
  adoptionDate: r.adoption_date,
  versionNo: r.version_no,
  updatedAt: r.updated_at.toISOString(),
});

/** Whether the actor writes this plan: the referente of its Comune. */
const editorOf = (actor: Actor, comune: string) =>
  can(actor, 'plans.edit') && actor.scope.level === 'comune' && actor.scope.comuneIstat === comune;

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

async function detailOf(tx: Queryable, ctx: Ctx, planId: string): Promise<PlanDetail> {
  const r = (await selectPlanDetail(tx, planId))!;
  const canEdit = editorOf(ctx.actor!, r.comune_istat);
  const documents = (await selectPlmDocumentsOf(tx, { planId })).map(toDocumentOut);
  return {
    ...summaryOf(r),
    summary: r.summary,
    adoption: {
      organ: r.adoption_organ as PlanDetail['adoption']['organ'],
      number: r.adoption_number,
      date: r.adoption_date,
      document: documents.find((d) => d.id === r.adoption_document_id) ?? null,
    },
    monitorings: r.monitorings,
    events: (await selectEvents(tx, planId)).map((e) => ({
      from: e.from_status as PlanStatus | null,
      to: e.to_status as PlanStatus,
      note: e.note,
      by: e.by_name,
      at: e.at.toISOString(),
    })),
    allowedSteps: canEdit ? allowedSteps(r.status as PlanStatus) : [],
    canEdit,
    rowVersion: r.row_version,
    documents,
    createdAt: r.created_at.toISOString(),
  };
}

/** GET /plans: the plans in the actor's reach (row-level security), filtered. */
export async function listPlans(ctx: Ctx, q: ListPlansQuery): Promise<Page<PlanSummary>> {
  assertCan(ctx.actor, 'plans.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const rows = await selectPlans(tx, q, q.pageSize, offsetOf(q));
    return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

/** POST /plans: the referente starts their Comune's plan (AVVIO, its first event). */
export async function createPlan(ctx: Ctx, body: CreatePlanBody): Promise<PlanDetail> {
  assertCan(ctx.actor, 'plans.edit');
  const actor = ctx.actor;
  if (actor.scope.level !== 'comune' || !actor.scope.comuneIstat)
    throw new AppError('plans.plan.not_owner', 'Only the staff of a Comune start its plan.');
  const comune = actor.scope.comuneIstat;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (await planOfComuneExists(tx, comune))
      throw new AppError('plans.plans.exists', 'The Comune has a plan already: a new period is an update of it.');
    const region = (await regionOfComune(tx, comune))!;
    const id = randomUUID();
    const now = ctx.clock.now();
    await insertPlan(tx, { id, comune, region, ...body, by: actor.userId, now });
    await insertEvent(tx, {
      id: randomUUID(),
      planId: id,
      comune,
      region,
      from: null,
      to: 'AVVIO',
      note: null,
      by: actor.userId,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'plans.plan.create',
      entityType: 'plm_plan',
      entityId: id,
      tenantComune: comune,
      details: { title: body.title, periodFrom: body.periodFrom, periodTo: body.periodTo },
    });
    return detailOf(tx, ctx, id);
  });
}

/** GET /plans/{planId}. */
export async function getPlan(ctx: Ctx, planId: string): Promise<PlanDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadPlan(tx, ctx, planId);
    return detailOf(tx, ctx, planId);
  });
}

/** PATCH /plans/{planId}: title, period, summary. */
export async function patchPlan(ctx: Ctx, planId: string, body: PatchPlanBody): Promise<PlanDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    assertVersion(plan.row_version, body.rowVersion);
    const from = body.periodFrom ?? plan.period_from;
    const to = body.periodTo ?? plan.period_to;
    if (to < from) throw invalid('body.periodTo', 'The last year comes after the first');
    if (to > from + 10) throw invalid('body.periodTo', 'A plan covers at most ten years');
    const set: Record<string, unknown> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.periodFrom !== undefined) set.period_from = body.periodFrom;
    if (body.periodTo !== undefined) set.period_to = body.periodTo;
    if (body.summary !== undefined) set.summary = body.summary;
    await updatePlan(tx, planId, set, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.plan.update',
      entityType: 'plm_plan',
      entityId: planId,
      tenantComune: plan.comune_istat,
      details: { fields: Object.keys(set) },
    });
    return detailOf(tx, ctx, planId);
  });
}

/** POST /plans/{planId}/transitions: one step of the state machine, with its conditions. */
export async function transitionPlan(ctx: Ctx, planId: string, body: TransitionBody): Promise<PlanDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    assertVersion(plan.row_version, body.rowVersion);
    const from = plan.status as PlanStatus;
    const adoption = await selectAdoption(tx, planId);
    const { refusal, freezes } = checkStep(from, body.to, {
      adoption,
      actions: await countOf(tx, 'plm_actions', planId),
      monitorings: await countOf(tx, 'plm_monitorings', planId),
      today: todayOf(ctx),
    });
    if (refusal?.code === 'plans.state')
      throw new AppError('plans.state', `The plan cannot go from ${from} to ${body.to}.`, {
        context: { status: from, allowed: refusal.allowed.map((status) => ({ status })) },
      });
    if (refusal?.code === 'plans.plans.adoption_missing')
      throw new AppError(
        'plans.plans.adoption_missing',
        'Record the adoption act first: Giunta or Consiglio, number and a date not in the future.',
      );
    if (refusal?.code === 'plans.plans.no_actions')
      throw new AppError('plans.plans.no_actions', 'A plan is adopted with at least one action.');
    if (refusal?.code === 'plans.plans.no_monitoring')
      throw new AppError('plans.plans.no_monitoring', 'Record a monitoring of the plan first.');
    const now = ctx.clock.now();
    const set: Record<string, unknown> = { status: body.to };
    let versionNo: number | null = null;
    if (freezes) {
      versionNo = plan.version_no + 1;
      set.version_no = versionNo;
      await insertVersion(tx, {
        id: randomUUID(),
        planId,
        comune: plan.comune_istat,
        region: plan.region_code,
        no: versionNo,
        reason: freezes,
        note: body.note,
        snapshot: await buildSnapshot(tx, planId),
        by: ctx.actor!.userId,
        at: now,
      });
    }
    await updatePlan(tx, planId, set, now);
    await insertEvent(tx, {
      id: randomUUID(),
      planId,
      comune: plan.comune_istat,
      region: plan.region_code,
      from,
      to: body.to,
      note: body.note,
      by: ctx.actor!.userId,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'plans.plan.transition',
      entityType: 'plm_plan',
      entityId: planId,
      tenantComune: plan.comune_istat,
      details: { from, to: body.to, ...(versionNo ? { versionNo } : {}) },
    });
    return detailOf(tx, ctx, planId);
  });
}

/** PUT /plans/{planId}/adoption: the act (organ, number, date not in the future), until adopted. */
export async function putAdoption(ctx: Ctx, planId: string, body: AdoptionBody): Promise<PlanDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    assertVersion(plan.row_version, body.rowVersion);
    if (!adoptionEditableIn.includes(plan.status as PlanStatus))
      throw new AppError('plans.state', 'The adoption act of an adopted plan is part of its version 1.', {
        context: { status: plan.status, allowed: adoptionEditableIn.map((status) => ({ status })) },
      });
    if (body.date > todayOf(ctx)) throw invalid('body.date', 'The date of the resolution is not in the future');
    await updatePlan(
      tx,
      planId,
      { adoption_organ: body.organ, adoption_number: body.number, adoption_date: body.date },
      ctx.clock.now(),
    );
    await recordAudit(tx, ctx, {
      action: 'plans.plan.adoption',
      entityType: 'plm_plan',
      entityId: planId,
      tenantComune: plan.comune_istat,
      details: { organ: body.organ, number: body.number, date: body.date },
    });
    return detailOf(tx, ctx, planId);
  });
}

/** POST /plans/{planId}/adoption/document: the resolution (PDF by content); replaces the one before. */
export async function uploadAdoptionDocument(
  ctx: Ctx,
  planId: string,
  body: UploadAdoptionDocumentBody,
): Promise<PlanDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    const previous = (await selectAdoption(tx, planId)).document_id;
    const doc = await storePlmDocument(tx, ctx, {
      owner: { planId },
      kind: 'DELIBERA',
      comune: plan.comune_istat,
      region: plan.region_code,
      fileName: body.filename,
      contentBase64: body.content,
    });
    if (doc.media_type !== 'application/pdf')
      throw new AppError('plans.document.refused', 'The resolution is a PDF file.');
    await updatePlan(tx, planId, { adoption_document_id: doc.id }, ctx.clock.now());
    if (previous) {
      const old = await selectPlmDocument(tx, previous);
      if (old) await removePlmDocument(tx, ctx, old);
    }
    await recordAudit(tx, ctx, {
      action: 'plans.plan.adoption_document',
      entityType: 'plm_plan',
      entityId: planId,
      tenantComune: plan.comune_istat,
      details: { document: doc.id, sha256: doc.sha256, replaced: previous },
    });
    return detailOf(tx, ctx, planId);
  });
}

/** GET /plans/{planId}/adoption/document: the resolution's bytes (the read is audited). */
export async function downloadAdoptionDocument(ctx: Ctx, planId: string): Promise<PlmDocumentFile> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadPlan(tx, ctx, planId);
    const id = (await selectAdoption(tx, planId)).document_id;
    if (!id) throw new AppError('plans.document.not_found');
    return readPlmDocument(tx, ctx, { planId }, id);
  });
}

/** GET /plans/{planId}/context: the text, the Comune's own survey answers and its settlements. */
export async function getContext(ctx: Ctx, planId: string): Promise<PlanContext> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlan(tx, ctx, planId);
    const detail = (await selectPlanDetail(tx, planId))!;
    const actor = ctx.actor!;
    // exact figures for the Comune itself and ANCI/Cittalia; the results' disclosure rule for the others
    const full =
      (actor.scope.level === 'comune' && actor.scope.comuneIstat === plan.comune_istat) ||
      can(actor, 'surveys.results.full');
    const source = (r: { wave_id: string; wave_title: string; status: string; submitted_at: Date | null }) => ({
      waveId: r.wave_id,
      waveTitle: r.wave_title,
      status: r.status,
      submittedAt: r.submitted_at?.toISOString() ?? null,
    });
    let survey: PlanContext['survey'] = null;
    const response = await selectLatestCountedResponse(tx, plan.comune_istat, COUNTED_STATUSES);
    if (response) {
      const answers: NonNullable<PlanContext['survey']>['answers'] = [];
      for (const q of await questionsOfWave(tx, response.wave_id)) {
        if (q.repeats.length || !['choice', 'multiple', 'number', 'range'].includes(q.kind)) continue;
        const a = ownAnswer(q, response.answers[q.name]);
        if (!a || (a.choices === null && a.number === null && a.range === null)) continue;
        const persons = (n: number | null) => (n === null || full || !q.persons ? n : controlPersons(Math.round(n)));
        answers.push({
          name: q.name,
          kind: q.kind as 'choice' | 'multiple' | 'number' | 'range',
          label: q.label,
          section: q.section?.label ?? null,
          choices: a.choices,
          number: a.number,
          range: a.range ? { min: persons(a.range.min), max: persons(a.range.max), quality: a.range.quality } : null,
        });
      }
      survey = { ...source(response), answers };
    }
    let settlements: PlanContext['settlements'] = null;
    const withSettlements = await selectLatestCountedResponse(
      tx,
      plan.comune_istat,
      COUNTED_STATUSES,
      SETTLEMENT_FIELDS.repeat,
    );
    if (withSettlements) {
      const entries = withSettlements.answers[SETTLEMENT_FIELDS.repeat] as Record<string, unknown>[];
      settlements = {
        ...source(withSettlements),
        items: entries.map((v, i) => ({ entry: i + 1, ...settlementOut(v ?? {}, full) })),
      };
    }
    return {
      planId,
      comuneIstat: plan.comune_istat,
      comuneName: detail.comune_name,
      text: detail.context_text,
      canEdit: editorOf(actor, plan.comune_istat),
      rowVersion: detail.row_version,
      survey,
      settlements,
    };
  });
}

/** PUT /plans/{planId}/context: the text of the context analysis. */
export async function putContext(ctx: Ctx, planId: string, body: PutContextBody): Promise<PlanContext> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlanForChange(tx, ctx, planId, 'plans.edit');
    assertVersion(plan.row_version, body.rowVersion);
    const text = body.text.trim() === '' ? null : body.text;
    await updatePlan(tx, planId, { context_text: text }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'plans.plan.context',
      entityType: 'plm_plan',
      entityId: planId,
      tenantComune: plan.comune_istat,
      details: { length: text?.length ?? 0 },
    });
  });
  return getContext(ctx, planId);
}

const versionOut = (v: VersionRow) => ({
  no: v.no,
  reason: v.reason,
  note: v.note,
  createdBy: v.created_by,
  createdAt: v.created_at.toISOString(),
  actions: v.actions,
});

/** GET /plans/{planId}/versions: newest first. */
export async function listVersions(ctx: Ctx, planId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const plan = await loadPlan(tx, ctx, planId);
    return { items: (await selectVersions(tx, planId)).map(versionOut), currentVersionNo: plan.version_no };
  });
}

async function loadVersion(tx: Queryable, planId: string, no: number) {
  const v = await selectVersion(tx, planId, no);
  if (!v) throw new AppError('plans.plans.version_not_found', `The plan has no version ${no}.`);
  return v;
}

/** GET /plans/{planId}/versions/{no}: the version with its snapshot. */
export async function getVersion(ctx: Ctx, planId: string, no: number) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadPlan(tx, ctx, planId);
    const v = await loadVersion(tx, planId, no);
    return { ...versionOut(v), snapshot: normaliseSnapshot(v.snapshot) };
  });
}

/**
 * GET /plans/{planId}/versions/{no}/changes?against=: what changed between version `no` and the
 * other side (a version or the plan as it is now; by default the version before, or now for 1),
 * always from the older to the newer.
 */
export async function versionChanges(ctx: Ctx, planId: string, no: number, against?: number | 'current') {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadPlan(tx, ctx, planId);
    const v = await loadVersion(tx, planId, no);
    const other = against ?? (no > 1 ? no - 1 : 'current');
    const otherSnapshot =
      other === 'current' ? await buildSnapshot(tx, planId) : (await loadVersion(tx, planId, other)).snapshot;
    const olderFirst = other === 'current' || other > no;
    const side = (n: number | 'current') =>
      n === 'current' ? { no: null, label: 'current' } : { no: n, label: `v${n}` };
    const changes = olderFirst ? diffSnapshots(v.snapshot, otherSnapshot) : diffSnapshots(otherSnapshot, v.snapshot);
    return { from: side(olderFirst ? no : other), to: side(olderFirst ? other : no), ...changes };
  });
}
