import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { upcomingEventsQuery, usePublicEvents, type PublicEventSummary } from './api/events';
import { eventWhen } from './dates';

function UpcomingEvent({ e, headingLevel }: { e: PublicEventSummary; headingLevel: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const when = eventWhen(e.startsAt, i18n.language);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const where = e.place
    ? e.online
      ? t('events.events.onlineAndPlace', { place: e.place })
      : e.place
    : t('events.events.online');
  return (
    <div className="card card-bg h-100">
      <div className="card-body">
        <p className="mb-1 small text-uppercase fw-semibold">
          {t(`events.common.kinds.${e.kind}`)}
          {e.status === 'ANNULLATO' && (
            <span className="badge bg-danger ms-2">{t('events.events.public.cancelled')}</span>
          )}
        </p>
        <Heading className="h5 card-title">
          <Link to={`/eventi/${e.slug}`}>{e.title}</Link>
        </Heading>
        <p className="card-text mb-1">
          <strong>{t('events.events.when', when)}</strong>
        </p>
        <p className="card-text">
          {where}
          {e.regionName ? ` · ${e.regionName}` : ''}
        </p>
      </div>
    </div>
  );
}

/**
 * The next published events (no login), for the public site's home: the public list comes with
 * the coming ones first, so the first page holds them; the ones already over are left out.
 */
export function UpcomingEvents({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const events = usePublicEvents(upcomingEventsQuery);
  if (events.isPending) return <Loading />;
  if (events.isError) return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  const upcoming = events.data.items.filter((e) => e.registration.closedReason !== 'CONCLUSO');
  if (upcoming.length === 0) return <p>{t('events.events.public.noneUpcoming')}</p>;
  return (
    <ul className="row list-unstyled">
      {upcoming.map((e) => (
        <li className="col-12 col-lg-4 mb-3" key={e.id}>
          <UpcomingEvent e={e} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
