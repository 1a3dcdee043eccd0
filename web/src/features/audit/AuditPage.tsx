import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { Alert } from '../../components/Alert';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { oneOf, useListParams } from '../../lib/listParams';
import { useFormat } from '../../lib/format';
import { auditActionGroupOf, useLabels, type AuditActionGroup } from '../../lib/labels';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useProblemMessages } from '../../lib/problemMessages';
import { auditActionInputValues, auditEntityTypeInputValues } from '../../api/schema';
import type { AuditActor, AuditEntry, AuditOrganisation, AuditOutcome, AuditQuery } from '../../api/models';
import { useAuditEntries } from './api/find-audit';
import { useAuditActors } from './api/find-actors';
import { useAuditOrganisations } from './api/find-organisations';
import { useVerifyAudit } from './api/verify-audit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day picked in the form (local time) → the ISO instant the API filters on. */
function dayToIso(day: string, endOfDay: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return date.toISOString();
}

const ID_FILTERS = ['actorUserId', 'organisationId'] as const;

function useAuditQuery(): AuditQuery {
  const { get, page, pageSize } = useListParams();
  const query: AuditQuery = { page, pageSize };
  for (const key of ID_FILTERS) if (get(key) !== '') query[key] = get(key);
  // an action or type the platform no longer declares (an old link) filters nothing
  const action = oneOf(get('action'), auditActionInputValues);
  if (action !== undefined) query.action = action;
  const entityType = oneOf(get('entityType'), auditEntityTypeInputValues);
  if (entityType !== undefined) query.entityType = entityType;
  const from = dayToIso(get('from'), false);
  if (from !== undefined) query.from = from;
  const to = dayToIso(get('to'), true);
  if (to !== undefined) query.to = to;
  return query;
}

/** The declared actions in words, grouped by their first word, groups and actions in alphabetical order. */
function useActionGroups() {
  const { auditAction, auditActionGroup } = useLabels();
  return useMemo(() => {
    const groups = new Map<AuditActionGroup, { value: string; label: string }[]>();
    for (const action of auditActionInputValues) {
      const group = auditActionGroupOf(action);
      groups.set(group, [...(groups.get(group) ?? []), { value: action, label: auditAction(action) }]);
    }
    return [...groups]
      .map(([group, options]) => ({
        label: auditActionGroup(group),
        options: options.sort((a, b) => a.label.localeCompare(b.label)),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [auditAction, auditActionGroup]);
}

interface PickerProps {
  /** The id in the filter, '' for none. */
  value: string;
  onChange: (id: string) => void;
}

/**
 * The option shown for the id already in the filter: the one just picked, or the one the server
 * finds for the id (a link from a user's page). An id the person may not see shows as it is.
 */
function chosenOption(
  value: string,
  picked: PickerOption | null,
  found: PickerOption | undefined,
  loading: string,
): PickerOption | null {
  if (value === '') return null;
  if (picked?.value === value) return picked;
  return found ?? { value, label: loading };
}

/**
 * A filter chosen by name: what the person types is looked up among the authors (or their
 * organisations) of the rows they may read; the id already in the address is shown by its name.
 */
function NamePicker<T>({
  id,
  label,
  hint,
  value,
  onChange,
  useSearch,
  optionOf,
}: PickerProps & {
  id: string;
  label: string;
  hint: string;
  useSearch: (search: { q: string } | { id: string }) => { data?: { items: T[] }; isFetching: boolean };
  optionOf: (item: T) => PickerOption;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<PickerOption | null>(null);
  const matches = useSearch({ q: value === '' ? text : '' });
  const current = useSearch({ id: value !== '' && picked?.value !== value ? value : '' });
  const resolved = current.data?.items[0];
  return (
    <SearchPicker
      id={id}
      label={label}
      hint={hint}
      text={text}
      onTextChange={setText}
      options={matches.data?.items.map(optionOf)}
      loading={matches.isFetching}
      selected={chosenOption(
        value,
        picked,
        resolved ? optionOf(resolved) : undefined,
        current.isFetching ? t('common.loading') : value,
      )}
      onSelect={(option) => {
        setPicked(option);
        onChange(option?.value ?? '');
      }}
    />
  );
}

function ActorPicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <NamePicker
      {...props}
      id="audit-actor"
      label={t('audit.actorUserId')}
      hint={t('audit.actorHint')}
      useSearch={useAuditActors}
      optionOf={(u: AuditActor) => ({
        value: u.id,
        label: u.displayName,
        description: [u.email, u.organisationName].filter((v) => v !== null).join(', '),
      })}
    />
  );
}

function OrganisationPicker(props: PickerProps) {
  const { t } = useTranslation();
  const { organisationType } = useLabels();
  return (
    <NamePicker
      {...props}
      id="audit-org"
      label={t('audit.organisationId')}
      hint={t('audit.organisationHint')}
      useSearch={useAuditOrganisations}
      optionOf={(o: AuditOrganisation) => ({ value: o.id, label: o.name, description: organisationType(o.type) })}
    />
  );
}

/** Filters are applied with a button: the choices are exact values, not a search as you type. */
function Filters() {
  const { t } = useTranslation();
  const { auditEntityType } = useLabels();
  const { get, update } = useListParams();
  const actionGroups = useActionGroups();
  const entityTypes = useMemo(
    () =>
      auditEntityTypeInputValues
        .map((value) => ({ value, label: auditEntityType(value) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [auditEntityType],
  );
  const [values, setValues] = useState(() => ({
    action: oneOf(get('action'), auditActionInputValues) ?? '',
    entityType: oneOf(get('entityType'), auditEntityTypeInputValues) ?? '',
    actorUserId: get('actorUserId'),
    organisationId: get('organisationId'),
    from: get('from'),
    to: get('to'),
  }));
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const choose = (key: 'actorUserId' | 'organisationId') => (id: string) => setValues((v) => ({ ...v, [key]: id }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('audit.filtersLabel')} className="mb-3">
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="audit-action"
            label={t('audit.action')}
            value={values.action}
            onChange={set('action')}
            emptyOption={t('audit.allActions')}
            options={[]}
            groups={actionGroups}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="audit-entity"
            label={t('audit.entityType')}
            value={values.entityType}
            onChange={set('entityType')}
            emptyOption={t('audit.allEntityTypes')}
            options={entityTypes}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField id="audit-from" type="date" label={t('audit.from')} value={values.from} onChange={set('from')} />
        </div>
        <div className="col-md-6 col-lg-4">
          <ActorPicker value={values.actorUserId} onChange={choose('actorUserId')} />
        </div>
        <div className="col-md-6 col-lg-4">
          <OrganisationPicker value={values.organisationId} onChange={choose('organisationId')} />
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
  const { auditAction, auditEntityType } = useLabels();
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <tr>
      <td className="text-end">{entry.seq}</td>
      <th scope="row" className="fw-normal text-nowrap">
        <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
      </th>
      <td>
        {entry.actorName ?? entry.actorEmail ?? t('audit.system')}
        {entry.actorName !== null && entry.actorEmail !== null && (
          <span className="d-block small text-muted text-break">{entry.actorEmail}</span>
        )}
        {entry.actorOrganisationName !== null && (
          <span className="d-block small text-muted">{entry.actorOrganisationName}</span>
        )}
      </td>
      {/* the code stays at hand for the auditor: on hover, and under "Mostra" */}
      <td title={entry.action}>{auditAction(entry.action)}</td>
      <td>
        {entry.entityType !== null ? auditEntityType(entry.entityType) : '—'}
        {entry.entityId !== null && <span className="d-block small text-muted text-break">{entry.entityId}</span>}
      </td>
      <td>
        <span className={`badge ${OUTCOME_BADGE[entry.outcome]}`}>{t(`audit.outcomes.${entry.outcome}`)}</span>
      </td>
      <td>
        <details>
          <summary>
            {t('audit.showDetails')}
            <span className="visually-hidden"> {t('audit.ofEntry', { seq: entry.seq })}</span>
          </summary>
          <dl className="small mb-1">
            <dt>{t('audit.actionCode')}</dt>
            <dd className="mb-1">
              <code>{entry.action}</code>
            </dd>
            {entry.entityType !== null && (
              <>
                <dt>{t('audit.entityTypeCode')}</dt>
                <dd className="mb-1">
                  <code>{entry.entityType}</code>
                </dd>
              </>
            )}
          </dl>
          {/* Rendered as text: details are data, never markup. */}
          {hasDetails && <pre className="small mb-0 incas-pre">{JSON.stringify(entry.details, null, 2)}</pre>}
        </details>
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
