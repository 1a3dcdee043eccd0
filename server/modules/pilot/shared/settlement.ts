/**
 * What closing PAIs does to their measures (issue 9, decision 0023), pure: planned measures are
 * cancelled and, on an approved PAI, their committed cost is released; started measures are
 * interrupted with the actual cost recorded so far (none recorded counts as nothing spent).
 */
import type { OpenMeasureRow } from './pais.repo.js';

export interface Settlement {
  cancelled: { measureId: string; paiId: string; type: string; costPlanned: number; committed: boolean }[];
  /** The planned cost of the cancelled measures of approved PAIs: what the budget gets back. */
  released: number;
  interrupted: { measureId: string; paiId: string; type: string; costPlanned: number; costActual: number | null }[];
  /** Started measures without an actual cost: after the closure they no longer change. */
  withoutActualCost: number;
}

export function settlementOf(rows: readonly OpenMeasureRow[]): Settlement {
  const cancelled = rows
    .filter((r) => r.status === 'pianificata')
    .map((r) => ({
      measureId: r.id,
      paiId: r.pai_id,
      type: r.type,
      costPlanned: Number(r.cost_planned),
      committed: r.committed,
    }));
  const interrupted = rows
    .filter((r) => r.status === 'avviata')
    .map((r) => ({
      measureId: r.id,
      paiId: r.pai_id,
      type: r.type,
      costPlanned: Number(r.cost_planned),
      costActual: r.cost_actual === null ? null : Number(r.cost_actual),
    }));
  const releasedCents = cancelled.filter((c) => c.committed).reduce((s, c) => s + Math.round(c.costPlanned * 100), 0);
  return {
    cancelled,
    released: releasedCents / 100,
    interrupted,
    withoutActualCost: interrupted.filter((m) => m.costActual === null).length,
  };
}
