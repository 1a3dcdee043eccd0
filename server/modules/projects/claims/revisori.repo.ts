/** The SQL of the revisore's assignments and the picker of revisori (names through access's views). */
import type { Queryable } from '../../../platform/db/db.js';

export interface AssignmentFullRow {
  id: string;
  project_id: string;
  user_id: string;
  name: string;
  organisation: string | null;
  period_start: string;
  period_end: string;
  valid_from: string;
  valid_to: string;
  assigned_at: Date;
  revoked_at: Date | null;
  project_title: string;
  cup: string | null;
  comune: string | null;
}

const columns = `a.id, a.project_id, a.user_id, coalesce(u.display_name, '') AS name, o.name AS organisation,
  a.period_start::text, a.period_end::text, a.valid_from::text, a.valid_to::text, a.assigned_at, a.revoked_at,
  p.title AS project_title, p.cup, (SELECT c.name FROM registry_comuni_v c WHERE c.istat_code = p.comune_istat) AS comune`;
const from = `project_revisore_assignments a JOIN projects p ON p.id = a.project_id
  LEFT JOIN access_users_v u ON u.id = a.user_id LEFT JOIN registry_organisations_v o ON o.id = u.organisation_id`;

export async function selectProjectAssignments(tx: Queryable, projectId: string): Promise<AssignmentFullRow[]> {
  return tx.query<AssignmentFullRow>(
    `SELECT ${columns} FROM ${from} WHERE a.project_id = $1 ORDER BY a.revoked_at NULLS FIRST, a.period_start, a.id`,
    [projectId],
  );
}

export async function selectAssignment(
  tx: Queryable,
  projectId: string,
  id: string,
): Promise<AssignmentFullRow | undefined> {
  const [row] = await tx.query<AssignmentFullRow>(
    `SELECT ${columns} FROM ${from} WHERE a.project_id = $1 AND a.id = $2 FOR UPDATE OF a`,
    [projectId, id],
  );
  return row;
}

/** The revisore's own assignments (row-level security shows them only theirs' projects). */
export async function selectUserAssignments(tx: Queryable, userId: string): Promise<AssignmentFullRow[]> {
  return tx.query<AssignmentFullRow>(
    `SELECT ${columns} FROM ${from} WHERE a.user_id = $1 ORDER BY a.valid_to DESC, a.period_start, a.id`,
    [userId],
  );
}

export async function isRevisoreUser(tx: Queryable, userId: string): Promise<boolean> {
  const [r] = await tx.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM access_user_roles_v r JOIN access_users_v u ON u.id = r.user_id
                     WHERE r.user_id = $1 AND r.role = 'revisore' AND u.status = 'active') AS ok`,
    [userId],
  );
  return r!.ok;
}

export async function insertAssignment(
  tx: Queryable,
  a: {
    id: string;
    projectId: string;
    comune: string;
    userId: string;
    periodStart: string;
    periodEnd: string;
    validFrom: string;
    validTo: string;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_revisore_assignments (id, project_id, comune_istat, user_id, period_start, period_end,
                                               valid_from, valid_to, assigned_by, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [a.id, a.projectId, a.comune, a.userId, a.periodStart, a.periodEnd, a.validFrom, a.validTo, a.by, a.now],
  );
}

export async function revokeAssignment(tx: Queryable, id: string, by: string, now: Date): Promise<void> {
  await tx.query('UPDATE project_revisore_assignments SET revoked_by = $2, revoked_at = $3 WHERE id = $1', [
    id,
    by,
    now,
  ]);
}

/** Active accounts holding the revisore role whose name or organisation matches: name and organisation only. */
export async function searchRevisori(
  tx: Queryable,
  q: string,
): Promise<{ id: string; name: string; organisation: string | null }[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx.query(
    `SELECT u.id, u.display_name AS name, o.name AS organisation
       FROM access_users_v u JOIN access_user_roles_v r ON r.user_id = u.id AND r.role = 'revisore'
       LEFT JOIN registry_organisations_v o ON o.id = u.organisation_id
      WHERE u.status = 'active' AND (u.display_name ILIKE $1 OR coalesce(o.name, '') ILIKE $1)
      ORDER BY u.display_name, u.id LIMIT 20`,
    [like],
  );
}
