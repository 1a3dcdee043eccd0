/**
 * Waves of a survey (issue 10, point 4): drafted on a published questionnaire version with a
 * universe rule and dates, launched (the universe frozen into one row per Comune with its empty
 * response, in one set-based statement), extended, closed. Every change is audited. The invitations
 * are sent by the messages part's job, which picks up the open waves by itself.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import type { UniverseRule } from '../shared/universe.js';
import { assertAny, followers } from './access.js';
import {
  freezeUniverse,
  insertWave,
  markClosed,
  markLaunched,
  selectPopulationMonths,
  selectUniversePreview,
  selectVersionOf,
  selectWave,
  selectWavesOfSurvey,
  surveyExists,
  updateClosesOn,
  updateDraftWave,
  type WaveRow,
} from './waves.repo.js';
import type { CreateWaveBody, PatchWaveBody, UniversePreview, WaveListOut, WaveOut } from './waves.schema.js';

function toWave(r: WaveRow): WaveOut {
  return {
    id: r.id,
    surveyId: r.survey_id,
    surveyTitle: r.survey_title,
    formVersionId: r.form_version_id,
    versionNo: r.version_no,
    titleIt: r.title_it,
    titleEn: r.title_en,
    universeRule: r.universe_rule,
    referenceMonth: r.reference_month,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    reminderDays: r.reminder_days,
    status: r.status,
    universeCount: r.universe_count,
    launchedAt: r.launched_at?.toISOString() ?? null,
    launchedBy: r.launched_by_name,
    closedAt: r.closed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    rowVersion: r.row_version,
  };
}

const invalid = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path, message, code: 'custom' }] });

/** The universe a rule selects now: how many, by region, the first 20 by population. */
export async function previewUniverse(ctx: Ctx, rule: UniverseRule): Promise<UniversePreview> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { byRegion, sample } = await selectUniversePreview(tx, rule);
    return {
      count: byRegion.reduce((n, r) => n + r.count, 0),
      populationMonths: await selectPopulationMonths(tx),
      byRegion,
      sample: sample.map((s) => ({ istat: s.istat, name: s.name, provinceSigla: s.province_sigla })),
    };
  });
}

async function loadWave(tx: Queryable, waveId: string, forUpdate = false): Promise<WaveRow> {
  const w = await selectWave(tx, waveId, forUpdate);
  if (!w) throw new AppError('surveys.wave.not_found');
  return w;
}

async function checkVersion(tx: Queryable, surveyId: string, versionId: string): Promise<void> {
  const v = await selectVersionOf(tx, surveyId, versionId);
  if (!v) throw invalid('formVersionId', 'Not a version of this survey');
  if (!v.published) throw invalid('formVersionId', 'Only a published version can be used by a wave');
}

async function checkMonth(tx: Queryable, month: string | null): Promise<void> {
  if (month === null) return;
  const months = await selectPopulationMonths(tx);
  if (!months.includes(month))
    throw invalid('referenceMonth', `The registry holds the population of ${months.join(', ')} only`);
}

export async function createWave(ctx: Ctx, surveyId: string, body: CreateWaveBody): Promise<WaveOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await surveyExists(tx, surveyId))) throw new AppError('surveys.survey.not_found');
    await checkVersion(tx, surveyId, body.formVersionId);
    await checkMonth(tx, body.referenceMonth);
    const id = randomUUID();
    await insertWave(tx, { id, surveyId, ...body, createdBy: actor.userId, createdAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'surveys.wave.create',
      entityType: 'survey_wave',
      entityId: id,
      tenantComune: null,
      details: { survey: surveyId, version: body.formVersionId },
    });
    return toWave(await loadWave(tx, id));
  });
}

export async function listWaves(ctx: Ctx, surveyId: string): Promise<WaveListOut> {
  assertAny(ctx.actor, followers);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const [survey] = await tx.query<{ title_it: string }>('SELECT title_it FROM survey_surveys WHERE id = $1', [
      surveyId,
    ]);
    if (!survey) throw new AppError('surveys.survey.not_found');
    const versions = await tx.query<{ id: string; version_no: number; published_at: Date; question_count: number }>(
      `SELECT id, version_no, published_at, question_count FROM survey_form_versions
        WHERE survey_id = $1 AND published_at IS NOT NULL ORDER BY version_no DESC`,
      [surveyId],
    );
    return {
      surveyTitle: survey.title_it,
      items: (await selectWavesOfSurvey(tx, surveyId)).map(toWave),
      publishedVersions: versions.map((v) => ({
        id: v.id,
        versionNo: v.version_no,
        publishedAt: v.published_at.toISOString(),
        questionCount: v.question_count,
      })),
    };
  });
}

export async function getWave(ctx: Ctx, waveId: string): Promise<WaveOut> {
  assertAny(ctx.actor, followers);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => toWave(await loadWave(tx, waveId)));
}

/** Changes a draft (bozza) wave; the rowVersion read must still be the wave's. */
export async function patchWave(ctx: Ctx, waveId: string, body: PatchWaveBody): Promise<WaveOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const w = await loadWave(tx, waveId, true);
    if (w.status !== 'bozza') throw new AppError('surveys.wave.state', 'Only a draft wave can be changed');
    if (w.row_version !== body.rowVersion)
      throw new AppError('surveys.wave.stale', 'The wave changed meanwhile: reload it and try again');
    const next = {
      formVersionId: body.formVersionId ?? w.form_version_id,
      titleIt: body.titleIt ?? w.title_it,
      titleEn: body.titleEn !== undefined ? body.titleEn : w.title_en,
      universeRule: body.universeRule ?? w.universe_rule,
      referenceMonth: body.referenceMonth !== undefined ? body.referenceMonth : w.reference_month,
      opensOn: body.opensOn ?? w.opens_on,
      closesOn: body.closesOn ?? w.closes_on,
      reminderDays: body.reminderDays ?? w.reminder_days,
    };
    if (next.closesOn < next.opensOn) throw invalid('closesOn', 'The closing date cannot precede the opening');
    if (body.formVersionId) await checkVersion(tx, w.survey_id, body.formVersionId);
    if (body.referenceMonth) await checkMonth(tx, body.referenceMonth);
    await updateDraftWave(tx, waveId, next);
    await recordAudit(tx, ctx, {
      action: 'surveys.wave.update',
      entityType: 'survey_wave',
      entityId: waveId,
      tenantComune: null,
      details: { fields: Object.keys(body).filter((k) => k !== 'rowVersion') },
    });
    return toWave(await loadWave(tx, waveId));
  });
}

/** Freezes the universe and opens the wave; the rule's Comuni as the registry has them now. */
export async function launchWave(ctx: Ctx, waveId: string): Promise<WaveOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const w = await loadWave(tx, waveId, true);
    if (w.status !== 'bozza') throw new AppError('surveys.wave.state', 'The wave was already launched');
    const now = ctx.clock.now();
    const count = await freezeUniverse(tx, waveId, w.universe_rule, now);
    if (count === 0) throw new AppError('surveys.wave.universe_empty', 'The universe rule selects no Comune');
    const rule = w.universe_rule;
    const month = (rule.kind === 'filter' ? rule.referenceMonth : undefined) ?? (await selectPopulationMonths(tx))[0];
    await markLaunched(tx, waveId, { count, month: month ?? null, by: actor.userId, at: now });
    await recordAudit(tx, ctx, {
      action: 'surveys.wave.launch',
      entityType: 'survey_wave',
      entityId: waveId,
      tenantComune: null,
      details: { comuni: count },
    });
    return toWave(await loadWave(tx, waveId));
  });
}

/** Moves the closing date of an open wave later. */
export async function extendWave(ctx: Ctx, waveId: string, closesOn: string): Promise<WaveOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const w = await loadWave(tx, waveId, true);
    if (w.status !== 'aperta') throw new AppError('surveys.wave.state', 'Only an open wave can be extended');
    if (closesOn <= w.closes_on) throw invalid('closesOn', `A date after ${w.closes_on}`);
    await updateClosesOn(tx, waveId, closesOn);
    await recordAudit(tx, ctx, {
      action: 'surveys.wave.extend',
      entityType: 'survey_wave',
      entityId: waveId,
      tenantComune: null,
      details: { from: w.closes_on, to: closesOn },
    });
    return toWave(await loadWave(tx, waveId));
  });
}

export async function closeWave(ctx: Ctx, waveId: string): Promise<WaveOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const w = await loadWave(tx, waveId, true);
    if (w.status !== 'aperta') throw new AppError('surveys.wave.state', 'Only an open wave can be closed');
    await markClosed(tx, waveId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'surveys.wave.close',
      entityType: 'survey_wave',
      entityId: waveId,
      tenantComune: null,
      details: {},
    });
    return toWave(await loadWave(tx, waveId));
  });
}
