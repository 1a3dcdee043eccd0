/**
 * Referrals (segnalazioni) and the preliminary screening against the versioned catalogue of
 * exploitation indicators. First assistance never depends on a judicial proceeding: nothing here
 * asks for one.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, todayOf } from '../shared/access.js';
import { refreshComuneOwnTasks } from '../shared/tasks.js';
import type { CreateReferralBody, Referral } from './cases.schema.js';
import { toReferral } from './cases.mapper.js';
import { invalid } from './checks.js';
import {
  insertReferral,
  insertReferralCheck,
  lockReferral,
  selectIndicatorCodes,
  selectIndicators,
  selectReferral,
  selectReferralPage,
  updateReferralOutcome,
} from './referrals.repo.js';
import { canTransition, referralMachine } from '../shared/machines.js';
import type { ReferralOutcome } from '../shared/vocab.js';

export const CURRENT_CATALOGUE = 1;

/** The current indicator catalogue (603-bis c.p. indices, ILO indicators). */
export async function getIndicatorCatalogue(ctx: Ctx) {
  assertCan(ctx.actor, 'pilot.cases.read');
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectIndicators(tx, CURRENT_CATALOGUE));
  return {
    version: CURRENT_CATALOGUE,
    indicators: rows.map((r) => ({ code: r.code, source: r.source, labelIt: r.label_it, labelEn: r.label_en })),
  };
}

/** Records a referral with its screening checklist (each indicator: yes / no / unknown). */
export async function createReferral(ctx: Ctx, body: CreateReferralBody): Promise<Referral> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const today = todayOf(ctx);
    const issues: FieldIssue[] = [];
    if (body.receivedOn > today)
      issues.push({ path: 'body.receivedOn', message: 'La data è nel futuro', code: 'future_date' });
    if (body.outcome !== 'in_screening' && !body.outcomeOn)
      issues.push({ path: 'body.outcomeOn', message: "Indicare la data dell'esito", code: 'required' });
    if (body.outcomeOn && (body.outcomeOn < body.receivedOn || body.outcomeOn > today)) {
      issues.push({
        path: 'body.outcomeOn',
        message: "La data dell'esito deve stare tra la segnalazione e oggi",
        code: 'invalid_date',
      });
    }
    const known = new Set(await selectIndicatorCodes(tx, CURRENT_CATALOGUE));
    const seen = new Set<string>();
    body.screening.forEach((s, i) => {
      if (!known.has(s.code))
        issues.push({
          path: `body.screening.${i}.code`,
          message: `Indicatore sconosciuto: ${s.code}`,
          code: 'unknown_indicator',
        });
      if (seen.has(s.code))
        issues.push({ path: `body.screening.${i}.code`, message: `Indicatore ripetuto: ${s.code}`, code: 'duplicate' });
      seen.add(s.code);
    });
    if (issues.length) throw invalid(issues);
    const id = await insertReferral(tx, {
      comune,
      receivedOn: body.receivedOn,
      source: body.source,
      channel: body.channel,
      sector: body.sector,
      catalogue: CURRENT_CATALOGUE,
      outcome: body.outcome,
      outcomeOn: body.outcomeOn ?? null,
      createdBy: ctx.actor!.userId,
      now: ctx.clock.now(),
    });
    for (const s of body.screening) {
      await insertReferralCheck(tx, {
        referralId: id,
        comune,
        catalogue: CURRENT_CATALOGUE,
        code: s.code,
        observed: s.observed,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'pilot.referral.create',
      entityType: 'pilot_referral',
      entityId: id,
      tenantComune: comune,
      details: { outcome: body.outcome },
    });
    await refreshComuneOwnTasks(tx, ctx, comune); // a referral in screening is a task to screen it
    return toReferral((await selectReferral(tx, id))!);
  });
}

/** Records the screening's outcome, following the referral machine. */
export async function updateReferral(
  ctx: Ctx,
  id: string,
  body: { outcome: ReferralOutcome; outcomeOn: string },
): Promise<Referral> {
  assertCan(ctx.actor, 'pilot.cases.write');
  comuneOf(ctx.actor);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await lockReferral(tx, id);
    const row = await selectReferral(tx, id);
    if (!row) throw new AppError('pilot.referral.not_found');
    if (!canTransition(referralMachine, row.outcome, body.outcome)) {
      throw new AppError('pilot.invalid_transition', `Esito non consentito: da «${row.outcome}» a «${body.outcome}».`);
    }
    if (body.outcomeOn < row.received_on || body.outcomeOn > todayOf(ctx)) {
      throw invalid([
        {
          path: 'body.outcomeOn',
          message: "La data dell'esito deve stare tra la segnalazione e oggi",
          code: 'invalid_date',
        },
      ]);
    }
    await updateReferralOutcome(tx, id, body.outcome, body.outcomeOn, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'pilot.referral.update',
      entityType: 'pilot_referral',
      entityId: id,
      tenantComune: row.comune_istat,
      details: { from: row.outcome, to: body.outcome },
    });
    await refreshComuneOwnTasks(tx, ctx, row.comune_istat); // screened: its task ends
    return toReferral((await selectReferral(tx, id))!);
  });
}

/** The Comune's referrals, newest first. */
export async function findReferrals(
  ctx: Ctx,
  q: { outcome?: ReferralOutcome; page: number; pageSize: number },
): Promise<Page<Referral>> {
  assertCan(ctx.actor, 'pilot.cases.read');
  comuneOf(ctx.actor);
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    selectReferralPage(tx, { outcome: q.outcome ?? null, limit: q.pageSize, offset: offsetOf(q) }),
  );
  return { items: rows.map(toReferral), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
