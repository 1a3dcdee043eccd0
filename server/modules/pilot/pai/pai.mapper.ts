/** PAI, measures, versions and budget: from the database rows to the API shapes, in one place. */
import type { BudgetRow } from './budget.repo.js';
import { cents, euros } from './budget.rules.js';
import type { MeasureRow, PaiRow } from './pai.repo.js';
import { totalsOf, yearOf } from './pai.rules.js';
import type { Budget, BudgetComune, Measure, PaiDetail, PaiSnapshot, PaiVersion } from './pai.schema.js';
import { measureMachine } from '../shared/machines.js';
import type { PaiStatus } from '../shared/vocab.js';

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toMeasure(r: MeasureRow): Measure {
  return {
    id: r.id,
    paiId: r.pai_id,
    type: r.type,
    providerName: r.provider_name,
    providerOrgId: r.provider_org_id,
    startOn: r.start_on,
    endOn: r.end_on,
    hoursPlanned: Number(r.hours_planned),
    hoursActual: num(r.hours_actual),
    costPlanned: Number(r.cost_planned),
    costActual: num(r.cost_actual),
    status: r.status,
    outcome: r.outcome,
    actualStartOn: r.actual_start_on,
    actualEndOn: r.actual_end_on,
    budgetYear: yearOf(r.start_on),
    allowedTransitions: [...measureMachine[r.status]],
  };
}

/** The PAI's content as it stands: what the detail shows and what a revision freezes. */
export function toPaiSnapshot(pai: PaiRow, measureRows: MeasureRow[], approvedByName: string | null): PaiSnapshot {
  const measures = measureRows.map(toMeasure);
  return {
    status: pai.status,
    version: pai.version,
    needs: pai.needs,
    objectives: pai.objectives,
    sharedOn: pai.shared_on,
    noticeLanguage: pai.notice_language,
    approvedOn: pai.approved_on,
    approvedBy: approvedByName,
    reviewDueOn: pai.review_due_on,
    closedOn: pai.closed_on,
    measures,
    totals: totalsOf(measures),
  };
}

export function toPaiDetail(
  pai: PaiRow,
  pseudonym: string | undefined,
  content: PaiSnapshot,
  versions: { version: number; frozen_at: Date }[],
  allowedTransitions: PaiStatus[],
): PaiDetail {
  return {
    id: pai.id,
    caseId: pai.case_id,
    personId: pai.person_id,
    pseudonym: pseudonym ?? '',
    ...content,
    versions: versions.map((v) => ({ version: v.version, frozenAt: v.frozen_at.toISOString() })),
    allowedTransitions,
  };
}

export function toPaiVersion(
  pai: PaiRow,
  pseudonym: string | undefined,
  version: number,
  frozen: { snapshot: PaiSnapshot; frozen_at: Date },
): PaiVersion {
  return {
    paiId: pai.id,
    caseId: pai.case_id,
    pseudonym: pseudonym ?? '',
    version,
    // versions frozen before measures had actual dates (issue 9) lack them: null, never absent
    snapshot: {
      ...frozen.snapshot,
      measures: frozen.snapshot.measures.map((m) => ({
        ...m,
        actualStartOn: m.actualStartOn ?? null,
        actualEndOn: m.actualEndOn ?? null,
        budgetYear: m.budgetYear ?? yearOf(m.startOn),
      })),
    },
    frozenAt: frozen.frozen_at.toISOString(),
  };
}

/** The lines of `incas_pilot_budget` (one per Comune and measure type) as one entry per Comune. */
export function toBudgetComuni(rows: BudgetRow[]): BudgetComune[] {
  const byComune = new Map<string, BudgetComune>();
  for (const r of rows) {
    let c = byComune.get(r.comune_istat);
    if (!c) {
      const allocation = r.allocation === null ? null : Number(r.allocation);
      c = {
        comuneIstat: r.comune_istat,
        comuneName: r.comune_name,
        allocation,
        committed: 0,
        spent: 0,
        available: null,
        byType: [],
      };
      byComune.set(r.comune_istat, c);
    }
    if (r.measure_type) {
      c.byType.push({ type: r.measure_type, committed: Number(r.committed ?? 0), spent: Number(r.spent ?? 0) });
      c.committed = euros(cents(c.committed) + cents(r.committed));
      c.spent = euros(cents(c.spent) + cents(r.spent));
    }
  }
  for (const c of byComune.values())
    c.available = c.allocation === null ? null : euros(cents(c.allocation) - cents(c.committed));
  return [...byComune.values()];
}

/** The budget of a year: its Comuni and their total. */
export function toBudget(year: number, rows: BudgetRow[]): Budget {
  const comuni = toBudgetComuni(rows);
  const sum = (f: (c: BudgetComune) => number) => euros(comuni.reduce((s, c) => s + cents(f(c)), 0));
  const allocation = sum((c) => c.allocation ?? 0);
  const committed = sum((c) => c.committed);
  return {
    year,
    comuni,
    total: {
      allocation,
      committed,
      spent: sum((c) => c.spent),
      available: euros(cents(allocation) - cents(committed)),
    },
  };
}
