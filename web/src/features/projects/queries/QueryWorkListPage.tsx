import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMyQueries } from './api/my-queries';
import { dmy } from './types';

/** `/chiarimenti`: the threads that await the user, overdue first. */
export function QueryWorkListPage() {
  const { t } = useTranslation();
  const list = useMyQueries();
  return (
    <>
      <PageHeader title={t('projects.queries.mine.title')} lead={t('projects.queries.mine.lead')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('projects.queries.mine.empty')}</p>
      ) : (
        <>
          {list.data.overdue > 0 && (
            <p className="fw-semibold">{t('projects.queries.mine.overdueCount', { count: list.data.overdue })}</p>
          )}
          <div className="table-responsive">
            <table className="table">
              <caption>{t('projects.queries.mine.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.queries.subject')}</th>
                  <th scope="col">{t('projects.queries.mine.project')}</th>
                  <th scope="col">{t('projects.queries.anchor')}</th>
                  <th scope="col">{t('projects.queries.status')}</th>
                  <th scope="col">{t('projects.queries.due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">
                      <Link to={`/progetti/${q.projectId}/chiarimenti?query=${q.id}`}>{q.subject}</Link>
                    </th>
                    <td>
                      {q.projectCup ? `${q.projectCup} – ` : ''}
                      {q.projectTitle}
                      {q.comuneName && <span className="d-block small">{q.comuneName}</span>}
                    </td>
                    <td>
                      {t(`projects.queries.anchorTypes.${q.anchorType}`)}
                      {q.anchorLabel && <span className="d-block small">{q.anchorLabel}</span>}
                    </td>
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
        </>
      )}
    </>
  );
}
