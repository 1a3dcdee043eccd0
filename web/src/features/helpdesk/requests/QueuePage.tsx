/**
 * `/assistenza-tecnica/coda`: the help desk's queue — the requests of every Comune with filters by
 * state, topic, Region, assignee and lateness (kept in the address), and the late requests the
 * escalation job signalled, to take note of.
 */
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useRegions } from '../../../lib/lookups';
import {
  statuses,
  topics,
  useAcknowledge,
  useEscalations,
  useRequests,
  useStaff,
  type RequestFilters,
  type RequestStatus,
  type Topic,
} from './api/requests';
import { dmy, RequestTable, useHelpdeskProblem } from './common';

function Signals() {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const signals = useEscalations();
  const ack = useAcknowledge();
  const items = signals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="signals-title" className="mb-4">
      <h2 id="signals-title" className="h4">
        {t('helpdesk.requests.queue.signals')}
      </h2>
      {ack.isError && (
        <Alert kind="danger" live="alert">
          {problem(ack.error)}
        </Alert>
      )}
      <ul className="list-unstyled">
        {items.slice(0, 20).map((s) => (
          <li key={s.id} className="d-flex flex-wrap gap-2 align-items-center mb-2">
            <Link to={`/assistenza-tecnica/richieste/${s.requestId}`}>
              {t('helpdesk.requests.queue.signal', {
                code: s.code,
                subject: s.subject,
                kind: t(`helpdesk.requests.queue.signalKinds.${s.kind}`),
                date: dmy(s.dueDate),
              })}
            </Link>
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              aria-label={t('helpdesk.requests.queue.acknowledgeLabel', { code: s.code })}
              disabled={ack.isPending}
              onClick={() => ack.mutate(s.id)}
            >
              {t('helpdesk.requests.queue.acknowledge')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function QueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const regions = useRegions();
  const staff = useStaff();
  const get = (k: string) => params.get(k) ?? '';
  const set = (k: string, v: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const status = get('stato');
  const filters: RequestFilters = {
    ...(status === '' ? { open: 'true' } : status === 'tutte' ? {} : { status: status as RequestStatus }),
    topic: (get('tema') || undefined) as Topic | undefined,
    region: get('regione') || undefined,
    assignee: get('assegnata') || undefined,
    overdue: get('ritardo') === 'si' ? 'true' : undefined,
  };
  const list = useRequests(filters);
  return (
    <>
      <PageHeader title={t('helpdesk.requests.queue.title')} lead={t('helpdesk.requests.queue.lead')} />
      <p>
        <Link to="/assistenza-tecnica/cifre">{t('helpdesk.requests.queue.figures')}</Link>
      </p>
      <Signals />
      <form
        className="row g-3 mb-2"
        aria-label={t('helpdesk.requests.queue.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="col-md-4">
          <SelectField
            id="q-status"
            label={t('helpdesk.requests.queue.status')}
            value={status}
            options={[
              { value: '', label: t('helpdesk.requests.queue.allStatuses') },
              { value: 'tutte', label: t('helpdesk.requests.queue.everything') },
              ...statuses.map((s) => ({ value: s, label: t(`helpdesk.common.statuses.${s}`) })),
            ]}
            onChange={(e) => set('stato', e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="q-topic"
            label={t('helpdesk.requests.queue.topic')}
            value={get('tema')}
            emptyOption={t('helpdesk.requests.queue.allTopics')}
            options={topics.map((x) => ({ value: x, label: t(`helpdesk.common.topics.${x}`) }))}
            onChange={(e) => set('tema', e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="q-region"
            label={t('helpdesk.requests.queue.region')}
            value={get('regione')}
            emptyOption={t('helpdesk.requests.queue.allRegions')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={(e) => set('regione', e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="q-assignee"
            label={t('helpdesk.requests.queue.assignee')}
            value={get('assegnata')}
            options={[
              { value: '', label: t('helpdesk.requests.queue.anyone') },
              { value: 'none', label: t('helpdesk.requests.queue.unassigned') },
              ...(staff.data?.items ?? []).map((s) => ({ value: s.userId, label: s.displayName })),
            ]}
            onChange={(e) => set('assegnata', e.target.value)}
          />
        </div>
        <div className="col-md-4 d-flex align-items-center">
          <CheckboxField
            id="q-overdue"
            label={t('helpdesk.requests.queue.overdue')}
            checked={get('ritardo') === 'si'}
            onChange={(e) => set('ritardo', e.target.checked ? 'si' : '')}
          />
        </div>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p role="status">
            {t('helpdesk.requests.queue.summary', {
              count: list.data.items.length,
              overdue: list.data.overdue,
              unassigned: list.data.unassigned,
            })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('helpdesk.requests.queue.empty')}</p>
          ) : (
            <RequestTable items={list.data.items} caption={t('helpdesk.requests.queue.caption')} showComune />
          )}
        </>
      )}
    </>
  );
}
