/**
 * What other sub-features of the pilot may read and do of the PAIs and their measures
 * (`pilot_pais`, `pilot_measures`, owned by `pilot/pai`): the PAIs listed in a case file and a
 * person's access package, and their closure when a case or an admission ends. Plain rows.
 */
import type { Queryable } from '../../../platform/db/db.js';

export interface CasePaiRow {
  id: string;
  person_id: string;
  status: string;
  version: number;
}

/** The PAIs of a case, oldest first. */
export async function selectPaisOfCase(tx: Queryable, caseId: string): Promise<CasePaiRow[]> {
  return tx.query<CasePaiRow>(
    `SELECT id, person_id, status, version FROM pilot_pais WHERE case_id = $1 ORDER BY created_at`,
    [caseId],
  );
}

export interface PersonPaiRow {
  id: string;
  version: number;
  status: string;
  needs: unknown;
  objectives: unknown;
  shared_on: string | null;
  notice_language: string | null;
  approved_on: string | null;
  closed_on: string | null;
}

/** A person's PAIs, oldest first. */
export function selectPaisOfPerson(tx: Queryable, personId: string): Promise<PersonPaiRow[]> {
  return tx.query<PersonPaiRow>(
    `SELECT id, version, status, needs, objectives, shared_on::text AS shared_on, notice_language, approved_on::text AS approved_on,
            closed_on::text AS closed_on
       FROM pilot_pais WHERE person_id = $1 ORDER BY created_at`,
    [personId],
  );
}

export interface PersonMeasureRow {
  type: string;
  provider_name: string | null;
  start_on: string | null;
  end_on: string | null;
  hours_planned: number | null;
  hours_actual: number | null;
  cost_planned: number | null;
  cost_actual: number | null;
  status: string;
  outcome: string | null;
}

/** The measures of a person's PAIs, by start date. */
export function selectMeasuresOfPerson(tx: Queryable, personId: string): Promise<PersonMeasureRow[]> {
  return tx.query<PersonMeasureRow>(
    `SELECT m.type, m.provider_name, m.start_on::text AS start_on, m.end_on::text AS end_on, m.hours_planned,
            m.hours_actual, m.cost_planned, m.cost_actual, m.status, m.outcome
       FROM pilot_measures m JOIN pilot_pais pa ON pa.id = m.pai_id WHERE pa.person_id = $1 ORDER BY m.start_on`,
    [personId],
  );
}

/** Closes every PAI of the case not closed yet (the case was closed). */
export async function closePaisOfCase(tx: Queryable, caseId: string, on: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE pilot_pais SET status = 'chiuso', closed_on = $2, updated_at = $3 WHERE case_id = $1 AND status <> 'chiuso'`,
    [caseId, on, now],
  );
}

/** Closes every PAI of the person not closed yet (their admission ended). */
export async function closePaisOfPerson(tx: Queryable, personId: string, on: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE pilot_pais SET status = 'chiuso', closed_on = $2, updated_at = $3 WHERE person_id = $1 AND status <> 'chiuso'`,
    [personId, on, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Settling the measures of PAIs that close (issue 9, decision 0023)
// ---------------------------------------------------------------------------------------------
/** Which PAIs close: those of a case, of a person, or one PAI. */
export type PaisClosing = { caseId: string } | { personId: string } | { paiId: string };

function closingWhere(which: PaisClosing): { sql: string; param: string } {
  if ('caseId' in which) return { sql: 'p.case_id = $1', param: which.caseId };
  if ('personId' in which) return { sql: 'p.person_id = $1', param: which.personId };
  return { sql: 'p.id = $1', param: which.paiId };
}

/** A measure still open (planned or started) of a PAI about to close. */
export interface OpenMeasureRow {
  id: string;
  pai_id: string;
  type: string;
  status: 'pianificata' | 'avviata';
  cost_planned: number;
  cost_actual: number | null;
  /** Its PAI was approved: its planned cost is committed on the budget. */
  committed: boolean;
}

/** The planned and started measures of the PAIs (not closed yet) about to close. */
export async function selectOpenMeasures(tx: Queryable, which: PaisClosing): Promise<OpenMeasureRow[]> {
  const w = closingWhere(which);
  return tx.query<OpenMeasureRow>(
    `SELECT m.id, m.pai_id, m.type, m.status, m.cost_planned, m.cost_actual, (p.approved_on IS NOT NULL) AS committed
       FROM pilot_measures m JOIN pilot_pais p ON p.id = m.pai_id
      WHERE ${w.sql} AND p.status <> 'chiuso' AND m.status IN ('pianificata', 'avviata')
      ORDER BY m.start_on, m.created_at, m.id`,
    [w.param],
  );
}

/**
 * Settles the measures of the PAIs about to close, on the day `on`: planned measures are cancelled
 * (their commitment released), started ones are interrupted with their actual end date (not before
 * their actual start) and the actual cost recorded so far. Call before closing the PAIs.
 */
export async function settleOpenMeasures(tx: Queryable, which: PaisClosing, on: string, now: Date): Promise<void> {
  const w = closingWhere(which);
  await tx.query(
    `UPDATE pilot_measures m SET status = 'annullata', updated_at = $2
       FROM pilot_pais p WHERE p.id = m.pai_id AND ${w.sql} AND p.status <> 'chiuso' AND m.status = 'pianificata'`,
    [w.param, now],
  );
  await tx.query(
    `UPDATE pilot_measures m
        SET status = 'interrotta',
            actual_start_on = coalesce(m.actual_start_on, least(m.start_on, $2::date)),
            actual_end_on = greatest($2::date, coalesce(m.actual_start_on, least(m.start_on, $2::date))),
            updated_at = $3
       FROM pilot_pais p WHERE p.id = m.pai_id AND ${w.sql} AND p.status <> 'chiuso' AND m.status = 'avviata'`,
    [w.param, on, now],
  );
}
