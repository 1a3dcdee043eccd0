import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { eventKinds, eventStatuses } from '../../../lib/event-vocabulary';
import { oneOf, useListParams } from '../../../lib/listParams';
import { useEvents } from './api/events';
import { eventWhen } from './words';

/** /eventi-gestione: every event for the organisers, drafts included, with the registrations' counts. */
export function EventsAdminPage() {
  const { t, i18n } = useTranslation();
  const { get, update, page, pageSize } = useListParams();
  const kind = oneOf(get('kind'), eventKinds);
  const status = oneOf(get('status'), eventStatuses);
  const events = useEvents({ page, pageSize, ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  return (
    <>
      <PageHeader title={t('events.events.admin.title')} lead={t('events.events.admin.lead')}>
        <Link to="/eventi-gestione/nuovo" className="btn btn-primary">
          {t('events.events.admin.new')}
        </Link>
      </PageHeader>
      <form aria-label={t('events.events.admin.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="events-admin-kind"
              label={t('events.events.public.kind')}
              emptyOption={t('events.events.public.anyKind')}
              value={kind ?? ''}
              onChange={(e) => update({ kind: e.target.value })}
              options={eventKinds.map((k) => ({ value: k, label: t(`events.common.kinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="events-admin-status"
              label={t('events.events.admin.status')}
              emptyOption={t('events.events.admin.anyStatus')}
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
              options={eventStatuses.map((s) => ({ value: s, label: t(`events.common.statuses.${s}`) }))}
            />
          </div>
        </div>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <p>{t('events.events.admin.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('events.events.admin.caption', { count: events.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.events.admin.colTitle')}</th>
                  <th scope="col">{t('events.events.admin.colWhen')}</th>
                  <th scope="col">{t('events.events.admin.colStatus')}</th>
                  <th scope="col" className="text-end">
                    {t('events.events.admin.colConfirmed')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('events.events.admin.colWaiting')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('events.events.admin.colToConfirm')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('events.events.admin.colSeatsLeft')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/eventi-gestione/${e.id}`}>{e.title}</Link>
                      <span className="d-block small">
                        {t(`events.common.kinds.${e.kind}`)}
                        {e.regionName ? ` · ${e.regionName}` : ''}
                      </span>
                    </th>
                    <td>{t('events.events.when', eventWhen(e.startsAt, i18n.language))}</td>
                    <td>{t(`events.common.statuses.${e.status}`)}</td>
                    <td className="text-end">
                      {e.confirmed}/{e.capacity}
                    </td>
                    <td className="text-end">{e.waiting}</td>
                    <td className="text-end">{e.toConfirm}</td>
                    <td className="text-end">{e.seatsLeft}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} />
        </>
      )}
    </>
  );
}
