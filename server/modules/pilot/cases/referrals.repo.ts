/** SQL of referrals, their screening checks and the indicator catalogue. Plain rows in, plain rows out. */
import type { Queryable } from '../../../platform/db/db.js';
import type { Referral } from './cases.schema.js';
import type { ReferralOutcome } from '../shared/vocab.js';

export interface IndicatorRow {
  code: string;
  source: '603bis' | 'ilo' | 'lg2021' | 'locale';
  label_it: string;
  label_en: string;
}

export async function selectIndicators(tx: Queryable, catalogue: number): Promise<IndicatorRow[]> {
  return tx.query<IndicatorRow>(
    'SELECT code, source, label_it, label_en FROM pilot_indicators WHERE catalogue_version = $1 ORDER BY position',
    [catalogue],
  );
}

export async function selectIndicatorCodes(tx: Queryable, catalogue: number): Promise<string[]> {
  return (
    await tx.query<{ code: string }>('SELECT code FROM pilot_indicators WHERE catalogue_version = $1', [catalogue])
  ).map((r) => r.code);
}

export interface ReferralRow {
  id: string;
  comune_istat: string;
  received_on: string;
  source: Referral['source'];
  channel: Referral['channel'];
  sector: Referral['sector'];
  catalogue_version: number;
  outcome: ReferralOutcome;
  outcome_on: string | null;
  case_id: string | null;
  screening: { code: string; observed: 'si' | 'no' | 'non_noto' }[] | null;
  total: number;
}

function selectReferralRows(tx: Queryable, where: string, params: unknown[]): Promise<ReferralRow[]> {
  return tx.query<ReferralRow>(
    `SELECT r.id, r.comune_istat, r.received_on::text AS received_on, r.source, r.channel, r.sector, r.catalogue_version, r.outcome,
            r.outcome_on::text AS outcome_on, r.case_id,
            (SELECT json_agg(json_build_object('code', k.indicator_code, 'observed', k.observed) ORDER BY i.position)
               FROM pilot_referral_checks k JOIN pilot_indicators i ON i.catalogue_version = k.catalogue_version AND i.code = k.indicator_code
              WHERE k.referral_id = r.id) AS screening,
            count(*) OVER () AS total
       FROM pilot_referrals r ${where}`,
    params,
  );
}

export async function selectReferral(tx: Queryable, id: string): Promise<ReferralRow | undefined> {
  const [row] = await selectReferralRows(tx, 'WHERE r.id = $1', [id]);
  return row;
}

/** One page of the Comune's referrals (row-level security keeps to the Comune), newest first. */
export function selectReferralPage(
  tx: Queryable,
  q: { outcome: ReferralOutcome | null; limit: number; offset: number },
): Promise<ReferralRow[]> {
  return selectReferralRows(
    tx,
    `WHERE ($1::text IS NULL OR r.outcome = $1) ORDER BY r.received_on DESC, r.id LIMIT $2 OFFSET $3`,
    [q.outcome, q.limit, q.offset],
  );
}

export async function insertReferral(
  tx: Queryable,
  r: {
    comune: string;
    receivedOn: string;
    source: string;
    channel: string;
    sector: string;
    catalogue: number;
    outcome: string;
    outcomeOn: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_referrals (comune_istat, received_on, source, channel, sector, catalogue_version, outcome, outcome_on, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [r.comune, r.receivedOn, r.source, r.channel, r.sector, r.catalogue, r.outcome, r.outcomeOn, r.createdBy, r.now],
  );
  return row!.id;
}

export async function insertReferralCheck(
  tx: Queryable,
  c: { referralId: string; comune: string; catalogue: number; code: string; observed: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_referral_checks (referral_id, comune_istat, catalogue_version, indicator_code, observed) VALUES ($1, $2, $3, $4, $5)`,
    [c.referralId, c.comune, c.catalogue, c.code, c.observed],
  );
}

export async function lockReferral(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT 1 FROM pilot_referrals WHERE id = $1 FOR UPDATE', [id]);
}

export async function updateReferralOutcome(
  tx: Queryable,
  id: string,
  outcome: string,
  outcomeOn: string,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE pilot_referrals SET outcome = $2, outcome_on = $3, updated_at = $4 WHERE id = $1', [
    id,
    outcome,
    outcomeOn,
    now,
  ]);
}
