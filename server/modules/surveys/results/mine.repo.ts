/**
 * SQL of a Comune's own results (issue 11 item 8): its response in a wave, read under its own
 * row-level security, and the national and regional figures of every question answered once per
 * Comune, read from the projection of the answers that count (migration 0027) in two passes over
 * the wave (not one query per question).
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { ResponseStatus } from '../shared/status.js';

export interface OwnResponseRow {
  id: string;
  status: ResponseStatus;
  answers: Record<string, unknown>;
  comune_istat: string;
  comune_name: string;
  region_code: string;
  region_name: string;
}

/** The Comune's response in the wave (row-level security shows it no other); null when it has none. */
export async function selectOwnResponse(tx: Queryable, waveId: string, comune: string): Promise<OwnResponseRow | null> {
  const [row] = await tx.query<OwnResponseRow>(
    `SELECT wc.id, wc.status, sr.answers, wc.comune_istat::text AS comune_istat, c.name AS comune_name,
            rg.code AS region_code, rg.name AS region_name
       FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
       JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions rg ON rg.code = c.region_code
      WHERE wc.wave_id = $1 AND wc.comune_istat = $2`,
    [waveId, comune],
  );
  return row ?? null;
}

// the projection holds only the responses that count (its triggers see to it)
const COUNTED_FROM = `survey_answer_values v JOIN comuni c ON c.istat_code = v.comune_istat WHERE v.wave_id = $1`;

export interface ScopeStatsRow {
  question: string;
  base_it: number;
  base_rg: number;
  n_num_it: number;
  n_num_rg: number;
  mean_it: number | null;
  mean_rg: number | null;
  n_lo_it: number;
  n_lo_rg: number;
  sum_min_it: number | null;
  sum_min_rg: number | null;
  sum_max_it: number | null;
  sum_max_rg: number | null;
}

/** Per question: the Comuni that answered, the mean of the numbers, the sums of the ranges; Italy and the Region. */
export async function selectScopeStats(tx: Queryable, waveId: string, region: string): Promise<ScopeStatsRow[]> {
  const rg = 'c.region_code = $2';
  return tx.query<ScopeStatsRow>(
    `SELECT v.question, count(*)::int AS base_it, count(*) FILTER (WHERE ${rg})::int AS base_rg,
            count(v.num)::int AS n_num_it, count(v.num) FILTER (WHERE ${rg})::int AS n_num_rg,
            avg(v.num)::float8 AS mean_it, (avg(v.num) FILTER (WHERE ${rg}))::float8 AS mean_rg,
            count(v.lo)::int AS n_lo_it, count(v.lo) FILTER (WHERE ${rg})::int AS n_lo_rg,
            sum(v.lo)::float8 AS sum_min_it, (sum(v.lo) FILTER (WHERE ${rg}))::float8 AS sum_min_rg,
            sum(v.hi)::float8 AS sum_max_it, (sum(v.hi) FILTER (WHERE ${rg}))::float8 AS sum_max_rg
       FROM ${COUNTED_FROM}
      GROUP BY v.question`,
    [waveId, region],
  );
}

export interface ScopeChoiceRow {
  question: string;
  code: string;
  n_it: number;
  n_rg: number;
}

/** Per question and choice code: the Comuni that chose it (once each), Italy and the Region. */
export async function selectScopeChoices(tx: Queryable, waveId: string, region: string): Promise<ScopeChoiceRow[]> {
  return tx.query<ScopeChoiceRow>(
    `SELECT v.question, k.code, count(DISTINCT v.comune_istat)::int AS n_it,
            count(DISTINCT v.comune_istat) FILTER (WHERE c.region_code = $2)::int AS n_rg
       FROM ${COUNTED_FROM.replace('WHERE', 'CROSS JOIN LATERAL unnest(v.codes) AS k(code) WHERE')}
      GROUP BY v.question, k.code`,
    [waveId, region],
  );
}
