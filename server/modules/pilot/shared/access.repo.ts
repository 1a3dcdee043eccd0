/** SQL of the case row and its event history, shared by every sub-feature that works on a case. */
import type { Queryable } from '../../../platform/db/db.js';
import type { CaseStatus, ExitReason } from './vocab.js';

export interface CaseRow {
  id: string;
  comune_istat: string;
  holder_person_id: string;
  referral_id: string | null;
  owner_user_id: string;
  status: CaseStatus;
  opened_on: string;
  admitted_on: string | null;
  closed_on: string | null;
  exit_reason: ExitReason | null;
  in_sai: boolean;
  version: number;
}

const caseColumns = `id, comune_istat, holder_person_id, referral_id, owner_user_id, status, opened_on::text AS opened_on,
  admitted_on::text AS admitted_on, closed_on::text AS closed_on, exit_reason, in_sai, version`;

/** The case row, locked for update when asked. */
export async function selectCaseRow(tx: Queryable, caseId: string, lock = false): Promise<CaseRow | undefined> {
  const [row] = await tx.query<CaseRow>(
    `SELECT ${caseColumns} FROM pilot_cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [caseId],
  );
  return row;
}

/** The case a person belongs to (holder or family member). */
export async function selectCaseIdOfPerson(tx: Queryable, personId: string): Promise<string | undefined> {
  const [m] = await tx.query<{ case_id: string }>('SELECT case_id FROM pilot_case_members WHERE person_id = $1', [
    personId,
  ]);
  return m?.case_id;
}

export interface CaseEventInsert {
  caseId: string;
  comune: string;
  personId: string | null;
  type: string;
  from: string | null;
  to: string | null;
  on: string;
  recordedAt: Date;
  actorUserId: string | null;
  note: string | null;
}

export async function insertCaseEvent(tx: Queryable, e: CaseEventInsert): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_case_events (case_id, comune_istat, person_id, type, from_status, to_status, occurred_on, recorded_at, actor_user_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.caseId, e.comune, e.personId, e.type, e.from, e.to, e.on, e.recordedAt, e.actorUserId, e.note],
  );
}

/** Moves the case to `status` (a PAI step moved it), bumping its version (optimistic concurrency of the case file). */
export async function moveCaseStatus(tx: Queryable, caseId: string, status: CaseStatus, now: Date): Promise<void> {
  await tx.query('UPDATE pilot_cases SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1', [
    caseId,
    status,
    now,
  ]);
}
