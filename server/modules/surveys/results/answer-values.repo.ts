/**
 * SQL of the results read from the projection survey_answer_values (migration 0027, decision
 * 0046): the answers of the responses that count, one row per Comune and top-level question with
 * its number, range or choice codes. A map at Comune level reads some 8,000 small rows through an
 * index instead of taking two keys out of 8,000 jsonb documents of 300 answers each. Only for
 * questions answered once per Comune (a repeat's answers stay in the documents); the figures are
 * the same as results.repo.ts's over the documents (the tests compare both).
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import type { ResultFilters } from './results.schema.js';
import type { AreaRow, CrosstabRow } from './results.repo.js';

/**
 * The projected rows `alias` of one question of a wave, of the Comuni counted after the filters.
 * The projection holds only responses that count (its triggers see to it), so the state is not
 * joined again; the Comune (alias c, rg) is joined only when a filter or the level needs it.
 */
function projected(
  waveId: string,
  question: string,
  f: ResultFilters,
  alias: string,
  needComune: boolean,
): { from: string; w: Where } {
  const w = new Where().add(`${alias}.wave_id = $?`, waveId).add(`${alias}.question = $?`, question);
  if (f.region) w.add('c.region_code = $?', f.region);
  if (f.province) w.add('c.province_code = $?', f.province);
  if (f.macroArea) w.add('rg.macro_area = $?', f.macroArea);
  if (f.band) w.add('c.band = $?', f.band);
  if (f.sai !== undefined) w.add('c.sai_network = $?', f.sai);
  if (f.pilot !== undefined) w.add('c.pilot_18ter = $?', f.pilot);
  const filtered = Object.values(f).some((x) => x !== undefined);
  const from =
    needComune || filtered
      ? `survey_answer_values ${alias} JOIN comuni c ON c.istat_code = ${alias}.comune_istat
         JOIN regions rg ON rg.code = c.region_code`
      : `survey_answer_values ${alias}`;
  return { from, w };
}

const areaSql = {
  regione: { code: 'c.region_code', list: 'SELECT code, name FROM regions a', regionCol: 'a.code' },
  provincia: { code: 'c.province_code', list: 'SELECT code, name FROM provinces a', regionCol: 'a.region_code' },
  comune: {
    code: 'v.comune_istat',
    list: 'SELECT c.istat_code AS code, c.name FROM survey_wave_comuni a JOIN comuni c ON c.istat_code = a.comune_istat',
    regionCol: 'c.region_code',
  },
} as const;

/**
 * selectAreas (results.repo.ts) for a question answered once per Comune, from the projection: per
 * area the Comuni that answered, those with `choice`, the mean of the numbers, the sums of the minima
 * and of the maxima.
 */
export async function selectAreasProjected(
  tx: Queryable,
  waveId: string,
  f: ResultFilters,
  question: string,
  level: keyof typeof areaSql,
  choice: string | null,
  onlyRegion: string | null,
): Promise<AreaRow[]> {
  const { from, w } = projected(waveId, question, f, 'v', level !== 'comune');
  const a = areaSql[level];
  const ch = w.param(choice);
  const listWhere: string[] = [];
  if (level === 'comune') listWhere.push(`a.wave_id = ${w.param(waveId)}`);
  if (onlyRegion) listWhere.push(`${a.regionCol} = ${w.param(onlyRegion)}`);
  return tx.query<AreaRow>(
    `WITH g AS (SELECT ${a.code} AS code, count(*)::int AS base,
                       count(*) FILTER (WHERE ${ch}::text = ANY(v.codes))::int AS hits,
                       avg(v.num)::float8 AS mean, sum(v.lo)::float8 AS sum_min, sum(v.hi)::float8 AS sum_max
                  FROM ${from} ${w} GROUP BY 1)
     SELECT l.code::text AS code, l.name, coalesce(g.base, 0) AS base, coalesce(g.base, 0) AS answered,
            coalesce(g.hits, 0) AS hits, g.mean, g.sum_min, g.sum_max
       FROM (${a.list} ${listWhere.length ? `WHERE ${listWhere.join(' AND ')}` : ''}) l
       LEFT JOIN g ON g.code = l.code
      ORDER BY l.name, l.code`,
    w.params,
  );
}

/** selectCrosstab (results.repo.ts) from the projection: Comuni per pair of codes, margins and base. */
export async function selectCrosstabProjected(
  tx: Queryable,
  waveId: string,
  f: ResultFilters,
  row: string,
  col: string,
): Promise<CrosstabRow[]> {
  const { from, w } = projected(waveId, row, f, 'r', false);
  const c = w.param(col);
  return tx.query<CrosstabRow>(
    `WITH x AS (
       SELECT r.comune_istat AS istat, r.codes AS rv, k.codes AS cv
         FROM ${from}
         JOIN survey_answer_values k ON k.response_id = r.response_id AND k.question = ${c}
         ${w} AND r.codes IS NOT NULL AND k.codes IS NOT NULL)
     SELECT a.code AS rc, b.code AS cc, count(DISTINCT x.istat)::int AS n
       FROM x CROSS JOIN LATERAL unnest(x.rv) AS a(code) CROSS JOIN LATERAL unnest(x.cv) AS b(code)
      GROUP BY GROUPING SETS ((a.code, b.code), (a.code), (b.code), ())`,
    w.params,
  );
}
