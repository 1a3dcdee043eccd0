/**
 * Loads the territorial reference data (data-sources/registry, from ANPR and ISTAT/openpolis)
 * into the database. Idempotent: a content hash per source skips unchanged data, and changed data
 * is upserted without touching the platform's own flags (SAI network, pilot 18-ter).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../platform/db/db.js';
import { projectRoot } from '../../platform/paths.js';
import { bandOf, foldName, searchTerms } from './registry.rules.js';

export const registryDir = () => join(projectRoot(), 'data-sources', 'registry');

/** What the UI and README show about each source (licence and attribution as the owners ask). */
export const registrySources = [
  {
    id: 'anpr-popolazione',
    title: 'Popolazione residente per comune (ANPR), aprile 2026',
    licence: 'CC0 1.0',
    referenceDate: '2026-04',
    attribution: "Dati dai Numeri del portale ANPR - CC0 Ministero dell'Interno",
    url: 'https://github.com/italia/anpr-opendata',
  },
  {
    id: 'anpr-archivio-comuni',
    title: 'Archivio dei comuni ANPR (codici ISTAT e catastali, denominazioni)',
    licence: 'CC BY 4.0',
    referenceDate: '2023-05-16',
    attribution: "Archivio comuni ANPR (github.com/italia/anpr) - © Ministero dell'Interno, CC BY 4.0",
    url: 'https://github.com/italia/anpr',
  },
  {
    id: 'istat-openpolis-confini',
    title: 'Confini amministrativi e denominazioni di province e regioni (ISTAT, elaborazione openpolis)',
    licence: 'CC BY 4.0',
    referenceDate: '2023-06',
    attribution:
      'Confini amministrativi: © ISTAT, elaborazione openpolis (github.com/openpolis/geojson-italy), CC BY 4.0. Limiti al giugno 2023',
    url: 'https://github.com/openpolis/geojson-italy',
  },
] as const;

/**
 * Bumped whenever what the loader derives from the files changes (new columns, search terms…),
 * so that existing databases reload even though the files did not change.
 */
export const REGISTRY_LOADER_VERSION = '2';

type CsvRow = Record<string, string>;

function readCsv(name: string): { rows: CsvRow[]; text: string } {
  const text = readFileSync(join(registryDir(), name), 'utf8');
  const rows = parse<CsvRow>(text, { columns: true, skip_empty_lines: true, trim: false });
  return { rows, text };
}

export interface RegistryLoadResult {
  skipped: boolean;
  regions: number;
  provinces: number;
  comuni: number;
}

export async function loadRegistry(db: Database): Promise<RegistryLoadResult> {
  const regions = readCsv('regions.csv');
  const provinces = readCsv('provinces.csv');
  const comuni = readCsv('comuni.csv');
  const contentHash = createHash('sha256')
    .update(REGISTRY_LOADER_VERSION)
    .update(regions.text)
    .update(provinces.text)
    .update(comuni.text)
    .digest('hex');

  const result = await db.ownerTx(async (tx) => {
    const loaded = await tx.query<{ n: number }>('SELECT count(*) AS n FROM registry_sources WHERE content_hash = $1', [
      contentHash,
    ]);
    if ((loaded[0]?.n ?? 0) === registrySources.length) {
      return {
        skipped: true,
        regions: regions.rows.length,
        provinces: provinces.rows.length,
        comuni: comuni.rows.length,
      };
    }
    await tx.query(
      `INSERT INTO regions (code, name, macro_area)
       SELECT code, name, macro_area FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, macro_area text)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, macro_area = EXCLUDED.macro_area`,
      [JSON.stringify(regions.rows.map((r) => ({ code: r.region_code, name: r.name, macro_area: r.macro_area })))],
    );
    await tx.query(
      `INSERT INTO provinces (code, sigla, name, region_code)
       SELECT code, sigla, name, region_code FROM jsonb_to_recordset($1::jsonb) AS x(code text, sigla text, name text, region_code text)
       ON CONFLICT (code) DO UPDATE SET sigla = EXCLUDED.sigla, name = EXCLUDED.name, region_code = EXCLUDED.region_code`,
      [
        JSON.stringify(
          provinces.rows.map((r) => ({
            code: r.province_code,
            sigla: r.sigla,
            name: r.name,
            region_code: r.region_code,
          })),
        ),
      ],
    );
    const comuniJson = comuni.rows.map((r) => {
      const population = Number.parseInt(r.population ?? '', 10);
      if (!Number.isFinite(population)) throw new Error(`comuni.csv: bad population for ${r.istat_code}`);
      return {
        istat_code: r.istat_code,
        name: r.name,
        name_alt: r.name_alt || null,
        codice_catastale: r.codice_catastale || null,
        province_code: r.province_code,
        region_code: r.region_code,
        population,
        population_month: r.population_month,
        band: bandOf(population),
        search_key: foldName(r.name ?? ''),
        search_key_alt: r.name_alt ? foldName(r.name_alt) : null,
      };
    });
    await tx.query(
      `INSERT INTO comuni (istat_code, name, name_alt, codice_catastale, province_code, region_code, population,
                           population_month, band, search_key, search_key_alt)
       SELECT istat_code, name, name_alt, codice_catastale, province_code, region_code, population, population_month,
              band, search_key, search_key_alt
         FROM jsonb_to_recordset($1::jsonb) AS x(istat_code text, name text, name_alt text, codice_catastale text,
              province_code text, region_code text, population int, population_month text, band text,
              search_key text, search_key_alt text)
       ON CONFLICT (istat_code) DO UPDATE SET name = EXCLUDED.name, name_alt = EXCLUDED.name_alt,
         codice_catastale = EXCLUDED.codice_catastale, province_code = EXCLUDED.province_code,
         region_code = EXCLUDED.region_code, population = EXCLUDED.population,
         population_month = EXCLUDED.population_month, band = EXCLUDED.band, search_key = EXCLUDED.search_key,
         search_key_alt = EXCLUDED.search_key_alt`,
      [JSON.stringify(comuniJson)],
    );
    await tx.query('DELETE FROM comuni_search_terms');
    await tx.query(
      `INSERT INTO comuni_search_terms (term, istat_code)
       SELECT term, istat_code FROM jsonb_to_recordset($1::jsonb) AS x(term text, istat_code text)`,
      [
        JSON.stringify(
          comuniJson.flatMap((c) =>
            searchTerms(c.search_key, c.search_key_alt).map((term) => ({ term, istat_code: c.istat_code })),
          ),
        ),
      ],
    );
    for (const s of registrySources) {
      await tx.query(
        `INSERT INTO registry_sources (id, title, licence, reference_date, attribution, url, content_hash, loaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (id) DO UPDATE SET title = $2, licence = $3, reference_date = $4, attribution = $5, url = $6,
           content_hash = $7, loaded_at = now()`,
        [s.id, s.title, s.licence, s.referenceDate, s.attribution, s.url, contentHash],
      );
    }
    return {
      skipped: false,
      regions: regions.rows.length,
      provinces: provinces.rows.length,
      comuni: comuni.rows.length,
    };
  });
  // fresh statistics, so the planner uses the indexes from the first query on
  if (!result.skipped) await db.ownerExec('ANALYZE regions, provinces, comuni, comuni_search_terms');
  return result;
}
