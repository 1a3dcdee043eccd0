/**
 * The figures of the projects' dashboards (issue 12 item 8), pure: the share of the plan expected
 * for the time elapsed, the monitoring quarters closed without a scheda, the critical issues and
 * the deadlines of a project, the groups by Region, call and status. Money is integer cents,
 * shares basis points (shared/money.ts).
 */
import { shareBp } from '../shared/money.js';

/** Expenses counted as spent (a draft is not). */
export const SPENT_EXPENSE_STATUSES = ['CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA'] as const;
/** Claims waiting for the revisore, MLPS or the Comune. */
export const WAITING_CLAIM_STATUSES = ['INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI'] as const;
/** Projects whose spending and deadlines are followed (not a draft, not yet closed or revoked). */
export const ACTIVE_PROJECT_STATUSES = ['APPROVATO', 'IN_CORSO'] as const;
export const PROJECT_STATUSES = ['BOZZA', 'PRESENTATO', 'APPROVATO', 'IN_CORSO', 'CONCLUSO', 'REVOCATO'] as const;

/** A claim waiting longer than this (days since it was sent) is a critical issue. */
export const CLAIM_WAITING_CRITICAL_DAYS = 60;
/** A project ending within this many days… */
export const ENDING_SOON_DAYS = 90;
/** …having spent less than this share of its plan (basis points) is a critical issue. */
export const ENDING_UNDERSPENT_BP = 5_000;

/**
 * The words of the expenses' warning codes (the expenses part writes them), for the XLSX; the
 * page has its own in its catalogue. An unknown code reads "Avviso: <code>".
 */
export const WARNING_WORDS_IT: Readonly<Record<string, string>> = {
  doppio_finanziamento: 'Possibile doppio finanziamento (stesso documento su un altro progetto)',
  fuori_periodo: 'Spesa fuori dal periodo di ammissibilità',
  massimale_superato: 'Massimale della categoria superato',
  budget_riga_superato: 'Importo della riga di budget superato',
  quietanza_mancante: 'Quietanza di pagamento mancante',
};
export const warningWordsIt = (code: string): string => WARNING_WORDS_IT[code] ?? `Avviso: ${code}`;

const DAY_MS = 86_400_000;
/** The day number of an ISO date (YYYY-MM-DD), without parsing a string into a Date (it runs for every project). */
const dayNo = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round(dayNo(to) - dayNo(from));
export const addDays = (iso: string, days: number): string =>
  new Date((dayNo(iso) + days) * DAY_MS).toISOString().slice(0, 10);

/**
 * The share of the project's duration elapsed by the end of `today`, in basis points: 0 before
 * it starts, 10 000 from its last day on; days counted inclusively (a one-day project is wholly
 * elapsed on its day).
 */
export function elapsedShareBp(startDate: string, endDate: string, today: string): number {
  const total = daysBetween(startDate, endDate) + 1;
  const elapsed = Math.min(Math.max(daysBetween(startDate, today) + 1, 0), total);
  return shareBp(elapsed, total);
}

/** What linear spending would have reached by today: the plan times the elapsed share, in cents (rounded down). */
export const expectedCentsOf = (planCents: number, elapsedBp: number): number =>
  Math.floor((planCents * elapsedBp) / 10_000);

export interface Quarter {
  year: number;
  quarter: number;
  /** its last day */
  endsOn: string;
}

const quarterOf = (iso: string) => ({
  year: Number(iso.slice(0, 4)),
  quarter: Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1,
});
const quarterEnd = (year: number, quarter: number): string =>
  new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);

/**
 * The quarters of a project that have ended by `today` (from the quarter of its start to the
 * quarter of its end) and have no scheda sent (`submitted` holds "year-quarter" keys).
 */
export function missingQuarters(
  startDate: string,
  endDate: string,
  today: string,
  submitted: ReadonlySet<string>,
): Quarter[] {
  const out: Quarter[] = [];
  let { year, quarter } = quarterOf(startDate);
  const last = quarterOf(endDate);
  while (year < last.year || (year === last.year && quarter <= last.quarter)) {
    const endsOn = quarterEnd(year, quarter);
    if (endsOn >= today) break;
    if (!submitted.has(`${year}-${quarter}`)) out.push({ year, quarter, endsOn });
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      year++;
    }
  }
  return out;
}

/** The money of a project or of a group. */
export interface Figures {
  planCents: number;
  spentCents: number;
  claimedCents: number;
  verifiedCents: number;
  paidCents: number;
  /** Σ of each project's plan × its elapsed share */
  expectedCents: number;
}

export const zeroFigures = (): Figures => ({
  planCents: 0,
  spentCents: 0,
  claimedCents: 0,
  verifiedCents: 0,
  paidCents: 0,
  expectedCents: 0,
});

export function addFigures(into: Figures, f: Figures): void {
  into.planCents += f.planCents;
  into.spentCents += f.spentCents;
  into.claimedCents += f.claimedCents;
  into.verifiedCents += f.verifiedCents;
  into.paidCents += f.paidCents;
  into.expectedCents += f.expectedCents;
}

/** The shares shown beside figures: spent of the plan and the expected share, in basis points. */
export const sharesOf = (f: Figures) => ({
  spentShareBp: shareBp(f.spentCents, f.planCents),
  expectedShareBp: shareBp(f.expectedCents, f.planCents),
});

/** A group of projects (a Region, a call, a status) with its summed figures. */
export interface Group<K> {
  key: K;
  projects: number;
  figures: Figures;
}

/** Sums `rows` into groups by `keyOf`, in the order the keys are first met. */
export function groupBy<R extends { figures: Figures }, K>(
  rows: readonly R[],
  keyOf: (r: R) => K,
  id: (k: K) => string,
): Group<K>[] {
  const groups = new Map<string, Group<K>>();
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(id(key));
    if (!g) groups.set(id(key), (g = { key, projects: 0, figures: zeroFigures() }));
    g.projects++;
    addFigures(g.figures, r.figures);
  }
  return [...groups.values()];
}

export type IssueKind = 'claim_waiting' | 'ending_underspent' | 'query_overdue' | 'expense_warning';
/** The order critical issues are listed in: the most pressing first. */
export const ISSUE_ORDER: Readonly<Record<IssueKind, number>> = {
  claim_waiting: 0,
  ending_underspent: 1,
  query_overdue: 2,
  expense_warning: 3,
};

export interface IssueInput {
  project: { id: string; status: string; endDate: string; planCents: number; spentCents: number };
  /** the project's overdue open queries: how many and the earliest due date */
  overdueQueries: { count: number; earliestDue: string | null };
  /** the project's waiting claims: id, number, days since sent, amount */
  waitingClaims: { id: string; claimNo: number; ageDays: number; cents: number }[];
  /** the project's warned expenses by warning code: how many and their charged amount */
  warnings: { code: string; count: number; cents: number }[];
}

export interface Issue {
  kind: IssueKind;
  projectId: string;
  /** the warning's code (expense_warning) */
  code: string | null;
  /** the claim (claim_waiting) */
  claimId: string | null;
  claimNo: number | null;
  /** expenses warned, queries overdue (1 for the others) */
  count: number;
  /** the amount concerned: expenses warned, the claim, the spending so far */
  cents: number | null;
  /** days: the claim has waited, the project has left, the earliest query is overdue */
  days: number | null;
  /** the date concerned: the project's end, the earliest query's due date */
  date: string | null;
  /** spent of the plan (ending_underspent) */
  shareBp: number | null;
}

/** The critical issues of one project as of `today` (issue 12 item 8). */
export function issuesOf(i: IssueInput, today: string): Issue[] {
  const base = {
    projectId: i.project.id,
    code: null,
    claimId: null,
    claimNo: null,
    count: 1,
    cents: null,
    days: null,
    date: null,
    shareBp: null,
  };
  const out: Issue[] = [];
  for (const c of i.waitingClaims)
    if (c.ageDays > CLAIM_WAITING_CRITICAL_DAYS)
      out.push({ ...base, kind: 'claim_waiting', claimId: c.id, claimNo: c.claimNo, cents: c.cents, days: c.ageDays });
  const left = daysBetween(today, i.project.endDate);
  const spentBp = shareBp(i.project.spentCents, i.project.planCents);
  if (
    (ACTIVE_PROJECT_STATUSES as readonly string[]).includes(i.project.status) &&
    left >= 0 &&
    left <= ENDING_SOON_DAYS &&
    i.project.planCents > 0 &&
    spentBp < ENDING_UNDERSPENT_BP
  )
    out.push({
      ...base,
      kind: 'ending_underspent',
      cents: i.project.spentCents,
      days: left,
      date: i.project.endDate,
      shareBp: spentBp,
    });
  if (i.overdueQueries.count > 0 && i.overdueQueries.earliestDue)
    out.push({
      ...base,
      kind: 'query_overdue',
      count: i.overdueQueries.count,
      date: i.overdueQueries.earliestDue,
      days: daysBetween(i.overdueQueries.earliestDue, today),
    });
  for (const w of i.warnings)
    out.push({ ...base, kind: 'expense_warning', code: w.code, count: w.count, cents: w.cents });
  return out;
}

/** Critical issues in the order they are listed: kind, then the longest waiting / most overdue / soonest ending first. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => {
    const k = ISSUE_ORDER[a.kind] - ISSUE_ORDER[b.kind];
    if (k) return k;
    if (a.kind === 'ending_underspent') return (a.days ?? 0) - (b.days ?? 0);
    if (a.kind === 'expense_warning') return b.count - a.count || (a.code ?? '').localeCompare(b.code ?? '');
    return (b.days ?? 0) - (a.days ?? 0);
  });
}

export type DeadlineKind = 'project_end' | 'claim_integrations' | 'query_due' | 'monitoring_missing';

export interface Deadline {
  kind: DeadlineKind;
  date: string;
  /** the date has passed */
  overdue: boolean;
  claimId: string | null;
  claimNo: number | null;
  queryId: string | null;
  subject: string | null;
  year: number | null;
  quarter: number | null;
}

export interface DeadlineInput {
  project: { status: string; endDate: string; startDate: string };
  /** claims waiting for the Comune's counter-arguments (RICHIESTA_INTEGRAZIONI), since when */
  integrationClaims: { id: string; claimNo: number; since: string }[];
  /** open queries with a due date */
  openQueries: { id: string; subject: string; dueOn: string }[];
  /** quarters with a scheda sent ("year-quarter") */
  submittedQuarters: ReadonlySet<string>;
}

/** The next deadlines of a Comune's project, earliest first (issue 12 item 8). */
export function deadlinesOf(d: DeadlineInput, today: string): Deadline[] {
  const base = { claimId: null, claimNo: null, queryId: null, subject: null, year: null, quarter: null };
  const active = (ACTIVE_PROJECT_STATUSES as readonly string[]).includes(d.project.status);
  const out: Deadline[] = [];
  if (active) out.push({ ...base, kind: 'project_end', date: d.project.endDate, overdue: d.project.endDate < today });
  for (const c of d.integrationClaims)
    out.push({ ...base, kind: 'claim_integrations', date: c.since, overdue: false, claimId: c.id, claimNo: c.claimNo });
  for (const q of d.openQueries)
    out.push({
      ...base,
      kind: 'query_due',
      date: q.dueOn,
      overdue: q.dueOn < today,
      queryId: q.id,
      subject: q.subject,
    });
  if (active)
    for (const q of missingQuarters(d.project.startDate, d.project.endDate, today, d.submittedQuarters))
      out.push({
        ...base,
        kind: 'monitoring_missing',
        date: q.endsOn,
        overdue: true,
        year: q.year,
        quarter: q.quarter,
      });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
