/**
 * Referrals (segnalazioni) and the preliminary screening against the versioned catalogue of
 * exploitation indicators. First assistance never depends on a judicial proceeding: nothing here
 * asks for one.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, todayOf } from '../shared/access.js';
import type { CreateReferralBody, Referral } from './cases.schema.js';
import { invalid } from './cases.service.js';
import { canTransition, referralMachine } from '../shared/machines.js';
import type { ReferralOutcome } from '../shared/vocab.js';

export const CURRENT_CATALOGUE = 1;

/** The current indicator catalogue (603-bis c.p. indices, ILO indicators). */
export async function getIndicatorCatalogue(ctx: Ctx) {
  assertCan(ctx.actor, 'pilot.cases.read');
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => tx.query<{ code: string; source: '603bis' | 'ilo' | 'lg2021' | 'locale'; label_it: string; label_en: string }>(
    'SELECT code, source, label_it, label_en FROM pilot_indicators WHERE catalogue_version = $1 ORDER BY position', [CURRENT_CATALOGUE],
  ));
  return { version: CURRENT_CATALOGUE, indicators: rows.map((r) => ({ code: r.code, source: r.source, labelIt: r.label_it, labelEn: r.label_en })) };
}

async function selectReferrals(tx: Queryable, where: string, params: unknown[]): Promise<(Referral & { total: number })[]> {
  const rows = await tx.query<{
    id: string; comune_istat: string; received_on: string; source: Referral['source']; channel: Referral['channel']; sector: Referral['sector'];
    catalogue_version: number; outcome: ReferralOutcome; outcome_on: string | null; case_id: string | null;
    screening: { code: string; observed: 'si' | 'no' | 'non_noto' }[] | null; total: number;
  }>(
    `SELECT r.id, r.comune_istat, r.received_on::text AS received_on, r.source, r.channel, r.sector, r.catalogue_version, r.outcome,
            r.outcome_on::text AS outcome_on, r.case_id,
            (SELECT json_agg(json_build_object('code', k.indicator_code, 'observed', k.observed) ORDER BY i.position)
               FROM pilot_referral_checks k JOIN pilot_indicators i ON i.catalogue_version = k.catalogue_version AND i.code = k.indicator_code
              WHERE k.referral_id = r.id) AS screening,
            count(*) OVER () AS total
       FROM pilot_referrals r ${where}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id, comuneIstat: r.comune_istat, receivedOn: r.received_on, source: r.source, channel: r.channel, sector: r.sector,
    catalogueVersion: r.catalogue_version, outcome: r.outcome, outcomeOn: r.outcome_on, caseId: r.case_id,
    screening: r.screening ?? [], observedCount: (r.screening ?? []).filter((s) => s.observed === 'si').length, total: r.total,
  }));
}

/** Records a referral with its screening checklist (each indicator: yes / no / unknown). */
export async function createReferral(ctx: Ctx, body: CreateReferralBody): Promise<Referral> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const today = todayOf(ctx);
    const issues = [];
    if (body.receivedOn > today) issues.push({ path: 'body.receivedOn', message: 'La data è nel futuro', code: 'future_date' });
    if (body.outcome !== 'in_screening' && !body.outcomeOn) issues.push({ path: 'body.outcomeOn', message: "Indicare la data dell'esito", code: 'required' });
    if (body.outcomeOn && (body.outcomeOn < body.receivedOn || body.outcomeOn > today)) {
      issues.push({ path: 'body.outcomeOn', message: "La data dell'esito deve stare tra la segnalazione e oggi", code: 'invalid_date' });
    }
    const known = new Set((await tx.query<{ code: string }>('SELECT code FROM pilot_indicators WHERE catalogue_version = $1', [CURRENT_CATALOGUE])).map((r) => r.code));
    const seen = new Set<string>();
    body.screening.forEach((s, i) => {
      if (!known.has(s.code)) issues.push({ path: `body.screening.${i}.code`, message: `Indicatore sconosciuto: ${s.code}`, code: 'unknown_indicator' });
      if (seen.has(s.code)) issues.push({ path: `body.screening.${i}.code`, message: `Indicatore ripetuto: ${s.code}`, code: 'duplicate' });
      seen.add(s.code);
    });
    if (issues.length) throw invalid(issues);
    const now = ctx.clock.now();
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO pilot_referrals (comune_istat, received_on, source, channel, sector, catalogue_version, outcome, outcome_on, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
      [comune, body.receivedOn, body.source, body.channel, body.sector, CURRENT_CATALOGUE, body.outcome, body.outcomeOn ?? null, ctx.actor!.userId, now],
    );
    for (const s of body.screening) {
      await tx.query(
        `INSERT INTO pilot_referral_checks (referral_id, comune_istat, catalogue_version, indicator_code, observed) VALUES ($1, $2, $3, $4, $5)`,
        [r!.id, comune, CURRENT_CATALOGUE, s.code, s.observed],
      );
    }
    await recordAudit(tx, ctx, { action: 'pilot.referral.create', entityType: 'pilot_referral', entityId: r!.id, tenantComune: comune, details: { outcome: body.outcome } });
    const [out] = await selectReferrals(tx, 'WHERE r.id = $1', [r!.id]);
    return out!;
  });
}

/** Records the screening's outcome, following the referral machine. */
export async function updateReferral(ctx: Ctx, id: string, body: { outcome: ReferralOutcome; outcomeOn: string }): Promise<Referral> {
  assertCan(ctx.actor, 'pilot.cases.write');
  comuneOf(ctx.actor);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await tx.query('SELECT 1 FROM pilot_referrals WHERE id = $1 FOR UPDATE', [id]);
    const [row] = await selectReferrals(tx, 'WHERE r.id = $1', [id]);
    if (!row) throw new AppError('pilot.referral.not_found');
    if (!canTransition(referralMachine, row.outcome, body.outcome)) {
      throw new AppError('pilot.invalid_transition', `Esito non consentito: da «${row.outcome}» a «${body.outcome}».`);
    }
    if (body.outcomeOn < row.receivedOn || body.outcomeOn > todayOf(ctx)) {
      throw invalid([{ path: 'body.outcomeOn', message: "La data dell'esito deve stare tra la segnalazione e oggi", code: 'invalid_date' }]);
    }
    await tx.query('UPDATE pilot_referrals SET outcome = $2, outcome_on = $3, updated_at = $4 WHERE id = $1', [id, body.outcome, body.outcomeOn, ctx.clock.now()]);
    await recordAudit(tx, ctx, { action: 'pilot.referral.update', entityType: 'pilot_referral', entityId: id, tenantComune: row.comuneIstat, details: { from: row.outcome, to: body.outcome } });
    const [out] = await selectReferrals(tx, 'WHERE r.id = $1', [id]);
    return out!;
  });
}

/** The Comune's referrals, newest first. */
export async function findReferrals(ctx: Ctx, q: { outcome?: ReferralOutcome; page: number; pageSize: number }): Promise<Page<Referral>> {
  assertCan(ctx.actor, 'pilot.cases.read');
  comuneOf(ctx.actor);
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    selectReferrals(tx, `WHERE ($1::text IS NULL OR r.outcome = $1) ORDER BY r.received_on DESC, r.id LIMIT $2 OFFSET $3`,
      [q.outcome ?? null, q.pageSize, offsetOf(q)]));
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
