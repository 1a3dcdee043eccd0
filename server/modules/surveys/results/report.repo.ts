/**
 * SQL of a wave's report (decision 0045): the wave's titles and period, the Comuni invited and
 * answering per Region and per demographic band (one GROUPING SETS pass each), and the settlements
 * of the census's repeat summed per kind and per Region. The tables of the questions are the
 * results' own queries (results.repo.ts).
 */
import type { Queryable } from '../../../platform/db/db.js';
import { COUNTED_STATUSES } from './results.rules.js';
import { SETTLEMENT_FIELDS as F } from './settlements.rules.js';

export interface ReportWaveRow {
  survey: string;
  wave: string;
  opens_on: string;
  closes_on: string;
}

export async function selectReportWave(tx: Queryable, waveId: string): Promise<ReportWaveRow | null> {
  const [row] = await tx.query<ReportWaveRow>(
    `SELECT s.title_it AS survey, w.title_it AS wave, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on,
            to_char(w.closes_on, 'YYYY-MM-DD') AS closes_on
       FROM survey_waves w JOIN survey_surveys s ON s.id = w.survey_id WHERE w.id = $1`,
    [waveId],
  );
  return row ?? null;
}

export interface RateCountRow {
  code: string | null;
  label: string | null;
  invited: number;
  answered: number;
}

const rateGroups = {
  region: { key: 'r.code::text', label: 'r.name' },
  band: { key: 'c.band', label: 'c.band' },
} as const;

/**
 * Per group and overall (code null): the Comuni invited (an invitation was sent) and those whose
 * answers count (the results' states). Every Comune of the wave, whatever the reader's own reach:
 * these are counts of Comuni, a national figure.
 */
export function selectRateCounts(tx: Queryable, waveId: string, by: keyof typeof rateGroups): Promise<RateCountRow[]> {
  const g = rateGroups[by];
  return tx.query<RateCountRow>(
    `SELECT ${g.key} AS code, min(${g.label}) AS label, count(wc.invited_at)::int AS invited,
            count(*) FILTER (WHERE wc.status = ANY($2::text[]))::int AS answered
       FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions r ON r.code = c.region_code
      WHERE wc.wave_id = $1
      GROUP BY GROUPING SETS ((${g.key}), ())
      ORDER BY grouping(${g.key}), ${by === 'region' ? '2' : '1'}`,
    [waveId, COUNTED_STATUSES],
  );
}

export interface SettlementSumRow {
  code: string | null;
  kind: string | null;
  label: string | null;
  settlements: number;
  comuni: number;
  persons_min: number | null;
  persons_max: number | null;
}

/**
 * The settlements of the responses that count, per kind (type and kind: `code` the type, `kind`
 * the formal or informal kind) or per Region, with the overall row (code null): how many, in how
 * many Comuni, and the sums of their persons' minima and maxima (an exact figure is both).
 */
export function selectSettlementSums(
  tx: Queryable,
  waveId: string,
  by: 'kind' | 'region',
): Promise<SettlementSumRow[]> {
  const type = `e.v ->> '${F.type}'`;
  const kind = `CASE ${type} WHEN 'formale' THEN e.v ->> '${F.formalKind}' WHEN 'informale' THEN e.v ->> '${F.informalKind}' END`;
  const p = `e.v -> '${F.persons}'`;
  const lo = `CASE WHEN jsonb_typeof(${p} -> 'value') = 'number' THEN (${p} ->> 'value')::numeric
                   WHEN jsonb_typeof(${p} -> 'min') = 'number' THEN (${p} ->> 'min')::numeric END`;
  const hi = `CASE WHEN jsonb_typeof(${p} -> 'value') = 'number' THEN (${p} ->> 'value')::numeric
                   WHEN jsonb_typeof(${p} -> 'max') = 'number' THEN (${p} ->> 'max')::numeric END`;
  const [key, kindKey, label] =
    by === 'kind' ? ['x.type', 'x.kind', 'NULL::text'] : ['x.region_code', 'NULL::text', 'min(x.region)'];
  return tx.query<SettlementSumRow>(
    `WITH x AS (
       SELECT c.istat_code AS istat, rg.code::text AS region_code, rg.name AS region,
              coalesce(${type}, '') AS type, coalesce(${kind}, '') AS kind, ${lo} AS lo, ${hi} AS hi
         FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
         JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions rg ON rg.code = c.region_code
         CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(sr.answers -> '${F.repeat}') = 'array'
                                                      THEN sr.answers -> '${F.repeat}' ELSE '[]'::jsonb END) e(v)
        WHERE wc.wave_id = $1 AND wc.status = ANY($2::text[]) AND jsonb_typeof(e.v) = 'object')
     SELECT ${key} AS code, ${kindKey} AS kind, ${label} AS label, count(*)::int AS settlements,
            count(DISTINCT x.istat)::int AS comuni, sum(x.lo)::float8 AS persons_min, sum(x.hi)::float8 AS persons_max
       FROM x
      GROUP BY GROUPING SETS ((${by === 'kind' ? 'x.type, x.kind' : 'x.region_code'}), ())
      ORDER BY grouping(${key}), ${by === 'kind' ? '1, 2' : '3'}`,
    [waveId, COUNTED_STATUSES],
  );
}
