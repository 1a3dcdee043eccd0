import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { eventKinds } from '../../../lib/event-vocabulary';
import { useListParams } from '../../../lib/listParams';
import { publicEventsQueryOf, usePublicEventRegions, usePublicEvents, type PublicEventSummary } from './api/events';
import { eventWhen } from './words';

function EventCard({ e }: { e: PublicEventSummary }) {
  const { t, i18n } = useTranslation();
  const when = eventWhen(e.startsAt, i18n.language);
  const headingId = `evento-${e.slug}`;
  const where = e.place
    ? e.online
      ? t('events.events.onlineAndPlace', { place: e.place })
      : e.place
    : t('events.events.online');
  return (
    <article className="card card-bg mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <p className="mb-1 small text-uppercase fw-semibold">
          {t(`events.common.kinds.${e.kind}`)}
          {e.status === 'ANNULLATO' && (
            <span className="badge bg-danger ms-2">{t('events.events.public.cancelled')}</span>
          )}
        </p>
        <h3 id={headingId} className="h5 card-title">
          <Link to={`/eventi/${e.slug}`}>{e.title}</Link>
        </h3>
        <p className="card-text">{e.summary}</p>
        <ul className="list-unstyled mb-0">
          <li>
            <strong>{t('events.events.when', when)}</strong>
          </li>
          <li>
            {where}
            {e.regionName ? ` · ${e.regionName}` : ''}
          </li>
          {e.registration.open && (
            <li>
              {e.seatsLeft > 0
                ? t('events.events.seatsLeft', { count: e.seatsLeft, capacity: e.capacity })
                : t('events.events.full')}
            </li>
          )}
        </ul>
      </div>
    </article>
  );
}

/** /eventi: the published events for everyone (no login), coming ones first, then the past. */
export function PublicEventsPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams();
  const query = publicEventsQueryOf(params);
  const kind = query.kind;
  const region = query.region ?? '';
  const regions = usePublicEventRegions();
  const events = usePublicEvents(query);
  const items = events.data?.items ?? [];
  // over by the server's clock (the list comes in that order: the coming ones first)
  const isPast = (e: PublicEventSummary) => e.registration.closedReason === 'CONCLUSO';
  const upcoming = items.filter((e) => !isPast(e));
  const past = items.filter(isPast);
  return (
    <>
      <PageHeader title={t('events.events.public.title')} lead={t('events.events.public.lead')} />
      <form aria-label={t('events.events.public.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="events-kind"
              label={t('events.events.public.kind')}
              emptyOption={t('events.events.public.anyKind')}
              value={kind ?? ''}
              onChange={(e) => update({ kind: e.target.value })}
              options={eventKinds.map((k) => ({ value: k, label: t(`events.common.kinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="events-region"
              label={t('events.events.public.region')}
              emptyOption={t('events.events.public.anyRegion')}
              value={region}
              onChange={(e) => update({ region: e.target.value })}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </div>
        </div>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('events.events.public.none')}</p>
      ) : (
        <>
          {upcoming.length > 0 && (
            <section aria-labelledby="eventi-in-programma">
              <h2 id="eventi-in-programma" className="h4">
                {t('events.events.public.upcoming')}
              </h2>
              {upcoming.map((e) => (
                <EventCard key={e.id} e={e} />
              ))}
            </section>
          )}
          {past.length > 0 && (
            <section aria-labelledby="eventi-passati">
              <h2 id="eventi-passati" className="h4">
                {t('events.events.public.past')}
              </h2>
              {past.map((e) => (
                <EventCard key={e.id} e={e} />
              ))}
            </section>
          )}
          <Pagination page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} />
        </>
      )}
    </>
  );
}
