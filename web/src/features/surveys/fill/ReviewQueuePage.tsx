import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useReviewQueue } from './api/responses';

const FILTERS = ['', 'inviato', 'in_validazione', 'da_ricontattare'] as const;
type Filter = (typeof FILTERS)[number];

/** The responses of a wave waiting for review, oldest submission first. */
export function ReviewQueuePage() {
  const { waveId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const status = (FILTERS as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Filter)
    : '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const queue = useReviewQueue(waveId, status, page);
  return (
    <>
      <PageHeader title={t('surveys.review.queue.title')} lead={t('surveys.review.queue.lead')} />
      <div className="select-wrapper mb-4" style={{ maxWidth: '24rem' }}>
        <label htmlFor="queue-status">{t('surveys.review.queue.filter')}</label>
        <select
          id="queue-status"
          value={status}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {f ? t(`surveys.fill.states.${f}`) : t('surveys.review.queue.all')}
            </option>
          ))}
        </select>
      </div>
      {queue.isPending && <Loading />}
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.items.length === 0 && <p>{t('surveys.review.queue.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <>
          <p role="status">{t('surveys.review.queue.count', { count: queue.data.total })}</p>
          <table className="table">
            <caption className="visually-hidden">{t('surveys.review.queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.review.queue.comune')}</th>
                <th scope="col">{t('surveys.fill.state')}</th>
                <th scope="col">{t('surveys.fill.submittedAt')}</th>
                <th scope="col">{t('surveys.review.queue.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/indagini/risposte/${i.id}`}>{i.comune.name}</Link>
                  </th>
                  <td>{t(`surveys.fill.states.${i.status}`)}</td>
                  <td>{i.submittedAt ? format.dateTime(i.submittedAt) : '—'}</td>
                  <td>{format.number(i.openFlags)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
