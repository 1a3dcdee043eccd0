import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { ActiveFilter, SearchFilters } from '../../components/SearchFilters';
import { ORGANISATION_TYPES } from '../../lib/domain';
import { oneOf, useListParams, useListSearch } from '../../lib/listParams';
import { useRegions } from '../../lib/lookups';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { OrganisationsQuery } from '../../api/models';
import { useOrganisations } from './api/find-organisations';

function useOrganisationsQuery(): OrganisationsQuery {
  const { get, page, pageSize } = useListParams();
  const query: OrganisationsQuery = { page, pageSize };
  if (get('q') !== '') query.q = get('q');
  const type = oneOf(get('type'), ORGANISATION_TYPES);
  if (type !== undefined) query.type = type;
  if (get('region') !== '') query.region = get('region');
  if (get('comune') !== '') query.comune = get('comune');
  return query;
}

function Filters() {
  const { t } = useTranslation();
  const label = useLabels();
  const { get, update } = useListParams();
  const regions = useRegions();
  const search = useListSearch();
  return (
    <SearchFilters label={t('organisations.searchLandmark')} clearTo="/organizzazioni" onSubmit={search.submit}>
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <TextField
            id="org-q"
            type="search"
            label={t('organisations.search')}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="org-type"
            label={t('organisations.type')}
            emptyOption={t('common.all')}
            value={get('type')}
            onChange={(e) => update({ type: e.target.value })}
            options={ORGANISATION_TYPES.map((type) => ({ value: type, label: label.organisationType(type) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="org-region"
            label={t('comuni.region')}
            emptyOption={t('common.all')}
            value={get('region')}
            onChange={(e) => update({ region: e.target.value })}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
      </div>
      {get('comune') !== '' && (
        <ActiveFilter onRemove={() => update({ comune: '' })}>
          {t('organisations.comuneFilter', { code: get('comune') })}
        </ActiveFilter>
      )}
    </SearchFilters>
  );
}

export function OrganisationsListPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const me = useSession();
  const { date } = useFormat();
  const query = useOrganisationsQuery();
  const organisations = useOrganisations(query);

  return (
    <>
      <PageHeader title={t('organisations.title')}>
        {hasPermission(me, Permission.organisationsManage) && (
          <Link to="/organizzazioni/nuova" className="btn btn-primary">
            {t('organisations.create')}
          </Link>
        )}
      </PageHeader>
      <Filters />
      <ListResults
        query={organisations}
        count={(values) => t('organisations.count', values)}
        caption={(page) => t('organisations.tableCaption', { page })}
        columns={
          <>
            <th scope="col">{t('organisations.name')}</th>
            <th scope="col">{t('organisations.type')}</th>
            <th scope="col">{t('organisations.place')}</th>
            <th scope="col">{t('organisations.createdAt')}</th>
          </>
        }
        row={(org) => (
          <tr key={org.id}>
            <th scope="row">
              <Link to={`/organizzazioni/${org.id}`}>{org.name}</Link>
            </th>
            <td>{label.organisationType(org.type)}</td>
            <td>{org.comuneName ?? org.regionName ?? t('organisations.national')}</td>
            <td>{date(org.createdAt)}</td>
          </tr>
        )}
      />
    </>
  );
}
