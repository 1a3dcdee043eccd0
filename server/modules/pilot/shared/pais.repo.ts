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
