import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { icsUrl, usePublicEvent } from './api/events';
import { RegistrationPanel } from '../registrations/RegistrationPanel';
import { eventWhen } from './words';

/** /eventi/:slug: an event's public page (no login): programme, place or link, audience, seats, the calendar file. */
export function PublicEventPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const event = usePublicEvent(slug);
  if (event.isPending) return <Loading />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  const starts = eventWhen(e.startsAt, i18n.language);
  const ends = eventWhen(e.endsAt, i18n.language);
  const closes = eventWhen(e.registration.closesAt, i18n.language);
  return (
    <>
      <PageHeader
        title={e.title}
        lead={e.summary}
        breadcrumbs={[{ to: '/eventi', label: t('events.events.page.crumb') }]}
      />
      <p className="small text-uppercase fw-semibold">{t(`events.common.kinds.${e.kind}`)}</p>
      {e.status === 'ANNULLATO' && (
        <Alert kind="danger">
          {t('events.events.page.closedReasons.ANNULLATO')}
          {e.cancelledReason && <> {t('events.events.page.cancelledReason', { reason: e.cancelledReason })}</>}
        </Alert>
      )}
      <div className="row">
        <div className="col-lg-8">
          <dl className="row">
            <dt className="col-sm-4">{t('events.events.page.when')}</dt>
            <dd className="col-sm-8">
              {t('events.events.when', starts)}
              <span className="d-block small">
                {t('events.events.page.until')}: {t('events.events.when', ends)}
              </span>
            </dd>
            <dt className="col-sm-4">{t('events.events.page.where')}</dt>
            <dd className="col-sm-8">
              {e.place && <span className="d-block">{e.place}</span>}
              {e.onlineUrl && (
                <span className="d-block">
                  {t('events.events.page.onlineLink')}:{' '}
                  <a href={e.onlineUrl} rel="noreferrer">
                    {e.onlineUrl}
                  </a>
                </span>
              )}
            </dd>
            {e.regionName && (
              <>
                <dt className="col-sm-4">{t('events.events.page.region')}</dt>
                <dd className="col-sm-8">{e.regionName}</dd>
              </>
            )}
            {e.audience && (
              <>
                <dt className="col-sm-4">{t('events.events.page.audience')}</dt>
                <dd className="col-sm-8">{e.audience}</dd>
              </>
            )}
            <dt className="col-sm-4">{t('events.events.page.seats')}</dt>
            <dd className="col-sm-8">
              {e.seatsLeft > 0
                ? t('events.events.seatsLeft', { count: e.seatsLeft, capacity: e.capacity })
                : t('events.events.full')}
            </dd>
            {e.certificateHours !== null && (
              <>
                <dt className="col-sm-4">{t('events.events.page.hours')}</dt>
                <dd className="col-sm-8">{t('events.events.page.hoursValue', { hours: e.certificateHours })}</dd>
              </>
            )}
          </dl>
          <section aria-labelledby="evento-programma" className="mb-4">
            <h2 id="evento-programma" className="h4">
              {t('events.events.page.programme')}
            </h2>
            {e.programme ? (
              <ul className="list-unstyled">
                {e.programme.split('\n').map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : (
              <p>{t('events.events.page.noProgramme')}</p>
            )}
          </section>
        </div>
        <div className="col-lg-4">
          <section aria-labelledby="evento-iscrizioni" className="mb-4">
            <h2 id="evento-iscrizioni" className="h4">
              {t('events.events.page.registration')}
            </h2>
            {e.registration.open ? (
              <p>
                {t('events.events.page.registrationOpen', closes)}
                {e.registration.waitlist && <> {t('events.events.page.registrationWaitlist')}</>}
              </p>
            ) : (
              e.registration.closedReason &&
              e.status !== 'ANNULLATO' && <p>{t(`events.events.page.closedReasons.${e.registration.closedReason}`)}</p>
            )}
            <RegistrationPanel event={{ id: e.id, slug: e.slug, seatsLeft: e.seatsLeft, open: e.registration.open }} />
          </section>
          {e.status !== 'ANNULLATO' && (
            <p>
              <a className="btn btn-outline-primary" href={icsUrl(e.slug)} download={`${e.slug}.ics`}>
                {t('events.events.page.calendar')}
              </a>
              <span className="d-block small mt-1">{t('events.events.page.calendarHint')}</span>
            </p>
          )}
        </div>
      </div>
    </>
  );
}
