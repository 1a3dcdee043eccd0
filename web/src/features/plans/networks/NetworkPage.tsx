import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { SearchPicker } from '../../../components/SearchPicker';
import { useLabels } from '../../../lib/labels';
import { useOrganisationChoices } from '../../../lib/lookups';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useNetwork, useRemoveMember, useSetMember } from './api/networks';
import { dmy, NETWORK_ROLES, type Network, type NetworkRole } from './types';

/** Adds an organisation of the registry, searched by name, with its role in words. */
function AddMember({ network }: { network: Network }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { messageOf } = useProblemMessages();
  const [text, setText] = useState('');
  const [role, setRole] = useState<NetworkRole>('MEMBRO');
  const choices = useOrganisationChoices(text);
  const setMember = useSetMember(network.id);
  const taken = new Set(network.memberList.map((m) => m.organisationId));
  return (
    <fieldset className="mb-4">
      <legend className="h5">{t('plans.networks.members.add')}</legend>
      {setMember.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(setMember.error)}
        </Alert>
      )}
      <SelectField
        id="member-role"
        label={t('plans.networks.members.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as NetworkRole)}
        options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`plans.common.networkRoles.${r}`) }))}
      />
      <SearchPicker
        id="member-search"
        label={t('plans.networks.members.search')}
        hint={t('plans.networks.members.searchHint')}
        text={text}
        onTextChange={setText}
        options={choices.data?.items
          .filter((o) => !taken.has(o.id))
          .map((o) => ({ value: o.id, label: o.name, description: label.organisationType(o.type) }))}
        loading={choices.isFetching}
        selected={null}
        onSelect={(o) => {
          if (!o) return;
          setMember.mutate({ organisationId: o.value, role });
          setText('');
        }}
      />
    </fieldset>
  );
}

/** `/reti/:networkId`: a network with its member organisations and its meetings. */
export function NetworkPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { networkId = '' } = useParams();
  const network = useNetwork(networkId);
  const remove = useRemoveMember(networkId);
  const setMember = useSetMember(networkId);
  if (network.isPending) return <Loading />;
  if (network.isError) return <QueryError error={network.error} onRetry={() => void network.refetch()} />;
  const n = network.data;
  const place = n.comuneName ?? t('plans.networks.regionOf', { region: n.regionName });
  return (
    <>
      <PageHeader
        title={n.name}
        breadcrumbs={[{ label: t('plans.networks.title'), to: '/reti' }]}
        lead={`${t(`plans.common.networkKinds.${n.kind}`)} · ${place}${n.axis ? ` · ${t(`plans.common.axes.${n.axis}`)}` : ''}`}
      />
      {n.theme && <p>{n.theme}</p>}
      {!n.active && <Alert kind="info">{t('plans.networks.closed')}</Alert>}
      <section aria-labelledby="members-title" className="mb-5">
        <h2 id="members-title" className="h4">
          {t('plans.networks.members.title')}
        </h2>
        {n.memberList.length === 0 ? (
          <p>{t('plans.networks.members.none')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.networks.members.caption', { count: n.memberList.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.networks.members.organisation')}</th>
                  <th scope="col">{t('plans.networks.members.type')}</th>
                  <th scope="col">{t('plans.networks.members.role')}</th>
                  {n.canEdit && <th scope="col">{t('plans.networks.members.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {n.memberList.map((m) => (
                  <tr key={m.organisationId}>
                    <th scope="row">{m.name}</th>
                    <td>{label.organisationType(m.type)}</td>
                    <td>
                      {n.canEdit ? (
                        <SelectField
                          id={`role-${m.organisationId}`}
                          label={t('plans.networks.members.roleOf', { name: m.name })}
                          className="mb-0"
                          value={m.role}
                          onChange={(e) =>
                            setMember.mutate({ organisationId: m.organisationId, role: e.target.value as NetworkRole })
                          }
                          options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`plans.common.networkRoles.${r}`) }))}
                        />
                      ) : (
                        t(`plans.common.networkRoles.${m.role}`)
                      )}
                    </td>
                    {n.canEdit && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-outline-danger btn-sm"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(m.organisationId)}
                        >
                          {t('plans.networks.members.remove', { name: m.name })}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {n.canEdit && <AddMember network={n} />}
      </section>
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title" className="h4">
          {t('plans.networks.meetings.title')}
        </h2>
        {n.canEdit && (
          <p>
            <Link className="btn btn-primary" to={`/incontri/nuovo?rete=${n.id}`}>
              {t('plans.networks.meetings.new')}
            </Link>
          </p>
        )}
        {n.meetingList.length === 0 ? (
          <p>{t('plans.networks.meetings.none')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.networks.meetings.caption', { count: n.meetingList.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.networks.meeting.date')}</th>
                  <th scope="col">{t('plans.networks.meeting.title')}</th>
                  <th scope="col">{t('plans.networks.meeting.kind')}</th>
                  <th scope="col" className="text-end">
                    {t('plans.networks.meeting.participants')}
                  </th>
                  <th scope="col">{t('plans.networks.meeting.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {n.meetingList.map((m) => (
                  <tr key={m.id}>
                    <td>{dmy(m.heldOn)}</td>
                    <th scope="row">
                      <Link to={`/incontri/${m.id}`}>{m.title}</Link>
                    </th>
                    <td>{t(`plans.common.meetingKinds.${m.kind}`)}</td>
                    <td className="text-end">{m.participantsCount}</td>
                    <td>{m.hasMinutes ? t('plans.networks.meeting.hasMinutes') : '—'}</td>
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
