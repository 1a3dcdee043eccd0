/**
 * The projects' dashboards (issue 12 item 8): for the Comune its projects' spending and deadlines;
 * for ANCI/Cittalia, MLPS and a Regione every project they reach by Region, call and status, the
 * claims waiting and the critical issues, also as an XLSX (audited). Reads only; row-level
 * security decides which projects count (a Regione's totals are of its own Comuni).
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import type { Queryable } from '../../../platform/db/db.js';
import { recordAudit } from '../../audit/index.js';
import { todayOf } from '../shared/access.js';
import {
  selectComuneName,
  selectFilterOptions,
  selectOpenQueries,
  selectProjectFigures,
  selectSubmittedQuarters,
  type DashboardFilters,
  type ProjectFiguresRow,
  type WaitingClaimRow,
} from './dashboards.repo.js';
import {
  deadlinesOf,
  elapsedShareBp,
  expectedCentsOf,
  groupBy,
  issuesOf,
  sharesOf,
  sortIssues,
  zeroFigures,
  addFigures,
  type Figures,
  type Issue,
} from './dashboards.rules.js';
import type {
  ComuneDashboardOut,
  NationalDashboardOut,
  NationalExportQuery,
  NationalQuery,
} from './dashboards.schema.js';
import { nationalXlsx } from './dashboards.xlsx.js';

/** At most so many claims waiting and critical issues are listed (the totals count them all). */
export const LIST_LIMIT = 100;

type ProjectOut = NationalDashboardOut['projects']['items'][number];
type IssueOut = NationalDashboardOut['criticalIssues']['items'][number];
type ClaimOut = NationalDashboardOut['claimsWaiting']['items'][number];

/** A project's row with its figures (the elapsed share and the expected spending computed). */
interface Loaded {
  today: string;
  rows: { row: ProjectFiguresRow; figures: Figures; elapsedShareBp: number }[];
  issues: Issue[];
  claims: WaitingClaimRow[];
}

const withShares = (f: Figures) => ({ ...f, ...sharesOf(f) });

/** The filters' projects with their figures, the claims waiting and the critical issues. */
async function load(tx: Queryable, filters: DashboardFilters, today: string): Promise<Loaded> {
  const projectRows = await selectProjectFigures(tx, filters, today);
  const claims: WaitingClaimRow[] = [];

  const issues: Issue[] = [];
  const rows = projectRows.map((r) => {
    const elapsed = elapsedShareBp(r.start_date, r.end_date, today);
    const figures: Figures = {
      planCents: r.plan_cents,
      spentCents: r.spent_cents,
      claimedCents: r.claimed_cents,
      verifiedCents: r.verified_cents,
      paidCents: r.paid_cents,
      expectedCents: expectedCentsOf(r.plan_cents, elapsed),
    };
    for (const issue of issuesOf(
      {
        project: {
          id: r.id,
          status: r.status,
          endDate: r.end_date,
          planCents: r.plan_cents,
          spentCents: r.spent_cents,
        },
        overdueQueries: { count: r.overdue_queries, earliestDue: r.earliest_overdue },
        waitingClaims: r.waiting_list.map((c) => ({
          id: c.id,
          claimNo: c.claim_no,
          ageDays: c.age_days ?? 0,
          cents: c.claimed_cents,
        })),
        warnings: r.warnings.map((w) => ({ code: w.code, count: w.n, cents: w.cents })),
      },
      today,
    ))
      issues.push(issue);
    for (const c of r.waiting_list) claims.push(c);
    return { row: r, figures, elapsedShareBp: elapsed };
  });
  return { today, rows, issues: sortIssues(issues), claims };
}

function projectOut(r: ProjectFiguresRow, f: Figures): ProjectOut {
  return {
    id: r.id,
    cup: r.cup,
    title: r.title,
    status: r.status as ProjectOut['status'],
    startDate: r.start_date,
    endDate: r.end_date,
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    callId: r.call_id,
    callCode: r.call_code,
    callTitle: r.call_title,
    figures: withShares(f),
    warnedExpenses: r.warned_expenses,
    waitingClaims: r.waiting_claims,
    overdueQueries: r.overdue_queries,
  };
}

function issueOut(i: Issue, p: ProjectFiguresRow | undefined): IssueOut {
  return { ...i, projectTitle: p?.title ?? '', cup: p?.cup ?? null, comuneName: p?.comune_name ?? '' };
}

function claimOut(c: WaitingClaimRow, p: ProjectFiguresRow | undefined): ClaimOut {
  return {
    id: c.id,
    projectId: c.project_id,
    projectTitle: p?.title ?? '',
    cup: p?.cup ?? null,
    comuneName: p?.comune_name ?? '',
    regionName: p?.region_name ?? '',
    claimNo: c.claim_no,
    versionNo: c.version_no,
    status: c.status as ClaimOut['status'],
    claimedCents: c.claimed_cents,
    requestedCents: c.requested_cents,
    sentOn: c.sent_on,
    statusSince: c.status_since,
    ageDays: c.age_days,
  };
}

type NationalModel = Omit<NationalDashboardOut, 'projects'> & { rows: Loaded['rows'] };

/** The national model: every group and list; the project rows as loaded (the caller shapes a page or all). */
async function nationalModel(ctx: Ctx, q: NationalExportQuery, limit: number): Promise<NationalModel> {
  assertCan(ctx.actor, 'projects.dashboards.national');
  const today = todayOf(ctx);
  const filters: DashboardFilters = { region: q.region, callId: q.callId, status: q.status };
  const { loaded, options } = await ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    loaded: await load(tx, filters, today),
    options: await selectFilterOptions(tx),
  }));
  const raw = loaded.rows;
  const byId = new Map(raw.map((r) => [r.row.id, r.row]));
  const totals = zeroFigures();
  for (const r of raw) addFigures(totals, r.figures);
  const byKind = { claim_waiting: 0, ending_underspent: 0, query_overdue: 0, expense_warning: 0 };
  for (const i of loaded.issues) byKind[i.kind]++;
  const claimsSorted = [...loaded.claims].sort((a, b) => (b.age_days ?? -1) - (a.age_days ?? -1));
  return {
    today,
    filters: { region: q.region ?? null, callId: q.callId ?? null, status: q.status ?? null },
    options,
    totals: { projects: raw.length, figures: withShares(totals) },
    byRegion: groupBy(
      raw,
      (r) => ({ code: r.row.region_code, name: r.row.region_name }),
      (k) => k.code,
    )
      .map((g) => ({ ...g.key, projects: g.projects, figures: withShares(g.figures) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byCall: groupBy(
      raw,
      (r) => ({ id: r.row.call_id, code: r.row.call_code, title: r.row.call_title }),
      (k) => k.id,
    )
      .map((g) => ({ ...g.key, projects: g.projects, figures: withShares(g.figures) }))
      .sort((a, b) => a.title.localeCompare(b.title, 'it') || a.code.localeCompare(b.code)),
    byStatus: groupBy(
      raw,
      (r) => r.row.status as ProjectOut['status'],
      (k) => k,
    )
      .map((g) => ({ status: g.key, projects: g.projects, figures: withShares(g.figures) }))
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)),
    rows: raw,
    claimsWaiting: {
      items: claimsSorted.slice(0, limit).map((c) => claimOut(c, byId.get(c.project_id))),
      total: loaded.claims.length,
    },
    criticalIssues: {
      items: loaded.issues.slice(0, limit).map((i) => issueOut(i, byId.get(i.projectId))),
      total: loaded.issues.length,
      byKind,
    },
  };
}

const STATUS_ORDER: readonly string[] = ['BOZZA', 'PRESENTATO', 'APPROVATO', 'IN_CORSO', 'CONCLUSO', 'REVOCATO'];

/**
 * The national dashboard (ANCI/Cittalia, MLPS, a Regione over its own Comuni): totals and groups
 * by Region, call and status of every project of the filters, a page of the project rows, the
 * claims waiting with their age and the critical issues.
 */
export async function nationalDashboard(ctx: Ctx, q: NationalQuery): Promise<NationalDashboardOut> {
  const { rows, ...model } = await nationalModel(ctx, q, LIST_LIMIT);
  const from = (q.page - 1) * q.pageSize;
  const items = rows.slice(from, from + q.pageSize).map((r) => projectOut(r.row, r.figures));
  return { ...model, projects: { items, total: rows.length, page: q.page, pageSize: q.pageSize } };
}

/** The national dashboard as an XLSX (every project row, the groups, every claim waiting and critical issue). Audited. */
export async function nationalDashboardXlsx(
  ctx: Ctx,
  q: NationalExportQuery,
): Promise<{ filename: string; body: Buffer }> {
  // the file lists every claim waiting and every critical issue
  const model = await nationalModel(ctx, q, Number.POSITIVE_INFINITY);
  const body = await nationalXlsx({ ...model, rows: model.rows.map((r) => projectOut(r.row, r.figures)) });
  await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    recordAudit(tx, ctx, {
      action: 'projects.dashboards.export',
      details: {
        format: 'xlsx',
        region: model.filters.region,
        callId: model.filters.callId,
        status: model.filters.status,
        projects: model.rows.length,
        claimsWaiting: model.claimsWaiting.total,
        criticalIssues: model.criticalIssues.total,
      },
    }),
  );
  return { filename: `cruscotto-progetti-${model.today}.xlsx`, body };
}

/**
 * The Comune's dashboard (its referente and responsabile amministrativo): each of its projects
 * with plan, spent, claimed, verified and paid, the share expected for the time elapsed, the next
 * deadlines and the critical issues.
 */
export async function comuneDashboard(ctx: Ctx): Promise<ComuneDashboardOut> {
  assertCan(ctx.actor, 'projects.dashboards.comune');
  const istat = ctx.actor?.scope.level === 'comune' ? ctx.actor.scope.comuneIstat : null;
  if (!istat) throw new AppError('projects.dashboards.no_comune', 'Only the staff of a Comune have its dashboard.');
  const today = todayOf(ctx);
  const filters: DashboardFilters = { comuneIstat: istat };
  return ctx.db.tx(accessOf(ctx.actor), async (tx): Promise<ComuneDashboardOut> => {
    const loaded = await load(tx, filters, today);
    const queries = await selectOpenQueries(tx, filters);
    const quarters = await selectSubmittedQuarters(tx, filters);
    const name = (await selectComuneName(tx, istat)) ?? istat;
    const totals = zeroFigures();
    for (const r of loaded.rows) addFigures(totals, r.figures);
    const projects = loaded.rows.map(({ row, figures, elapsedShareBp }) => {
      const r = projectOut(row, figures);
      const submitted = new Set(quarters.filter((x) => x.project_id === r.id).map((x) => `${x.year}-${x.quarter}`));
      return {
        ...r,
        elapsedShareBp,
        deadlines: deadlinesOf(
          {
            project: { status: r.status, startDate: r.startDate, endDate: r.endDate },
            integrationClaims: loaded.claims
              .filter((c) => c.project_id === r.id && c.status === 'RICHIESTA_INTEGRAZIONI')
              .map((c) => ({ id: c.id, claimNo: c.claim_no, since: c.status_since ?? c.sent_on ?? today })),
            openQueries: queries
              .filter((x) => x.project_id === r.id)
              .map((x) => ({ id: x.id, subject: x.subject, dueOn: x.due_on })),
            submittedQuarters: submitted,
          },
          today,
        ),
        issues: loaded.issues.filter((i) => i.projectId === r.id).map((i) => issueOut(i, row)),
      };
    });
    return {
      today,
      comune: { istat, name },
      totals: { projects: projects.length, figures: withShares(totals) },
      projects,
    };
  });
}
