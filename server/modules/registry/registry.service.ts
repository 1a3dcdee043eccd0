import { accessOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Page } from '../../platform/pagination.js';
import { assertCan } from '../../platform/policy.js';
import { recordAudit } from '../audit/index.js';
import { selectOrganisationsOfComune } from './organisations.repo.js';
import {
  selectComune,
  selectComuniPage,
  selectProvinces,
  selectRegions,
  selectSources,
  updateComuneFlags,
} from './registry.repo.js';
import type { Comune, ComuneDetail, ComuneQuery } from './registry.schema.js';

/** A page of Comuni matching the search and filters. */
export async function findComuni(ctx: Ctx, q: ComuneQuery): Promise<Page<Comune>> {
  assertCan(ctx.actor, 'registry.read');
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectComuniPage(tx, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One Comune with the organisations tied to it. */
export async function getComune(ctx: Ctx, istatCode: string): Promise<ComuneDetail> {
  assertCan(ctx.actor, 'registry.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const comune = await selectComune(tx, istatCode);
    if (!comune) throw new AppError('comune.not_found');
    const organisations = await selectOrganisationsOfComune(tx, istatCode);
    return { ...comune, macroArea: comune.macroArea as ComuneDetail['macroArea'], organisations };
  });
}

/** Marks a Comune as part of the SAI network or of the 18-ter pilot. */
export async function updateComune(
  ctx: Ctx,
  istatCode: string,
  body: { saiNetwork?: boolean | undefined; pilot18ter?: boolean | undefined },
): Promise<ComuneDetail> {
  if (!ctx.actor) throw new AppError('auth.required');
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const before = await selectComune(tx, istatCode);
    if (!before) throw new AppError('comune.not_found');
    assertCan(ctx.actor, 'registry.manage');
    await updateComuneFlags(tx, istatCode, body, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'comune.update',
      entityType: 'comune',
      entityId: istatCode,
      tenantComune: istatCode,
      details: { fields: Object.keys(body) },
    });
  });
  return getComune(ctx, istatCode);
}

export async function listRegions(ctx: Ctx) {
  assertCan(ctx.actor, 'registry.read');
  return { items: await ctx.db.tx(accessOf(ctx.actor), (tx) => selectRegions(tx)) };
}

export async function listProvinces(ctx: Ctx, region: string | undefined) {
  assertCan(ctx.actor, 'registry.read');
  return { items: await ctx.db.tx(accessOf(ctx.actor), (tx) => selectProvinces(tx, region)) };
}

/** Sources and licences of the reference data: public, shown in the footer and README. */
export async function listSources(ctx: Ctx) {
  return { items: await ctx.db.tx(accessOf(ctx.actor), (tx) => selectSources(tx)) };
}
