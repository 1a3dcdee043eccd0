/**
 * The plan of the synthetic 18-ter pilot data: every row to write, computed without I/O from the
 * pilot Comuni, their staff, the indicator catalogue and `today`. The same inputs give the same
 * plan (the identities are encrypted later, by the writer).
 *
 * Each holder gets a scenario (a case status, and for closed cases an exit reason), then a
 * timeline that fits it: referral → presa in carico → permit (ricevuta, rilascio, renewal,
 * conversion, revocation) → admission → PAI → suspension or closure. The first nine holders of
 * every Comune take the nine scenarios in turn, so every Comune shows every status and exit.
 */
import { addDays, daysBetween, exitReasons, formatPseudonym, pseudonymPrefix, type IsoDate } from '../pilot/index.js';
import { planComuneIssues, planReferral } from './demo.pilot.household.js';
import { finaliseCosts } from './demo.pilot.measures.js';
import { Rng, seedOf } from '../../platform/random.js';
import {
  BUDGET_TOTAL,
  BUDGET_YEAR,
  emptyPlan,
  makeWork,
  type DemoComune,
  type PilotPlan,
  type Work,
} from './demo.pilot.work.js';
import { comuneProfiles } from './demo.pilot.words.js';
import { planHolder, type Scenario } from './demo.pilot.holder.js';

const WINDOW_START: IsoDate = '2026-01-10';

const forcedScenarios: Scenario[] = [
  { status: 'aperto', exit: null },
  { status: 'ammesso_misure', exit: null },
  { status: 'pai_attivo', exit: null },
  { status: 'sospeso', exit: null },
  ...exitReasons.map((exit) => ({ status: 'chiuso' as const, exit })),
];
const scenarioWeights: readonly (readonly [Scenario, number])[] = [
  [{ status: 'aperto', exit: null }, 12],
  [{ status: 'ammesso_misure', exit: null }, 13],
  [{ status: 'pai_attivo', exit: null }, 42],
  [{ status: 'sospeso', exit: null }, 6],
  [{ status: 'chiuso', exit: 'lavoro_autonomia' }, 11],
  [{ status: 'chiuso', exit: 'trasferimento' }, 4],
  [{ status: 'chiuso', exit: 'abbandono' }, 5],
  [{ status: 'chiuso', exit: 'revoca_art7' }, 3],
  [{ status: 'chiuso', exit: 'scadenza_permesso' }, 4],
];

/** Number of holders per Comune: the profile's base with a small seeded jitter, within 15–60. */
export function holdersPerComune(istats: readonly string[], seed: number): Map<string, number> {
  return new Map(
    istats.map((istat) => {
      const base = comuneProfiles[istat]?.holders ?? 20;
      const jitter = new Rng(seedOf(istat, seed ^ 0x5eed)).int(-3, 3);
      return [istat, Math.min(60, Math.max(15, base + jitter))];
    }),
  );
}

/** €800,000 split in proportion to the holders, in whole euros, summing exactly (largest remainder). */
export function splitBudget(holders: Map<string, number>, total = BUDGET_TOTAL): Map<string, number> {
  const sum = [...holders.values()].reduce((s, n) => s + n, 0);
  const shares = [...holders].map(([istat, n]) => ({ istat, exact: (total * n) / sum }));
  const out = new Map(shares.map((s) => [s.istat, Math.floor(s.exact)]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  for (const s of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.istat.localeCompare(b.istat))) {
    if (left-- <= 0) break;
    out.set(s.istat, out.get(s.istat)! + 1);
  }
  return out;
}

/** The whole plan for the pilot Comuni. Pure: same inputs, same plan. */
export function planPilotDemo(input: {
  comuni: DemoComune[];
  indicators: readonly string[];
  today: IsoDate;
  seed: number;
}): PilotPlan {
  const plan = emptyPlan();
  const { today, seed } = input;
  // the pilot's window starts on 2026-01-10; a seed run earlier in the year reaches further back
  const start = addDays(today, -265) < WINDOW_START ? addDays(today, -265) : WINDOW_START;
  const holders = holdersPerComune(
    input.comuni.map((c) => c.istat),
    seed,
  );
  const allocations = splitBudget(holders);
  for (const c of input.comuni) {
    const allocation = allocations.get(c.istat)!;
    planComune(makeWork(c, plan, input.indicators, today, start, seed), holders.get(c.istat)!, allocation);
    plan.budgets.push({ comune_istat: c.istat, year: BUDGET_YEAR, allocation, updated_at: `${start}T08:00:00.000Z` });
  }
  return plan;
}

function planComune(w: Work, holderCount: number, allocation: number): void {
  const profile = comuneProfiles[w.c.istat] ?? comuneProfiles['087015']!;
  for (let i = 0; i < holderCount; i++) {
    const scenario = forcedScenarios[i] ?? w.rng.weighted(scenarioWeights);
    planHolder(w, scenario, w.rng.weighted(profile.sectors), w.rng.weighted(profile.nationalities));
  }
  // referrals that did not lead to a case: ~20% closed at screening, and one or two still open
  const extra = Math.round(holderCount * 0.2);
  for (let i = 0; i < extra; i++) {
    const receivedOn = addDays(w.start, w.rng.int(0, Math.max(0, daysBetween(w.start, w.today) - 12)));
    const outcome = w.rng.chance(0.55) ? 'non_pertinente' : 'inviata_altro_servizio';
    planReferral(w, {
      receivedOn,
      outcome,
      outcomeOn: addDays(receivedOn, w.rng.int(1, 10)),
      sector: w.rng.weighted(profile.sectors),
      holder: false,
    });
  }
  planReferral(w, {
    receivedOn: addDays(w.today, -w.rng.int(0, 4)),
    outcome: 'in_screening',
    outcomeOn: null,
    sector: w.rng.weighted(profile.sectors),
    holder: false,
  });
  if (w.rng.chance(0.6)) {
    const receivedOn = addDays(w.today, -w.rng.int(8, 25));
    planReferral(w, {
      receivedOn,
      outcome: 'in_attesa_identificazione',
      outcomeOn: addDays(receivedOn, w.rng.int(1, 5)),
      sector: w.rng.weighted(profile.sectors),
      holder: false,
    });
  }
  finaliseCosts(w, allocation);
  planComuneIssues(w);
  assignPseudonyms(w);
}

/** Pseudonyms in the order the persons were registered, per year; the counters continue from there. */
function assignPseudonyms(w: Work): void {
  const prefix = pseudonymPrefix(w.c.sigla);
  const last = new Map<number, number>();
  const ordered = [...w.people].sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.order - b.order);
  for (const p of ordered) {
    const seq = (last.get(p.year) ?? 0) + 1;
    last.set(p.year, seq);
    p.person.row.pseudonym = formatPseudonym(prefix, p.year, seq);
  }
  for (const [year, n] of last) w.plan.counters.push({ comune_istat: w.c.istat, year, last: n });
}
