/** SQL of case managers: who may hold a case, how many each holds, and a reassignment. */
import type { Queryable } from '../../../platform/db/db.js';
import type { CaseManagerCandidate } from './case-managers.rules.js';
import { caseManagerRoles } from './case-managers.rules.js';

/** An account as the eligibility rule reads it, or null when there is none with that id. */
export async function selectCaseManagerCandidate(
  tx: Queryable,
  userId: string,
): Promise<(CaseManagerCandidate & { displayName: string }) | null> {
  const [row] = await tx.query<{ comune_istat: string | null; status: string; display_name: string; roles: string[] }>(
    `SELECT o.comune_istat, u.status, u.display_name,
            ARRAY(SELECT r.role FROM access_user_roles_v r WHERE r.user_id = u.id ORDER BY r.role) AS roles
       FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE u.id = $1`,
    [userId],
  );
  return row
    ? { comuneIstat: row.comune_istat, status: row.status, roles: row.roles, displayName: row.display_name }
    : null;
}

export interface CaseManagerRow {
  id: string;
  display_name: string;
  /** To match the case_manager column of an import; not sent by the case-manager list. */
  email: string;
  roles: string[];
  open_cases: number;
  closed_cases: number;
}

/**
 * The Comune's active operatori and referenti (the users who may be given its cases: the roles of
 * `caseManagerRoles`), with the cases each holds (open and closed). The one query of who may hold
 * a case: the case-manager list, the reassignment picker and the import all read it.
 */
export async function selectCaseManagers(tx: Queryable, comune: string): Promise<CaseManagerRow[]> {
  return tx.query<CaseManagerRow>(
    `SELECT u.id, u.display_name, u.email,
            ARRAY(SELECT r.role FROM access_user_roles_v r WHERE r.user_id = u.id AND r.role = ANY($2::text[]) ORDER BY r.role) AS roles,
            (SELECT count(*) FROM pilot_cases c WHERE c.comune_istat = $1 AND c.owner_user_id = u.id AND c.status <> 'chiuso') AS open_cases,
            (SELECT count(*) FROM pilot_cases c WHERE c.comune_istat = $1 AND c.owner_user_id = u.id AND c.status = 'chiuso') AS closed_cases
       FROM access_users_v u JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE o.comune_istat = $1 AND u.status = 'active'
        AND EXISTS (SELECT 1 FROM access_user_roles_v r WHERE r.user_id = u.id AND r.role = ANY($2::text[]))
      ORDER BY u.display_name, u.id`,
    [comune, [...caseManagerRoles]],
  );
}

export async function updateCaseOwner(tx: Queryable, caseId: string, ownerId: string, now: Date): Promise<void> {
  await tx.query('UPDATE pilot_cases SET owner_user_id = $2, version = version + 1, updated_at = $3 WHERE id = $1', [
    caseId,
    ownerId,
    now,
  ]);
}
