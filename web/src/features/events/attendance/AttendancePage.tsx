import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useAttendance, useIssueCertificates, useManualCheckIn } from './api/attendance';

const time = (iso: string) =>
  new Date(iso).toLocaleString('it-IT', {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  });

/** `/eventi-gestione/:eventId/presenze`: the participants of an event, their presence by hand, the certificates. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const { eventId = '' } = useParams();
  const list = useAttendance(eventId);
  const toggle = useManualCheckIn(eventId);
  const issue = useIssueCertificates(eventId);
  const title = list.data
    ? t('events.attendance.list.title', { title: list.data.event.title })
    : t('events.attendance.list.titleShort');
  return (
    <>
      <PageHeader title={title} lead={t('events.attendance.list.lead')} />
      {(toggle.isError || issue.isError) && (
        <Alert kind="danger" live="alert">
          {messageOf(toggle.error ?? issue.error)}
        </Alert>
      )}
      {issue.isSuccess && (
        <Alert kind="success" live="status">
          {t('events.attendance.list.issued', { count: issue.data.issued })}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p>
            {t('events.attendance.list.counts', {
              confirmed: list.data.confirmed,
              attended: list.data.attended,
              certified: list.data.certified,
            })}
          </p>
          <p className="d-flex flex-wrap gap-2">
            <Link className="btn btn-outline-primary" to="/eventi-gestione/accoglienza">
              {t('events.attendance.list.openCheckIn')}
            </Link>
            <Link className="btn btn-outline-primary" to={`/eventi-gestione/${eventId}/gradimento`}>
              {t('events.feedback.results.link')}
            </Link>
            {list.data.event.ended ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={issue.isPending || list.data.attended === 0}
                onClick={() => issue.mutate()}
              >
                {t('events.attendance.list.issue')}
              </button>
            ) : (
              <span className="align-self-center">{t('events.attendance.list.notEnded')}</span>
            )}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('events.attendance.list.empty')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table">
                <caption>{t('events.attendance.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.attendance.list.name')}</th>
                    <th scope="col">{t('events.attendance.list.organisation')}</th>
                    <th scope="col">{t('events.attendance.list.status')}</th>
                    <th scope="col">{t('events.attendance.list.attended')}</th>
                    <th scope="col">{t('events.attendance.list.certificate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((r) => (
                    <tr key={r.registrationId}>
                      <th scope="row">{r.erased ? t('events.attendance.list.erased') : (r.fullName ?? '—')}</th>
                      <td>
                        {r.organisationName ?? '—'}
                        {r.organisationType && (
                          <span className="d-block small">{t(`events.common.orgTypes.${r.organisationType}`)}</span>
                        )}
                      </td>
                      <td>{t(`events.common.registrationStatuses.${r.status}`)}</td>
                      <td>
                        {r.status === 'CONFERMATA' ? (
                          <div className="form-check">
                            <input
                              id={`att-${r.registrationId}`}
                              type="checkbox"
                              className="form-check-input"
                              checked={r.attended}
                              disabled={toggle.isPending || r.certificateCode !== null}
                              onChange={(e) =>
                                toggle.mutate({ registrationId: r.registrationId, attended: e.target.checked })
                              }
                            />
                            <label className="form-check-label" htmlFor={`att-${r.registrationId}`}>
                              {r.attended && r.attendedAt
                                ? t('events.attendance.list.presentAt', { time: time(r.attendedAt) })
                                : t('events.attendance.list.absent')}
                              <span className="visually-hidden"> — {r.fullName ?? ''}</span>
                            </label>
                          </div>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {r.certificateCode ? (
                          <a href={`/api/v1/events/${eventId}/registrations/${r.registrationId}/certificate.pdf`}>
                            {r.certificateCode}
                            <span className="visually-hidden"> — {t('events.attendance.list.download')}</span>
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
