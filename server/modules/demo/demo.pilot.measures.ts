/**
 * The measures of the synthetic PAIs, from the catalogue with providers, hours and costs. Part of
 * the demo plan: pure, seeded, no I/O. Costs are drawn per measure type, then scaled so that each
 * Comune commits 55–85% of its allocation: the budget page never shows a commitment beyond the
 * allocation.
 */
import {
  addDays,
  daysBetween,
  type ExitReason,
  type IsoDate,
  type MeasureStatus,
  type MeasureType,
} from '../pilot/index.js';
import { BUDGET_YEAR, type Row, type Work } from './demo.pilot.work.js';
import { measureOutcomes, measureProfiles } from './demo.pilot.words.js';
import type { PaiInput } from './demo.pilot.pai.js';

export interface PlannedMeasure {
  row: Row;
  raw: number;
  /** Share of the planned cost actually spent (completed or interrupted measures), else null. */
  spent: number | null;
}

/** The order of the measures in a PAI. */
const measureOrder: readonly MeasureType[] = [
  'orientamento',
  'bilancio_competenze',
  'corso_italiano',
  'mediazione',
  'legale',
  'sanitario',
  'supporto_abitativo',
  'sostegno_economico',
  'cura_figli',
  'trasporto',
  'formazione',
  'riqualificazione',
  'tirocinio',
  'accompagnamento_lavoro',
];

function providerOf(w: Work, type: MeasureType): { name: string; orgId: string | null } {
  const { c } = w;
  switch (type) {
    case 'corso_italiano':
      return { name: `CPIA di ${c.name} (demo)`, orgId: null };
    case 'formazione':
    case 'riqualificazione':
      return {
        name: w.rng.pick([
          'Ente di formazione Esempio (demo)',
          'Scuola edile Esempio (demo)',
          'Centro di formazione professionale Esempio (demo)',
        ]),
        orgId: null,
      };
    case 'orientamento':
    case 'bilancio_competenze':
      return { name: `Centro per l'impiego di ${c.name} (demo)`, orgId: null };
    case 'accompagnamento_lavoro':
      return {
        name: w.rng.pick([`Centro per l'impiego di ${c.name} (demo)`, 'Agenzia per il lavoro Esempio (demo)']),
        orgId: null,
      };
    case 'tirocinio':
      return { name: 'Azienda ospitante Esempio (demo)', orgId: null };
    case 'mediazione':
    case 'legale':
      return { name: c.enteName, orgId: c.enteOrgId };
    case 'sostegno_economico':
      return { name: `Comune di ${c.name} (demo)`, orgId: c.comuneOrgId };
    case 'supporto_abitativo':
      return { name: 'Agenzia sociale per la casa Esempio (demo)', orgId: null };
    case 'sanitario':
      return { name: 'Azienda sanitaria Esempio (demo)', orgId: null };
    case 'trasporto':
      return { name: 'Servizio di trasporto sociale Esempio (demo)', orgId: null };
    case 'cura_figli':
      return { name: 'Nido d’infanzia Esempio (demo)', orgId: null };
    default:
      return { name: 'Associazione Esempio (demo)', orgId: null };
  }
}

const interruptionNotes: Record<ExitReason | 'other', string> = {
  lavoro_autonomia: 'Interrotta per inizio del rapporto di lavoro',
  trasferimento: 'Interrotta per trasferimento in un altro Comune',
  abbandono: 'Interrotta per abbandono del percorso',
  revoca_art7: "Interrotta per revoca dell'ammissione alle misure",
  scadenza_permesso: 'Interrotta per scadenza del permesso di soggiorno',
  other: 'Interrotta per assenze ripetute',
};

/** 2–6 measures from the catalogue, with statuses that follow the PAI and the case. */
export function planMeasures(w: Work, paiId: string, p: PaiInput, italian: string): PlannedMeasure[] {
  const { rng, c } = w;
  const odds: Partial<Record<MeasureType, number>> = {
    corso_italiano: italian === 'B1' ? 0.1 : 0.85,
    orientamento: 0.7,
    bilancio_competenze: 0.4,
    formazione: 0.5,
    riqualificazione: 0.15,
    tirocinio: 0.35,
    accompagnamento_lavoro: 0.5,
    mediazione: 0.5,
    supporto_abitativo: 0.35,
    trasporto: p.sector === 'agricoltura' ? 0.5 : 0.15,
    legale: 0.3,
    sanitario: 0.15,
    cura_figli: p.hasChildren ? 0.6 : 0,
    sostegno_economico: 0.3,
  };
  let types = measureOrder.filter((t) => rng.chance(odds[t] ?? 0));
  for (const t of ['orientamento', 'accompagnamento_lavoro'] as const)
    if (types.length < 2 && !types.includes(t)) types.push(t);
  if (types.length > 6) types = rng.sample(types, 6);
  types.sort((a, b) => measureOrder.indexOf(a) - measureOrder.indexOf(b));

  const stop = p.closed ?? p.suspended ?? w.today;
  const yearEnd = `${BUDGET_YEAR}-12-31`;
  const out: PlannedMeasure[] = [];
  types.forEach((type, i) => {
    const prof = measureProfiles[type];
    const from = [w.today, p.approved ?? p.shared ?? p.created].sort().at(-1)!;
    let start = p.started ? (i === 0 ? p.started : addDays(p.started, rng.int(0, 90))) : addDays(from, rng.int(5, 45));
    if (start > yearEnd && w.today <= yearEnd) start = yearEnd;
    const duration = rng.int(prof.days[0], prof.days[1]);
    let end: IsoDate | null = addDays(start, duration);
    const hours = rng.int(prof.hours[0], prof.hours[1]);
    let status: MeasureStatus = 'pianificata';
    let spent: number | null = null;
    let hoursActual: number | null = null;
    let outcome: string | null = null;
    if (!p.started || start > stop) {
      if (p.closed) status = 'annullata';
      else if (p.started && p.suspended && start <= w.today) start = addDays(w.today, rng.int(7, 40));
      if (status === 'pianificata' && rng.chance(0.05)) status = 'annullata';
      if (start > yearEnd && w.today <= yearEnd) start = yearEnd;
      end = addDays(start, duration);
    } else if (end <= stop) {
      status = rng.chance(0.9) ? 'completata' : 'interrotta';
      if (status === 'interrotta') end = addDays(start, Math.max(1, Math.floor(duration * rng.between(0.2, 0.7))));
    } else if (p.closed) {
      // hired: the job search and the placement are done, the rest mostly ends early
      const done =
        p.exit === 'lavoro_autonomia' && (type === 'accompagnamento_lavoro' || type === 'tirocinio' || rng.chance(0.5));
      status = done ? 'completata' : 'interrotta';
      end = p.closed;
    } else {
      status = 'avviata';
      hoursActual = Math.round(hours * Math.min(1, daysBetween(start, w.today) / duration) * 10) / 10;
    }
    if (status === 'completata') {
      spent = rng.between(0.85, 1);
      hoursActual = Math.round(hours * spent * 10) / 10;
      outcome = measureOutcomes[type] ?? 'Misura conclusa come previsto';
      if (type === 'corso_italiano' || type === 'formazione' || type === 'riqualificazione') {
        w.plan.outcomes.push({
          id: w.id(),
          person_id: p.personId,
          case_id: p.caseId,
          comune_istat: c.istat,
          kind: 'certificato',
          occurred_on: end,
          employed: null,
          detail: outcome,
          created_at: w.ts(end),
        });
      }
    } else if (status === 'interrotta') {
      spent = Math.max(0.05, Math.min(1, daysBetween(start, end) / duration));
      hoursActual = Math.round(hours * spent * 10) / 10;
      outcome = interruptionNotes[p.closed && p.exit ? p.exit : 'other'];
    }
    const provider = providerOf(w, type);
    const createdOn = p.approved ?? p.shared ?? p.created;
    const row: Row = {
      id: w.id(),
      pai_id: paiId,
      comune_istat: c.istat,
      type,
      provider_name: provider.name,
      provider_org_id: provider.orgId,
      start_on: start,
      end_on: end,
      hours_planned: hours,
      hours_actual: hoursActual,
      cost_planned: 0,
      cost_actual: null,
      status,
      outcome,
      created_at: w.ts(createdOn),
      updated_at: w.ts(
        status === 'pianificata' ? createdOn : end && end <= w.today ? end : start <= w.today ? start : createdOn,
      ),
    };
    const m: PlannedMeasure = { row, raw: rng.int(prof.cost[0], prof.cost[1]), spent };
    out.push(m);
    w.measures.push(m);
    w.plan.measures.push(row);
  });
  return out;
}

/**
 * Planned costs: the drawn costs scaled so the Comune commits 55–85% of its allocation, rounded to
 * €10 within €200–€4,000; actual costs follow for completed and interrupted measures. Throws if
 * the total would pass the allocation (it cannot with the catalogue's ranges).
 */
export function finaliseCosts(w: Work, allocation: number): void {
  const rawSum = w.measures.reduce((s, m) => s + m.raw, 0);
  const scale = rawSum === 0 ? 1 : Math.min(1, (allocation * w.rng.between(0.55, 0.85)) / rawSum);
  let total = 0;
  for (const m of w.measures) {
    const cost = Math.min(4000, Math.max(200, Math.round((m.raw * scale) / 10) * 10));
    m.row.cost_planned = cost;
    m.row.cost_actual = m.spent === null ? null : Math.round(cost * m.spent * 100) / 100;
    total += cost;
  }
  if (total > allocation)
    throw new Error(`demo seed: measures of ${w.c.istat} cost ${total} > allocation ${allocation}`);
  for (const f of w.after.splice(0)) f();
}
