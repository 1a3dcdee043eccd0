/**
 * Pure rules of the quarterly monitoring (decision 0052): the quarters a project reports on, the
 * review chain (Comune → ANCI/Cittalia → MLPS, each level may return it), what "committed" means,
 * and the indicators the platform computes from its own data.
 */
import { committingSteps, type MonitoringContent, type MonitoringStatus } from './monitoring.schema.js';

export interface Quarter {
  year: number;
  quarter: number;
}

/** First and last day of a quarter, YYYY-MM-DD. */
export function quarterRange(q: Quarter): { start: string; end: string } {
  const m0 = (q.quarter - 1) * 3 + 1;
  const m1 = m0 + 2;
  const last = new Date(Date.UTC(q.year, m1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${q.year}-${pad(m0)}-01`, end: `${q.year}-${pad(m1)}-${pad(last)}` };
}

export const quarterOf = (date: string): Quarter => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
});

/** A quarter overlaps the project's dates (a project starting on 15 February reports on Q1). */
export function quarterWithin(q: Quarter, startDate: string, endDate: string): boolean {
  const r = quarterRange(q);
  return r.end >= startDate && r.start <= endDate;
}

/** The project's quarters from its start up to `today`'s quarter (or its end, if earlier). */
export function quartersDue(startDate: string, endDate: string, today: string): Quarter[] {
  const out: Quarter[] = [];
  const last = quarterOf(endDate < today ? endDate : today);
  let q = quarterOf(startDate);
  if (startDate > today) return out;
  while (q.year < last.year || (q.year === last.year && q.quarter <= last.quarter)) {
    out.push(q);
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  }
  return out;
}

/** The Comune edits and submits a scheda in these states; afterwards it reads it. */
export const editable = (s: MonitoringStatus): boolean => s === 'BOZZA' || s === 'RESTITUITA';

export type ReviewLevel = 'ANCI' | 'MLPS';
export type Decision = 'validate' | 'return' | 'approve';

/**
 * The review chain: ANCI/Cittalia (assistenza_tecnica) reviews a scheda INVIATA — validates it
 * (VALIDATA_ANCI) or returns it (RESTITUITA); MLPS reviews a scheda VALIDATA_ANCI — approves it
 * (APPROVATA) or returns it. Returns the level and the next state, or why not: 'state' (nothing to
 * review in this state), 'level' (the actor is not the level the state waits for, or the decision
 * is not that level's).
 */
export function reviewStep(
  status: MonitoringStatus,
  roles: readonly string[],
  decision: Decision,
): { ok: true; level: ReviewLevel; to: MonitoringStatus } | { ok: false; why: 'state' | 'level' } {
  const level: ReviewLevel | null = status === 'INVIATA' ? 'ANCI' : status === 'VALIDATA_ANCI' ? 'MLPS' : null;
  if (!level) return { ok: false, why: 'state' };
  const role = level === 'ANCI' ? 'assistenza_tecnica' : 'mlps';
  if (!roles.includes(role)) return { ok: false, why: 'level' };
  if (decision === 'return') return { ok: true, level, to: 'RESTITUITA' };
  if (level === 'ANCI' && decision === 'validate') return { ok: true, level, to: 'VALIDATA_ANCI' };
  if (level === 'MLPS' && decision === 'approve') return { ok: true, level, to: 'APPROVATA' };
  return { ok: false, why: 'level' };
}

/**
 * Committed (impegnato): the amounts of the procurements awarded or signed by the quarter's end —
 * a legal obligation of the Comune, as the scheda reports them.
 */
export function committedCents(content: Pick<MonitoringContent, 'procurements'>, asOf: string): number {
  let sum = 0;
  for (const p of content.procurements) {
    if (p.steps.some((s) => committingSteps.includes(s.step) && s.doneOn !== null && s.doneOn <= asOf))
      sum += p.amountCents;
  }
  return sum;
}

/** What the platform knows when it computes an indicator. */
export interface IndicatorFacts {
  /** the lead beneficiary is a local authority (always, for these projects) */
  localAuthorityBeneficiary: boolean;
  spentCents: number;
  claimedCents: number;
  plannedCents: number;
  spentShareBp: number;
  activitiesTotal: number;
  activitiesDone: number;
}

/**
 * The computations the platform knows, by the catalogue's `computation` key (decision 0052). The
 * common indicator O.2.7 ("integration projects where local/regional authorities are the
 * beneficiary") is 1 for a project whose lead beneficiary is a Comune.
 */
export const computations: Record<string, (f: IndicatorFacts) => number> = {
  'projects.local_authority_beneficiary': (f) => (f.localAuthorityBeneficiary ? 1 : 0),
  'projects.spent_cents': (f) => f.spentCents,
  'projects.claimed_cents': (f) => f.claimedCents,
  'projects.spent_share_bp': (f) => f.spentShareBp,
  'projects.activities_done': (f) => f.activitiesDone,
};

/** Catalogue codes the platform computes even when the catalogue names no computation. */
const byCode: Record<string, string> = { 'O.2.7': 'projects.local_authority_beneficiary' };

/** The computation of an indicator, or null when the Comune enters it with a source. */
export function computationOf(def: { code: string; computation: string | null }): string | null {
  if (def.computation && def.computation in computations) return def.computation;
  return byCode[def.code] ?? null;
}
