/** Employment contracts and outcomes of the synthetic pilot holders. Part of the demo plan: pure, seeded, no I/O. */
import { addDays, addMonths, type ExitReason, type IsoDate, type Sector } from '../pilot/index.js';
import type { Work } from './demo.pilot.work.js';
import { contractMix, sectorWork } from './demo.pilot.words.js';

/** An employment contract (ATECO, CCNL, weekly hours) and, at times, housing autonomy. */
export function planWork(
  w: Work,
  p: {
    caseId: string;
    personId: string;
    sector: Sector;
    start: IsoDate;
    closed: IsoDate | null;
    exit: ExitReason | null;
    converted: IsoDate | null;
  },
): void {
  const { rng, c } = w;
  const work = sectorWork[p.sector];
  const type = rng.weighted(contractMix[p.sector === 'agricoltura' && !p.converted ? 'agricoltura' : 'other']);
  const months =
    type === 'stagionale' || type === 'somministrazione'
      ? rng.int(3, 6)
      : type === 'tempo_determinato'
        ? rng.int(6, 12)
        : null;
  const weekly =
    p.sector === 'agricoltura'
      ? rng.pick([36, 39, 40])
      : p.sector === 'lavoro_domestico_cura'
        ? rng.pick([25, 30, 40])
        : rng.pick([20, 24, 30, 36, 38, 40]);
  w.plan.contracts.push({
    id: w.id(),
    person_id: p.personId,
    case_id: p.caseId,
    comune_istat: c.istat,
    type,
    ateco: rng.pick(work.ateco),
    ccnl: work.ccnl,
    weekly_hours: weekly,
    start_on: p.start,
    end_on: months ? addMonths(p.start, months) : null,
    created_at: w.ts(p.start),
  });
  const housing =
    p.exit === 'lavoro_autonomia'
      ? rng.chance(0.6)
        ? p.closed
        : null
      : rng.chance(0.25)
        ? addDays(p.start, rng.int(20, 60))
        : null;
  if (housing && housing <= w.today) {
    w.plan.outcomes.push({
      id: w.id(),
      person_id: p.personId,
      case_id: p.caseId,
      comune_istat: c.istat,
      kind: 'autonomia_abitativa',
      occurred_on: housing,
      employed: true,
      detail: 'Contratto di locazione a proprio nome',
      created_at: w.ts(housing),
    });
  }
}
