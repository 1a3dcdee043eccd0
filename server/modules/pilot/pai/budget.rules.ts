/**
 * The money rules of the budget of the assistance measures, pure: amounts are summed in cents,
 * and a commitment may not pass the Comune's allocation of the year.
 *
 * committed(Comune, year) = Σ cost_planned of the Comune's measures not cancelled, whose PAI has
 * been approved (approved_on set: whatever its status since, under revision or closed), by the
 * year the measure starts. A PAI never approved commits nothing, also once closed; a measure added
 * to an approved PAI, under revision too, passes the guard when it is added. The same definition
 * is in migrations 0004 (budget sums) and 0005 (quadro comparativo).
 */
import { AppError } from '../../../platform/errors.js';

export const cents = (v: number | string | null | undefined): number => Math.round(Number(v ?? 0) * 100);
export const euros = (c: number): number => c / 100;

/** '1.234,00': euro amounts the way Italian documents write them (grouping from the thousands). */
export function formatEuro(amount: number): string {
  const c = Math.round(amount * 100);
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** A change that commits money: a new measure (no id yet) or a higher planned cost, in the measure's year. */
export interface BudgetChange {
  measureId: string | null;
  year: number;
  cost: number;
}

/** Per year, in cents: what the PAI would commit in total, and the part this request adds. */
export type PlannedByYear = Map<number, { total: number; requested: number }>;

/**
 * What a PAI would commit after a change, per year, from its live measures (not cancelled).
 * Without `change` (approval, re-approval after a revision) every year the PAI's live measures
 * fall in; with a change only that measure's year, with the measure counted at its new cost.
 */
export function plannedOfPai(
  measures: readonly { year: number; id: string; cost_planned: number | string }[],
  change?: BudgetChange,
): PlannedByYear {
  const out: PlannedByYear = new Map();
  if (!change) {
    for (const r of measures) {
      const e = out.get(r.year) ?? { total: 0, requested: 0 };
      e.total += cents(r.cost_planned);
      e.requested = e.total;
      out.set(r.year, e);
    }
    return out;
  }
  const others = measures
    .filter((r) => r.year === change.year && r.id !== change.measureId)
    .reduce((s, r) => s + cents(r.cost_planned), 0);
  out.set(change.year, { total: others + cents(change.cost), requested: cents(change.cost) });
  return out;
}

/**
 * Refuses a year's commitment with 409 `pilot.budget_missing` when the Comune has no allocation
 * for the year, or `pilot.budget_exceeded` when the others' commitments plus this PAI's would pass it.
 */
export function assertFitsAllocation(
  year: number,
  planned: { total: number; requested: number },
  allocation: number | string | null,
  committedByOthers: number | string | null | undefined,
): void {
  if (allocation === null) {
    throw new AppError(
      'pilot.budget_missing',
      `Nessuno stanziamento per le misure di assistenza dell'anno ${year}: va impostato prima di impegnare spesa.`,
    );
  }
  const { total, requested } = planned;
  const available = cents(allocation);
  const base = cents(committedByOthers) + (total - requested);
  if (base + requested > available) {
    throw new AppError(
      'pilot.budget_exceeded',
      `Impegno oltre lo stanziamento: disponibili € ${formatEuro(euros(available - base))}, richiesti € ${formatEuro(euros(requested))} (anno ${year})`,
    );
  }
}
