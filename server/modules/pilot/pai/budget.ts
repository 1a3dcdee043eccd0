/**
 * The budget of the assistance measures: each Comune's annual allocation (set by the platform
 * administrator), what its approved PAIs commit, and the guard that refuses a commitment beyond
 * the allocation.
 *
 * committed(Comune, year) = Σ cost_planned of the Comune's measures not cancelled, whose PAI has
 * been approved (approved_on set: whatever its status since, under revision or closed), by the
 * year the measure starts. A PAI never approved commits nothing, also once closed; a measure added
 * to an approved PAI, under revision too, passes the guard when it is added. The same definition
 * is in migrations 0004 (budget sums) and 0005 (quadro comparativo).
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import type { Budget, BudgetComune } from './pai.schema.js';
import type { MeasureType } from '../shared/vocab.js';

const cents = (v: number | string | null | undefined): number => Math.round(Number(v ?? 0) * 100);
const euros = (c: number): number => c / 100;

/** '1.234,00': euro amounts the way Italian documents write them (grouping from the thousands). */
export function formatEuro(amount: number): string {
  const c = Math.round(amount * 100);
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

const yearRange = `m.start_on >= make_date($3::int, 1, 1) AND m.start_on < make_date($3::int + 1, 1, 1)`;

/**
 * What a PAI would commit after a change, per year. Without `change` (approval, re-approval
 * after a revision) every year the PAI's live measures fall in; with a change (a new measure, a
 * higher planned cost) only that measure's year, with the measure counted at its new cost.
 */
async function plannedOfPai(
  tx: Queryable, paiId: string, change?: { measureId: string | null; year: number; cost: number },
): Promise<Map<number, { total: number; requested: number }>> {
  const rows = await tx.query<{ year: number; id: string; cost_planned: number }>(
    `SELECT extract(year FROM start_on)::int AS year, id, cost_planned FROM pilot_measures
      WHERE pai_id = $1 AND status <> 'annullata'`,
    [paiId],
  );
  const out = new Map<number, { total: number; requested: number }>();
  if (!change) {
    for (const r of rows) {
      const e = out.get(r.year) ?? { total: 0, requested: 0 };
      e.total += cents(r.cost_planned);
      e.requested = e.total;
      out.set(r.year, e);
    }
    return out;
  }
  const others = rows.filter((r) => r.year === change.year && r.id !== change.measureId).reduce((s, r) => s + cents(r.cost_planned), 0);
  out.set(change.year, { total: others + cents(change.cost), requested: cents(change.cost) });
  return out;
}

/**
 * The over-allocation guard, inside the caller's transaction. For each year concerned it locks
 * the Comune's pilot_budgets row (FOR UPDATE: concurrent approvals in one Comune queue here, and
 * each then reads the commitments the previous one committed), and refuses with 409
 * `pilot.budget_missing` when no allocation exists for the year, or `pilot.budget_exceeded` when
 * the others' commitments plus this PAI's would pass it. The caller's transaction then rolls back,
 * so nothing is written.
 */
export async function assertWithinBudget(
  tx: Queryable, comune: string, paiId: string, change?: { measureId: string | null; year: number; cost: number },
): Promise<void> {
  const planned = await plannedOfPai(tx, paiId, change);
  for (const year of [...planned.keys()].sort((a, b) => a - b)) {
    const { total, requested } = planned.get(year)!;
    if (requested === 0) continue; // commits nothing: no allocation needed
    const [budget] = await tx.query<{ allocation: number }>(
      'SELECT allocation FROM pilot_budgets WHERE comune_istat = $1 AND year = $2 FOR UPDATE', [comune, year],
    );
    if (!budget) {
      throw new AppError('pilot.budget_missing', `Nessuno stanziamento per le misure di assistenza dell'anno ${year}: va impostato prima di impegnare spesa.`);
    }
    const [row] = await tx.query<{ committed: number }>(
      `SELECT coalesce(sum(m.cost_planned), 0) AS committed
         FROM pilot_measures m JOIN pilot_pais p ON p.id = m.pai_id
        WHERE m.comune_istat = $1 AND m.pai_id <> $2 AND m.status <> 'annullata'
          AND p.approved_on IS NOT NULL AND ${yearRange}`,
      [comune, paiId, year],
    );
    const allocation = cents(budget.allocation);
    const base = cents(row?.committed) + (total - requested);
    if (base + requested > allocation) {
      throw new AppError(
        'pilot.budget_exceeded',
        `Impegno oltre lo stanziamento: disponibili € ${formatEuro(euros(allocation - base))}, richiesti € ${formatEuro(euros(requested))} (anno ${year})`,
      );
    }
  }
}

interface BudgetRow {
  comune_istat: string; comune_name: string; allocation: number | null; measure_type: MeasureType | null;
  committed: number | null; spent: number | null;
}

/**
 * The budget of one year: for Comune staff their own Comune, for national readers every pilot
 * Comune. Read through `incas_pilot_budget`, which returns sums only (migration 0004).
 */
export async function getBudget(ctx: Ctx, year: number | undefined): Promise<Budget> {
  assertCan(ctx.actor, 'pilot.budget.read');
  const y = year ?? ctx.clock.now().getUTCFullYear();
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectBudget(tx, y));
  const comuni = toBudgetComuni(rows);
  const sum = (f: (c: BudgetComune) => number) => euros(comuni.reduce((s, c) => s + cents(f(c)), 0));
  const allocation = sum((c) => c.allocation ?? 0);
  const committed = sum((c) => c.committed);
  return {
    year: y, comuni,
    total: { allocation, committed, spent: sum((c) => c.spent), available: euros(cents(allocation) - cents(committed)) },
  };
}

/** Sets (creates or changes) a pilot Comune's allocation for a year: the platform administrator. */
export async function setBudget(ctx: Ctx, comuneIstat: string, year: number, allocation: number): Promise<BudgetComune> {
  assertCan(ctx.actor, 'pilot.budget.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const [comune] = await tx.query<{ pilot_18ter: boolean }>('SELECT pilot_18ter FROM comuni WHERE istat_code = $1', [comuneIstat]);
    if (!comune?.pilot_18ter) throw new AppError('comune.not_found', 'No Comune of the pilot has that ISTAT code.');
    const [prev] = await tx.query<{ allocation: number }>(
      'SELECT allocation FROM pilot_budgets WHERE comune_istat = $1 AND year = $2 FOR UPDATE', [comuneIstat, year],
    );
    await tx.query(
      `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (comune_istat, year) DO UPDATE SET allocation = EXCLUDED.allocation, updated_at = EXCLUDED.updated_at`,
      [comuneIstat, year, allocation, ctx.clock.now()],
    );
    await recordAudit(tx, ctx, {
      action: 'pilot.budget.set', entityType: 'pilot_budget', entityId: `${comuneIstat}/${year}`, tenantComune: comuneIstat,
      details: { year, allocation, previous: prev ? Number(prev.allocation) : null },
    });
    const line = toBudgetComuni(await selectBudget(tx, year)).find((c) => c.comuneIstat === comuneIstat);
    return line!;
  });
}

async function selectBudget(tx: Queryable, year: number): Promise<BudgetRow[]> {
  return tx.query<BudgetRow>(
    'SELECT comune_istat, comune_name, allocation, measure_type, committed, spent FROM incas_pilot_budget($1::int)', [year],
  );
}

function toBudgetComuni(rows: BudgetRow[]): BudgetComune[] {
  const byComune = new Map<string, BudgetComune>();
  for (const r of rows) {
    let c = byComune.get(r.comune_istat);
    if (!c) {
      const allocation = r.allocation === null ? null : Number(r.allocation);
      c = { comuneIstat: r.comune_istat, comuneName: r.comune_name, allocation, committed: 0, spent: 0, available: null, byType: [] };
      byComune.set(r.comune_istat, c);
    }
    if (r.measure_type) {
      c.byType.push({ type: r.measure_type, committed: Number(r.committed ?? 0), spent: Number(r.spent ?? 0) });
      c.committed = euros(cents(c.committed) + cents(r.committed));
      c.spent = euros(cents(c.spent) + cents(r.spent));
    }
  }
  for (const c of byComune.values()) c.available = c.allocation === null ? null : euros(cents(c.allocation) - cents(c.committed));
  return [...byComune.values()];
}
