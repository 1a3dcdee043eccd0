import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useMe } from '../../../lib/session';
import { useMyResponses } from './api/responses';

/** The states in which a response counts in the results (and the Comune may compare its own). */
const COUNTED = new Set(['inviato', 'in_validazione', 'validato', 'consolidato']);

/** The Comune's questionnaires: every wave it is in, with its state, dates and progress. */
export function MyQuestionnairesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useMyResponses();
  const { data: me } = useMe();
  const compare = hasPermission(me, Permission.surveysResultsOwn);
  return (
    <>
      <PageHeader title={t('surveys.fill.list.title')} lead={t('surveys.fill.list.lead')} />
      {list.isPending && <Loading />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t('surveys.fill.list.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('surveys.fill.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.fill.list.questionnaire')}</th>
                <th scope="col">{t('surveys.fill.state')}</th>
                <th scope="col">{t('surveys.fill.period')}</th>
                <th scope="col">{t('surveys.fill.list.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/questionari/${r.id}`}>
                      {r.surveyTitle} – {r.waveTitle}
                    </Link>
                  </th>
                  <td>
                    {t(`surveys.fill.states.${r.status}`)}
                    {r.openFlags > 0 && <> ({t('surveys.fill.list.flags', { count: r.openFlags })})</>}
                    {compare && COUNTED.has(r.status) && (
                      <div>
                        <Link to={`/indagini/rilevazioni/${r.waveId}/i-miei-risultati`}>
                          {t('surveys.results.mine.link')}
                          <span className="visually-hidden">
                            {' '}
                            – {r.surveyTitle} – {r.waveTitle}
                          </span>
                        </Link>
                      </div>
                    )}
                  </td>
                  <td>{t('surveys.fill.periodText', { from: format.date(r.opensOn), to: format.date(r.closesOn) })}</td>
                  <td>
                    {t('surveys.fill.list.progressText', {
                      answered: format.number(r.progress.answered),
                      questions: format.number(r.progress.questions),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
