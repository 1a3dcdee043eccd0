/** SQL of the funnel: the counts per stage of a wave's Comuni, per group and overall in one pass. */
import type { Queryable } from '../../../platform/db/db.js';

export type FunnelGroupBy = 'region' | 'macroArea' | 'band';

const SUBMITTED = `('inviato', 'in_validazione', 'validato', 'da_ricontattare', 'consolidato')`;
const counts = `count(*)::int AS universe,
  count(wc.invited_at)::int AS invited,
  count(wc.opened_at)::int AS opened,
  count(*) FILTER (WHERE wc.status = 'in_compilazione')::int AS in_progress,
  count(*) FILTER (WHERE wc.status IN ${SUBMITTED})::int AS submitted,
  count(*) FILTER (WHERE wc.status IN ('validato', 'consolidato'))::int AS validated`;

export interface FunnelCountRow {
  key: string | null;
  label: string | null;
  /** the overall row (GROUPING SETS' empty set) */
  total: boolean;
  universe: number;
  invited: number;
  opened: number;
  in_progress: number;
  submitted: number;
  validated: number;
}

const groupSql = {
  region: { key: 'r.code', label: 'r.name' },
  macroArea: { key: 'r.macro_area', label: 'r.macro_area' },
  band: { key: 'c.band', label: 'c.band' },
} as const;

/**
 * The groups and the total in one aggregate (GROUPING SETS), over the wave's rows that the reader
 * may see (row-level security: a Regione only its Comuni).
 */
export function selectFunnelCounts(tx: Queryable, waveId: string, groupBy: FunnelGroupBy): Promise<FunnelCountRow[]> {
  const g = groupSql[groupBy];
  return tx.query<FunnelCountRow>(
    `SELECT ${g.key} AS key, min(${g.label}) AS label, grouping(${g.key}) = 1 AS total, ${counts}
       FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions r ON r.code = c.region_code
      WHERE wc.wave_id = $1
      GROUP BY GROUPING SETS ((${g.key}), ())
      ORDER BY 3 DESC, 1`,
    [waveId],
  );
}
