import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { Alert } from '../../components/Alert';
import { useListParams } from '../../lib/listParams';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useProblemMessages } from '../../lib/problemMessages';
import type { AuditEntry, AuditOutcome, AuditQuery } from '../../api/models';
import { useAuditEntries } from './api/find-audit';
import { useVerifyAudit } from './api/verify-audit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day picked in the form (local time) → the ISO instant the API filters on. */
function dayToIso(day: string, endOfDay: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return date.toISOString();
}

const TEXT_FILTERS = ['action', 'entityType', 'actorUserId', 'organisationId'] as const;

function useAuditQuery(): AuditQuery {
  const { get, page, pageSize } = useListParams();
  const query: AuditQuery = { page, pageSize };
  for (const key of TEXT_FILTERS) if (get(key) !== '') query[key] = get(key);
  const from = dayToIso(get('from'), false);
  if (from !== undefined) query.from = from;
  const to = dayToIso(get('to'), true);
  if (to !== undefined) query.to = to;
  return query;
}

/** Filters are applied with a button: they are exact values, not a search as you type. */
function Filters() {
  const { t } = useTranslation();
  const { get, update } = useListParams();
  const [values, setValues] = useState(() => ({
    action: get('action'),
    entityType: get('entityType'),
    actorUserId: get('actorUserId'),
    organisationId: get('organisationId'),
    from: get('from'),
    to: get('to'),
  }));
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('audit.filtersLabel')} className="mb-3">
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-action"
            label={t('audit.action')}
            hint={t('audit.actionHint')}
            value={values.action}
            onChange={set('action')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-entity"
            label={t('audit.entityType')}
            value={values.entityType}
            onChange={set('entityType')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-actor"
            label={t('audit.actorUserId')}
            value={values.actorUserId}
            onChange={set('actorUserId')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-org"
            label={t('audit.organisationId')}
            value={values.organisationId}
            onChange={set('organisationId')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField id="audit-from" type="date" label={t('audit.from')} value={values.from} onChange={set('from')} />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField id="audit-to" type="date" label={t('audit.to')} value={values.to} onChange={set('to')} />
        </div>
      </div>
      <div className="d-flex gap-3 flex-wrap">
        <button type="submit" className="btn btn-primary">
          {t('common.applyFilters')}
        </button>
        <Link to="/audit" className="btn btn-outline-primary">
          {t('common.clearFilters')}
        </Link>
      </div>
    </form>
  );
}

const OUTCOME_BADGE: Record<AuditOutcome, string> = {
  success: 'bg-success',
  failure: 'bg-warning text-dark',
  denied: 'bg-danger',
};

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <tr>
      <td className="text-end">{entry.seq}</td>
      <th scope="row" className="fw-normal text-nowrap">
        <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
      </th>
      <td>
        {entry.actorEmail ?? t('audit.system')}
        {entry.actorOrganisationName !== null && (
          <span className="d-block small text-muted">{entry.actorOrganisationName}</span>
        )}
      </td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.entityType ?? '—'}
        {entry.entityId !== null && <span className="d-block small text-muted text-break">{entry.entityId}</span>}
      </td>
      <td>
        <span className={`badge ${OUTCOME_BADGE[entry.outcome]}`}>{t(`audit.outcomes.${entry.outcome}`)}</span>
      </td>
      <td>
        {hasDetails ? (
          <details>
            <summary>
              {t('audit.showDetails')}
              <span className="visually-hidden"> {t('audit.ofEntry', { seq: entry.seq })}</span>
            </summary>
            {/* Rendered as text: details are data, never markup. */}
            <pre className="small mb-0 incas-pre">{JSON.stringify(entry.details, null, 2)}</pre>
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { messageOf } = useProblemMessages();
  const verify = useVerifyAudit();
  return (
    <section aria-labelledby="verify-title" className="mb-4">
      <h2 id="verify-title" className="h4">
        {t('audit.verifyTitle')}
      </h2>
      <p>{t('audit.verifyText')}</p>
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
      >
        {t('audit.verify')}
      </button>
      <div role="status" className="mt-3">
        {verify.isPending && t('audit.verifying')}
        {verify.data !== undefined &&
          (verify.data.ok ? (
            <Alert kind="success">
              {t('audit.verifyOk', { count: verify.data.checked, formatted: number(verify.data.checked) })}
            </Alert>
          ) : (
            <Alert kind="danger">
              {t('audit.verifyBroken', {
                seq: verify.data.firstInvalidSeq ?? '?',
                checked: number(verify.data.checked),
              })}
            </Alert>
          ))}
        {verify.error !== null && <Alert kind="danger">{messageOf(verify.error)}</Alert>}
      </div>
    </section>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const query = useAuditQuery();
  const { params } = useListParams();
  const entries = useAuditEntries(query);

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      {hasPermission(me, Permission.auditVerify) && <VerifyChain />}
      <h2 className="h4">{t('audit.entriesTitle')}</h2>
      {/* Keyed by the URL so the form shows the URL's filters after back/forward or "clear". */}
      <Filters key={params.toString()} />
      <ListResults
        query={entries}
        hover={false}
        count={(values) => t('audit.count', values)}
        caption={(page) => t('audit.tableCaption', { page })}
        columns={
          <>
            <th scope="col" className="text-end">
              {t('audit.seq')}
            </th>
            <th scope="col">{t('audit.occurredAt')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.details')}</th>
          </>
        }
        row={(entry) => <AuditRow key={entry.id} entry={entry} />}
      />
    </>
  );
}
