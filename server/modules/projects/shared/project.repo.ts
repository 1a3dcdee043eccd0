/** The project row every part reads first, and the revisore's assignments: SQL only. */
import type { Queryable } from '../../../platform/db/db.js';

export interface ProjectRow {
  id: string;
  cup: string | null;
  title: string;
  call_version_id: string;
  comune_istat: string;
  lead_org_id: string;
  start_date: string;
  end_date: string;
  status: string;
  row_version: number;
}

export async function selectProjectRow(tx: Queryable, id: string, lock = false): Promise<ProjectRow | undefined> {
  const [row] = await tx.query<ProjectRow>(
    `SELECT id, cup, title, call_version_id, comune_istat, lead_org_id, start_date::text, end_date::text, status,
            row_version
       FROM projects WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export interface AssignmentRow {
  id: string;
  project_id: string;
  user_id: string;
  period_start: string;
  period_end: string;
  valid_from: string;
  valid_to: string;
}

/** The user's assignments to the project that are not revoked (validity is checked by the caller's clock). */
export async function selectAssignments(tx: Queryable, projectId: string, userId: string): Promise<AssignmentRow[]> {
  return tx.query<AssignmentRow>(
    `SELECT id, project_id, user_id, period_start::text, period_end::text, valid_from::text, valid_to::text
       FROM project_revisore_assignments
      WHERE project_id = $1 AND user_id = $2 AND revoked_at IS NULL
      ORDER BY period_start`,
    [projectId, userId],
  );
}
