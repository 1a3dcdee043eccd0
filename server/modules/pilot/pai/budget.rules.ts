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

/** Who sets the allocations: ANCI/Cittalia, who manage the pilot funds (decision 0023). */
export const BUDGET_MANAGER_ROLE = 'assistenza_tecnica';
/** How many years ahead of the current one an allocation may be set. */
export const ALLOCATION_YEARS_AHEAD = 3;

/**
 * The years whose allocation may be set in `currentYear`: the previous one (corrections at the
 * year's close) up to ALLOCATION_YEARS_AHEAD ahead. 400 otherwise.
 */
export function assertAllocationYear(year: number, currentYear: number): void {
  const [from, to] = [currentYear - 1, currentYear + ALLOCATION_YEARS_AHEAD];
  if (year < from || year > to) {
    const message = `Lo stanziamento si imposta per gli anni dal ${from} al ${to}.`;
    throw new AppError('pilot.invalid', message, {
      fieldIssues: [{ path: 'params.year', message, code: 'out_of_range' }],
    });
  }
}

/**
 * Refuses with 409 `pilot.allocation_below_committed` an allocation lower than what the Comune's
 * approved PAIs already commit in that year: lowering it there would leave commitments without
 * cover. `context` carries the committed amount (euros) and the year, for the message beside the field.
 */
export function assertAllocationCoversCommitted(
  year: number,
  allocation: number,
  committed: number | string | null | undefined,
): void {
  const c = cents(committed);
  if (cents(allocation) >= c) return;
  throw new AppError(
    'pilot.allocation_below_committed',
    `Lo stanziamento del ${year} non può essere inferiore a quanto già impegnato dai PAI approvati del Comune: € ${formatEuro(euros(c))}.`,
    {
      context: { committed: euros(c), year },
      fieldIssues: [{ path: 'body.allocation', message: 'Inferiore a quanto già impegnato', code: 'below_committed' }],
    },
  );
}

/**
 * 409 `pilot.cost_above_plan` for an actual cost over 150% of the planned one (or any actual cost
 * on a measure planned at zero) unless the caller confirmed it: a typing slip ('400,50' read as
 * 40050) must not silently move the budget's spending.
 */
export function assertActualCostPlausible(actual: number, planned: number | string, confirmed: boolean): void {
  if (confirmed) return;
  const p = cents(planned);
  if (cents(actual) * 2 > p * 3) {
    throw new AppError(
      'pilot.cost_above_plan',
      `Il costo effettivo di € ${formatEuro(actual)} supera di oltre il 50% il previsto di € ${formatEuro(euros(p))}: ` +
        "confermare l'importo per registrarlo.",
      {
        context: { actual, planned: euros(p) },
        fieldIssues: [
          { path: 'body.costActual', message: 'Costo effettivo oltre il 150% del previsto', code: 'above_plan' },
        ],
      },
    );
  }
}

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
  comune = '',
): void {
  const context = { year, comuneIstat: comune, role: BUDGET_MANAGER_ROLE };
  if (allocation === null) {
    throw new AppError(
      'pilot.budget_missing',
      `Manca lo stanziamento del Comune per l'anno ${year}, a cui si impegnano le misure che iniziano nel ${year}: ` +
        `lo imposta l'assistenza tecnica ANCI/Cittalia (ruolo «assistenza tecnica») nella pagina «Budget del pilota».`,
      { context },
    );
  }
  const { total, requested } = planned;
  const available = cents(allocation);
  const base = cents(committedByOthers) + (total - requested);
  if (base + requested > available) {
    throw new AppError(
      'pilot.budget_exceeded',
      `Impegno oltre lo stanziamento: disponibili € ${formatEuro(euros(available - base))}, richiesti € ${formatEuro(euros(requested))} (anno ${year})`,
      { context },
    );
  }
}
