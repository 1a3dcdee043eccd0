/** SQL of the budget of the assistance measures: allocations, commitments, the budget view. Returns plain rows. */
import type { Queryable } from '../../../platform/db/db.js';
import type { MeasureType } from '../shared/vocab.js';

/** The live (not cancelled) measures of a PAI with the year each starts in. */
export async function selectLiveMeasureCosts(
  tx: Queryable,
  paiId: string,
): Promise<{ year: number; id: string; cost_planned: number }[]> {
  return tx.query<{ year: number; id: string; cost_planned: number }>(
    `SELECT extract(year FROM start_on)::int AS year, id, cost_planned FROM pilot_measures
      WHERE pai_id = $1 AND status <> 'annullata'`,
    [paiId],
  );
}

/** The Comune's allocation of a year, locked (FOR UPDATE) until the transaction ends. */
export async function lockAllocation(
  tx: Queryable,
  comune: string,
  year: number,
): Promise<{ allocation: number } | undefined> {
  const [row] = await tx.query<{ allocation: number }>(
    'SELECT allocation FROM pilot_budgets WHERE comune_istat = $1 AND year = $2 FOR UPDATE',
    [comune, year],
  );
  return row;
}

/** What the Comune's other approved PAIs commit in a year (measures not cancelled, by start year). */
export async function selectCommittedByOthers(
  tx: Queryable,
  comune: string,
  paiId: string,
  year: number,
): Promise<number> {
  const [row] = await tx.query<{ committed: number }>(
    `SELECT coalesce(sum(m.cost_planned), 0) AS committed
       FROM pilot_measures m JOIN pilot_pais p ON p.id = m.pai_id
      WHERE m.comune_istat = $1 AND m.pai_id <> $2 AND m.status <> 'annullata'
        AND p.approved_on IS NOT NULL
        AND m.start_on >= make_date($3::int, 1, 1) AND m.start_on < make_date($3::int + 1, 1, 1)`,
    [comune, paiId, year],
  );
  return row?.committed ?? 0;
}

export async function upsertAllocation(
  tx: Queryable,
  comune: string,
  year: number,
  allocation: number,
  by: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (comune_istat, year) DO UPDATE
       SET allocation = EXCLUDED.allocation, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [comune, year, allocation, by, now],
  );
}

/** One line of `incas_pilot_budget`: a Comune's allocation and, per measure type, its sums. */
export interface BudgetRow {
  comune_istat: string;
  comune_name: string;
  allocation: number | null;
  measure_type: MeasureType | null;
  committed: number | null;
  spent: number | null;
}

/** The budget of a year through `incas_pilot_budget`, which returns sums only (migration 0004). */
export async function selectBudget(tx: Queryable, year: number): Promise<BudgetRow[]> {
  return tx.query<BudgetRow>(
    'SELECT comune_istat, comune_name, allocation, measure_type, committed, spent FROM incas_pilot_budget($1::int)',
    [year],
  );
}
