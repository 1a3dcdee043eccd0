/**
 * SQL of the plan's actions, partners, indicators with their targets, monitorings and values.
 * Plain rows; row-level security keeps other Comuni's out (a Region reads its own Comuni's).
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { ActionStatus, Axis, PlanFundingSource } from '../shared/vocabulary.js';

export interface ActionRow {
  id: string;
  plan_id: string;
  code: string;
  title: string;
  description: string | null;
  axis: Axis;
  priority_action: number;
  lead_org_id: string | null;
  lead_name: string | null;
  budget_cents: number | null;
  funding_source: PlanFundingSource | null;
  project_id: string | null;
  project_title: string | null;
  project_cup: string | null;
  status: ActionStatus;
  start_date: string | null;
  end_date: string | null;
  position: number;
  row_version: number;
}

const actionCols = `a.id, a.plan_id, a.code, a.title, a.description, a.axis, a.priority_action, a.lead_org_id,
  o.name AS lead_name, a.budget_cents, a.funding_source, a.project_id, p.title AS project_title, p.cup AS project_cup,
  a.status, a.start_date::text, a.end_date::text, a.position, a.row_version`;
const actionFrom = `plm_actions a LEFT JOIN organisations o ON o.id = a.lead_org_id LEFT JOIN projects p ON p.id = a.project_id`;

export async function selectActions(tx: Queryable, planId: string): Promise<ActionRow[]> {
  return tx.query<ActionRow>(
    `SELECT ${actionCols} FROM ${actionFrom} WHERE a.plan_id = $1 ORDER BY a.position, a.code, a.id`,
    [planId],
  );
}

export async function selectAction(tx: Queryable, planId: string, actionId: string): Promise<ActionRow | undefined> {
  const [row] = await tx.query<ActionRow>(
    `SELECT ${actionCols} FROM ${actionFrom} WHERE a.plan_id = $1 AND a.id = $2`,
    [planId, actionId],
  );
  return row;
}

export async function selectActionIdByCode(tx: Queryable, planId: string, code: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM plm_actions WHERE plan_id = $1 AND code = $2', [
    planId,
    code,
  ]);
  return row?.id;
}

export interface ActionValues {
  code: string;
  title: string;
  description: string | null;
  axis: Axis;
  priorityAction: number;
  leadOrganisationId: string | null;
  budgetCents: number | null;
  fundingSource: string | null;
  projectId: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

export async function insertAction(
  tx: Queryable,
  a: ActionValues & { id: string; planId: string; comuneIstat: string; regionCode: string },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_actions (id, plan_id, comune_istat, region_code, code, title, description, axis, priority_action,
                              lead_org_id, budget_cents, funding_source, project_id, status, start_date, end_date,
                              position, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
             (SELECT coalesce(max(position), -1) + 1 FROM plm_actions WHERE plan_id = $2), $17, $17)`,
    [
      a.id,
      a.planId,
      a.comuneIstat,
      a.regionCode,
      a.code,
      a.title,
      a.description,
      a.axis,
      a.priorityAction,
      a.leadOrganisationId,
      a.budgetCents,
      a.fundingSource,
      a.projectId,
      a.status,
      a.startDate,
      a.endDate,
      at,
    ],
  );
}

export async function updateAction(tx: Queryable, id: string, a: ActionValues, at: Date): Promise<void> {
  await tx.query(
    `UPDATE plm_actions SET code = $2, title = $3, description = $4, axis = $5, priority_action = $6, lead_org_id = $7,
            budget_cents = $8, funding_source = $9, project_id = $10, status = $11, start_date = $12, end_date = $13,
            updated_at = $14, row_version = row_version + 1
      WHERE id = $1`,
    [
      id,
      a.code,
      a.title,
      a.description,
      a.axis,
      a.priorityAction,
      a.leadOrganisationId,
      a.budgetCents,
      a.fundingSource,
      a.projectId,
      a.status,
      a.startDate,
      a.endDate,
      at,
    ],
  );
}

/** A change to what the action holds (its indicators): a new row version. */
export async function touchAction(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE plm_actions SET updated_at = $2, row_version = row_version + 1 WHERE id = $1', [id, at]);
}

export async function updateActionStatus(tx: Queryable, id: string, status: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE plm_actions SET status = $2, updated_at = $3, row_version = row_version + 1 WHERE id = $1 AND status <> $2`,
    [id, status, at],
  );
}

export async function deleteAction(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM plm_actions WHERE id = $1', [id]);
}

/** Whether a meeting's follow-up or a thread points at the action (it cannot go then). */
export async function actionReferenced(tx: Queryable, id: string): Promise<boolean> {
  const [row] = await tx.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM plm_follow_ups WHERE action_id = $1)
         OR EXISTS (SELECT 1 FROM plm_threads WHERE action_id = $1) AS used`,
    [id],
  );
  return row?.used ?? false;
}

export interface PartnerRow {
  action_id: string;
  organisation_id: string;
  name: string;
  role: 'PARTNER' | 'ATTUATORE' | 'FINANZIATORE' | 'ALTRO';
}

export async function selectPartners(tx: Queryable, planId: string): Promise<PartnerRow[]> {
  return tx.query<PartnerRow>(
    `SELECT ap.action_id, ap.organisation_id, o.name, ap.role
       FROM plm_action_partners ap JOIN organisations o ON o.id = ap.organisation_id
      WHERE ap.plan_id = $1 ORDER BY o.name, o.id`,
    [planId],
  );
}

export async function replacePartners(
  tx: Queryable,
  action: { id: string; planId: string; comuneIstat: string; regionCode: string },
  partners: ReadonlyArray<{ organisationId: string; role: string }>,
): Promise<void> {
  await tx.query('DELETE FROM plm_action_partners WHERE action_id = $1', [action.id]);
  for (const p of partners) {
    await tx.query(
      `INSERT INTO plm_action_partners (action_id, plan_id, comune_istat, region_code, organisation_id, role)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [action.id, action.planId, action.comuneIstat, action.regionCode, p.organisationId, p.role],
    );
  }
}

/** The organisations of the registry among `ids`. */
export async function selectOrganisationIds(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The Comune of a project the actor reaches (row-level security), when it does. */
export async function selectProjectComune(tx: Queryable, projectId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ comune_istat: string }>('SELECT comune_istat FROM projects WHERE id = $1', [
    projectId,
  ]);
  return row?.comune_istat;
}

export interface IndicatorRow {
  id: string;
  action_id: string;
  name: string;
  unit: string;
  baseline: number | null;
  position: number;
}

export async function selectIndicators(tx: Queryable, planId: string): Promise<IndicatorRow[]> {
  return tx.query<IndicatorRow>(
    `SELECT id, action_id, name, unit, baseline, position FROM plm_indicators WHERE plan_id = $1
      ORDER BY action_id, position, id`,
    [planId],
  );
}

export interface TargetRow {
  indicator_id: string;
  period: string;
  target: number;
}

export async function selectTargets(tx: Queryable, planId: string): Promise<TargetRow[]> {
  return tx.query<TargetRow>(
    'SELECT indicator_id, period, target FROM plm_indicator_targets WHERE plan_id = $1 ORDER BY indicator_id, period',
    [planId],
  );
}

export interface ValueRow {
  indicator_id: string;
  monitoring_id: string;
  period: string;
  reference_date: string;
  value: number;
  note: string | null;
}

export async function selectValues(tx: Queryable, planId: string, monitoringId?: string): Promise<ValueRow[]> {
  return tx.query<ValueRow>(
    `SELECT v.indicator_id, v.monitoring_id, m.period, m.reference_date::text, v.value, v.note
       FROM plm_indicator_values v JOIN plm_monitorings m ON m.id = v.monitoring_id
      WHERE v.plan_id = $1 ${monitoringId ? 'AND v.monitoring_id = $2' : ''}`,
    monitoringId ? [planId, monitoringId] : [planId],
  );
}

/** The indicators of the action that have reported values. */
export async function selectReportedIndicators(tx: Queryable, actionId: string): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT DISTINCT i.id FROM plm_indicators i JOIN plm_indicator_values v ON v.indicator_id = i.id WHERE i.action_id = $1`,
    [actionId],
  );
  return new Set(rows.map((r) => r.id));
}

export async function deleteIndicators(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.query('DELETE FROM plm_indicators WHERE id = ANY($1::uuid[])', [ids]);
}

type Place = { planId: string; comuneIstat: string; regionCode: string };

export async function upsertIndicator(
  tx: Queryable,
  i: Place & { id: string; actionId: string; name: string; unit: string; baseline: number | null; position: number },
  isNew: boolean,
): Promise<void> {
  if (isNew) {
    await tx.query(
      `INSERT INTO plm_indicators (id, action_id, plan_id, comune_istat, region_code, name, unit, baseline, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [i.id, i.actionId, i.planId, i.comuneIstat, i.regionCode, i.name, i.unit, i.baseline, i.position],
    );
  } else {
    await tx.query('UPDATE plm_indicators SET name = $2, unit = $3, baseline = $4, position = $5 WHERE id = $1', [
      i.id,
      i.name,
      i.unit,
      i.baseline,
      i.position,
    ]);
  }
}

export async function replaceTargets(
  tx: Queryable,
  indicator: Place & { id: string },
  targets: ReadonlyArray<{ period: string; target: number }>,
): Promise<void> {
  await tx.query('DELETE FROM plm_indicator_targets WHERE indicator_id = $1', [indicator.id]);
  for (const t of targets) {
    await tx.query(
      `INSERT INTO plm_indicator_targets (indicator_id, plan_id, comune_istat, region_code, period, target)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [indicator.id, indicator.planId, indicator.comuneIstat, indicator.regionCode, t.period, t.target],
    );
  }
}

export interface MonitoringRow {
  id: string;
  plan_id: string;
  period: string;
  reference_date: string;
  note: string | null;
  created_by_name: string | null;
  created_at: Date;
  values_count: number;
}

const monitoringCols = `m.id, m.plan_id, m.period, m.reference_date::text, m.note, u.display_name AS created_by_name,
  m.created_at, (SELECT count(*)::int FROM plm_indicator_values v WHERE v.monitoring_id = m.id) AS values_count`;

export async function selectMonitorings(tx: Queryable, planId: string): Promise<MonitoringRow[]> {
  return tx.query<MonitoringRow>(
    `SELECT ${monitoringCols} FROM plm_monitorings m LEFT JOIN access_users_v u ON u.id = m.created_by
      WHERE m.plan_id = $1 ORDER BY m.reference_date DESC, m.period DESC`,
    [planId],
  );
}

export async function selectMonitoring(tx: Queryable, planId: string, id: string): Promise<MonitoringRow | undefined> {
  const [row] = await tx.query<MonitoringRow>(
    `SELECT ${monitoringCols} FROM plm_monitorings m LEFT JOIN access_users_v u ON u.id = m.created_by
      WHERE m.plan_id = $1 AND m.id = $2`,
    [planId, id],
  );
  return row;
}

/** False when the period already has its monitoring (unique plan and period). */
export async function insertMonitoring(
  tx: Queryable,
  m: Place & { id: string; period: string; referenceDate: string; note: string | null },
  by: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO plm_monitorings (id, plan_id, comune_istat, region_code, period, reference_date, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (plan_id, period) DO NOTHING RETURNING id`,
    [m.id, m.planId, m.comuneIstat, m.regionCode, m.period, m.referenceDate, m.note, by, at],
  );
  return rows.length > 0;
}

export async function insertValue(
  tx: Queryable,
  v: Place & { indicatorId: string; monitoringId: string; value: number; note: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO plm_indicator_values (indicator_id, monitoring_id, plan_id, comune_istat, region_code, value, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [v.indicatorId, v.monitoringId, v.planId, v.comuneIstat, v.regionCode, v.value, v.note],
  );
}

/** The state of every action of the plan, as it is now, recorded as the monitoring's (one row per action). */
export async function insertMonitoringActions(tx: Queryable, planId: string, monitoringId: string): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO plm_monitoring_actions (monitoring_id, action_id, plan_id, comune_istat, region_code, status)
     SELECT $2, a.id, a.plan_id, a.comune_istat, a.region_code, a.status FROM plm_actions a WHERE a.plan_id = $1
     RETURNING action_id`,
    [planId, monitoringId],
  );
  return rows.length;
}

export interface MonitoringActionRow {
  action_id: string;
  code: string;
  title: string;
  axis: Axis;
  priority_action: number;
  status: ActionStatus;
}

/** The actions' states recorded by a monitoring, in the actions' order (none for a monitoring older than the record). */
export async function selectMonitoringActions(tx: Queryable, monitoringId: string): Promise<MonitoringActionRow[]> {
  return tx.query<MonitoringActionRow>(
    `SELECT ma.action_id, a.code, a.title, a.axis, a.priority_action, ma.status
       FROM plm_monitoring_actions ma JOIN plm_actions a ON a.id = ma.action_id
      WHERE ma.monitoring_id = $1 ORDER BY a.position, a.code, a.id`,
    [monitoringId],
  );
}

/** Whether a monitoring recorded the action's state (it cannot go then). */
export async function actionMonitored(tx: Queryable, actionId: string): Promise<boolean> {
  const [row] = await tx.query<{ used: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM plm_monitoring_actions WHERE action_id = $1) AS used',
    [actionId],
  );
  return row?.used ?? false;
}

export async function selectComuneName(tx: Queryable, istat: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [istat]);
  return row?.name ?? istat;
}
