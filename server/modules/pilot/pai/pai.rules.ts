/**
 * The rules of the PAI and its measures, pure (no I/O): who decides which step, what a step
 * requires and sets, when a measure may move, and the totals of a programme.
 */
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { addMonths } from '../shared/dates.js';
import { labelOf } from '../shared/labels.js';
import { canTransition, measureMachine, paiMachine } from '../shared/machines.js';
import type { CaseStatus, MeasureStatus, PaiStatus } from '../shared/vocab.js';
import type { Measure, PaiTotals } from './pai.schema.js';

/** Months from approval to the PAI's periodic review. */
export const PAI_REVIEW_MONTHS = 6;

/** PAI statuses whose measures are committed now, so a new cost is checked against the budget at once. */
export const liveApproved: readonly PaiStatus[] = ['approvato', 'in_corso', 'in_revisione'];
/** PAI statuses in which a measure may start: the Comune has approved the programme. */
const startable: readonly PaiStatus[] = ['approvato', 'in_corso', 'in_revisione'];

/** Steps that are the Comune's decisions, taken by the referente comunale ('pilot.cases.decide'). */
export function isPaiDecision(from: PaiStatus, to: PaiStatus): boolean {
  return to === 'approvato' || (from === 'in_revisione' && to === 'in_corso');
}

/** The steps this actor may take now: the machine, less the decisions they may not take. */
export function allowedPaiTransitions(actor: Actor | null, paiStatus: PaiStatus, caseStatus: CaseStatus): PaiStatus[] {
  return paiMachine[paiStatus].filter((to) => {
    if (caseStatus === 'chiuso' && to !== 'chiuso') return false;
    return can(actor, isPaiDecision(paiStatus, to) ? 'pilot.cases.decide' : 'pilot.cases.write');
  });
}

/** Sums over the measures not cancelled, rounded to cents and tenths of an hour. */
export function totalsOf(measures: Measure[]): PaiTotals {
  const live = measures.filter((m) => m.status !== 'annullata');
  const sum = (f: (m: Measure) => number | null, unit: number) =>
    live.reduce((s, m) => s + Math.round((f(m) ?? 0) * unit), 0) / unit;
  return {
    plannedCost: sum((m) => m.costPlanned, 100),
    actualCost: sum((m) => m.costActual, 100),
    plannedHours: sum((m) => m.hoursPlanned, 10),
    actualHours: sum((m) => m.hoursActual, 10),
  };
}

export function fieldError(path: string, message: string, code = 'invalid'): AppError {
  return new AppError('pilot.invalid', message, { fieldIssues: [{ path, message, code }] });
}

/** Edits of needs and objectives: only on a draft or under revision, and on the current version. */
export function assertPaiEditable(status: PaiStatus, version: number, expectedVersion: number): void {
  if (status !== 'bozza' && status !== 'in_revisione') {
    throw new AppError(
      'pilot.pai_locked',
      `Un PAI «${labelOf('it', 'paiStatus', status)}» non si modifica: solo in bozza o in revisione.`,
    );
  }
  if (expectedVersion !== version) {
    throw new AppError(
      'pilot.stale',
      `Il PAI è alla versione ${version}, non ${expectedVersion}: ricaricare la pagina.`,
    );
  }
}

/** The columns a transition may set, besides the status. */
export interface PaiTransitionPatch {
  shared_on?: string | null;
  notice_language?: string;
  approved_on?: string;
  approved_by?: string;
  review_due_on?: string;
  closed_on?: string;
  version?: number;
}

export interface PaiTransitionFacts {
  pai: { status: PaiStatus; version: number; shared_on: string | null; approved_on: string | null };
  kase: { status: CaseStatus; opened_on: string };
  actorUserId: string;
  today: string;
}

/** What a step does: the columns it sets, whether it is a decision, freezes a version, moves the case. */
export interface PaiTransitionPlan {
  patch: PaiTransitionPatch;
  decision: boolean;
  freeze: boolean;
  caseMove: { from: CaseStatus; to: CaseStatus } | null;
}

/** 409 `pilot.invalid_transition` for a step paiMachine does not allow. */
export function assertPaiStep(from: PaiStatus, to: PaiStatus): void {
  if (!canTransition(paiMachine, from, to)) {
    const allowed = paiMachine[from].map((s) => `«${labelOf('it', 'paiStatus', s)}»`).join(', ') || 'nessuno';
    throw new AppError(
      'pilot.invalid_transition',
      `Il PAI non può passare da «${labelOf('it', 'paiStatus', from)}» a «${labelOf('it', 'paiStatus', to)}» (consentiti: ${allowed}).`,
    );
  }
}

/**
 * A step along paiMachine (checked by assertPaiStep, with the case open unless closing), planned. Sharing needs the language of the information
 * notice; approving (a decision of the referente) sets the review date and moves the case to
 * 'pai_attivo'; starting a revision freezes the current version; resuming after a revision is a
 * decision again; closing sets the closing date. Dates may not be in the future nor precede the
 * PAI's last step. The permission to decide is the caller's check.
 */
export function planPaiTransition(
  f: PaiTransitionFacts,
  step: { to: PaiStatus; on: string; noticeLanguage?: string | undefined },
): PaiTransitionPlan {
  const { pai, kase } = f;
  const { to, on } = step;
  const from = pai.status;
  if (on > f.today) throw fieldError('body.on', 'La data non può essere nel futuro.', 'invalid_date');
  const latest = [kase.opened_on, pai.shared_on, pai.approved_on]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1)!;
  if (on < latest)
    throw fieldError('body.on', `La data non può precedere il ${latest}, ultimo passaggio del PAI.`, 'invalid_date');
  if (to === 'condiviso' && !step.noticeLanguage) {
    throw fieldError(
      'body.noticeLanguage',
      "Per condividere il PAI indicare la lingua dell'informativa data al beneficiario.",
      'required',
    );
  }
  if (to !== 'condiviso' && step.noticeLanguage) {
    throw fieldError(
      'body.noticeLanguage',
      "La lingua dell'informativa si registra solo quando il PAI è condiviso.",
      'not_allowed',
    );
  }

  const patch: PaiTransitionPatch = {};
  let caseMove: PaiTransitionPlan['caseMove'] = null;
  const decision = isPaiDecision(from, to);
  if (to === 'condiviso') Object.assign(patch, { shared_on: on, notice_language: step.noticeLanguage });
  if (from === 'condiviso' && to === 'bozza') patch.shared_on = null;
  if (decision) {
    Object.assign(patch, {
      approved_on: on,
      approved_by: f.actorUserId,
      review_due_on: addMonths(on, PAI_REVIEW_MONTHS),
    });
    if (kase.status === 'ammesso_misure') caseMove = { from: kase.status, to: 'pai_attivo' };
  }
  const freeze = to === 'in_revisione';
  if (freeze) patch.version = pai.version + 1;
  if (to === 'chiuso') patch.closed_on = on;
  return { patch, decision, freeze, caseMove };
}

/** A closed PAI's measures no longer change. */
export function assertPaiOpen(status: PaiStatus): void {
  if (status === 'chiuso') throw new AppError('pilot.pai_locked', 'Il PAI è chiuso: le sue misure non cambiano più.');
}

/** A measure's step along measureMachine; it starts only once the PAI is approved. */
export function assertMeasureTransition(from: MeasureStatus, to: MeasureStatus, paiStatus: PaiStatus): void {
  if (!canTransition(measureMachine, from, to)) {
    const allowed = measureMachine[from].map((x) => `«${labelOf('it', 'measureStatus', x)}»`).join(', ') || 'nessuno';
    throw new AppError(
      'pilot.invalid_transition',
      `La misura non può passare da «${labelOf('it', 'measureStatus', from)}» a «${labelOf('it', 'measureStatus', to)}» (consentiti: ${allowed}).`,
    );
  }
  if (to === 'avviata' && !startable.includes(paiStatus)) {
    throw new AppError(
      'pilot.invalid_transition',
      `Una misura si avvia quando il PAI è approvato; il PAI è «${labelOf('it', 'paiStatus', paiStatus)}».`,
    );
  }
}

/** True when a new planned cost is higher than the old one, to the cent. */
export const costRaised = (next: number, prev: number | string): boolean =>
  Math.round(next * 100) > Math.round(Number(prev) * 100);

/** The year a measure's cost is committed in: the year it starts. */
export const yearOf = (d: string): number => Number(d.slice(0, 4));

/** What a measure update sets of the actual dates. */
export interface MeasureDates {
  actual_start_on?: string;
  actual_end_on?: string;
}

/**
 * The actual dates of a measure after an update. Starting records the actual start (the one given,
 * or today), completing or interrupting the actual end (the one given, or today); either may be
 * corrected later while the measure is in that state. Both lie within the PAI's life: not before its
 * approval, not in the future; the end not before the start. 400 `pilot.invalid` on the field otherwise.
 */
export function planMeasureDates(
  m: { status: MeasureStatus; actual_start_on: string | null; actual_end_on: string | null },
  next: MeasureStatus,
  body: { actualStartOn?: string | undefined; actualEndOn?: string | undefined },
  facts: { today: string; approvedOn: string | null },
): MeasureDates {
  const out: MeasureDates = {};
  const started = next !== 'pianificata' && next !== 'annullata';
  const ended = next === 'completata' || next === 'interrotta';
  if (body.actualStartOn !== undefined && !started)
    throw fieldError(
      'body.actualStartOn',
      'La data di avvio effettivo si registra per una misura avviata.',
      'not_allowed',
    );
  if (body.actualEndOn !== undefined && !ended)
    throw fieldError(
      'body.actualEndOn',
      'La data di conclusione effettiva si registra per una misura completata o interrotta.',
      'not_allowed',
    );
  if (next === 'avviata' && m.status !== 'avviata') out.actual_start_on = body.actualStartOn ?? facts.today;
  else if (body.actualStartOn !== undefined) out.actual_start_on = body.actualStartOn;
  if (ended && m.status !== next) out.actual_end_on = body.actualEndOn ?? facts.today;
  else if (body.actualEndOn !== undefined) out.actual_end_on = body.actualEndOn;

  const start = out.actual_start_on ?? m.actual_start_on;
  const end = out.actual_end_on ?? m.actual_end_on;
  const check = (path: string, d: string | null | undefined) => {
    if (!d) return;
    if (d > facts.today) throw fieldError(path, 'La data non può essere nel futuro.', 'future_date');
    if (facts.approvedOn && d < facts.approvedOn)
      throw fieldError(path, `La data non può precedere l'approvazione del PAI (${facts.approvedOn}).`, 'too_early');
  };
  if (out.actual_start_on) check('body.actualStartOn', start);
  if (out.actual_end_on) check('body.actualEndOn', end);
  if (start && end && end < start)
    throw fieldError(
      out.actual_end_on ? 'body.actualEndOn' : 'body.actualStartOn',
      `La conclusione effettiva (${end}) non può precedere l'avvio effettivo (${start}).`,
      'invalid_date',
    );
  return out;
}
