import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { dateFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useCancelMine, useMyRegistrations } from './api/registrations';
import { RegistrationStatusText } from './RegistrationStatus';

/** /le-mie-iscrizioni: the user's registrations, with the waitlist position and a cancel button. */
export function MyRegistrationsPage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const mine = useMyRegistrations();
  const cancel = useCancelMine();
  const fmt = dateFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' });
  return (
    <article>
      <PageHeader title={t('events.registrations.mineTitle')} />
      {cancel.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(cancel.error)}
        </Alert>
      )}
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <p>
          {t('events.registrations.none')} <Link to="/eventi">{t('events.registrations.browse')}</Link>
        </p>
      ) : (
        <ul className="list-unstyled">
          {mine.data.items.map((r) => (
            <li key={r.id} className="mb-4 border-bottom pb-3">
              <h2 className="h5 mb-1">
                <Link to={`/eventi/${r.event.slug}`}>{r.event.title}</Link>
              </h2>
              <p className="mb-1">{fmt.format(new Date(r.event.startsAt))}</p>
              <RegistrationStatusText registration={r} />
              {r.status === 'CONFERMATA' && !r.certificate && new Date(r.event.endsAt) > new Date() && (
                <p className="mb-2">
                  <a href={`/api/v1/event-registrations/${r.id}/qr.svg`}>
                    {t('events.registrations.qr')}
                    <span className="visually-hidden">: {r.event.title}</span>
                  </a>
                </p>
              )}
              {r.certificate && (
                <p className="mb-2">
                  <a href={`/api/v1/event-registrations/${r.id}/certificate.pdf`} download>
                    {t('events.registrations.certificate')}
                    <span className="visually-hidden">: {r.event.title}</span>
                  </a>
                </p>
              )}
              {r.feedback === 'APERTO' && (
                <p className="mb-2">
                  <Link to={`/le-mie-iscrizioni/${r.id}/gradimento`}>
                    {t('events.feedback.mine.answer')}
                    <span className="visually-hidden">: {r.event.title}</span>
                  </Link>
                </p>
              )}
              {r.feedback === 'INVIATO' && <p className="mb-2">{t('events.feedback.mine.sent')}</p>}
              {['CONFERMATA', 'IN_ATTESA', 'DA_CONFERMARE'].includes(r.status) && (
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  disabled={cancel.isPending}
                  onClick={() => {
                    if (window.confirm(t('events.registrations.cancelConfirm'))) cancel.mutate(r.id);
                  }}
                >
                  {t('events.registrations.cancel')}
                  <span className="visually-hidden">: {r.event.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
