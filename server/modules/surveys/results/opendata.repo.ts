/** SQL of the open data (decision 0044): the frozen releases of a wave's aggregates. */
import type { Queryable } from '../../../platform/db/db.js';

export interface WaveForRelease {
  id: string;
  status: string;
  opens_on: string;
  closes_on: string;
}

export async function selectWaveForRelease(tx: Queryable, waveId: string): Promise<WaveForRelease | null> {
  const [row] = await tx.query<WaveForRelease>(
    `SELECT id, status, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(closes_on, 'YYYY-MM-DD') AS closes_on
       FROM survey_waves WHERE id = $1`,
    [waveId],
  );
  return row ?? null;
}

export interface NewDataset {
  id: string;
  waveId: string;
  level: string;
  questions: string[];
  titleIt: string;
  titleEn: string | null;
  descriptionIt: string;
  descriptionEn: string | null;
  keywords: string[];
  theme: string;
  accrual: string;
  regionCode: string | null;
  temporalStart: string;
  temporalEnd: string;
  publisherName: string;
  publisherId: string;
  contactEmail: string;
  csv: string;
  byteSize: number;
  sha256: string;
  rowCount: number;
  suppressedCount: number;
  releasedBy: string;
  releasedAt: Date;
}

export async function insertDataset(tx: Queryable, d: NewDataset): Promise<void> {
  await tx.query(
    `INSERT INTO survey_open_datasets (id, wave_id, level, questions, title_it, title_en, description_it, description_en,
        keywords, theme, accrual, region_code, temporal_start, temporal_end, publisher_name, publisher_id, contact_email,
        csv, byte_size, sha256, row_count, suppressed_count, released_by, released_at, modified_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9::text[], $10, $11, $12, $13, $14, $15, $16, $17,
             $18, $19, $20, $21, $22, $23, $24, $24)`,
    [
      d.id,
      d.waveId,
      d.level,
      d.questions,
      d.titleIt,
      d.titleEn,
      d.descriptionIt,
      d.descriptionEn,
      d.keywords,
      d.theme,
      d.accrual,
      d.regionCode,
      d.temporalStart,
      d.temporalEnd,
      d.publisherName,
      d.publisherId,
      d.contactEmail,
      d.csv,
      d.byteSize,
      d.sha256,
      d.rowCount,
      d.suppressedCount,
      d.releasedBy,
      d.releasedAt,
    ],
  );
}

/** A dataset's record without its CSV. */
export interface DatasetRow {
  id: string;
  wave_id: string;
  level: 'regione' | 'provincia' | 'comune';
  questions: string[];
  title_it: string;
  title_en: string | null;
  description_it: string;
  description_en: string | null;
  keywords: string[];
  theme: 'SOCI' | 'GOVE';
  accrual: 'IRREG' | 'ANNUAL' | 'NEVER';
  region_code: string | null;
  region_name: string | null;
  temporal_start: string;
  temporal_end: string;
  publisher_name: string;
  publisher_id: string;
  contact_email: string;
  byte_size: number;
  sha256: string;
  row_count: number;
  suppressed_count: number;
  issued: string;
  modified: string;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}

const COLUMNS = `d.id, d.wave_id, d.level, d.questions, d.title_it, d.title_en, d.description_it, d.description_en,
  d.keywords, d.theme, d.accrual, d.region_code, r.name AS region_name,
  to_char(d.temporal_start, 'YYYY-MM-DD') AS temporal_start, to_char(d.temporal_end, 'YYYY-MM-DD') AS temporal_end,
  d.publisher_name, d.publisher_id, d.contact_email, d.byte_size, d.sha256, d.row_count, d.suppressed_count,
  to_char(d.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS issued,
  to_char(d.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS modified, d.withdrawn_at, d.withdrawal_reason
  FROM survey_open_datasets d LEFT JOIN regions r ON r.code = d.region_code`;

/** The released datasets still in the public catalogue, newest first. */
export async function selectPublicDatasets(tx: Queryable): Promise<DatasetRow[]> {
  return tx.query<DatasetRow>(`SELECT ${COLUMNS} WHERE d.withdrawn_at IS NULL ORDER BY d.released_at DESC, d.id`);
}

/** One dataset in the public catalogue (not withdrawn), or null. */
export async function selectPublicDataset(tx: Queryable, id: string): Promise<DatasetRow | null> {
  const [row] = await tx.query<DatasetRow>(`SELECT ${COLUMNS} WHERE d.id = $1 AND d.withdrawn_at IS NULL`, [id]);
  return row ?? null;
}

/** The frozen CSV of a dataset in the public catalogue, or null. */
export async function selectPublicCsv(tx: Queryable, id: string): Promise<{ csv: string; sha256: string } | null> {
  const [row] = await tx.query<{ csv: string; sha256: string }>(
    'SELECT csv, sha256 FROM survey_open_datasets WHERE id = $1 AND withdrawn_at IS NULL',
    [id],
  );
  return row ?? null;
}

/** Every release of a wave, withdrawn ones too, newest first. */
export async function selectWaveDatasets(tx: Queryable, waveId: string): Promise<DatasetRow[]> {
  return tx.query<DatasetRow>(`SELECT ${COLUMNS} WHERE d.wave_id = $1 ORDER BY d.released_at DESC, d.id`, [waveId]);
}

/** One release, withdrawn or not, locked for the withdrawal; null when none. */
export async function lockDataset(
  tx: Queryable,
  id: string,
): Promise<{ id: string; withdrawn_at: Date | null } | null> {
  const [row] = await tx.query<{ id: string; withdrawn_at: Date | null }>(
    'SELECT id, withdrawn_at FROM survey_open_datasets WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row ?? null;
}

export async function selectDataset(tx: Queryable, id: string): Promise<DatasetRow | null> {
  const [row] = await tx.query<DatasetRow>(`SELECT ${COLUMNS} WHERE d.id = $1`, [id]);
  return row ?? null;
}

export async function markWithdrawn(
  tx: Queryable,
  id: string,
  by: string,
  at: Date,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE survey_open_datasets SET withdrawn_by = $2, withdrawn_at = $3, withdrawal_reason = $4, modified_at = $3
      WHERE id = $1`,
    [id, by, at, reason],
  );
}
