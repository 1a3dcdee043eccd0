/** SQL of the waves: the wave rows, the universe (count, preview, freeze). */
import type { Queryable } from '../../../platform/db/db.js';
import { sqlParams, UNIVERSE_FROM, universeWhere, type UniverseRule } from '../shared/universe.js';

export interface WaveRow {
  id: string;
  survey_id: string;
  survey_title: string;
  form_version_id: string;
  version_no: number | null;
  title_it: string;
  title_en: string | null;
  universe_rule: UniverseRule;
  reference_month: string | null;
  opens_on: string;
  closes_on: string;
  reminder_days: number[];
  status: 'bozza' | 'aperta' | 'chiusa';
  universe_count: number | null;
  launched_at: Date | null;
  launched_by_name: string | null;
  closed_at: Date | null;
  created_at: Date;
  row_version: number;
}

const waveColumns = `w.id, w.survey_id, s.title_it AS survey_title, w.form_version_id, v.version_no, w.title_it, w.title_en,
  w.universe_rule, w.reference_month, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on,
  to_char(w.closes_on, 'YYYY-MM-DD') AS closes_on, w.reminder_days, w.status, w.universe_count, w.launched_at,
  u.display_name AS launched_by_name, w.closed_at, w.created_at, w.row_version`;
const waveFrom = `survey_waves w JOIN survey_surveys s ON s.id = w.survey_id
  JOIN survey_form_versions v ON v.id = w.form_version_id LEFT JOIN access_users_v u ON u.id = w.launched_by`;

export async function selectWave(tx: Queryable, id: string, forUpdate = false): Promise<WaveRow | undefined> {
  const [row] = await tx.query<WaveRow>(
    `SELECT ${waveColumns} FROM ${waveFrom} WHERE w.id = $1${forUpdate ? ' FOR UPDATE OF w' : ''}`,
    [id],
  );
  return row;
}

export function selectWavesOfSurvey(tx: Queryable, surveyId: string): Promise<WaveRow[]> {
  return tx.query<WaveRow>(
    `SELECT ${waveColumns} FROM ${waveFrom} WHERE w.survey_id = $1 ORDER BY w.opens_on DESC, w.created_at DESC`,
    [surveyId],
  );
}

export async function surveyExists(tx: Queryable, surveyId: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM survey_surveys WHERE id = $1', [surveyId])).length > 0;
}

/** The version if it belongs to the survey: published or not. */
export async function selectVersionOf(
  tx: Queryable,
  surveyId: string,
  versionId: string,
): Promise<{ published: boolean } | undefined> {
  const [row] = await tx.query<{ published: boolean }>(
    'SELECT published_at IS NOT NULL AS published FROM survey_form_versions WHERE id = $1 AND survey_id = $2',
    [versionId, surveyId],
  );
  return row;
}

export interface WaveInsert {
  id: string;
  surveyId: string;
  formVersionId: string;
  titleIt: string;
  titleEn: string | null;
  universeRule: UniverseRule;
  referenceMonth: string | null;
  opensOn: string;
  closesOn: string;
  reminderDays: number[];
  createdBy: string;
  createdAt: Date;
}

export async function insertWave(tx: Queryable, w: WaveInsert): Promise<void> {
  await tx.query(
    `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, title_en, universe_rule, reference_month, opens_on,
       closes_on, reminder_days, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'bozza', $11, $12)`,
    [
      w.id,
      w.surveyId,
      w.formVersionId,
      w.titleIt,
      w.titleEn,
      JSON.stringify(w.universeRule),
      w.referenceMonth,
      w.opensOn,
      w.closesOn,
      w.reminderDays,
      w.createdBy,
      w.createdAt,
    ],
  );
}

export async function updateDraftWave(
  tx: Queryable,
  id: string,
  w: Omit<WaveInsert, 'id' | 'surveyId' | 'createdBy' | 'createdAt'>,
): Promise<void> {
  await tx.query(
    `UPDATE survey_waves SET form_version_id = $2, title_it = $3, title_en = $4, universe_rule = $5, reference_month = $6,
       opens_on = $7, closes_on = $8, reminder_days = $9, row_version = row_version + 1
     WHERE id = $1`,
    [
      id,
      w.formVersionId,
      w.titleIt,
      w.titleEn,
      JSON.stringify(w.universeRule),
      w.referenceMonth,
      w.opensOn,
      w.closesOn,
      w.reminderDays,
    ],
  );
}

/** The months of the population figures the registry holds, newest first. */
export async function selectPopulationMonths(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ m: string }>(
    'SELECT DISTINCT population_month AS m FROM comuni ORDER BY population_month DESC',
  );
  return rows.map((r) => r.m);
}

export async function selectUniversePreview(
  tx: Queryable,
  rule: UniverseRule,
): Promise<{
  byRegion: { code: string; name: string; count: number }[];
  sample: { istat: string; name: string; province_sigla: string }[];
}> {
  const p = sqlParams();
  const where = universeWhere(rule, p);
  const byRegion = await tx.query<{ code: string; name: string; count: number }>(
    `SELECT r.code, r.name, count(*)::int AS count FROM ${UNIVERSE_FROM} WHERE ${where} GROUP BY r.code, r.name ORDER BY r.code`,
    p.values,
  );
  const sample = await tx.query<{ istat: string; name: string; province_sigla: string }>(
    `SELECT c.istat_code AS istat, c.name, pr.sigla AS province_sigla
       FROM ${UNIVERSE_FROM} JOIN provinces pr ON pr.code = c.province_code
      WHERE ${where} ORDER BY c.population DESC, c.name LIMIT 20`,
    p.values,
  );
  return { byRegion, sample };
}

/**
 * Freezes the universe: one row per Comune of the rule in survey_wave_comuni (status invitato) and
 * its empty response (same id), in two set-based statements. Returns how many Comuni.
 */
export async function freezeUniverse(tx: Queryable, waveId: string, rule: UniverseRule, at: Date): Promise<number> {
  const p = sqlParams([waveId, at]);
  const where = universeWhere(rule, p);
  const [n] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, status_changed_at)
       SELECT gen_random_uuid(), $1, c.istat_code, 'invitato', $2 FROM ${UNIVERSE_FROM} WHERE ${where}
       RETURNING id, comune_istat)
     , resp AS (INSERT INTO survey_responses (id, comune_istat) SELECT id, comune_istat FROM ins RETURNING 1)
     SELECT count(*)::int AS n FROM resp`,
    p.values,
  );
  return n!.n;
}

export async function markLaunched(
  tx: Queryable,
  id: string,
  v: { count: number; month: string | null; by: string; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE survey_waves SET status = 'aperta', universe_count = $2, reference_month = coalesce(reference_month, $3),
       launched_by = $4, launched_at = $5, row_version = row_version + 1 WHERE id = $1`,
    [id, v.count, v.month, v.by, v.at],
  );
}

export async function updateClosesOn(tx: Queryable, id: string, closesOn: string): Promise<void> {
  await tx.query('UPDATE survey_waves SET closes_on = $2, row_version = row_version + 1 WHERE id = $1', [id, closesOn]);
}

export async function markClosed(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE survey_waves SET status = 'chiusa', closed_at = $2, row_version = row_version + 1 WHERE id = $1`,
    [id, at],
  );
}
