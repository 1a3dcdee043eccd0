/** SQL of the projects' design: takes a transaction, returns plain rows. Row-level security narrows every read. */
import type { Queryable } from '../../../platform/db/db.js';
import { offsetOf, Where } from '../../../platform/pagination.js';
import type { ProjectListQuery } from './design.schema.js';

const inForceTotal = `(SELECT sum(l.amount_cents) FROM project_budget_lines l
   WHERE l.budget_version_id = (SELECT v.id FROM project_budget_versions v
                                 WHERE v.project_id = p.id AND v.status = 'APPROVATA'
                                 ORDER BY v.version_no DESC LIMIT 1))`;

export interface ProjectListRow {
  id: string;
  cup: string | null;
  title: string;
  acronym: string | null;
  status: string;
  comune_istat: string;
  comune_name: string;
  region_name: string;
  call_id: string;
  call_title: string;
  call_version_id: string;
  start_date: string;
  end_date: string;
  budget_total_cents: number | null;
}

const listColumns = `p.id, p.cup, p.title, p.acronym, p.status, p.comune_istat, c.name AS comune_name,
  r.name AS region_name, cv.call_id, k.title_it AS call_title, p.call_version_id, p.start_date::text,
  p.end_date::text, ${inForceTotal} AS budget_total_cents`;
const listFrom = `FROM projects p
  JOIN comuni c ON c.istat_code = p.comune_istat
  JOIN regions r ON r.code = c.region_code
  JOIN project_call_versions cv ON cv.id = p.call_version_id
  JOIN project_calls k ON k.id = cv.call_id`;

export async function selectProjects(
  tx: Queryable,
  q: ProjectListQuery,
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const w = new Where();
  if (q.status) w.add('p.status = $?', q.status);
  if (q.callId) w.add('cv.call_id = $?', q.callId);
  if (q.callVersionId) w.add('p.call_version_id = $?', q.callVersionId);
  if (q.comune) w.add('p.comune_istat = $?', q.comune);
  if (q.q) w.add(`(p.title ILIKE '%' || $? || '%' OR p.cup ILIKE '%' || $? || '%')`, q.q);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${listFrom} ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<ProjectListRow>(
    `SELECT ${listColumns} ${listFrom} ${w} ORDER BY p.created_at DESC, p.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { rows, total: count!.n };
}

export interface ProjectDetailRow extends ProjectListRow {
  summary: string | null;
  agreement_ref: string | null;
  lead_org_id: string;
  lead_org_name: string;
  call_version_no: number;
  rules: unknown;
  created_at: Date;
  updated_at: Date;
  row_version: number;
}

export async function selectProjectDetail(tx: Queryable, id: string): Promise<ProjectDetailRow | undefined> {
  const [row] = await tx.query<ProjectDetailRow>(
    `SELECT ${listColumns}, p.summary, p.agreement_ref, p.lead_org_id, o.name AS lead_org_name,
            cv.version_no AS call_version_no, cv.rules, p.created_at, p.updated_at, p.row_version
       ${listFrom} JOIN organisations o ON o.id = p.lead_org_id
      WHERE p.id = $1`,
    [id],
  );
  return row;
}

export async function selectCallVersion(
  tx: Queryable,
  id: string,
): Promise<{ id: string; rules: unknown; published: boolean } | undefined> {
  const [row] = await tx.query<{ id: string; rules: unknown; published: boolean }>(
    'SELECT id, rules, published_at IS NOT NULL AS published FROM project_call_versions WHERE id = $1',
    [id],
  );
  return row;
}

export async function cupTaken(tx: Queryable, cup: string, except: string | null): Promise<boolean> {
  const [row] = await tx.query<{ taken: boolean }>('SELECT project_cup_taken($1, $2) AS taken', [cup, except]);
  return row!.taken;
}

export async function selectOrganisations(
  tx: Queryable,
  ids: readonly string[],
): Promise<{ id: string; name: string; type: string }[]> {
  if (ids.length === 0) return [];
  return tx.query('SELECT id, name, type FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
}

export async function insertProject(
  tx: Queryable,
  p: {
    id: string;
    cup: string | null;
    title: string;
    acronym: string | null;
    callVersionId: string;
    comuneIstat: string;
    leadOrgId: string;
    startDate: string;
    endDate: string;
    summary: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO projects (id, cup, title, acronym, call_version_id, comune_istat, lead_org_id, start_date, end_date,
                           status, summary, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'BOZZA', $10, $11, $12, $12)`,
    [
      p.id,
      p.cup,
      p.title,
      p.acronym,
      p.callVersionId,
      p.comuneIstat,
      p.leadOrgId,
      p.startDate,
      p.endDate,
      p.summary,
      p.createdBy,
      p.at,
    ],
  );
}

const projectColumns: Record<string, string> = {
  cup: 'cup',
  title: 'title',
  acronym: 'acronym',
  startDate: 'start_date',
  endDate: 'end_date',
  summary: 'summary',
  agreementRef: 'agreement_ref',
  status: 'status',
};

/** Sets the given fields, bumps the row version and the update time. */
export async function updateProject(
  tx: Queryable,
  id: string,
  fields: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id, at];
  for (const [k, v] of Object.entries(fields)) {
    const col = projectColumns[k];
    if (!col || v === undefined) continue;
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  }
  sets.push('updated_at = $2', 'row_version = row_version + 1');
  await tx.query(`UPDATE projects SET ${sets.join(', ')} WHERE id = $1`, params);
}

// --- partners

export interface PartnerRow {
  organisation_id: string;
  name: string;
  type: string;
  role: 'PARTNER' | 'ENTE_ATTUATORE' | 'ASSOCIATO' | 'ALTRO';
}

export async function selectPartners(tx: Queryable, projectId: string): Promise<PartnerRow[]> {
  return tx.query<PartnerRow>(
    `SELECT pp.organisation_id, o.name, o.type, pp.role FROM project_partners pp
       JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = $1 ORDER BY o.name`,
    [projectId],
  );
}

export async function replacePartners(
  tx: Queryable,
  projectId: string,
  comuneIstat: string,
  partners: readonly { organisationId: string; role: string }[],
): Promise<void> {
  await tx.query('DELETE FROM project_partners WHERE project_id = $1', [projectId]);
  for (const p of partners) {
    await tx.query(
      'INSERT INTO project_partners (project_id, comune_istat, organisation_id, role) VALUES ($1, $2, $3, $4)',
      [projectId, comuneIstat, p.organisationId, p.role],
    );
  }
}

// --- logical framework

export interface LogframeRow {
  id: string;
  kind: 'OBIETTIVO_GENERALE' | 'OBIETTIVO_SPECIFICO' | 'RISULTATO';
  parent_id: string | null;
  code: string;
  text: string;
  position: number;
}

export async function selectLogframe(tx: Queryable, projectId: string): Promise<LogframeRow[]> {
  return tx.query<LogframeRow>(
    `SELECT id, kind, parent_id, code, text, position FROM project_logframe_items WHERE project_id = $1
      ORDER BY CASE kind WHEN 'OBIETTIVO_GENERALE' THEN 0 WHEN 'OBIETTIVO_SPECIFICO' THEN 1 ELSE 2 END, position, code`,
    [projectId],
  );
}

export async function insertLogframe(
  tx: Queryable,
  i: {
    id: string;
    projectId: string;
    comuneIstat: string;
    kind: string;
    parentId: string | null;
    code: string;
    text: string;
    position: number;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_logframe_items (id, project_id, comune_istat, kind, parent_id, code, text, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [i.id, i.projectId, i.comuneIstat, i.kind, i.parentId, i.code, i.text, i.position],
  );
}

export async function updateLogframe(
  tx: Queryable,
  id: string,
  f: { code: string; text: string; position: number },
): Promise<void> {
  await tx.query('UPDATE project_logframe_items SET code = $2, text = $3, position = $4 WHERE id = $1', [
    id,
    f.code,
    f.text,
    f.position,
  ]);
}

/** Children, activities and indicators that point at a logical-framework item. */
export async function logframeUses(tx: Queryable, id: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM project_logframe_items WHERE parent_id = $1)
           + (SELECT count(*) FROM project_activities WHERE result_id = $1)
           + (SELECT count(*) FROM project_indicators WHERE result_id = $1))::int AS n`,
    [id],
  );
  return row!.n;
}

export async function deleteLogframe(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_logframe_items WHERE id = $1', [id]);
}

// --- activities

export interface ActivityRow {
  id: string;
  code: string;
  parent_id: string | null;
  result_id: string | null;
  title: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  progress_pct: number;
}

const activityColumns = `id, code, parent_id, result_id, title, planned_start::text, planned_end::text,
  actual_start::text, actual_end::text, progress_pct`;

export async function selectActivities(tx: Queryable, projectId: string): Promise<ActivityRow[]> {
  const rows = await tx.query<ActivityRow>(`SELECT ${activityColumns} FROM project_activities WHERE project_id = $1`, [
    projectId,
  ]);
  // WBS order: 1, 1.1, 1.2, 2, 10 (numeric per segment)
  const key = (c: string) =>
    c
      .split('.')
      .map((s) => s.padStart(2, '0'))
      .join('.');
  return rows.sort((a, b) => key(a.code).localeCompare(key(b.code)));
}

export async function selectActivity(tx: Queryable, projectId: string, id: string): Promise<ActivityRow | undefined> {
  const [row] = await tx.query<ActivityRow>(
    `SELECT ${activityColumns} FROM project_activities WHERE project_id = $1 AND id = $2`,
    [projectId, id],
  );
  return row;
}

export async function upsertActivity(
  tx: Queryable,
  projectId: string,
  comuneIstat: string,
  a: ActivityRow,
): Promise<void> {
  await tx.query(
    `INSERT INTO project_activities (id, project_id, comune_istat, code, parent_id, result_id, title, planned_start,
                                     planned_end, actual_start, actual_end, progress_pct)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, parent_id = EXCLUDED.parent_id, result_id = EXCLUDED.result_id,
       title = EXCLUDED.title, planned_start = EXCLUDED.planned_start, planned_end = EXCLUDED.planned_end,
       actual_start = EXCLUDED.actual_start, actual_end = EXCLUDED.actual_end, progress_pct = EXCLUDED.progress_pct`,
    [
      a.id,
      projectId,
      comuneIstat,
      a.code,
      a.parent_id,
      a.result_id,
      a.title,
      a.planned_start,
      a.planned_end,
      a.actual_start,
      a.actual_end,
      a.progress_pct,
    ],
  );
}

export async function activityUses(tx: Queryable, id: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM project_activities WHERE parent_id = $1)
           + (SELECT count(*) FROM project_expenses WHERE activity_id = $1))::int AS n`,
    [id],
  );
  return row!.n;
}

export async function deleteActivity(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_activities WHERE id = $1', [id]);
}

// --- indicators

export interface IndicatorDefRow {
  code: string;
  framework: string;
  kind: 'OUTPUT' | 'RESULT';
  label_it: string;
  label_en: string | null;
  unit: string;
  disaggregations: string[];
  project_id: string | null;
}

const defColumns = 'code, framework, kind, label_it, label_en, unit, disaggregations, project_id';

export async function selectCatalogue(tx: Queryable): Promise<IndicatorDefRow[]> {
  const rows = await tx.query<IndicatorDefRow>(
    `SELECT ${defColumns} FROM project_indicator_defs WHERE framework <> 'CUSTOM'`,
  );
  // O.2.3 before O.2.3.1 before O.2.4; outputs before results
  const key = (c: string) =>
    c
      .split('.')
      .map((s) => s.padStart(3, '0'))
      .join('.');
  return rows.sort((a, b) => key(a.code).localeCompare(key(b.code)));
}

export async function selectDef(tx: Queryable, code: string): Promise<IndicatorDefRow | undefined> {
  const [row] = await tx.query<IndicatorDefRow>(`SELECT ${defColumns} FROM project_indicator_defs WHERE code = $1`, [
    code,
  ]);
  return row;
}

export async function insertCustomDef(
  tx: Queryable,
  d: {
    code: string;
    projectId: string;
    kind: string;
    labelIt: string;
    labelEn: string | null;
    unit: string;
    disaggregations: string[];
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_indicator_defs (code, framework, kind, label_it, label_en, unit, disaggregations, project_id, created_at)
     VALUES ($1, 'CUSTOM', $2, $3, $4, $5, $6, $7, $8)`,
    [d.code, d.kind, d.labelIt, d.labelEn, d.unit, d.disaggregations, d.projectId, d.at],
  );
}

export interface ProjectIndicatorRow extends IndicatorDefRow {
  id: string;
  result_id: string | null;
  baseline: number;
  chosen: string[];
}

export async function selectProjectIndicators(tx: Queryable, projectId: string): Promise<ProjectIndicatorRow[]> {
  return tx.query<ProjectIndicatorRow>(
    `SELECT i.id, i.result_id, i.baseline, i.disaggregations AS chosen, d.code, d.framework, d.kind, d.label_it,
            d.label_en, d.unit, d.disaggregations, d.project_id
       FROM project_indicators i JOIN project_indicator_defs d ON d.code = i.indicator_code
      WHERE i.project_id = $1 ORDER BY d.kind DESC, d.code`,
    [projectId],
  );
}

export async function selectTargets(
  tx: Queryable,
  projectId: string,
): Promise<{ project_indicator_id: string; period_end: string; value: number }[]> {
  return tx.query(
    `SELECT t.project_indicator_id, t.period_end::text, t.value FROM project_indicator_targets t
       JOIN project_indicators i ON i.id = t.project_indicator_id
      WHERE i.project_id = $1 ORDER BY t.period_end`,
    [projectId],
  );
}

export async function selectProjectIndicator(
  tx: Queryable,
  projectId: string,
  id: string,
): Promise<{ id: string; indicator_code: string } | undefined> {
  const [row] = await tx.query<{ id: string; indicator_code: string }>(
    'SELECT id, indicator_code FROM project_indicators WHERE project_id = $1 AND id = $2',
    [projectId, id],
  );
  return row;
}

export async function projectHasIndicator(tx: Queryable, projectId: string, code: string): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM project_indicators WHERE project_id = $1 AND indicator_code = $2', [
    projectId,
    code,
  ]);
  return !!row;
}

export async function saveProjectIndicator(
  tx: Queryable,
  i: {
    id: string;
    projectId: string;
    comuneIstat: string;
    code: string;
    resultId: string | null;
    baseline: number;
    disaggregations: string[];
    targets: readonly { periodEnd: string; value: number }[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_indicators (id, project_id, comune_istat, indicator_code, result_id, baseline, disaggregations)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET result_id = EXCLUDED.result_id, baseline = EXCLUDED.baseline,
       disaggregations = EXCLUDED.disaggregations`,
    [i.id, i.projectId, i.comuneIstat, i.code, i.resultId, i.baseline, i.disaggregations],
  );
  await tx.query('DELETE FROM project_indicator_targets WHERE project_indicator_id = $1', [i.id]);
  for (const t of i.targets) {
    await tx.query(
      `INSERT INTO project_indicator_targets (project_indicator_id, comune_istat, period_end, value) VALUES ($1, $2, $3, $4)`,
      [i.id, i.comuneIstat, t.periodEnd, t.value],
    );
  }
}

export async function deleteProjectIndicator(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_indicator_targets WHERE project_indicator_id = $1', [id]);
  await tx.query('DELETE FROM project_indicators WHERE id = $1', [id]);
}

// --- budget versions and lines

export interface VersionRow {
  id: string;
  project_id: string;
  version_no: number;
  status: 'BOZZA' | 'PROPOSTA' | 'APPROVATA' | 'RESPINTA';
  kind: 'INIZIALE' | 'RIMODULAZIONE';
  reason: string | null;
  co_financing_cents: number;
  created_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  decision_note: string | null;
  row_version: number;
  total_cents: number;
}

const versionColumns = `v.id, v.project_id, v.version_no, v.status, v.kind, v.reason, v.co_financing_cents, v.created_at,
  v.submitted_at, v.decided_at, v.decision_note, v.row_version,
  coalesce((SELECT sum(l.amount_cents) FROM project_budget_lines l WHERE l.budget_version_id = v.id), 0)::bigint AS total_cents`;

export async function selectVersions(tx: Queryable, projectId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(
    `SELECT ${versionColumns} FROM project_budget_versions v WHERE v.project_id = $1 ORDER BY v.version_no`,
    [projectId],
  );
}

export async function selectVersion(
  tx: Queryable,
  projectId: string,
  id: string,
  lock = false,
): Promise<VersionRow | undefined> {
  const [row] = await tx.query<VersionRow>(
    `SELECT ${versionColumns} FROM project_budget_versions v WHERE v.project_id = $1 AND v.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [projectId, id],
  );
  return row;
}

export async function insertVersion(
  tx: Queryable,
  v: {
    id: string;
    projectId: string;
    comuneIstat: string;
    versionNo: number;
    kind: string;
    reason: string | null;
    coFinancingCents: number;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, reason,
                                          co_financing_cents, created_by, created_at)
     VALUES ($1, $2, $3, $4, 'BOZZA', $5, $6, $7, $8, $9)`,
    [v.id, v.projectId, v.comuneIstat, v.versionNo, v.kind, v.reason, v.coFinancingCents, v.createdBy, v.at],
  );
}

export async function markSubmitted(tx: Queryable, id: string, by: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE project_budget_versions SET status = 'PROPOSTA', submitted_by = $2, submitted_at = $3,
            row_version = row_version + 1 WHERE id = $1`,
    [id, by, at],
  );
}

export async function markDecided(
  tx: Queryable,
  id: string,
  status: 'APPROVATA' | 'RESPINTA',
  by: string,
  at: Date,
  note: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE project_budget_versions SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5,
            row_version = row_version + 1 WHERE id = $1`,
    [id, status, by, at, note],
  );
}

export async function touchVersion(tx: Queryable, id: string, coFinancingCents: number | undefined): Promise<void> {
  await tx.query(
    `UPDATE project_budget_versions SET co_financing_cents = coalesce($2, co_financing_cents),
            row_version = row_version + 1 WHERE id = $1`,
    [id, coFinancingCents ?? null],
  );
}

export interface LineRow {
  id: string;
  line_key: string;
  category_code: string;
  partner_org_id: string | null;
  partner_name: string | null;
  description: string;
  amount_cents: number;
  position: number;
}

export async function selectLines(tx: Queryable, versionId: string): Promise<LineRow[]> {
  return tx.query<LineRow>(
    `SELECT l.id, l.line_key, l.category_code, l.partner_org_id, o.name AS partner_name, l.description,
            l.amount_cents, l.position
       FROM project_budget_lines l LEFT JOIN organisations o ON o.id = l.partner_org_id
      WHERE l.budget_version_id = $1 ORDER BY l.position, l.id`,
    [versionId],
  );
}

export async function replaceLines(
  tx: Queryable,
  v: { versionId: string; projectId: string; comuneIstat: string },
  lines: readonly {
    id: string;
    lineKey: string;
    categoryCode: string;
    partnerOrgId: string | null;
    description: string;
    amountCents: number;
  }[],
): Promise<void> {
  await tx.query('DELETE FROM project_budget_lines WHERE budget_version_id = $1', [v.versionId]);
  let position = 0;
  for (const l of lines) {
    await tx.query(
      `INSERT INTO project_budget_lines (id, budget_version_id, project_id, comune_istat, line_key, category_code,
                                         partner_org_id, description, amount_cents, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        l.id,
        v.versionId,
        v.projectId,
        v.comuneIstat,
        l.lineKey,
        l.categoryCode,
        l.partnerOrgId,
        l.description,
        l.amountCents,
        position++,
      ],
    );
  }
}

export async function countStructure(
  tx: Queryable,
  projectId: string,
): Promise<{ general: number; activities: number }> {
  const [row] = await tx.query<{ general: number; activities: number }>(
    `SELECT (SELECT count(*) FROM project_logframe_items WHERE project_id = $1 AND kind = 'OBIETTIVO_GENERALE')::int AS general,
            (SELECT count(*) FROM project_activities WHERE project_id = $1)::int AS activities`,
    [projectId],
  );
  return row!;
}

export interface CallOptionRow {
  call_id: string;
  call_version_id: string;
  version_no: number;
  code: string;
  title_it: string;
  funding_source: string;
  rules: unknown;
}

/** The latest published version of every call, by title. */
export async function selectCallOptions(tx: Queryable): Promise<CallOptionRow[]> {
  return tx.query<CallOptionRow>(
    `SELECT DISTINCT ON (k.id) k.id AS call_id, v.id AS call_version_id, v.version_no, k.code, k.title_it,
            f.name_it AS funding_source, v.rules
       FROM project_calls k
       JOIN project_funding_sources f ON f.id = k.funding_source_id
       JOIN project_call_versions v ON v.call_id = k.id AND v.published_at IS NOT NULL
      ORDER BY k.id, v.version_no DESC`,
  );
}
