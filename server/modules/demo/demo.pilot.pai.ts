/**
 * Synthetic PAIs (needs, objectives, versions), their measures from the catalogue with providers,
 * hours and costs, employment contracts and outcomes. Part of the demo plan: pure, seeded, no I/O.
 * Costs are drawn per measure type, then scaled so that each Comune commits 55–85% of its
 * allocation: the budget page never shows a commitment beyond the allocation.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  type CaseStatus,
  type ExitReason,
  type IsoDate,
  type MeasureStatus,
  type MeasureType,
  type PaiStatus,
  type Sector,
} from '../pilot/index.js';
import { BUDGET_YEAR, type Row, type Work } from './demo.pilot.work.js';
import {
  contractMix,
  languagesOf,
  measureOutcomes,
  measureProfiles,
  noticeLanguages,
  objectivePool,
  sectorWork,
  type Weighted,
} from './demo.pilot.words.js';

export interface PlannedMeasure {
  row: Row;
  raw: number;
  /** Share of the planned cost actually spent (completed or interrupted measures), else null. */
  spent: number | null;
}

export interface PaiInput {
  caseId: string;
  personId: string;
  sector: Sector;
  country: string;
  level: PaiStatus;
  holder: boolean;
  /** The case status the approval moves to 'pai_attivo' (the holder's first PAI), or null. */
  caseStatusBefore: CaseStatus | null;
  created: IsoDate;
  shared: IsoDate | null;
  approved: IsoDate | null;
  started: IsoDate | null;
  review: IsoDate | null;
  suspended: IsoDate | null;
  closed: IsoDate | null;
  exit: ExitReason | null;
  hasChildren: boolean;
}

const educationWeights: Weighted<string> = [
  ['nessuno', 10],
  ['primaria', 25],
  ['secondaria_inferiore', 30],
  ['secondaria_superiore', 20],
  ['professionale', 10],
  ['universitaria', 5],
];
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

/** The needs assessment in the shape of the PAI schema (no names, nothing identifying). */
function needsOf(w: Work, sector: Sector, country: string, italian: string): Record<string, unknown> {
  const { rng } = w;
  const work = sectorWork[sector];
  const langs = languagesOf[country] ?? ['en'];
  const languages = langs
    .filter((l) => l !== 'it')
    .map((code, i) => ({ code, level: i === 0 ? 'madrelingua' : rng.pick(['A2', 'B1', 'B2']) }));
  languages.push({ code: 'it', level: italian });
  const workHistory = [{ sector, years: rng.int(1, 8), description: `${work.role} in Italia` }];
  if (rng.chance(0.5))
    workHistory.push({
      sector: rng.pick(['agricoltura', 'edilizia', 'commercio', sector] as const),
      years: rng.int(1, 10),
      description: 'Lavoro nel paese di origine',
    });
  return {
    education: rng.weighted(educationWeights),
    skills: rng.sample(work.skills, rng.int(1, 3)),
    languages,
    workHistory,
    notes: '',
  };
}

function objectivesOf(w: Work, holder: boolean, italian: string): string[] {
  const pool: readonly string[] = objectivePool;
  const first = [italian === 'A1' ? pool[0]! : pool[1]!, ...(holder ? [pool[2]!] : [])];
  const rest = w.rng.sample(pool.slice(3), w.rng.int(2, 5) - first.length);
  return [...first, ...rest];
}

/** A PAI with its history of steps, measures and certificates. Returns whether it activated the case. */
export function planPai(w: Work, p: PaiInput): { activatedCase: boolean } {
  const { rng, c } = w;
  const id = w.id();
  const italian = rng.weighted<string>([
    ['A1', 45],
    ['A2', 35],
    ['B1', 20],
  ]);
  const needs = needsOf(w, p.sector, p.country, italian);
  const objectives = objectivesOf(w, p.holder, italian);
  const noticeLanguage =
    (languagesOf[p.country] ?? []).find((l) => (noticeLanguages as readonly string[]).includes(l)) ?? 'en';
  const ev = (on: IsoDate, type: string, note: string, actor = c.operatoreId, move?: { from: string; to: string }) =>
    w.event({
      caseId: p.caseId,
      on,
      type,
      person: p.personId,
      actor,
      note,
      from: move?.from ?? null,
      to: move?.to ?? null,
    });
  ev(p.created, 'PAI_CREATO', 'PAI v1: bozza');
  if (p.shared) ev(p.shared, 'PAI_CONDIVISO', 'PAI v1: bozza → condiviso');
  const activatedCase = p.approved !== null && p.caseStatusBefore === 'ammesso_misure';
  if (p.approved)
    ev(
      p.approved,
      'PAI_APPROVATO',
      'PAI v1: condiviso → approvato',
      c.referenteId,
      activatedCase ? { from: 'ammesso_misure', to: 'pai_attivo' } : undefined,
    );
  if (p.started) ev(p.started, 'PAI_IN_CORSO', 'PAI v1: approvato → in_corso');
  const inReview = p.level === 'in_revisione' && p.review !== null;
  if (inReview) ev(p.review!, 'PAI_IN_REVISIONE', 'PAI v1: in_corso → in_revisione');
  const reviewDueOn = p.approved ? addMonths(p.approved, 6) : null;
  const closedOn = p.level === 'chiuso' ? p.closed : null;
  const row: Row = {
    id,
    case_id: p.caseId,
    person_id: p.personId,
    comune_istat: c.istat,
    version: inReview ? 2 : 1,
    status: p.level,
    needs,
    objectives,
    shared_on: p.shared,
    notice_language: p.shared ? noticeLanguage : null,
    approved_on: p.approved,
    approved_by: p.approved ? c.referenteId : null,
    review_due_on: reviewDueOn,
    closed_on: closedOn,
    created_at: w.ts(p.created),
    updated_at: w.ts(closedOn ?? p.review ?? p.started ?? p.approved ?? p.shared ?? p.created),
  };
  w.plan.pais.push(row);
  const measures = planMeasures(w, id, p, italian);
  if (inReview) {
    // the version frozen when the revision started, with the measures as they stood (costs known later)
    w.after.push(() => {
      const list = measures.map(({ row: m }) => ({
        id: m.id,
        paiId: id,
        type: m.type,
        providerName: m.provider_name,
        providerOrgId: m.provider_org_id,
        startOn: m.start_on,
        endOn: m.end_on,
        hoursPlanned: m.hours_planned,
        hoursActual: m.hours_actual,
        costPlanned: m.cost_planned,
        costActual: m.cost_actual,
        status: m.status,
        outcome: m.outcome,
        allowedTransitions: [],
      })) as {
        status: string;
        costPlanned: number;
        costActual: number | null;
        hoursPlanned: number;
        hoursActual: number | null;
      }[];
      const live = list.filter((m) => m.status !== 'annullata');
      const sum = (f: (m: (typeof live)[number]) => number | null, unit: number) =>
        live.reduce((s, m) => s + Math.round((f(m) ?? 0) * unit), 0) / unit;
      w.plan.paiVersions.push({
        pai_id: id,
        version: 1,
        comune_istat: c.istat,
        frozen_at: w.ts(p.review!),
        snapshot: {
          status: 'in_corso',
          version: 1,
          needs,
          objectives,
          sharedOn: p.shared,
          noticeLanguage,
          approvedOn: p.approved,
          approvedBy: c.referenteName,
          reviewDueOn,
          closedOn: null,
          measures: list,
          totals: {
            plannedCost: sum((m) => m.costPlanned, 100),
            actualCost: sum((m) => m.costActual, 100),
            plannedHours: sum((m) => m.hoursPlanned, 10),
            actualHours: sum((m) => m.hoursActual, 10),
          },
        },
      });
    });
  }
  return { activatedCase };
}

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
function planMeasures(w: Work, paiId: string, p: PaiInput, italian: string): PlannedMeasure[] {
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
