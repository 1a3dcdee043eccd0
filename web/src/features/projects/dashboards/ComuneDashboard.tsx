/**
 * The Comune's dashboard (its referente and responsabile amministrativo): totals, then each of its
 * projects as a card with its amounts, the spending bar, the next deadlines and critical issues.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useComuneDashboard, type ComuneDashboard as Model, type Deadline } from './api/comune';
import { FigureCells, FigureHeads, IssueText, SpendingProgress, useDashboardFormat } from './common';

function DeadlineText({ d }: { d: Deadline }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const date = f.date(d.date);
  switch (d.kind) {
    case 'project_end':
      return <>{t('projects.dashboards.deadline.project_end')}</>;
    case 'claim_integrations':
      return <>{t('projects.dashboards.deadline.claim_integrations', { claimNo: d.claimNo ?? '', date })}</>;
    case 'query_due':
      return <>{t('projects.dashboards.deadline.query_due', { subject: d.subject ?? '', date })}</>;
    case 'monitoring_missing':
      return (
        <>
          {t('projects.dashboards.deadline.monitoring_missing', { quarter: d.quarter ?? '', year: d.year ?? '', date })}
        </>
      );
  }
}

function ProjectCard({ p }: { p: Model['projects'][number] }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const headingId = `progetto-${p.id}`;
  return (
    <section className="card card-bg mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <h2 className="h4 card-title" id={headingId}>
          <Link to={`/progetti/${p.id}`}>{p.title}</Link>
        </h2>
        <p className="small mb-2">
          {p.cup ? t('projects.dashboards.project.cup', { cup: p.cup }) : t('projects.dashboards.project.noCup')} ·{' '}
          {t(`projects.dashboards.status.${p.status}`)} · {p.callTitle} ·{' '}
          {t('projects.dashboards.project.period', { start: f.date(p.startDate), end: f.date(p.endDate) })}
        </p>
        <SpendingProgress figures={p.figures} title={p.title} />
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">
              {t('projects.dashboards.project.figuresCaption', { title: p.title })}
            </caption>
            <thead>
              <tr>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              <tr>
                <FigureCells figures={p.figures} />
              </tr>
            </tbody>
          </table>
        </div>
        <div className="row">
          <div className="col-md-6">
            <h3 className="h5">{t('projects.dashboards.project.deadlines')}</h3>
            {p.deadlines.length === 0 ? (
              <p>{t('projects.dashboards.project.noDeadlines')}</p>
            ) : (
              <ul>
                {p.deadlines.map((d, i) => (
                  <li key={`${d.kind}-${d.date}-${i}`}>
                    <strong>{f.date(d.date)}</strong>
                    {d.overdue && (
                      <span className="badge bg-danger ms-2">{t('projects.dashboards.deadline.overdue')}</span>
                    )}{' '}
                    — <DeadlineText d={d} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="col-md-6">
            <h3 className="h5">{t('projects.dashboards.project.issues')}</h3>
            {p.issues.length === 0 ? (
              <p>{t('projects.dashboards.project.noIssues')}</p>
            ) : (
              <ul>
                {p.issues.map((i, n) => (
                  <li key={`${i.kind}-${i.code ?? ''}-${i.claimId ?? ''}-${n}`}>
                    <IssueText issue={i} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

/** `/progetti/cruscotto` for the staff of a Comune. */
export function ComuneDashboard() {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const q = useComuneDashboard();
  const d = q.data;
  return (
    <>
      <PageHeader
        title={t('projects.dashboards.title')}
        lead={d ? t('projects.dashboards.leadComune', { comune: d.comune.name }) : undefined}
      />
      {q.isPending && <Loading />}
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <>
          <p>{t('projects.dashboards.asOf', { date: f.date(d.today) })}</p>
          {d.projects.length === 0 ? (
            <p>{t('projects.dashboards.noProjects')}</p>
          ) : (
            <>
              <div className="table-responsive mb-4">
                <table className="table">
                  <caption>{t('projects.dashboards.totalsCaption', { comune: d.comune.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.dashboards.figures.projects')}</th>
                      <FigureHeads />
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>{d.totals.projects}</td>
                      <FigureCells figures={d.totals.figures} />
                    </tr>
                  </tbody>
                </table>
              </div>
              {d.projects.map((p) => (
                <ProjectCard key={p.id} p={p} />
              ))}
            </>
          )}
        </>
      )}
    </>
  );
}
