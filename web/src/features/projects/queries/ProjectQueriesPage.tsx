import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useProjectQueries } from './api/list-project-queries';
import { OpenQueryForm } from './OpenQueryForm';
import { QueryThread } from './QueryThread';
import { dmy } from './types';

/** `/progetti/:projectId/chiarimenti`: the project's threads, one open beside them; a new query for ANCI/MLPS. */
export function ProjectQueriesPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useSession();
  const list = useProjectQueries(projectId);
  const selected = params.get('query');
  const canOpen = hasPermission(me, Permission.projectsQueriesOpen);
  const [opening, setOpening] = useState(params.has('anchorType'));
  const select = (id: string) => setParams({ query: id });

  return (
    <>
      <PageHeader
        title={t('projects.queries.project.title')}
        lead={t('projects.queries.project.lead')}
        breadcrumbs={[{ label: t('projects.queries.projectCrumb'), to: `/progetti/${projectId}` }]}
      >
        {canOpen && !opening && (
          <button type="button" className="btn btn-primary" onClick={() => setOpening(true)}>
            {t('projects.queries.open.button')}
          </button>
        )}
      </PageHeader>
      <ProjectTabs projectId={projectId} current="chiarimenti" />
      {canOpen && opening && (
        <OpenQueryForm
          projectId={projectId}
          onOpened={(id) => {
            setOpening(false);
            select(id);
          }}
        />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="mt-4">{t('projects.queries.project.empty')}</p>
      ) : (
        <div className="table-responsive mt-4">
          <table className="table">
            <caption>{t('projects.queries.project.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.queries.subject')}</th>
                <th scope="col">{t('projects.queries.anchor')}</th>
                <th scope="col">{t('projects.queries.askedBy')}</th>
                <th scope="col">{t('projects.queries.status')}</th>
                <th scope="col">{t('projects.queries.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((q) => (
                <tr key={q.id} className={q.id === selected ? 'table-active' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="btn btn-link p-0 text-start"
                      aria-pressed={q.id === selected}
                      onClick={() => select(q.id)}
                    >
                      {q.subject}
                    </button>
                  </th>
                  <td>
                    {t(`projects.queries.anchorTypes.${q.anchorType}`)}
                    {q.anchorLabel && <span className="d-block small">{q.anchorLabel}</span>}
                  </td>
                  <td>{t(`projects.queries.sides.${q.openedLevel}`)}</td>
                  <td>{t(`projects.queries.statuses.${q.status}`)}</td>
                  <td>
                    {dmy(q.dueOn)}
                    {q.daysOverdue !== null && (
                      <span className="d-block small text-danger fw-semibold">
                        {t('projects.queries.overdue', { count: q.daysOverdue })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <QueryThread key={selected} projectId={projectId} queryId={selected} />}
    </>
  );
}
