import { accessOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Page } from '../../platform/pagination.js';
import { assertCan, can } from '../../platform/policy.js';
import { recordAudit } from '../audit/index.js';
import {
  existsOrganisationAt,
  insertOrganisation,
  selectOrganisation,
  selectOrganisationPage,
  selectOrganisationUsers,
  updateOrganisationFields,
} from './organisations.repo.js';
import { selectComune, selectRegions } from './registry.repo.js';
import type {
  CreateOrganisationBody,
  Organisation,
  OrganisationDetail,
  OrganisationQuery,
  UpdateOrganisationBody,
} from './registry.schema.js';

export async function findOrganisations(ctx: Ctx, q: OrganisationQuery): Promise<Page<Organisation>> {
  assertCan(ctx.actor, 'organisations.read');
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectOrganisationPage(tx, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One organisation; its users are listed only to those who manage users. */
export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationDetail> {
  assertCan(ctx.actor, 'organisations.read');
  const withUsers = can(ctx.actor, 'users.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const org = await selectOrganisation(tx, id);
    if (!org) throw new AppError('organisation.not_found');
    return { ...org, users: withUsers ? await selectOrganisationUsers(tx, id) : [] };
  });
}

/**
 * Creates an organisation. A Comune organisation needs its Comune, a Regione its Region; a body
 * tied to a Comune takes the Comune's region. One Comune (Regione) organisation per Comune (Region).
 */
export async function createOrganisation(ctx: Ctx, body: CreateOrganisationBody): Promise<OrganisationDetail> {
  assertCan(ctx.actor, 'organisations.manage');
  const id = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    let regionCode = body.regionCode ?? null;
    const comuneIstat = body.comuneIstat ?? null;
    if (body.type === 'comune' && !comuneIstat)
      throw placeError('body.comuneIstat', 'A Comune organisation needs its Comune');
    if (body.type === 'regione' && (!regionCode || comuneIstat)) {
      throw placeError('body.regionCode', 'A Regione organisation needs its Region and no Comune');
    }
    if (comuneIstat) {
      const comune = await selectComune(tx, comuneIstat);
      if (!comune) throw placeError('body.comuneIstat', 'Unknown Comune');
      if (regionCode && regionCode !== comune.regionCode)
        throw placeError('body.regionCode', "Not the Comune's region");
      regionCode = null; // derived from the Comune
    } else if (regionCode) {
      const regions = await selectRegions(tx);
      if (!regions.some((r) => r.code === regionCode)) throw placeError('body.regionCode', 'Unknown Region');
    }
    if (
      (body.type === 'comune' || body.type === 'regione') &&
      (await existsOrganisationAt(tx, body.type, comuneIstat, regionCode))
    ) {
      throw new AppError('organisation.duplicate', 'That place already has its organisation.');
    }
    const newId = await insertOrganisation(tx, {
      type: body.type,
      name: body.name,
      comuneIstat,
      regionCode,
      pec: body.pec ?? null,
      taxCode: body.taxCode ?? null,
      address: body.address ?? null,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: newId,
      tenantComune: comuneIstat,
      details: { type: body.type },
    });
    return newId;
  });
  return getOrganisation(ctx, id);
}

/**
 * Changes an organisation's name, PEC, tax code, address or active flag. Deactivating stops new
 * accounts and its choice as a partner; its existing accounts keep working (decision 0024).
 */
export async function updateOrganisation(
  ctx: Ctx,
  id: string,
  body: UpdateOrganisationBody,
): Promise<OrganisationDetail> {
  if (!ctx.actor) throw new AppError('auth.required');
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const org = await selectOrganisation(tx, id);
    if (!org) throw new AppError('organisation.not_found');
    assertCan(ctx.actor, 'organisations.manage');
    await updateOrganisationFields(tx, id, body, ctx.clock.now());
    const activeChanged = body.active !== undefined && body.active !== org.active;
    await recordAudit(tx, ctx, {
      action: activeChanged
        ? body.active
          ? 'organisation.activate'
          : 'organisation.deactivate'
        : 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      tenantComune: org.comuneIstat,
      details: { fields: Object.keys(body) },
    });
  });
  return getOrganisation(ctx, id);
}

function placeError(path: string, message: string): AppError {
  return new AppError('organisation.invalid_place', message, {
    fieldIssues: [{ path, message, code: 'invalid_place' }],
  });
}
