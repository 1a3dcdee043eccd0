/**
 * The funding sources and calls (issue 12 item 1; decision 0049): ANCI/Cittalia or MLPS configure a
 * call's rules as data (eligibility period, cost categories, caps, co-financing, document types,
 * payment means), in versions. A draft version is edited until it is published; a published one
 * never changes (a database trigger refuses it too), and a project stays bound to the version it
 * was designed under, so that changing the rules for new projects never changes an old one's.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import type { Queryable } from '../../../platform/db/db.js';
import { recordAudit } from '../../audit/index.js';
import { callRulesSchema, type CallRules } from '../shared/call-rules.js';
import {
  callCodeExists,
  fundingSourceCodeExists,
  insertCall,
  insertFundingSource,
  insertVersion,
  lockCall,
  nextVersionNo,
  publishDraft,
  selectCall,
  selectCalls,
  selectFundingSource,
  selectFundingSources,
  selectVersion,
  selectVersions,
  updateDraft,
  type CallRow,
  type FundingSourceRow,
  type VersionRow,
} from './calls.repo.js';
import type {
  CallDetailOut,
  CallSummaryOut,
  CallVersionOut,
  CreateCallBody,
  CreateFundingSourceBody,
  FundingSourceOut,
  SaveVersionBody,
} from './calls.schema.js';

const toSource = (r: FundingSourceRow): FundingSourceOut => ({
  id: r.id,
  code: r.code,
  nameIt: r.name_it,
  nameEn: r.name_en,
  programmeRef: r.programme_ref,
});

/** Rules stored by an earlier release are read through the schema (defaults filled in). */
const rulesOf = (raw: unknown): CallRules => callRulesSchema.parse(raw);

function toSummary(r: CallRow, source: FundingSourceRow): CallSummaryOut {
  const latest = r.latest_id ? rulesOf(r.latest_rules) : null;
  return {
    id: r.id,
    code: r.code,
    titleIt: r.title_it,
    titleEn: r.title_en,
    fundingSource: toSource(source),
    latestPublished:
      latest && r.latest_id && r.latest_no !== null
        ? { id: r.latest_id, versionNo: r.latest_no, eligibility: latest.eligibility }
        : null,
    hasDraft: r.has_draft,
    projectCount: r.project_count,
  };
}

const toVersion = (v: VersionRow): CallVersionOut => ({
  id: v.id,
  versionNo: v.version_no,
  rules: rulesOf(v.rules),
  note: v.note,
  published: v.published_at !== null,
  publishedAt: v.published_at?.toISOString() ?? null,
  createdAt: v.created_at.toISOString(),
  projectCount: v.project_count,
});

export async function listFundingSources(ctx: Ctx): Promise<{ items: FundingSourceOut[] }> {
  assertCan(ctx.actor, 'projects.read');
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectFundingSources(tx));
  return { items: rows.map(toSource) };
}

export async function createFundingSource(ctx: Ctx, body: CreateFundingSourceBody): Promise<FundingSourceOut> {
  assertCan(ctx.actor, 'projects.calls.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (await fundingSourceCodeExists(tx, body.code)) throw new AppError('projects.funding_source.code_taken');
    const row: FundingSourceRow = {
      id: randomUUID(),
      code: body.code,
      name_it: body.nameIt,
      name_en: body.nameEn ?? null,
      programme_ref: body.programmeRef ?? null,
    };
    await insertFundingSource(tx, { ...row, created_at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'projects.funding_source.create',
      entityType: 'project_call',
      entityId: row.id,
      details: { code: row.code },
    });
    return toSource(row);
  });
}

async function summaries(tx: Queryable, rows: CallRow[]): Promise<CallSummaryOut[]> {
  const sources = new Map((await selectFundingSources(tx)).map((s) => [s.id, s]));
  return rows.map((r) => toSummary(r, sources.get(r.funding_source_id)!));
}

export async function listCalls(ctx: Ctx): Promise<{ items: CallSummaryOut[] }> {
  assertCan(ctx.actor, 'projects.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({ items: await summaries(tx, await selectCalls(tx)) }));
}

async function detail(tx: Queryable, ctx: Ctx, callId: string): Promise<CallDetailOut> {
  const call = await selectCall(tx, callId);
  if (!call) throw new AppError('projects.call.not_found');
  const [summary] = await summaries(tx, [call]);
  // drafts are the configurers' business: the others read the published versions only
  const canManage = ctx.actor?.permissions.has('projects.calls.manage') ?? false;
  const versions = (await selectVersions(tx, callId)).filter((v) => canManage || v.published_at !== null);
  return { ...summary!, versions: versions.map(toVersion) };
}

export async function getCall(ctx: Ctx, callId: string): Promise<CallDetailOut> {
  assertCan(ctx.actor, 'projects.read');
  return ctx.db.tx(accessOf(ctx.actor), (tx) => detail(tx, ctx, callId));
}

export async function createCall(ctx: Ctx, body: CreateCallBody): Promise<CallDetailOut> {
  assertCan(ctx.actor, 'projects.calls.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await selectFundingSource(tx, body.fundingSourceId))) throw new AppError('projects.funding_source.not_found');
    if (await callCodeExists(tx, body.code)) throw new AppError('projects.call.code_taken');
    const id = randomUUID();
    const at = ctx.clock.now();
    await insertCall(tx, {
      id,
      fundingSourceId: body.fundingSourceId,
      code: body.code,
      titleIt: body.titleIt,
      titleEn: body.titleEn ?? null,
      createdBy: actor.userId,
      at,
    });
    const versionId = randomUUID();
    await insertVersion(tx, {
      id: versionId,
      callId: id,
      versionNo: 1,
      rules: body.rules,
      note: body.note ?? null,
      createdBy: actor.userId,
      at,
    });
    await recordAudit(tx, ctx, {
      action: 'projects.call.create',
      entityType: 'project_call',
      entityId: id,
      details: { code: body.code, versionNo: 1 },
    });
    return detail(tx, ctx, id);
  });
}

/** A new draft version of the rules, from the body (usually the latest published rules, edited). */
export async function createVersion(ctx: Ctx, callId: string, body: SaveVersionBody): Promise<CallDetailOut> {
  assertCan(ctx.actor, 'projects.calls.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await lockCall(tx, callId))) throw new AppError('projects.call.not_found');
    const versions = await selectVersions(tx, callId);
    if (versions.some((v) => v.published_at === null)) {
      throw new AppError('projects.call.draft_exists', 'The call already has a draft version: edit or publish it.');
    }
    const versionNo = await nextVersionNo(tx, callId);
    const id = randomUUID();
    await insertVersion(tx, {
      id,
      callId,
      versionNo,
      rules: body.rules,
      note: body.note ?? null,
      createdBy: actor.userId,
      at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'projects.call.version_create',
      entityType: 'project_call',
      entityId: callId,
      details: { versionNo },
    });
    return detail(tx, ctx, callId);
  });
}

async function loadDraft(tx: Queryable, callId: string, versionId: string): Promise<VersionRow> {
  if (!(await lockCall(tx, callId))) throw new AppError('projects.call.not_found');
  const v = await selectVersion(tx, callId, versionId);
  if (!v) throw new AppError('projects.call.not_found');
  if (v.published_at !== null) {
    throw new AppError('projects.call.version_published', 'A published version never changes: create a new version.');
  }
  return v;
}

export async function saveVersion(
  ctx: Ctx,
  callId: string,
  versionId: string,
  body: SaveVersionBody,
): Promise<CallDetailOut> {
  assertCan(ctx.actor, 'projects.calls.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const v = await loadDraft(tx, callId, versionId);
    await updateDraft(tx, v.id, body.rules, body.note ?? null);
    await recordAudit(tx, ctx, {
      action: 'projects.call.version_save',
      entityType: 'project_call',
      entityId: callId,
      details: { versionNo: v.version_no },
    });
    return detail(tx, ctx, callId);
  });
}

export async function publishVersion(ctx: Ctx, callId: string, versionId: string): Promise<CallDetailOut> {
  assertCan(ctx.actor, 'projects.calls.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const v = await loadDraft(tx, callId, versionId);
    await publishDraft(tx, v.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.call.version_publish',
      entityType: 'project_call',
      entityId: callId,
      details: { versionNo: v.version_no },
    });
    return detail(tx, ctx, callId);
  });
}
