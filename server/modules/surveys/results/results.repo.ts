/**
 * SQL of a wave's results: every figure is computed in PostgreSQL over the jsonb answers of the
 * responses that count, so only a few rows per question leave the database. A question's answers
 * are first laid out as units (a Comune, or an entry of a repeat: one row each, with the Comune
 * it belongs to and the answer's jsonb value), then aggregated by kind.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import { COUNTED_STATUSES } from './results.rules.js';
import type { ResultFilters } from './results.schema.js';

/** The published questionnaire version a wave runs on; null when no such wave. */
export async function selectWaveFormVersion(tx: Queryable, waveId: string): Promise<string | null> {
  const [row] = await tx.query<{ form_version_id: string }>('SELECT form_version_id FROM survey_waves WHERE id = $1', [
    waveId,
  ]);
  return row?.form_version_id ?? null;
}

/** A questionnaire version's form (its model, as stored). */
export async function selectFormOfVersion(tx: Queryable, versionId: string): Promise<unknown> {
  const [row] = await tx.query<{ form: unknown }>('SELECT form FROM survey_form_versions WHERE id = $1', [versionId]);
  return row?.form ?? null;
}

export async function regionExists(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM regions WHERE code = $1', [code])).length > 0;
}

export async function provinceRegion(tx: Queryable, code: string): Promise<string | null> {
  const [row] = await tx.query<{ region_code: string }>('SELECT region_code FROM provinces WHERE code = $1', [code]);
  return row?.region_code ?? null;
}

/**
 * The filters of the results, plus what a comparison across waves adds (decision 0043): `panelWith`
 * keeps only the Comuni whose answers also count in that other wave (the panel), `comune` one Comune.
 */
export type RepoFilters = ResultFilters & { panelWith?: string; comune?: string };

/** The responses that count, after the filters (alias wc, sr, c, rg). */
function countedWhere(waveId: string, f: RepoFilters): Where {
  const w = new Where().add('wc.wave_id = $?', waveId).add('wc.status = ANY($?::text[])', COUNTED_STATUSES);
  if (f.panelWith)
    w.add(
      `EXISTS (SELECT 1 FROM survey_wave_comuni p WHERE p.wave_id = $? AND p.comune_istat = wc.comune_istat AND p.status = ANY(${w.param(COUNTED_STATUSES)}::text[]))`,
      f.panelWith,
    );
  if (f.comune) w.add('c.istat_code = $?', f.comune);
  if (f.region) w.add('c.region_code = $?', f.region);
  if (f.province) w.add('c.province_code = $?', f.province);
  if (f.macroArea) w.add('rg.macro_area = $?', f.macroArea);
  if (f.band) w.add('c.band = $?', f.band);
  if (f.sai !== undefined) w.add('c.sai_network = $?', f.sai);
  if (f.pilot !== undefined) w.add('c.pilot_18ter = $?', f.pilot);
  return w;
}

const COUNTED_FROM = `FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
  JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions rg ON rg.code = c.region_code`;

/** How many Comuni count after the filters. */
export async function countRespondents(tx: Queryable, waveId: string, f: RepoFilters): Promise<number> {
  const w = countedWhere(waveId, f);
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${COUNTED_FROM} ${w}`, w.params);
  return row!.n;
}

export interface UnitSpec {
  name: string;
  /** the repeats the question sits in, outermost first */
  repeats: string[];
}

/**
 * `u(istat, comune, region_code, province_code, unit, val, other)`: one row per Comune counted (or
 * per entry of the question's repeats), `val` the answer's jsonb (null when not given), `other`
 * the text of "Altro" next to it.
 */
function unitsCte(w: Where, q: UnitSpec): string {
  const name = w.param(q.name);
  const other = w.param(`${q.name}_other`);
  let node = 'sr.answers';
  let unit = 'c.istat_code::text';
  const joins: string[] = [];
  q.repeats.forEach((rep, i) => {
    const r = w.param(rep);
    const e = `e${i}`;
    joins.push(
      `CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(${node} -> ${r}::text) = 'array' THEN ${node} -> ${r}::text ELSE '[]'::jsonb END) WITH ORDINALITY ${e}(v, i)`,
    );
    node = `${e}.v`;
    unit = `${unit} || ':' || ${e}.i`;
  });
  return `u AS (
    SELECT c.istat_code AS istat, c.name AS comune, c.region_code, c.province_code, ${unit} AS unit,
           ${node} -> ${name}::text AS val, ${node} -> ${other}::text AS other
      ${COUNTED_FROM} ${joins.join(' ')} ${w})`;
}

/** An answer is given: not missing, not null, not a blank text. */
const ANSWERED = `(u.val IS NOT NULL AND jsonb_typeof(u.val) <> 'null' AND NOT (jsonb_typeof(u.val) = 'string' AND btrim(u.val #>> '{}') = ''))`;
const CODES = `regexp_split_to_array(btrim(u.val #>> '{}'), '\\s+')`;
const RANGE_MIN = `CASE WHEN jsonb_typeof(u.val -> 'min') = 'number' THEN (u.val ->> 'min')::numeric
  WHEN jsonb_typeof(u.val -> 'value') = 'number' THEN (u.val ->> 'value')::numeric END`;
const RANGE_MAX = `CASE WHEN jsonb_typeof(u.val -> 'max') = 'number' THEN (u.val ->> 'max')::numeric
  WHEN jsonb_typeof(u.val -> 'value') = 'number' THEN (u.val ->> 'value')::numeric END`;
const NUMBER = `CASE WHEN jsonb_typeof(u.val) = 'number' THEN (u.val #>> '{}')::numeric END`;

export interface BaseRow {
  base: number;
  entries: number;
}

export async function selectBase(tx: Queryable, waveId: string, f: RepoFilters, q: UnitSpec): Promise<BaseRow> {
  const w = countedWhere(waveId, f);
  const [row] = await tx.query<BaseRow>(
    `WITH ${unitsCte(w, q)}
     SELECT count(DISTINCT u.istat) FILTER (WHERE ${ANSWERED})::int AS base, count(*) FILTER (WHERE ${ANSWERED})::int AS entries FROM u`,
    w.params,
  );
  return row!;
}

/**
 * Per code, how many units chose it (a unit that repeats a code counts once). `recode` (old code →
 * new code, a comparison across waves) renames codes before counting, so a unit that chose two
 * old codes recoded to the same new one counts once under it.
 */
export async function selectChoiceCounts(
  tx: Queryable,
  waveId: string,
  f: RepoFilters,
  q: UnitSpec,
  recode: ReadonlyMap<string, string> = new Map(),
): Promise<{ code: string; n: number }[]> {
  const w = countedWhere(waveId, f);
  const from = w.param([...recode.keys()]);
  const to = w.param([...recode.values()]);
  return tx.query(
    `WITH ${unitsCte(w, q)}
     SELECT coalesce(m.to_code, raw.code) AS code, count(DISTINCT u.unit)::int AS n
       FROM u CROSS JOIN LATERAL unnest(${CODES}) AS raw(code)
       LEFT JOIN unnest(${from}::text[], ${to}::text[]) AS m(from_code, to_code) ON m.from_code = raw.code
      WHERE jsonb_typeof(u.val) = 'string' AND btrim(u.val #>> '{}') <> ''
      GROUP BY 1`,
    w.params,
  );
}

export interface NumberRow {
  n: number;
  sum: number | null;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export async function selectNumberStats(
  tx: Queryable,
  waveId: string,
  f: RepoFilters,
  q: UnitSpec,
): Promise<NumberRow> {
  const w = countedWhere(waveId, f);
  const [row] = await tx.query<NumberRow>(
    `WITH ${unitsCte(w, q)}, x AS (SELECT ${NUMBER} AS x FROM u)
     SELECT count(x)::int AS n, sum(x)::float8 AS sum, avg(x)::float8 AS mean,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::float8 AS median, min(x)::float8 AS min, max(x)::float8 AS max
       FROM x WHERE x IS NOT NULL`,
    w.params,
  );
  return row!;
}

export interface RangeRow {
  n: number;
  sum_min: number | null;
  sum_max: number | null;
  certain: number;
  estimated: number;
  unknown: number;
}

export async function selectRangeStats(tx: Queryable, waveId: string, f: RepoFilters, q: UnitSpec): Promise<RangeRow> {
  const w = countedWhere(waveId, f);
  const [row] = await tx.query<RangeRow>(
    `WITH ${unitsCte(w, q)},
          x AS (SELECT ${RANGE_MIN} AS lo, ${RANGE_MAX} AS hi, u.val ->> 'quality' AS quality
                  FROM u WHERE jsonb_typeof(u.val) = 'object')
     SELECT count(lo)::int AS n, sum(lo)::float8 AS sum_min, sum(hi)::float8 AS sum_max,
            count(*) FILTER (WHERE quality = 'certo')::int AS certain,
            count(*) FILTER (WHERE quality = 'stima')::int AS estimated,
            count(*) FILTER (WHERE quality = 'non_noto')::int AS unknown
       FROM x`,
    w.params,
  );
  return row!;
}

export const MAX_TEXTS = 500;

/** The free texts of a question (or of its "Altro"), with the Comune's name, at most MAX_TEXTS. */
export async function selectTexts(
  tx: Queryable,
  waveId: string,
  f: RepoFilters,
  q: UnitSpec,
  which: 'val' | 'other',
): Promise<{ total: number; items: { comune: string; text: string }[] }> {
  const w = countedWhere(waveId, f);
  const col = which === 'val' ? 'u.val' : 'u.other';
  const rows = await tx.query<{ comune: string; text: string; total: number }>(
    `WITH ${unitsCte(w, q)}
     SELECT u.comune, ${col} #>> '{}' AS text, (count(*) OVER ())::int AS total
       FROM u WHERE jsonb_typeof(${col}) = 'string' AND btrim(${col} #>> '{}') <> ''
      ORDER BY u.comune, u.unit LIMIT ${MAX_TEXTS}`,
    w.params,
  );
  return { total: rows[0]?.total ?? 0, items: rows.map((r) => ({ comune: r.comune, text: r.text })) };
}

export interface CrosstabRow {
  rc: string | null;
  cc: string | null;
  n: number;
}

/** Comuni per pair of codes of two questions answered once per Comune, with the margins and the base. */
export async function selectCrosstab(
  tx: Queryable,
  waveId: string,
  f: RepoFilters,
  row: string,
  col: string,
): Promise<CrosstabRow[]> {
  const w = countedWhere(waveId, f);
  const r = w.param(row);
  const c = w.param(col);
  return tx.query<CrosstabRow>(
    `WITH x AS (
       SELECT c.istat_code AS istat, btrim(sr.answers ->> ${r}::text) AS rv, btrim(sr.answers ->> ${c}::text) AS cv
         ${COUNTED_FROM} ${w}
          AND jsonb_typeof(sr.answers -> ${r}::text) = 'string' AND jsonb_typeof(sr.answers -> ${c}::text) = 'string')
     SELECT a.code AS rc, b.code AS cc, count(DISTINCT x.istat)::int AS n
       FROM x CROSS JOIN LATERAL unnest(regexp_split_to_array(x.rv, '\\s+')) AS a(code)
              CROSS JOIN LATERAL unnest(regexp_split_to_array(x.cv, '\\s+')) AS b(code)
      WHERE x.rv <> '' AND x.cv <> ''
      GROUP BY GROUPING SETS ((a.code, b.code), (a.code), (b.code), ())`,
    w.params,
  );
}

export interface AreaRow {
  code: string;
  name: string;
  base: number;
  answered: number;
  hits: number;
  mean: number | null;
  sum_min: number | null;
  sum_max: number | null;
}

const areaSql = {
  regione: { code: 'u.region_code', list: 'SELECT code, name FROM regions a', regionCol: 'a.code' },
  provincia: { code: 'u.province_code', list: 'SELECT code, name FROM provinces a', regionCol: 'a.region_code' },
  comune: {
    code: 'u.istat',
    list: 'SELECT c.istat_code AS code, c.name FROM survey_wave_comuni a JOIN comuni c ON c.istat_code = a.comune_istat',
    regionCol: 'c.region_code',
  },
} as const;

/**
 * Per area of a level (every Region or province; every Comune of the wave's universe), the base
 * and the raw figures: units that answered, units with `choice`, mean of the numbers, sums of the
 * minima and of the maxima. Areas with no answer are listed too (base 0). `onlyRegion` narrows the list of areas.
 */
export async function selectAreas(
  tx: Queryable,
  waveId: string,
  f: RepoFilters,
  q: UnitSpec,
  level: keyof typeof areaSql,
  choice: string | null,
  onlyRegion: string | null,
): Promise<AreaRow[]> {
  const w = countedWhere(waveId, f);
  const a = areaSql[level];
  const ch = w.param(choice);
  const listWhere: string[] = [];
  if (level === 'comune') listWhere.push(`a.wave_id = ${w.param(waveId)}`);
  if (onlyRegion) listWhere.push(`${a.regionCol} = ${w.param(onlyRegion)}`);
  return tx.query<AreaRow>(
    `WITH ${unitsCte(w, q)},
          g AS (SELECT ${a.code} AS code,
                       count(DISTINCT u.istat) FILTER (WHERE ${ANSWERED})::int AS base,
                       count(*) FILTER (WHERE ${ANSWERED})::int AS answered,
                       count(*) FILTER (WHERE jsonb_typeof(u.val) = 'string' AND ${ch}::text = ANY(${CODES}))::int AS hits,
                       avg(${NUMBER})::float8 AS mean,
                       sum(CASE WHEN jsonb_typeof(u.val) = 'object' THEN ${RANGE_MIN} END)::float8 AS sum_min,
                       sum(CASE WHEN jsonb_typeof(u.val) = 'object' THEN ${RANGE_MAX} END)::float8 AS sum_max
                  FROM u GROUP BY 1)
     SELECT l.code::text AS code, l.name, coalesce(g.base, 0) AS base, coalesce(g.answered, 0) AS answered,
            coalesce(g.hits, 0) AS hits, g.mean, g.sum_min, g.sum_max
       FROM (${a.list} ${listWhere.length ? `WHERE ${listWhere.join(' AND ')}` : ''}) l
       LEFT JOIN g ON g.code = l.code
      ORDER BY l.name, l.code`,
    w.params,
  );
}
