/** SQL of the decisions on a case: its status, admissions to the measures, PAIs closed with it. */
import type { Queryable } from '../../../platform/db/db.js';
import type { CaseStatus, ExitReason } from '../shared/vocab.js';

export async function updateCaseStatus(
  tx: Queryable,
  caseId: string,
  to: CaseStatus,
  extra: { admittedOn: string | null; closedOn: string | null; exitReason: ExitReason | null; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE pilot_cases SET status = $2, admitted_on = coalesce($3, admitted_on), closed_on = $4, exit_reason = $5,
            version = version + 1, updated_at = $6 WHERE id = $1`,
    [caseId, to, extra.admittedOn, extra.closedOn, extra.exitReason, extra.now],
  );
}

export async function insertAdmission(
  tx: Queryable,
  a: {
    caseId: string;
    personId: string;
    comune: string;
    on: string;
    by: string;
    reason: string;
    eligibilityCode: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_admissions (case_id, person_id, comune_istat, status, decided_on, decided_by, reason, eligibility_code, created_at)
     VALUES ($1, $2, $3, 'ammesso', $4, $5, $6, $7, $8)`,
    [a.caseId, a.personId, a.comune, a.on, a.by, a.reason, a.eligibilityCode, a.now],
  );
}

/** Ends every live admission of the case with the given status. */
export async function endAdmissionsOfCase(
  tx: Queryable,
  caseId: string,
  e: { status: 'revocato' | 'cessato'; on: string; by: string; reason: string },
): Promise<void> {
  await tx.query(
    `UPDATE pilot_admissions SET status = $2, ended_on = $3, ended_by = $4, end_reason = $5
      WHERE case_id = $1 AND status = 'ammesso'`,
    [caseId, e.status, e.on, e.by, e.reason],
  );
}

/** Revokes the live admission of one person; false when there was none. */
export async function revokeAdmissionOf(
  tx: Queryable,
  caseId: string,
  personId: string,
  e: { on: string; by: string; reason: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE pilot_admissions SET status = 'revocato', ended_on = $3, ended_by = $4, end_reason = $5
      WHERE case_id = $1 AND person_id = $2 AND status = 'ammesso' RETURNING id`,
    [caseId, personId, e.on, e.by, e.reason],
  );
  return rows.length > 0;
}
