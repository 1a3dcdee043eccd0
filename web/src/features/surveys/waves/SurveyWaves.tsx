import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { useSurveyWaves } from './api/waves';

/** The waves of one survey, on the survey's page, with the way to a new one. */
export function SurveyWaves({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const waves = useSurveyWaves(surveyId);
  const canManage = hasPermission(me, Permission.surveysWavesManage);
  return (
    <section aria-labelledby="survey-waves-title" className="mb-5">
      <h2 id="survey-waves-title" className="h4">
        {t('surveys.waves.ofSurvey.title')}
      </h2>
      {waves.isPending ? (
        <Loading />
      ) : waves.isError ? (
        <QueryError error={waves.error} onRetry={() => void waves.refetch()} />
      ) : waves.data.items.length === 0 ? (
        <p>{t('surveys.waves.ofSurvey.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('surveys.waves.ofSurvey.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.waves.ofSurvey.wave')}</th>
                <th scope="col">{t('surveys.waves.state')}</th>
                <th scope="col">{t('surveys.waves.period')}</th>
                <th scope="col" className="text-end">
                  {t('surveys.waves.universeCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {waves.data.items.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <Link to={`/indagini/rilevazioni/${w.id}`}>{w.titleIt}</Link>
                  </th>
                  <td>{t(`surveys.waves.waveStatus.${w.status}`)}</td>
                  <td>{t('surveys.waves.fromTo', { from: format.date(w.opensOn), to: format.date(w.closesOn) })}</td>
                  <td className="text-end">{w.universeCount === null ? '—' : format.number(w.universeCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && waves.data && waves.data.publishedVersions.length > 0 && (
        <p>
          <Link className="btn btn-outline-primary" to={`/indagini/${surveyId}/rilevazioni/nuova`}>
            {t('surveys.waves.ofSurvey.new')}
          </Link>
        </p>
      )}
      {canManage && waves.data && waves.data.publishedVersions.length === 0 && (
        <p>{t('surveys.waves.ofSurvey.publishFirst')}</p>
      )}
    </section>
  );
}
