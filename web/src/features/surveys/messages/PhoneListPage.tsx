import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { ListResults } from '../../../components/ListResults';
import { PageHeader } from '../../../components/PageHeader';
import { SearchFilters } from '../../../components/SearchFilters';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/listParams';
import { useRegions } from '../../../lib/lookups';
import { phoneListXlsxHref, usePhoneList } from './api/phone-list';
import type { PhoneEntry, PhoneListQuery } from './types';

function usePhoneQuery(): PhoneListQuery {
  const { get, page, pageSize } = useListParams();
  const query: PhoneListQuery = { page, pageSize };
  if (/^\d{2}$/.test(get('region'))) query.region = get('region');
  return query;
}

/** The contacts of one Comune: who, in what role, at which address. */
function Contacts({ entry }: { entry: PhoneEntry }) {
  const { t } = useTranslation();
  if (entry.contacts.length === 0) return <>{t('surveys.messages.phone.noContacts')}</>;
  return (
    <ul className="list-unstyled mb-0">
      {entry.contacts.map((c) => (
        <li key={`${c.kind}:${c.email}`}>
          <span className="fw-semibold">{t(`surveys.messages.contactKind.${c.kind}`)}</span>
          {c.name !== null && <> · {c.name}</>}
          {c.role !== null && (
            <>
              {' '}
              (
              {c.kind === 'utente'
                ? c.role
                    .split(',')
                    .map((r) => t(`surveys.messages.role.${r as 'compilatore_indagine'}`, { defaultValue: r }))
                    .join(', ')
                : c.role}
              )
            </>
          )}
          {' · '}
          <a href={`mailto:${c.email}`} className="text-break">
            {c.email}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `/indagini/rilevazioni/:waveId/contatti-telefonici`: the Comuni to phone, by Region, with XLSX. */
export function PhoneListPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const format = useFormat();
  const { get, update } = useListParams();
  const regions = useRegions();
  const list = usePhoneList(waveId, usePhoneQuery());
  const region = get('region');

  return (
    <>
      <PageHeader
        title={t('surveys.messages.phone.title')}
        lead={t('surveys.messages.phone.lead')}
        breadcrumbs={[
          { label: t('surveys.messages.wave'), to: `/indagini/rilevazioni/${waveId}` },
          { label: t('surveys.messages.log.title'), to: `/indagini/rilevazioni/${waveId}/messaggi` },
        ]}
      >
        <a className="btn btn-outline-primary" href={phoneListXlsxHref(waveId, region)} download>
          {t('surveys.messages.phone.download')}
        </a>
      </PageHeader>
      <SearchFilters
        label={t('surveys.messages.phone.filters')}
        clearTo={`/indagini/rilevazioni/${waveId}/contatti-telefonici`}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="row">
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="filter-region"
              label={t('surveys.messages.phone.region')}
              emptyOption={t('surveys.messages.all')}
              value={region}
              onChange={(e) => update({ region: e.target.value })}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </div>
        </div>
      </SearchFilters>
      <ListResults
        query={list}
        hover={false}
        busy={list.isFetching}
        count={(values) => t('surveys.messages.phone.count', values)}
        caption={(page) => t('surveys.messages.phone.caption', { page })}
        columns={
          <>
            <th scope="col">{t('surveys.messages.phone.comune')}</th>
            <th scope="col">{t('surveys.messages.phone.region')}</th>
            <th scope="col">{t('surveys.messages.phone.state')}</th>
            <th scope="col">{t('surveys.messages.phone.reason')}</th>
            <th scope="col">{t('surveys.messages.phone.lastSent')}</th>
            <th scope="col">{t('surveys.messages.phone.contacts')}</th>
          </>
        }
        row={(e) => (
          <tr key={e.responseId}>
            <th scope="row">
              {e.comuneName} ({e.provinceSigla})
            </th>
            <td>{e.regionName}</td>
            <td>{t(`surveys.messages.responseStatus.${e.status}`)}</td>
            <td>
              {e.reason === 'solleciti_esauriti'
                ? t('surveys.messages.phone.remindersDone', { count: e.remindersSent })
                : t(`surveys.messages.phone.reasons.${e.reason}`)}
            </td>
            <td>{e.lastSentAt === null ? '—' : format.dateTime(e.lastSentAt)}</td>
            <td>
              <Contacts entry={e} />
            </td>
          </tr>
        )}
      />
    </>
  );
}
