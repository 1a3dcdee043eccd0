/** SQL of the funding sources, calls and their rule versions. */
import type { Queryable } from '../../../platform/db/db.js';

export interface FundingSourceRow {
  id: string;
  code: string;
  name_it: string;
  name_en: string | null;
  programme_ref: string | null;
}

export async function selectFundingSources(tx: Queryable): Promise<FundingSourceRow[]> {
  return tx.query<FundingSourceRow>(
    `SELECT id, code, name_it, name_en, programme_ref FROM project_funding_sources ORDER BY name_it, code`,
  );
}

export async function selectFundingSource(tx: Queryable, id: string): Promise<FundingSourceRow | undefined> {
  const [row] = await tx.query<FundingSourceRow>(
    `SELECT id, code, name_it, name_en, programme_ref FROM project_funding_sources WHERE id = $1`,
    [id],
  );
  return row;
}

export async function fundingSourceCodeExists(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM project_funding_sources WHERE code = $1`, [code])).length > 0;
}

export async function insertFundingSource(tx: Queryable, r: FundingSourceRow & { created_at: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO project_funding_sources (id, code, name_it, name_en, programme_ref, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.id, r.code, r.name_it, r.name_en, r.programme_ref, r.created_at],
  );
}

export interface CallRow {
  id: string;
  code: string;
  title_it: string;
  title_en: string | null;
  funding_source_id: string;
  latest_id: string | null;
  latest_no: number | null;
  latest_rules: unknown;
  has_draft: boolean;
  project_count: number;
}

const callSelect = `
  SELECT c.id, c.code, c.title_it, c.title_en, c.funding_source_id,
         lp.id AS latest_id, lp.version_no AS latest_no, lp.rules AS latest_rules,
         EXISTS (SELECT 1 FROM project_call_versions d WHERE d.call_id = c.id AND d.published_at IS NULL) AS has_draft,
         (SELECT count(*)::int FROM projects p JOIN project_call_versions v ON v.id = p.call_version_id
           WHERE v.call_id = c.id) AS project_count
    FROM project_calls c
    LEFT JOIN LATERAL (
      SELECT v.id, v.version_no, v.rules FROM project_call_versions v
       WHERE v.call_id = c.id AND v.published_at IS NOT NULL
       ORDER BY v.version_no DESC LIMIT 1) lp ON true`;

export async function selectCalls(tx: Queryable): Promise<CallRow[]> {
  return tx.query<CallRow>(`${callSelect} ORDER BY c.created_at DESC, c.code`);
}

export async function selectCall(tx: Queryable, id: string): Promise<CallRow | undefined> {
  const [row] = await tx.query<CallRow>(`${callSelect} WHERE c.id = $1`, [id]);
  return row;
}

export async function lockCall(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM project_calls WHERE id = $1 FOR UPDATE`, [id])).length > 0;
}

export async function callCodeExists(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM project_calls WHERE lower(code) = lower($1)`, [code])).length > 0;
}

export async function insertCall(
  tx: Queryable,
  r: {
    id: string;
    fundingSourceId: string;
    code: string;
    titleIt: string;
    titleEn: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_calls (id, funding_source_id, code, title_it, title_en, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.fundingSourceId, r.code, r.titleIt, r.titleEn, r.createdBy, r.at],
  );
}

export interface VersionRow {
  id: string;
  call_id: string;
  version_no: number;
  rules: unknown;
  note: string | null;
  published_at: Date | null;
  created_at: Date;
  project_count: number;
}

const versionSelect = `
  SELECT v.id, v.call_id, v.version_no, v.rules, v.note, v.published_at, v.created_at,
         (SELECT count(*)::int FROM projects p WHERE p.call_version_id = v.id) AS project_count
    FROM project_call_versions v`;

export async function selectVersions(tx: Queryable, callId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(`${versionSelect} WHERE v.call_id = $1 ORDER BY v.version_no DESC`, [callId]);
}

export async function selectVersion(tx: Queryable, callId: string, id: string): Promise<VersionRow | undefined> {
  const [row] = await tx.query<VersionRow>(`${versionSelect} WHERE v.call_id = $1 AND v.id = $2`, [callId, id]);
  return row;
}

export async function nextVersionNo(tx: Queryable, callId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT coalesce(max(version_no), 0)::int + 1 AS n FROM project_call_versions WHERE call_id = $1`,
    [callId],
  );
  return row!.n;
}

export async function insertVersion(
  tx: Queryable,
  r: {
    id: string;
    callId: string;
    versionNo: number;
    rules: unknown;
    note: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_call_versions (id, call_id, version_no, rules, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.callId, r.versionNo, JSON.stringify(r.rules), r.note, r.createdBy, r.at],
  );
}

export async function updateDraft(tx: Queryable, id: string, rules: unknown, note: string | null): Promise<void> {
  await tx.query(`UPDATE project_call_versions SET rules = $2, note = $3 WHERE id = $1`, [
    id,
    JSON.stringify(rules),
    note,
  ]);
}

export async function publishDraft(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query(`UPDATE project_call_versions SET published_at = $2 WHERE id = $1`, [id, at]);
}
