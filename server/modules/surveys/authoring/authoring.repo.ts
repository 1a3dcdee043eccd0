/** SQL of the surveys and their questionnaire versions. */
import type { Queryable } from '../../../platform/db/db.js';

export interface SurveyRow {
  id: string;
  code: string;
  title_it: string;
  title_en: string | null;
  description_it: string | null;
  created_at: Date;
  version_count: number;
  latest_published_no: number | null;
  wave_count: number;
}

const surveySelect = `SELECT s.id, s.code, s.title_it, s.title_en, s.description_it, s.created_at,
    (SELECT count(*)::int FROM survey_form_versions v WHERE v.survey_id = s.id) AS version_count,
    (SELECT max(v.version_no) FROM survey_form_versions v WHERE v.survey_id = s.id) AS latest_published_no,
    (SELECT count(*)::int FROM survey_waves w WHERE w.survey_id = s.id) AS wave_count
  FROM survey_surveys s`;

export function selectSurveys(tx: Queryable): Promise<SurveyRow[]> {
  return tx.query<SurveyRow>(`${surveySelect} ORDER BY s.created_at DESC, s.code`);
}

export async function selectSurvey(tx: Queryable, id: string): Promise<SurveyRow | undefined> {
  const [row] = await tx.query<SurveyRow>(`${surveySelect} WHERE s.id = $1`, [id]);
  return row;
}

export async function surveyCodeExists(tx: Queryable, code: string): Promise<boolean> {
  const rows = await tx.query<{ one: number }>('SELECT 1 AS one FROM survey_surveys WHERE code = $1', [code]);
  return rows.length > 0;
}

/**
 * Locks every version of a survey: two publications of the same survey wait for each other, so
 * their numbers follow each other (the app role may update only the versions, not the survey row).
 */
export async function lockVersionsOf(tx: Queryable, surveyId: string): Promise<void> {
  await tx.query('SELECT id FROM survey_form_versions WHERE survey_id = $1 ORDER BY id FOR UPDATE', [surveyId]);
}

export async function insertSurvey(
  tx: Queryable,
  s: {
    id: string;
    code: string;
    titleIt: string;
    titleEn: string | null;
    descriptionIt: string | null;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_surveys (id, code, title_it, title_en, description_it, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.id, s.code, s.titleIt, s.titleEn, s.descriptionIt, s.createdBy, s.createdAt],
  );
}

export interface VersionRow {
  id: string;
  survey_id: string;
  version_no: number | null;
  form: unknown;
  import_report: unknown;
  source_filename: string | null;
  question_count: number;
  created_at: Date;
  published_at: Date | null;
}

const versionColumns = `id, survey_id, version_no, form, import_report, source_filename, question_count, created_at, published_at`;

/** The versions of a survey, newest first (drafts by creation, published ones by number) */
export function selectVersions(tx: Queryable, surveyId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(
    `SELECT ${versionColumns} FROM survey_form_versions WHERE survey_id = $1 ORDER BY version_no DESC NULLS FIRST, created_at DESC, id`,
    [surveyId],
  );
}

export async function selectVersion(tx: Queryable, id: string): Promise<VersionRow | undefined> {
  const [row] = await tx.query<VersionRow>(`SELECT ${versionColumns} FROM survey_form_versions WHERE id = $1`, [id]);
  return row;
}

export async function lockVersion(tx: Queryable, id: string): Promise<VersionRow | undefined> {
  const [row] = await tx.query<VersionRow>(
    `SELECT ${versionColumns} FROM survey_form_versions WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}

export async function insertVersion(
  tx: Queryable,
  v: {
    id: string;
    surveyId: string;
    form: unknown;
    report: unknown;
    sourceFilename: string;
    questionCount: number;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO survey_form_versions (id, survey_id, form, import_report, source_filename, question_count, created_by, created_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)`,
    [
      v.id,
      v.surveyId,
      JSON.stringify(v.form),
      JSON.stringify(v.report),
      v.sourceFilename,
      v.questionCount,
      v.createdBy,
      v.createdAt,
    ],
  );
}

export async function nextVersionNo(tx: Queryable, surveyId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT coalesce(max(version_no), 0)::int + 1 AS n FROM survey_form_versions WHERE survey_id = $1',
    [surveyId],
  );
  return row!.n;
}

export async function publishVersion(
  tx: Queryable,
  id: string,
  versionNo: number,
  publishedBy: string,
  publishedAt: Date,
): Promise<void> {
  await tx.query(
    'UPDATE survey_form_versions SET version_no = $2, published_by = $3, published_at = $4 WHERE id = $1',
    [id, versionNo, publishedBy, publishedAt],
  );
}
