/**
 * SQL of the coverage: SQL only. One grouped statement over plm_actions joined to the Comuni's
 * plans (the latest of each Comune) and the registry (comuni, provinces, regions): no function
 * per row (decision 0054). Row-level security keeps a Regione to its own Comuni; the Region is
 * also a condition of the statement so that the index on region_code serves it.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import { actionStatuses, axes, priorityActions } from '../shared/vocabulary.js';
import type { CoverageSource } from './coverage.rules.js';

export interface CoverageFilters {
  /** the actor's own Region when their reach is a Region's (narrows the statement as RLS does) */
  actorRegion?: string | null | undefined;
  region?: string | undefined;
  band?: string | undefined;
  /** the plan states of the status group asked */
  statuses?: readonly string[] | undefined;
}

/** 60 counts (priority action × action state, see coverage.rules countIndex) and 4 (axes), as two int arrays. */
const COUNTS = `ARRAY[${priorityActions
  .flatMap((p) => actionStatuses.map((s) => `count(a.id) FILTER (WHERE a.priority_action = ${p} AND a.status = '${s}')`))
  .join(', ')}]::int[]`;
const AXIS_COUNTS = `ARRAY[${axes.map((x) => `count(a.id) FILTER (WHERE a.axis = '${x}')`).join(', ')}]::int[]`;

/**
 * The statement, with its parameters: one row per Comune with a plan — its latest plan (the
 * highest period_from, then the latest created) — with the Comune, province, Region and band and
 * its actions counted by priority action and state and by axis. Exported for the bench's floor.
 */
export function coverageQuery(f: CoverageFilters): { sql: string; params: unknown[] } {
  const w = new Where();
  // the Region narrows the plans and, by the same placeholders, the actions counted
  const region: string[] = [];
  if (f.actorRegion) region.push(w.param(f.actorRegion));
  if (f.region) region.push(w.param(f.region));
  const inRegion = (t: string) => region.map((ph) => `${t}.region_code = ${ph}`).join(' AND ');
  // the state is the latest plan's: the group filters after the choice; the band is the Comune's
  const cond = [
    f.statuses ? `pl.status = ANY (${w.param(f.statuses)}::text[])` : null,
    f.band ? `c.band = ${w.param(f.band)}` : null,
  ].filter(Boolean);
  return {
    sql: `
    WITH latest AS (
      SELECT DISTINCT ON (pl.comune_istat) pl.comune_istat, pl.id
        FROM plm_plans pl
       ${region.length ? `WHERE ${inRegion('pl')}` : ''}
       ORDER BY pl.comune_istat, pl.period_from DESC, pl.created_at DESC, pl.id DESC),
    p AS (
      SELECT pl.id, pl.title, pl.period_from, pl.period_to, pl.status, pl.comune_istat, pl.region_code, c.name AS comune_name,
             c.province_code, c.band
        FROM plm_plans pl JOIN latest l ON l.id = pl.id JOIN comuni c ON c.istat_code = pl.comune_istat
       ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''}),
    -- the actions of the Region's plans (all in reach), grouped by plan alone: one pass, no join, no text key
    counted AS MATERIALIZED (
      SELECT a.plan_id, ${COUNTS} AS counts, ${AXIS_COUNTS} AS axis_counts
        FROM plm_actions a
       ${region.length ? `WHERE ${inRegion('a')}` : ''}
       GROUP BY a.plan_id)
    SELECT p.id AS plan_id, p.title, p.period_from, p.period_to, p.status, p.comune_istat, p.comune_name,
           p.province_code, pr.name AS province_name, pr.sigla AS province_sigla, p.region_code, r.name AS region_name,
           p.band, coalesce(k.counts, '{}') AS counts, coalesce(k.axis_counts, '{}') AS axis_counts
      FROM p
      JOIN provinces pr ON pr.code = p.province_code
      JOIN regions r ON r.code = p.region_code
      LEFT JOIN counted k ON k.plan_id = p.id
     ORDER BY r.name, p.comune_name, p.comune_istat`,
    params: w.params,
  };
}

interface SourceRow {
  plan_id: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
  comune_istat: string;
  comune_name: string;
  province_code: string;
  province_name: string;
  province_sigla: string;
  region_code: string;
  region_name: string;
  band: string;
  counts: number[];
  axis_counts: number[];
}

/** Every Comune with a plan (of the filters) the actor reaches, with its counts. */
export async function selectCoverage(tx: Queryable, f: CoverageFilters): Promise<CoverageSource[]> {
  const q = coverageQuery(f);
  const rows = await tx.query<SourceRow>(q.sql, q.params);
  return rows.map((r) => ({
    planId: r.plan_id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    provinceSigla: r.province_sigla,
    regionCode: r.region_code,
    regionName: r.region_name,
    band: r.band,
    counts: r.counts,
    axisCounts: r.axis_counts,
  }));
}

/** The Regions in the actor's reach (all, or their own), by name; narrowed to one when asked. */
export async function selectRegions(
  tx: Queryable,
  f: { actorRegion?: string | null | undefined; region?: string | undefined },
): Promise<{ code: string; name: string }[]> {
  const w = new Where();
  if (f.actorRegion) w.add('code = $?', f.actorRegion);
  if (f.region) w.add('code = $?', f.region);
  return tx.query<{ code: string; name: string }>(
    `SELECT code, name FROM regions ${w.toString()} ORDER BY name, code`,
    w.params,
  );
}
