/** SQL of PAIs, their frozen versions and their measures. Takes a transaction; returns plain rows. */
import type { Queryable } from '../../../platform/db/db.js';
import type { PaiNeeds, PaiSnapshot } from './pai.schema.js';
import type { PaiTransitionPatch } from './pai.rules.js';
import type { MeasureStatus, MeasureType, PaiStatus } from '../shared/vocab.js';

export interface PaiRow {
  id: string;
  case_id: string;
  person_id: string;
  comune_istat: string;
  version: number;
  status: PaiStatus;
  needs: PaiNeeds;
  objectives: string[];
  shared_on: string | null;
  notice_language: string | null;
  approved_on: string | null;
  approved_by: string | null;
  review_due_on: string | null;
  closed_on: string | null;
  created_at: Date;
}

const paiColumns = `id, case_id, person_id, comune_istat, version, status, needs, objectives, shared_on::text AS shared_on,
  notice_language, approved_on::text AS approved_on, approved_by, review_due_on::text AS review_due_on,
  closed_on::text AS closed_on, created_at`;

export async function selectPai(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<PaiRow | undefined> {
  const [row] = await tx.query<PaiRow>(
    `SELECT ${paiColumns} FROM pilot_pais WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function existsLivePaiOf(tx: Queryable, personId: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM pilot_pais WHERE person_id = $1 AND status <> 'chiuso'`, [personId]);
  return rows.length > 0;
}

/** The person belongs to the case's household and holds a live admission to the measures in it. */
export async function isAdmittedMember(tx: Queryable, caseId: string, personId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM pilot_case_members m
       JOIN pilot_admissions a ON a.person_id = m.person_id AND a.case_id = m.case_id AND a.status = 'ammesso'
      WHERE m.case_id = $1 AND m.person_id = $2`,
    [caseId, personId],
  );
  return rows.length > 0;
}

export async function insertPai(
  tx: Queryable,
  p: { caseId: string; personId: string; comune: string; needs: PaiNeeds; objectives: string[]; now: Date },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_pais (case_id, person_id, comune_istat, needs, objectives, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $6) RETURNING id`,
    [p.caseId, p.personId, p.comune, JSON.stringify(p.needs), JSON.stringify(p.objectives), p.now],
  );
  return row!.id;
}

export async function updatePaiContent(
  tx: Queryable,
  id: string,
  p: { needs?: PaiNeeds | undefined; objectives?: string[] | undefined; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE pilot_pais SET needs = coalesce($2::jsonb, needs), objectives = coalesce($3::jsonb, objectives), updated_at = $4
      WHERE id = $1`,
    [id, p.needs ? JSON.stringify(p.needs) : null, p.objectives ? JSON.stringify(p.objectives) : null, p.now],
  );
}

export async function updatePaiStatus(
  tx: Queryable,
  id: string,
  status: PaiStatus,
  patch: PaiTransitionPatch,
  now: Date,
): Promise<void> {
  const params: unknown[] = [id, status, now];
  const sets = ['status = $2', 'updated_at = $3'];
  for (const [col, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${col} = $${params.length}`);
  }
  await tx.query(`UPDATE pilot_pais SET ${sets.join(', ')} WHERE id = $1`, params);
}

export async function selectVersions(tx: Queryable, paiId: string): Promise<{ version: number; frozen_at: Date }[]> {
  return tx.query<{ version: number; frozen_at: Date }>(
    'SELECT version, frozen_at FROM pilot_pai_versions WHERE pai_id = $1 ORDER BY version',
    [paiId],
  );
}

export async function selectVersion(
  tx: Queryable,
  paiId: string,
  version: number,
): Promise<{ snapshot: PaiSnapshot; frozen_at: Date } | undefined> {
  const [row] = await tx.query<{ snapshot: PaiSnapshot; frozen_at: Date }>(
    'SELECT snapshot, frozen_at FROM pilot_pai_versions WHERE pai_id = $1 AND version = $2',
    [paiId, version],
  );
  return row;
}

export async function insertVersion(
  tx: Queryable,
  v: { paiId: string; version: number; comune: string; snapshot: PaiSnapshot; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_pai_versions (pai_id, version, comune_istat, snapshot, frozen_at) VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [v.paiId, v.version, v.comune, JSON.stringify(v.snapshot), v.now],
  );
}

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------
export interface MeasureRow {
  id: string;
  pai_id: string;
  comune_istat: string;
  type: MeasureType;
  provider_name: string;
  provider_org_id: string | null;
  start_on: string;
  end_on: string | null;
  hours_planned: number;
  hours_actual: number | null;
  cost_planned: number;
  cost_actual: number | null;
  status: MeasureStatus;
  outcome: string | null;
  actual_start_on: string | null;
  actual_end_on: string | null;
}

const measureColumns = `id, pai_id, comune_istat, type, provider_name, provider_org_id, start_on::text AS start_on,
  end_on::text AS end_on, hours_planned, hours_actual, cost_planned, cost_actual, status, outcome,
  actual_start_on::text AS actual_start_on, actual_end_on::text AS actual_end_on`;

export async function selectMeasures(tx: Queryable, paiId: string): Promise<MeasureRow[]> {
  return tx.query<MeasureRow>(
    `SELECT ${measureColumns} FROM pilot_measures WHERE pai_id = $1 ORDER BY start_on, created_at, id`,
    [paiId],
  );
}

export async function selectMeasure(
  tx: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<MeasureRow | undefined> {
  const [row] = await tx.query<MeasureRow>(
    `SELECT ${measureColumns} FROM pilot_measures WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function insertMeasure(
  tx: Queryable,
  m: {
    paiId: string;
    comune: string;
    type: MeasureType;
    providerName: string;
    providerOrgId: string | null;
    startOn: string;
    endOn: string | null;
    hoursPlanned: number;
    costPlanned: number;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, provider_org_id, start_on, end_on, hours_planned,
       cost_planned, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [
      m.paiId,
      m.comune,
      m.type,
      m.providerName,
      m.providerOrgId,
      m.startOn,
      m.endOn,
      m.hoursPlanned,
      m.costPlanned,
      m.now,
    ],
  );
  return row!.id;
}

/** The columns a measure update may set. */
export interface MeasurePatch {
  status?: MeasureStatus;
  hours_actual?: number | null;
  cost_actual?: number | null;
  outcome?: string | null;
  end_on?: string | null;
  cost_planned?: number;
  actual_start_on?: string;
  actual_end_on?: string;
}

export async function updateMeasure(tx: Queryable, id: string, patch: MeasurePatch, now: Date): Promise<void> {
  const params: unknown[] = [id, now];
  const sets = ['updated_at = $2'];
  for (const [col, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${col} = $${params.length}`);
  }
  await tx.query(`UPDATE pilot_measures SET ${sets.join(', ')} WHERE id = $1`, params);
}

// ---------------------------------------------------------------------------------------------
// Around the PAI
// ---------------------------------------------------------------------------------------------
export async function selectPerson(
  tx: Queryable,
  personId: string,
): Promise<{ pseudonym: string; identity_enc: string } | undefined> {
  const [row] = await tx.query<{ pseudonym: string; identity_enc: string }>(
    'SELECT pseudonym, identity_enc FROM pilot_persons WHERE id = $1',
    [personId],
  );
  return row;
}

export async function selectUserName(tx: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await tx.query<{ display_name: string }>('SELECT display_name FROM access_users_v WHERE id = $1', [
    userId,
  ]);
  return row?.display_name ?? null;
}

export async function selectComuneName(tx: Queryable, istat: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM registry_comuni_v WHERE istat_code = $1', [istat]);
  return row?.name ?? istat;
}

/** An organisation that may be chosen as a partner: it exists and is active (decision 0024). */
export async function existsOrganisation(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM registry_organisations_v WHERE id = $1 AND active', [id])).length > 0;
}
