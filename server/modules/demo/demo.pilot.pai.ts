/**
 * Synthetic PAIs: needs, objectives, versions and the steps of their history; the measures of a
 * PAI are planned in demo.pilot.measures.ts. Part of the demo plan: pure, seeded, no I/O.
 */
import {
  addMonths,
  type CaseStatus,
  type ExitReason,
  type IsoDate,
  type PaiStatus,
  type Sector,
} from '../pilot/index.js';
import type { Row, Work } from './demo.pilot.work.js';
import type { Weighted } from '../../platform/random.js';
import { languagesOf, noticeLanguages, objectivePool, sectorWork } from './demo.pilot.words.js';
import { planMeasures } from './demo.pilot.measures.js';

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
