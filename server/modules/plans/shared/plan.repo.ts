/** The plan row every part reads first: SQL only. */
import type { Queryable } from '../../../platform/db/db.js';

export interface PlanRow {
  id: string;
  comune_istat: string;
  region_code: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
  version_no: number;
  row_version: number;
}

/** The plan, when the actor reaches it (row-level security); `lock` for a writer, after its role checks. */
export async function selectPlanRow(tx: Queryable, id: string, lock = false): Promise<PlanRow | undefined> {
  const [row] = await tx.query<PlanRow>(
    `SELECT id, comune_istat, region_code, title, period_from, period_to, status, version_no, row_version
       FROM plm_plans WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

/** The Region of a Comune (every plm row carries it). */
export async function regionOfComune(tx: Queryable, comuneIstat: string): Promise<string | undefined> {
  const [row] = await tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [
    comuneIstat,
  ]);
  return row?.region_code;
}
