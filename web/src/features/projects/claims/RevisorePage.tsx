/** The revisore's assignments ("I miei incarichi"): project, CUP, Comune, period and validity. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMyAssignments } from './api/revisori';
import { day } from './common';

export function RevisorePage() {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  return (
    <>
      <PageHeader title={t('projects.claims.mine.title')} lead={t('projects.claims.mine.lead')} />
      {mine.isPending && <Loading />}
      {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.items.length === 0 && <p>{t('projects.claims.mine.none')}</p>}
      {mine.data && mine.data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('projects.claims.mine.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.claims.mine.project')}</th>
                <th scope="col">{t('projects.claims.mine.cup')}</th>
                <th scope="col">{t('projects.claims.mine.comune')}</th>
                <th scope="col">{t('projects.claims.revisori.period')}</th>
                <th scope="col">{t('projects.claims.revisori.validity')}</th>
                <th scope="col">{t('projects.claims.revisori.state')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.active ? (
                      <Link
                        to={`/progetti/${a.projectId}/domande`}
                        aria-label={t('projects.claims.mine.open', { title: a.projectTitle })}
                      >
                        {a.projectTitle}
                      </Link>
                    ) : (
                      a.projectTitle
                    )}
                  </th>
                  <td>{a.cup ?? '—'}</td>
                  <td>{a.comune ?? '—'}</td>
                  <td>{`${day(a.periodStart)} – ${day(a.periodEnd)}`}</td>
                  <td>{`${day(a.validFrom)} – ${day(a.validTo)}`}</td>
                  <td>{a.active ? t('projects.claims.revisori.active') : t('projects.claims.revisori.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
