/**
 * SQL of a wave's export: the responses that count (the results' states), in ISTAT-code order, a
 * batch at a time (keyset on the wave's unique Comune code), so an export never holds more than
 * one batch and never keeps a transaction open while the client downloads.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { COUNTED_STATUSES } from './results.rules.js';
import type { ExportResponse } from './exports.rules.js';

export interface ExportWave {
  survey_code: string;
  wave_title: string;
  opens_on: string;
  version_no: number;
}

export async function selectExportWave(tx: Queryable, waveId: string): Promise<ExportWave | null> {
  const [row] = await tx.query<ExportWave>(
    `SELECT s.code AS survey_code, w.title_it AS wave_title, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on, fv.version_no
       FROM survey_waves w JOIN survey_surveys s ON s.id = w.survey_id
       JOIN survey_form_versions fv ON fv.id = w.form_version_id
      WHERE w.id = $1`,
    [waveId],
  );
  return row ?? null;
}

/** How many responses of the wave count (the rows of a wide export), in one Region or all. */
export async function countExportResponses(tx: Queryable, waveId: string, region: string | null): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat
      WHERE wc.wave_id = $1 AND wc.status = ANY($2::text[]) AND ($3::text IS NULL OR c.region_code = $3::text)`,
    [waveId, COUNTED_STATUSES, region],
  );
  return row!.n;
}

/**
 * The next `limit` responses that count after the Comune `after` (ISTAT code order). `part` limits
 * the answers read to one key (a repeat's entries), or null for the whole document; `region` to the
 * Comuni of one Region (a Regione's export), or null for all.
 */
export async function selectResponseBatch(
  tx: Queryable,
  waveId: string,
  after: string,
  limit: number,
  part: string | null,
  region: string | null = null,
): Promise<ExportResponse[]> {
  const params: unknown[] = [waveId, COUNTED_STATUSES, after, limit, region];
  if (part !== null) params.push(part);
  const answers = part === null ? 'sr.answers' : `jsonb_build_object($6::text, sr.answers -> $6::text)`;
  return tx.query<ExportResponse>(
    `SELECT wc.comune_istat::text AS istat, c.name AS comune, p.name AS provincia, rg.name AS regione, wc.status,
            to_char(wc.submitted_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD"T"HH24:MI:SS') AS submitted_at,
            ${answers} AS answers
       FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
       JOIN comuni c ON c.istat_code = wc.comune_istat JOIN provinces p ON p.code = c.province_code
       JOIN regions rg ON rg.code = c.region_code
      WHERE wc.wave_id = $1 AND wc.status = ANY($2::text[]) AND wc.comune_istat > $3
        AND ($5::text IS NULL OR c.region_code = $5::text)
      ORDER BY wc.comune_istat LIMIT $4`,
    params,
  );
}
