import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useCreateNetwork, useNetworks, useNetworkTotals, type NetworkFilters } from './api/networks';
import { AXES, dmy, NETWORK_KINDS, type NetworkKind } from './types';

type Axis = (typeof AXES)[number];

/** The totals of the networks in reach beside the figures of InCaS phase 1. */
function TotalsTable() {
  const { t } = useTranslation();
  const totals = useNetworkTotals();
  if (totals.isPending) return <Loading />;
  if (totals.isError) return <QueryError error={totals.error} onRetry={() => void totals.refetch()} />;
  const d = totals.data;
  const rows: [string, number, number | null][] = [
    [t('plans.networks.totals.groups'), d.networks, d.reference.groups],
    [t('plans.networks.totals.organisations'), d.organisationsInvolved, d.reference.organisations],
    [t('plans.networks.totals.meetings'), d.meetings, d.reference.meetings],
    [t('plans.networks.totals.participants'), d.participants, null],
    [t('plans.networks.totals.followUpsOpen'), d.followUps.open, null],
    [t('plans.networks.totals.followUpsDone'), d.followUps.done, null],
  ];
  return (
    <section aria-labelledby="networks-totals" className="mb-5">
      <h2 id="networks-totals" className="h4">
        {t('plans.networks.totals.title')}
      </h2>
      <div className="table-responsive">
        <table className="table">
          <caption>{t('plans.networks.totals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.networks.totals.what')}</th>
              <th scope="col" className="text-end">
                {t('plans.networks.totals.now')}
              </th>
              <th scope="col" className="text-end">
                {t('plans.networks.totals.phaseOne')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, now, ref]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="text-end">{now}</td>
                <td className="text-end">{ref ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">
        {t('plans.networks.totals.byKind', { tavoli: d.byKind.TAVOLO, gruppi: d.byKind.GRUPPO_TEMATICO })}
      </p>
    </section>
  );
}

/** "Nuovo tavolo": a network of the user's own Comune or Region (ANCI names the Comune). */
function NewNetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { messageOf } = useProblemMessages();
  const create = useCreateNetwork();
  const [kind, setKind] = useState<NetworkKind>('TAVOLO');
  const [name, setName] = useState('');
  const [theme, setTheme] = useState('');
  const [axis, setAxis] = useState('');
  const [comune, setComune] = useState('');
  const [tried, setTried] = useState(false);
  const nameError = tried && name.trim().length < 2 ? t('plans.networks.form.nameRequired') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim().length < 2) return;
    create.mutate(
      {
        kind,
        name: name.trim(),
        theme: theme.trim() || null,
        axis: (axis || null) as Axis | null,
        comuneIstat: comune.trim() || null,
        regionCode: null,
        planId: null,
      },
      {
        onSuccess: (n) => {
          onDone();
          void navigate(`/reti/${n.id}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="mb-5" aria-labelledby="new-network-title">
      <h2 id="new-network-title" className="h4">
        {t('plans.networks.form.title')}
      </h2>
      {create.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(create.error)}
        </Alert>
      )}
      <SelectField
        id="network-kind"
        label={t('plans.networks.fields.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as NetworkKind)}
        options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`plans.common.networkKinds.${k}`) }))}
      />
      <TextField
        id="network-name"
        label={t('plans.networks.fields.name')}
        value={name}
        required
        maxLength={200}
        error={nameError}
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        id="network-theme"
        label={t('plans.networks.fields.theme')}
        value={theme}
        maxLength={500}
        rows={2}
        onChange={(e) => setTheme(e.target.value)}
      />
      <SelectField
        id="network-axis"
        label={t('plans.networks.fields.axis')}
        value={axis}
        emptyOption={t('plans.networks.fields.noAxis')}
        onChange={(e) => setAxis(e.target.value)}
        options={AXES.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
      />
      <TextField
        id="network-comune"
        label={t('plans.networks.fields.comune')}
        hint={t('plans.networks.fields.comuneHint')}
        value={comune}
        inputMode="numeric"
        maxLength={6}
        onChange={(e) => setComune(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('plans.networks.form.create')}
      </button>{' '}
      <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
        {t('plans.networks.form.cancel')}
      </button>
    </form>
  );
}

/** `/reti`: the networks in reach with filters, their totals beside phase 1, "Nuovo tavolo". */
export function NetworksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters: NetworkFilters = {};
  const kind = params.get('kind');
  const axis = params.get('axis');
  const active = params.get('active');
  if (kind) filters.kind = kind as NetworkKind;
  if (axis) filters.axis = axis as Axis;
  if (active === 'true' || active === 'false') filters.active = active;
  const list = useNetworks(filters);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('plans.networks.title')} lead={t('plans.networks.lead')}>
        {list.data?.canCreate && !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('plans.networks.new')}
          </button>
        )}
      </PageHeader>
      {creating && <NewNetworkForm onDone={() => setCreating(false)} />}
      <TotalsTable />
      <section aria-labelledby="networks-list">
        <h2 id="networks-list" className="h4">
          {t('plans.networks.listTitle')}
        </h2>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="filter-kind"
              label={t('plans.networks.filters.kind')}
              value={kind ?? ''}
              emptyOption={t('plans.networks.filters.all')}
              onChange={(e) => setFilter('kind', e.target.value)}
              options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`plans.common.networkKinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="filter-axis"
              label={t('plans.networks.filters.axis')}
              value={axis ?? ''}
              emptyOption={t('plans.networks.filters.all')}
              onChange={(e) => setFilter('axis', e.target.value)}
              options={AXES.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="filter-active"
              label={t('plans.networks.filters.active')}
              value={active ?? ''}
              emptyOption={t('plans.networks.filters.all')}
              onChange={(e) => setFilter('active', e.target.value)}
              options={[
                { value: 'true', label: t('plans.networks.filters.activeOnly') },
                { value: 'false', label: t('plans.networks.filters.closedOnly') },
              ]}
            />
          </div>
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p>{t('plans.networks.empty')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.networks.caption', { count: list.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.networks.fields.name')}</th>
                  <th scope="col">{t('plans.networks.fields.place')}</th>
                  <th scope="col">{t('plans.networks.fields.kind')}</th>
                  <th scope="col">{t('plans.networks.fields.axis')}</th>
                  <th scope="col" className="text-end">
                    {t('plans.networks.fields.members')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('plans.networks.fields.meetings')}
                  </th>
                  <th scope="col">{t('plans.networks.fields.lastMeeting')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">
                      <Link to={`/reti/${n.id}`}>{n.name}</Link>
                      {!n.active && <span className="d-block small">{t('plans.networks.closed')}</span>}
                    </th>
                    <td>{n.comuneName ?? t('plans.networks.regionOf', { region: n.regionName })}</td>
                    <td>{t(`plans.common.networkKinds.${n.kind}`)}</td>
                    <td>{n.axis ? t(`plans.common.axes.${n.axis}`) : '—'}</td>
                    <td className="text-end">{n.members}</td>
                    <td className="text-end">{n.meetings}</td>
                    <td>{n.lastMeetingOn ? dmy(n.lastMeetingOn) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
