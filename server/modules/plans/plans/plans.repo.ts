/** SQL of a Comune's plan: header, events, adoption act, context, versions and their snapshots. */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import type { PlanSnapshot } from './plans.rules.js';

export interface PlanListRow {
  id: string;
  comune_istat: string;
  comune_name: string;
  region_code: string;
  region_name: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
  actions: number;
  adoption_date: string | null;
  version_no: number;
  updated_at: Date;
  total: number;
}

const LIST_COLUMNS = `p.id, p.comune_istat::text AS comune_istat, c.name AS comune_name, p.region_code::text AS region_code,
       rg.name AS region_name, p.title, p.period_from, p.period_to, p.status,
       (SELECT count(*)::int FROM plm_actions a WHERE a.plan_id = p.id) AS actions,
       to_char(p.adoption_date, 'YYYY-MM-DD') AS adoption_date, p.version_no, p.updated_at`;
const LIST_FROM = `plm_plans p JOIN comuni c ON c.istat_code = p.comune_istat JOIN regions rg ON rg.code = p.region_code`;

/** The plans the actor reaches (row-level security), filtered, by Region and Comune. */
export async function selectPlans(
  tx: Queryable,
  f: { region?: string; status?: string; q?: string },
  limit: number,
  offset: number,
): Promise<PlanListRow[]> {
  const w = new Where();
  if (f.region) w.add('p.region_code = $?', f.region);
  if (f.status) w.add('p.status = $?', f.status);
  if (f.q) {
    const q = w.param(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    w.raw(`(c.name ILIKE ${q} OR p.title ILIKE ${q})`);
  }
  return tx.query<PlanListRow>(
    `SELECT ${LIST_COLUMNS}, count(*) OVER ()::int AS total FROM ${LIST_FROM} ${w}
      ORDER BY rg.name, c.name, p.id LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

export interface PlanDetailRow extends Omit<PlanListRow, 'total'> {
  summary: string | null;
  adoption_organ: string | null;
  adoption_number: string | null;
  adoption_document_id: string | null;
  context_text: string | null;
  monitorings: number;
  row_version: number;
  created_at: Date;
}

export async function selectPlanDetail(tx: Queryable, id: string): Promise<PlanDetailRow | undefined> {
  const [row] = await tx.query<PlanDetailRow>(
    `SELECT ${LIST_COLUMNS}, p.summary, p.adoption_organ, p.adoption_number, p.adoption_document_id, p.context_text,
            (SELECT count(*)::int FROM plm_monitorings m WHERE m.plan_id = p.id) AS monitorings,
            p.row_version, p.created_at
       FROM ${LIST_FROM} WHERE p.id = $1`,
    [id],
  );
  return row;
}

export interface PlanEventRow {
  from_status: string | null;
  to_status: string;
  note: string | null;
  by_name: string;
  at: Date;
}

export async function selectEvents(tx: Queryable, planId: string): Promise<PlanEventRow[]> {
  return tx.query<PlanEventRow>(
    `SELECT e.from_status, e.to_status, e.note, u.display_name AS by_name, e.at
       FROM plm_plan_events e JOIN users u ON u.id = e.actor_id WHERE e.plan_id = $1 ORDER BY e.at, e.id`,
    [planId],
  );
}

export async function planOfComuneExists(tx: Queryable, comune: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM plm_plans WHERE comune_istat = $1 LIMIT 1', [comune]);
  return rows.length > 0;
}

export async function insertPlan(
  tx: Queryable,
  p: {
    id: string;
    comune: string;
    region: string;
    title: string;
    periodFrom: number;
    periodTo: number;
    summary: string | null;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_plans (id, comune_istat, region_code, title, period_from, period_to, status, summary, created_by,
                            created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'AVVIO', $7, $8, $9, $9)`,
    [p.id, p.comune, p.region, p.title, p.periodFrom, p.periodTo, p.summary, p.by, p.now],
  );
}

export async function insertEvent(
  tx: Queryable,
  e: {
    id: string;
    planId: string;
    comune: string;
    region: string;
    from: string | null;
    to: string;
    note: string | null;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_plan_events (id, plan_id, comune_istat, region_code, from_status, to_status, note, actor_id, at)
     -- strictly after the plan's last step, so that the steps keep their order even within one instant
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
             GREATEST($9::timestamptz, (SELECT max(at) + interval '1 millisecond' FROM plm_plan_events WHERE plan_id = $2)))`,
    [e.id, e.planId, e.comune, e.region, e.from, e.to, e.note, e.by, e.at],
  );
}

/** Sets the columns given (names are the service's, never the user's) and bumps the row version. */
export async function updatePlan(tx: Queryable, id: string, set: Record<string, unknown>, now: Date): Promise<void> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 2}`);
  await tx.query(
    `UPDATE plm_plans SET ${[...assignments, `updated_at = $${cols.length + 2}`, 'row_version = row_version + 1'].join(', ')}
      WHERE id = $1`,
    [id, ...cols.map((c) => set[c]), now],
  );
}

export async function countOf(tx: Queryable, table: 'plm_actions' | 'plm_monitorings', planId: string) {
  const [r] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1`, [planId]);
  return r!.n;
}

export async function selectAdoption(tx: Queryable, planId: string) {
  const [r] = await tx.query<{
    organ: string | null;
    number: string | null;
    date: string | null;
    document_id: string | null;
    context_text: string | null;
  }>(
    `SELECT adoption_organ AS organ, adoption_number AS number, to_char(adoption_date, 'YYYY-MM-DD') AS date,
            adoption_document_id AS document_id, context_text
       FROM plm_plans WHERE id = $1`,
    [planId],
  );
  return r!;
}

/** The plan as it stands: header, actions with partners (and their names), indicators and targets. */
export async function buildSnapshot(tx: Queryable, planId: string): Promise<PlanSnapshot> {
  const [h] = await tx.query<PlanSnapshot['header']>(
    `SELECT title, period_from AS "periodFrom", period_to AS "periodTo", summary, adoption_organ AS "adoptionOrgan",
            adoption_number AS "adoptionNumber", to_char(adoption_date, 'YYYY-MM-DD') AS "adoptionDate"
       FROM plm_plans WHERE id = $1`,
    [planId],
  );
  const actions = await tx.query<Omit<PlanSnapshot['actions'][number], 'partners' | 'indicators'> & { id: string }>(
    `SELECT a.id, a.code, a.title, a.description, a.axis, a.priority_action::int AS "priorityAction",
            o.name AS "leadOrganisation", a.budget_cents::float8 AS "budgetCents", a.funding_source AS "fundingSource",
            a.project_id::text AS "projectId", a.status, to_char(a.start_date, 'YYYY-MM-DD') AS "startDate",
            to_char(a.end_date, 'YYYY-MM-DD') AS "endDate"
       FROM plm_actions a LEFT JOIN organisations o ON o.id = a.lead_org_id
      WHERE a.plan_id = $1 ORDER BY a.position, a.code`,
    [planId],
  );
  const partners = await tx.query<{ action_id: string; organisationId: string; name: string; role: string }>(
    `SELECT ap.action_id, ap.organisation_id::text AS "organisationId", o.name, ap.role
       FROM plm_action_partners ap JOIN organisations o ON o.id = ap.organisation_id
      WHERE ap.plan_id = $1 ORDER BY o.name, ap.organisation_id`,
    [planId],
  );
  const indicators = await tx.query<{
    id: string;
    action_id: string;
    name: string;
    unit: string;
    baseline: number | null;
  }>(
    `SELECT id, action_id, name, unit, baseline::float8 AS baseline FROM plm_indicators
      WHERE plan_id = $1 ORDER BY position, name`,
    [planId],
  );
  const targets = await tx.query<{ indicator_id: string; period: string; target: number }>(
    `SELECT indicator_id, period, target::float8 AS target FROM plm_indicator_targets WHERE plan_id = $1 ORDER BY period`,
    [planId],
  );
  const targetsOf = new Map<string, Record<string, number>>();
  for (const t of targets) targetsOf.set(t.indicator_id, { ...targetsOf.get(t.indicator_id), [t.period]: t.target });
  return {
    header: h!,
    actions: actions.map(({ id, ...a }) => ({
      ...a,
      partners: partners
        .filter((p) => p.action_id === id)
        .map((p) => ({ organisationId: p.organisationId, name: p.name, role: p.role })),
      indicators: indicators
        .filter((i) => i.action_id === id)
        .map((i) => ({ name: i.name, unit: i.unit, baseline: i.baseline, targets: targetsOf.get(i.id) ?? {} })),
    })),
  };
}

export async function insertVersion(
  tx: Queryable,
  v: {
    id: string;
    planId: string;
    comune: string;
    region: string;
    no: number;
    reason: 'ADOZIONE' | 'AGGIORNAMENTO';
    note: string | null;
    snapshot: PlanSnapshot;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_plan_versions (id, plan_id, comune_istat, region_code, version_no, reason, note, snapshot, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [v.id, v.planId, v.comune, v.region, v.no, v.reason, v.note, JSON.stringify(v.snapshot), v.by, v.at],
  );
}

export interface VersionRow {
  no: number;
  reason: 'ADOZIONE' | 'AGGIORNAMENTO';
  note: string | null;
  created_by: string;
  created_at: Date;
  actions: number;
}

export async function selectVersions(tx: Queryable, planId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(
    `SELECT v.version_no AS no, v.reason, v.note, u.display_name AS created_by, v.created_at,
            CASE WHEN jsonb_typeof(v.snapshot -> 'actions') = 'array' THEN jsonb_array_length(v.snapshot -> 'actions') ELSE 0 END AS actions
       FROM plm_plan_versions v JOIN users u ON u.id = v.created_by WHERE v.plan_id = $1 ORDER BY v.version_no DESC`,
    [planId],
  );
}

export async function selectVersion(
  tx: Queryable,
  planId: string,
  no: number,
): Promise<(VersionRow & { snapshot: unknown }) | undefined> {
  const [row] = await tx.query<VersionRow & { snapshot: unknown }>(
    `SELECT v.version_no AS no, v.reason, v.note, u.display_name AS created_by, v.created_at, v.snapshot,
            CASE WHEN jsonb_typeof(v.snapshot -> 'actions') = 'array' THEN jsonb_array_length(v.snapshot -> 'actions') ELSE 0 END AS actions
       FROM plm_plan_versions v JOIN users u ON u.id = v.created_by WHERE v.plan_id = $1 AND v.version_no = $2`,
    [planId, no],
  );
  return row;
}

// the surveys module's records of a Comune, read with the caller's row-level security (a Comune its
// own, a Regione its Comuni's, the national scope all): survey_wave_comuni and survey_responses

export interface SurveyResponseRow {
  wave_id: string;
  wave_title: string;
  status: string;
  submitted_at: Date | null;
  answers: Record<string, unknown>;
}

/**
 * The Comune's latest response that counts (the states of decision 0038) — `withKey`: the latest
 * whose answers hold that key (the settlements' repeat).
 */
export async function selectLatestCountedResponse(
  tx: Queryable,
  comune: string,
  counted: readonly string[],
  withKey?: string,
): Promise<SurveyResponseRow | undefined> {
  const [row] = await tx.query<SurveyResponseRow>(
    `SELECT wc.wave_id, w.title_it AS wave_title, wc.status, wc.submitted_at, sr.answers
       FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id JOIN survey_waves w ON w.id = wc.wave_id
      WHERE wc.comune_istat = $1 AND wc.status = ANY($2::text[])
        ${withKey ? "AND jsonb_typeof(sr.answers -> $3::text) = 'array' AND jsonb_array_length(sr.answers -> $3::text) > 0" : ''}
      ORDER BY w.opens_on DESC, wc.submitted_at DESC NULLS LAST, wc.id
      LIMIT 1`,
    withKey ? [comune, counted, withKey] : [comune, counted],
  );
  return row;
}
