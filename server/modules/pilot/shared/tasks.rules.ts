/**
 * The rules of the work list, pure (no I/O, no clock): which open tasks the data of a case or of a
 * Comune calls for on a day, and the words of a task in a language. `refreshTasks` (tasks.ts)
 * makes the stored list equal to what these rules say, on every change and at start.
 *
 * A task carries no text of its own: `params` holds what its sentence needs (pseudonym, dates,
 * amounts, measure type; never a name), rendered when read in the reader's language from the
 * label catalogue (`taskText`), with Italian dates as gg/mm/aaaa and English ones as "12 December
 * 2026".
 */
import { addDays, addMonths, followUpDates, formatDateIt, type IsoDate } from './dates.js';
import { labelOf, type LabelLanguage } from './labels.js';
import { expiryAlerts } from './permits.js';
import type { MeasureType, ReferralSource, TaskAssignee, TaskKind, TaskText } from './vocab.js';

/** A referral is screened (an outcome, or taken in charge) within this many days of its receipt. */
export const REFERRAL_SCREENING_DAYS = 7;
/** A PAI review shows on the work list this many days before it is due. */
export const PAI_REVIEW_LEAD_DAYS = 14;
/** A follow-up shows on the work list this many days before it is due. */
export const FOLLOW_UP_LEAD_DAYS = 14;
/** A planned measure that has not started this many days after its start date is late. */
export const MEASURE_START_GRACE_DAYS = 7;
/** The referente approves a shared PAI within this many days. */
export const PAI_APPROVAL_DAYS = 7;
/** The referente decides on the admission of a person in care within this many days. */
export const ADMISSION_DECISION_DAYS = 14;
/** A measure's actual cost is recorded within this many days of its end. */
export const COST_RECORD_DAYS = 30;
/** The next year's allocation is asked for from this month (1–12) of the year before. */
export const ALLOCATION_LEAD_MONTH = 11;
/** A year's budget is near exhaustion when this share (%) of the allocation is committed. */
export const BUDGET_LOW_PERCENT = 90;
/** A permit expired more than this many days ago gets no new reminder (an open one stays). */
export const PERMIT_EXPIRED_GRACE_DAYS = 30;
/** Follow-ups are raised for cases closed in the last 13 months (an open one stays). */
export const FOLLOW_UP_WINDOW_MONTHS = 13;

/** Values a task's sentence needs; `…On` are ISO dates, amounts are euros. */
export interface TaskParams {
  text: TaskText;
  pseudonym?: string;
  measure?: MeasureType;
  provider?: string;
  /** The PAI to open (a review, an approval): not shown, the link's target. */
  paiId?: string;
  /** Who sent a referral (its words come from the catalogue). */
  source?: ReferralSource;
  receivedOn?: string;
  expiresOn?: string;
  reviewDueOn?: string;
  closedOn?: string;
  startOn?: string;
  endOn?: string;
  sharedOn?: string;
  openedOn?: string;
  days?: number;
  months?: number;
  year?: number;
  percent?: number;
  planned?: number;
  committed?: number;
  allocation?: number;
}

/**
 * A task the data calls for. `caseId` is null for a Comune's own tasks (allocation, budget) and for
 * a referral's, whose subject is `referralId` (it may have no case yet).
 */
export interface DueTask {
  comuneIstat: string;
  assignee: TaskAssignee;
  kind: TaskKind;
  dueOn: IsoDate;
  caseId: string | null;
  referralId?: string;
  params: TaskParams;
  dedupeKey: string;
}

interface OfCase {
  case_id: string;
  comune_istat: string;
  pseudonym: string;
}
export interface PermitSource extends OfCase {
  permit_id: string;
  expires_on: string;
}
export interface PaiReviewSource extends OfCase {
  pai_id: string;
  review_due_on: string;
}
export interface ClosedCaseSource extends OfCase {
  closed_on: string;
  recorded: string[];
}
export interface LateMeasureSource extends OfCase {
  measure_id: string;
  type: MeasureType;
  status: 'pianificata' | 'avviata';
  start_on: string;
  end_on: string | null;
}
export interface SharedPaiSource extends OfCase {
  pai_id: string;
  shared_on: string | null;
  updated_on: string;
}
export interface AdmissionSource extends OfCase {
  opened_on: string;
}
export interface CostMissingSource {
  measure_id: string;
  case_id: string;
  comune_istat: string;
  type: MeasureType;
  provider_name: string;
  start_on: string;
  end_on: string | null;
  cost_planned: number;
}
/** A referral of the Comune still in screening and not taken in charge (no case). */
export interface ReferralSourceRow {
  referral_id: string;
  comune_istat: string;
  received_on: string;
  source: ReferralSource;
}
export interface BudgetSource {
  comune_istat: string;
  year: number;
  allocation: number | null;
  committed: number;
}

export interface TaskSources {
  permits: PermitSource[];
  reviews: PaiReviewSource[];
  closed: ClosedCaseSource[];
  measures: LateMeasureSource[];
  shared: SharedPaiSource[];
  admissions: AdmissionSource[];
  costs: CostMissingSource[];
  /** The Comune's budget of this year and of the next (none when only a case is refreshed elsewhere). */
  budgets: BudgetSource[];
  /** The Comune's referrals waiting in screening (the Comune's, whatever the scope, like the budget). */
  referrals: ReferralSourceRow[];
}

/** The years whose budget the work list watches on `today`: this one, and the next from November. */
export function budgetYears(today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= ALLOCATION_LEAD_MONTH ? [year, year + 1] : [year];
}

/** The open tasks the data calls for on `today` (pure, for the refresh and the tests). */
export function tasksDue(today: IsoDate, src: TaskSources): DueTask[] {
  const out: DueTask[] = [];
  const forCase = (
    c: OfCase,
    assignee: TaskAssignee,
    kind: TaskKind,
    dueOn: string,
    params: TaskParams,
    dedupeKey: string,
  ) =>
    out.push({
      comuneIstat: c.comune_istat,
      assignee,
      kind,
      dueOn,
      caseId: c.case_id,
      params: { ...params, pseudonym: c.pseudonym },
      dedupeKey,
    });

  for (const p of src.permits) {
    // only the most recent reminder reached: a permit recorded late (or a day the job missed)
    // does not fill the list with reminders that are already superseded
    const alert = expiryAlerts(p.expires_on)
      .filter((a) => a.dueOn <= today)
      .at(-1);
    if (!alert) continue;
    forCase(
      p,
      'case_manager',
      'permit_expiry',
      alert.dueOn,
      { text: 'permit_expiry', expiresOn: p.expires_on, days: alert.daysBefore },
      `permit:${p.permit_id}:${p.expires_on}:${alert.daysBefore}`,
    );
  }
  for (const a of src.reviews) {
    if (addDays(a.review_due_on, -PAI_REVIEW_LEAD_DAYS) > today) continue;
    forCase(
      a,
      'case_manager',
      'pai_review',
      a.review_due_on,
      { text: 'pai_review', reviewDueOn: a.review_due_on, paiId: a.pai_id },
      `pai-review:${a.pai_id}:${a.review_due_on}`,
    );
  }
  for (const c of src.closed) {
    for (const f of followUpDates(c.closed_on)) {
      if (addDays(f.dueOn, -FOLLOW_UP_LEAD_DAYS) > today || c.recorded.includes(`follow_up_${f.months}`)) continue;
      forCase(
        c,
        'case_manager',
        'follow_up',
        f.dueOn,
        { text: 'follow_up', months: f.months, closedOn: c.closed_on },
        `follow-up:${c.case_id}:${f.months}`,
      );
    }
  }
  for (const m of src.measures) {
    if (m.status === 'pianificata') {
      if (addDays(m.start_on, MEASURE_START_GRACE_DAYS) >= today) continue;
      forCase(
        m,
        'case_manager',
        'measure_overdue',
        m.start_on,
        { text: 'measure_not_started', measure: m.type, startOn: m.start_on },
        `measure:${m.measure_id}:${m.status}`,
      );
    } else if (m.end_on && m.end_on < today) {
      forCase(
        m,
        'case_manager',
        'measure_overdue',
        m.end_on,
        { text: 'measure_not_ended', measure: m.type, endOn: m.end_on },
        `measure:${m.measure_id}:${m.status}`,
      );
    }
  }
  for (const a of src.shared) {
    const sharedOn = a.shared_on ?? a.updated_on;
    forCase(
      a,
      'referente_comunale',
      'pai_approval',
      addDays(sharedOn, PAI_APPROVAL_DAYS),
      { text: 'pai_approval', sharedOn, paiId: a.pai_id },
      `pai-approval:${a.pai_id}`,
    );
  }
  for (const c of src.admissions) {
    forCase(
      c,
      'referente_comunale',
      'admission_pending',
      addDays(c.opened_on, ADMISSION_DECISION_DAYS),
      { text: 'admission_pending', openedOn: c.opened_on },
      `admission:${c.case_id}`,
    );
  }
  // the responsabile amministrativo sees no person: no pseudonym, no link to the case
  for (const m of src.costs) {
    const endOn = m.end_on ?? m.start_on;
    out.push({
      comuneIstat: m.comune_istat,
      assignee: 'responsabile_amministrativo',
      kind: 'measure_cost_missing',
      dueOn: addDays(endOn, COST_RECORD_DAYS),
      caseId: m.case_id,
      params: {
        text: 'measure_cost_missing',
        measure: m.type,
        provider: m.provider_name,
        endOn,
        planned: Number(m.cost_planned),
      },
      dedupeKey: `measure-cost:${m.measure_id}`,
    });
  }
  // a referral has no person yet: the sentence names its date and source, never who it is about
  for (const r of src.referrals) {
    out.push({
      comuneIstat: r.comune_istat,
      assignee: 'operatori_referenti',
      kind: 'referral_screening',
      dueOn: addDays(r.received_on, REFERRAL_SCREENING_DAYS),
      caseId: null,
      referralId: r.referral_id,
      params: { text: 'referral_screening', receivedOn: r.received_on, source: r.source },
      dedupeKey: `referral:${r.referral_id}`,
    });
  }
  const thisYear = Number(today.slice(0, 4));
  for (const b of src.budgets) {
    const comune = { comuneIstat: b.comune_istat, assignee: 'responsabile_amministrativo' as const, caseId: null };
    if (b.allocation === null) {
      out.push({
        ...comune,
        kind: 'allocation_missing',
        // next year's: by 1 December; this year's: now
        dueOn: b.year > thisYear ? `${thisYear}-12-01` : today,
        params: { text: 'allocation_missing', year: b.year },
        dedupeKey: `allocation:${b.comune_istat}:${b.year}`,
      });
      continue;
    }
    const committed = Number(b.committed);
    const allocation = Number(b.allocation);
    const percent = allocation > 0 ? Math.round((committed / allocation) * 1000) / 10 : committed > 0 ? 100 : 0;
    if (percent < BUDGET_LOW_PERCENT) continue;
    out.push({
      ...comune,
      kind: 'budget_low',
      dueOn: today,
      params: { text: 'budget_low', year: b.year, percent, committed, allocation },
      dedupeKey: `budget-low:${b.comune_istat}:${b.year}`,
    });
  }
  return out;
}

/** The earliest day from which follow-ups are still raised for a closed case. */
export function followUpSince(today: IsoDate): IsoDate {
  return addMonths(today, -FOLLOW_UP_WINDOW_MONTHS);
}

// ───────────────────────────── words ─────────────────────────────

const enDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date in words for `lang`: 12/12/2026 in Italian, 12 December 2026 in English. */
export function formatTaskDate(lang: LabelLanguage, iso: IsoDate): string {
  return lang === 'it' ? formatDateIt(iso) : enDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

const euroFormats: Record<LabelLanguage, Intl.NumberFormat> = {
  it: new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' } as const),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const percentFormats: Record<LabelLanguage, Intl.NumberFormat> = {
  it: new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
};

/** An amount in euros for `lang`: 1.234,50 € in Italian, €1,234.50 in English. */
export function formatEuro(lang: LabelLanguage, value: number): string {
  return euroFormats[lang].format(value);
}

const dateParams = new Set([
  'expiresOn',
  'reviewDueOn',
  'closedOn',
  'startOn',
  'endOn',
  'sharedOn',
  'openedOn',
  'receivedOn',
]);
const euroParams = new Set(['planned', 'committed', 'allocation']);

/** One placeholder's value in words: dates, euros, percentages and measure types per language. */
function paramText(lang: LabelLanguage, key: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  if (dateParams.has(key)) return formatTaskDate(lang, String(value));
  if (euroParams.has(key)) return formatEuro(lang, Number(value));
  if (key === 'percent') return percentFormats[lang].format(Number(value) / 100);
  if (key === 'measure') return labelOf(lang, 'measureType', value as MeasureType);
  if (key === 'source') return labelOf(lang, 'referralSource', value as ReferralSource);
  return String(value);
}

/** The sentence of a task in `lang`, from the catalogue's `taskText` and the task's params. */
export function taskSentence(lang: LabelLanguage, params: TaskParams): string {
  const template = labelOf(lang, 'taskText', params.text);
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    paramText(lang, key, (params as unknown as Record<string, unknown>)[key]),
  );
}
