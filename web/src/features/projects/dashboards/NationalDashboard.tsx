/**
 * The national dashboard (ANCI/Cittalia, MLPS; a Regione over its own Comuni): filters by Region,
 * call and status (kept in the address), totals, the groups by Region (with a chart), call and
 * status, a page of the projects, the claims waiting with their age and the critical issues, and
 * the XLSX download with the same filters.
 */
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { SelectField } from '../../../components/FormField';
import {
  nationalXlsxHref,
  useNationalDashboard,
  type Figures,
  type NationalQuery,
  type ProjectStatus,
} from './api/national';
import { FigureCells, FigureHeads, IssueText, useDashboardFormat } from './common';
import { SpendingChart } from './SpendingChart';

const STATUSES: readonly ProjectStatus[] = ['BOZZA', 'PRESENTATO', 'APPROVATO', 'IN_CORSO', 'CONCLUSO', 'REVOCATO'];
const PAGE_SIZE = 50;

function useFilters(): [NationalQuery, (name: 'region' | 'callId' | 'status', value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const query: NationalQuery = {
    ...(params.get('region') ? { region: params.get('region')! } : {}),
    ...(params.get('callId') ? { callId: params.get('callId')! } : {}),
    ...(status && (STATUSES as readonly string[]).includes(status) ? { status: status as ProjectStatus } : {}),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const set = (name: 'region' | 'callId' | 'status', value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });
  return [query, set, () => setParams(new URLSearchParams())];
}

/** A table of groups (Region, call, status) with their projects and figures, and the total. */
function GroupTable({
  caption,
  head,
  rows,
  total,
}: {
  caption: string;
  head: string;
  rows: { key: string; label: ReactNode; projects: number; figures: Figures }[];
  total: { projects: number; figures: Figures };
}) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive mb-4">
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="text-end">
              {t('projects.dashboards.figures.projects')}
            </th>
            <FigureHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="text-end">{r.projects}</td>
              <FigureCells figures={r.figures} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.dashboards.figures.projects')}</th>
            <td className="text-end">{total.projects}</td>
            <FigureCells figures={total.figures} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** `/progetti/cruscotto` for ANCI/Cittalia, MLPS and a Regione. */
export function NationalDashboard() {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const [query, setFilter, reset] = useFilters();
  const q = useNationalDashboard(query);
  const d = q.data;
  const { page: _page, pageSize: _size, ...fileFilters } = query;
  return (
    <>
      <PageHeader title={t('projects.dashboards.title')} lead={t('projects.dashboards.leadNational')}>
        <a
          className="btn btn-outline-primary"
          href={nationalXlsxHref(fileFilters)}
          download
          aria-describedby="cruscotto-file"
        >
          {t('projects.dashboards.download')}
        </a>
        <p id="cruscotto-file" className="small mt-2 mb-0">
          {t('projects.dashboards.downloadNote')}
        </p>
      </PageHeader>
      {q.isPending && <Loading />}
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <>
          <form
            className="row"
            aria-label={t('projects.dashboards.filters.legend')}
            onSubmit={(e) => e.preventDefault()}
          >
            <SelectField
              id="cruscotto-regione"
              className="col-md-4"
              label={t('projects.dashboards.filters.region')}
              value={query.region ?? ''}
              onChange={(e) => setFilter('region', e.target.value)}
              emptyOption={t('projects.dashboards.filters.allRegions')}
              options={d.options.regions.map((r) => ({ value: r.code, label: r.name }))}
            />
            <SelectField
              id="cruscotto-avviso"
              className="col-md-4"
              label={t('projects.dashboards.filters.call')}
              value={query.callId ?? ''}
              onChange={(e) => setFilter('callId', e.target.value)}
              emptyOption={t('projects.dashboards.filters.all')}
              options={d.options.calls.map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))}
            />
            <SelectField
              id="cruscotto-stato"
              className="col-md-4"
              label={t('projects.dashboards.filters.status')}
              value={query.status ?? ''}
              onChange={(e) => setFilter('status', e.target.value)}
              emptyOption={t('projects.dashboards.filters.all')}
              options={STATUSES.map((s) => ({ value: s, label: t(`projects.dashboards.status.${s}`) }))}
            />
            {(query.region ?? query.callId ?? query.status) && (
              <div className="col-12 mb-3">
                <button type="button" className="btn btn-link p-0" onClick={reset}>
                  {t('projects.dashboards.filters.reset')}
                </button>
              </div>
            )}
          </form>
          <p>{t('projects.dashboards.asOf', { date: f.date(d.today) })}</p>
          {d.totals.projects === 0 ? (
            <p>{t('projects.dashboards.noProjectsFilters')}</p>
          ) : (
            <>
              <h2 className="h3">{t('projects.dashboards.byRegion')}</h2>
              <SpendingChart groups={d.byRegion} />
              <GroupTable
                caption={t('projects.dashboards.byRegion')}
                head={t('projects.dashboards.region')}
                rows={d.byRegion.map((g) => ({ key: g.code, label: g.name, projects: g.projects, figures: g.figures }))}
                total={d.totals}
              />
              <h2 className="h3">{t('projects.dashboards.byCall')}</h2>
              <GroupTable
                caption={t('projects.dashboards.byCall')}
                head={t('projects.dashboards.call')}
                rows={d.byCall.map((g) => ({ key: g.id, label: g.title, projects: g.projects, figures: g.figures }))}
                total={d.totals}
              />
              <h2 className="h3">{t('projects.dashboards.byStatus')}</h2>
              <GroupTable
                caption={t('projects.dashboards.byStatus')}
                head={t('projects.dashboards.projectsTable.status')}
                rows={d.byStatus.map((g) => ({
                  key: g.status,
                  label: t(`projects.dashboards.status.${g.status}`),
                  projects: g.projects,
                  figures: g.figures,
                }))}
                total={d.totals}
              />

              <h2 className="h3">{t('projects.dashboards.claims.title')}</h2>
              {d.claimsWaiting.total === 0 ? (
                <p>{t('projects.dashboards.claims.none')}</p>
              ) : (
                <div className="table-responsive mb-4">
                  <table className="table table-sm">
                    <caption>{t('projects.dashboards.claims.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('projects.dashboards.projectsTable.project')}</th>
                        <th scope="col">{t('projects.dashboards.projectsTable.comune')}</th>
                        <th scope="col">{t('projects.dashboards.claims.claim')}</th>
                        <th scope="col">{t('projects.dashboards.claims.status')}</th>
                        <th scope="col">{t('projects.dashboards.claims.sentOn')}</th>
                        <th scope="col" className="text-end">
                          {t('projects.dashboards.claims.age')}
                        </th>
                        <th scope="col" className="text-end">
                          {t('projects.dashboards.claims.amount')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.claimsWaiting.items.map((c) => (
                        <tr key={c.id}>
                          <th scope="row">
                            <Link to={`/progetti/${c.projectId}`}>{c.projectTitle}</Link>
                          </th>
                          <td>
                            {c.comuneName} ({c.regionName})
                          </td>
                          <td>
                            {c.versionNo > 1
                              ? t('projects.dashboards.claims.numberVersion', {
                                  claimNo: c.claimNo,
                                  versionNo: c.versionNo,
                                })
                              : t('projects.dashboards.claims.number', { claimNo: c.claimNo })}
                          </td>
                          <td>{t(`projects.dashboards.claimStatus.${c.status}`)}</td>
                          <td>{f.date(c.sentOn)}</td>
                          <td className="text-end">{c.ageDays ?? '—'}</td>
                          <td className="text-end text-nowrap">{f.euro(c.claimedCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {d.claimsWaiting.total > d.claimsWaiting.items.length && (
                    <p className="small">
                      {t('projects.dashboards.claims.more', {
                        shown: d.claimsWaiting.items.length,
                        total: d.claimsWaiting.total,
                      })}
                    </p>
                  )}
                </div>
              )}

              <h2 className="h3">{t('projects.dashboards.issues.title')}</h2>
              {d.criticalIssues.total === 0 ? (
                <p>{t('projects.dashboards.issues.none')}</p>
              ) : (
                <>
                  <dl className="row">
                    {(['claim_waiting', 'ending_underspent', 'query_overdue', 'expense_warning'] as const).map((k) => (
                      <div className="col-md-6 d-flex gap-2" key={k}>
                        <dt className="fw-normal">{t(`projects.dashboards.issueKind.${k}`)}</dt>
                        <dd className="fw-bold">{d.criticalIssues.byKind[k]}</dd>
                      </div>
                    ))}
                  </dl>
                  <ul>
                    {d.criticalIssues.items.map((i, n) => (
                      <li key={`${i.kind}-${i.projectId}-${i.code ?? ''}-${i.claimId ?? ''}-${n}`}>
                        <Link to={`/progetti/${i.projectId}`}>{i.projectTitle}</Link> ({i.comuneName}):{' '}
                        <IssueText issue={i} />
                      </li>
                    ))}
                  </ul>
                  {d.criticalIssues.total > d.criticalIssues.items.length && (
                    <p className="small">
                      {t('projects.dashboards.issues.more', {
                        shown: d.criticalIssues.items.length,
                        total: d.criticalIssues.total,
                      })}
                    </p>
                  )}
                </>
              )}

              <h2 className="h3">{t('projects.dashboards.projectsTable.title')}</h2>
              <div className="table-responsive">
                <table className="table table-sm">
                  <caption>{t('projects.dashboards.projectsTable.caption', { page: d.projects.page })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.dashboards.projectsTable.project')}</th>
                      <th scope="col">{t('projects.dashboards.projectsTable.comune')}</th>
                      <th scope="col">{t('projects.dashboards.projectsTable.status')}</th>
                      <FigureHeads />
                      <th scope="col">{t('projects.dashboards.projectsTable.issues')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.projects.items.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <Link to={`/progetti/${p.id}`}>{p.title}</Link>
                          <div className="small fw-normal">{p.cup ?? t('projects.dashboards.project.noCup')}</div>
                        </th>
                        <td>
                          {p.comuneName} ({p.regionName})
                        </td>
                        <td>{t(`projects.dashboards.status.${p.status}`)}</td>
                        <FigureCells figures={p.figures} />
                        <td className="small">
                          {[
                            p.warnedExpenses
                              ? t('projects.dashboards.counts.warned', { count: p.warnedExpenses })
                              : null,
                            p.waitingClaims
                              ? t('projects.dashboards.counts.waiting', { count: p.waitingClaims })
                              : null,
                            p.overdueQueries
                              ? t('projects.dashboards.counts.overdue', { count: p.overdueQueries })
                              : null,
                          ]
                            .filter(Boolean)
                            .join('; ') || '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={d.projects.page} pageSize={d.projects.pageSize} total={d.projects.total} />
            </>
          )}
        </>
      )}
    </>
  );
}
