import type { Queryable } from '../../platform/db/db.js';
import { Where, offsetOf } from '../../platform/pagination.js';
import { foldName } from './registry.rules.js';
import type { Comune, ComuneQuery } from './registry.schema.js';

const comuneColumns = `c.istat_code, c.name, c.name_alt, c.codice_catastale, c.province_code, p.sigla AS province_sigla,
  p.name AS province_name, c.region_code, r.name AS region_name, r.macro_area, c.population, c.population_month, c.band,
  c.sai_network, c.pilot_18ter
  FROM comuni c JOIN provinces p ON p.code = c.province_code JOIN regions r ON r.code = c.region_code`;

interface ComuneRow {
  istat_code: string;
  name: string;
  name_alt: string | null;
  codice_catastale: string | null;
  province_code: string;
  province_sigla: string;
  province_name: string;
  region_code: string;
  region_name: string;
  macro_area: string;
  population: number;
  population_month: string;
  band: Comune['band'];
  sai_network: boolean;
  pilot_18ter: boolean;
}

function toComune(r: ComuneRow): Comune {
  return {
    istatCode: r.istat_code,
    name: r.name,
    nameAlt: r.name_alt,
    codiceCatastale: r.codice_catastale,
    provinceCode: r.province_code,
    provinceSigla: r.province_sigla,
    provinceName: r.province_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    population: r.population,
    populationMonth: r.population_month,
    band: r.band,
    saiNetwork: r.sai_network,
    pilot18ter: r.pilot_18ter,
  };
}

const sortSql: Record<NonNullable<ComuneQuery['sort']>, string> = {
  name: 'c.search_key, c.istat_code',
  '-name': 'c.search_key DESC, c.istat_code',
  population: 'c.population, c.istat_code',
  '-population': 'c.population DESC, c.istat_code',
  istatCode: 'c.istat_code',
};

/**
 * Search: six digits find an ISTAT code, a letter and three digits a codice catastale; any other
 * text is a prefix of the name, of a word in it, or of the alternative-language name, ignoring
 * case and accents. Without an explicit sort, names that start with the text come first.
 */
export async function selectComuniPage(tx: Queryable, q: ComuneQuery): Promise<{ items: Comune[]; total: number }> {
  const w = new Where();
  let relevance = '';
  const text = q.q?.trim() ?? '';
  if (/^\d{6}$/.test(text)) w.add('c.istat_code = $?', text);
  else if (/^[A-Za-z]\d{3}$/.test(text)) w.add('c.codice_catastale = $?', text.toUpperCase());
  else if (text) {
    const folded = foldName(text);
    if (folded) {
      const p = w.param(folded);
      w.raw(`c.istat_code IN (SELECT t.istat_code FROM comuni_search_terms t WHERE t.term LIKE ${p} || '%')`);
      relevance = `(c.search_key LIKE ${p} || '%') DESC, `;
    }
  }
  if (q.region) w.add('c.region_code = $?', q.region);
  if (q.province) w.add('c.province_code = $?', q.province);
  if (q.band) w.add('c.band = $?', q.band);
  if (q.saiNetwork !== undefined) w.add('c.sai_network = $?', q.saiNetwork);
  if (q.pilot18ter !== undefined) w.add('c.pilot_18ter = $?', q.pilot18ter);
  const order = q.sort ? sortSql[q.sort] : relevance + sortSql.name;
  const filterParams = w.params.length;
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  // the page and the total in one statement; a page past the end needs the count on its own
  const rows = await tx.query<ComuneRow & { total_count: number }>(
    `SELECT ${comuneColumns.replace('\n  FROM', ', count(*) OVER () AS total_count\n  FROM')} ${w}
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  let total = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [count] = await tx.query<{ n: number }>(
      `SELECT count(*) AS n FROM comuni c ${w}`,
      w.params.slice(0, filterParams),
    );
    total = count?.n ?? 0;
  }
  return { items: rows.map(toComune), total };
}

export async function selectComune(
  tx: Queryable,
  istatCode: string,
): Promise<(Comune & { macroArea: string }) | undefined> {
  const [row] = await tx.query<ComuneRow>(`SELECT ${comuneColumns} WHERE c.istat_code = $1`, [istatCode]);
  return row ? { ...toComune(row), macroArea: row.macro_area } : undefined;
}

export async function updateComuneFlags(
  tx: Queryable,
  istatCode: string,
  f: { saiNetwork?: boolean; pilot18ter?: boolean },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE comuni SET sai_network = coalesce($2, sai_network), pilot_18ter = coalesce($3, pilot_18ter), updated_at = $4
      WHERE istat_code = $1`,
    [istatCode, f.saiNetwork ?? null, f.pilot18ter ?? null, now],
  );
}

export async function selectRegions(tx: Queryable) {
  const rows = await tx.query<{ code: string; name: string; macro_area: 'NO' | 'NE' | 'C' | 'S' | 'I' }>(
    'SELECT code, name, macro_area FROM regions ORDER BY code',
  );
  return rows.map((r) => ({ code: r.code, name: r.name, macroArea: r.macro_area }));
}

export async function selectProvinces(tx: Queryable, region: string | undefined) {
  const rows = await tx.query<{ code: string; sigla: string; name: string; region_code: string }>(
    'SELECT code, sigla, name, region_code FROM provinces WHERE ($1::text IS NULL OR region_code = $1) ORDER BY name',
    [region ?? null],
  );
  return rows.map((r) => ({ code: r.code, sigla: r.sigla, name: r.name, regionCode: r.region_code }));
}

export async function selectSources(tx: Queryable) {
  const rows = await tx.query<{
    id: string;
    title: string;
    licence: string;
    reference_date: string;
    attribution: string;
    url: string;
  }>('SELECT id, title, licence, reference_date, attribution, url FROM registry_sources ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    licence: r.licence,
    referenceDate: r.reference_date,
    attribution: r.attribution,
    url: r.url,
  }));
}
