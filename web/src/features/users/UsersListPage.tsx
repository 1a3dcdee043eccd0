import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { ActiveFilter, SearchFilters } from '../../components/SearchFilters';
import { ROLES, USER_STATUSES } from '../../lib/domain';
import { oneOf, useListParams, useListSearch } from '../../lib/listParams';
import { useOrganisationSummary } from '../../lib/lookups';
import { useFormat } from '../../lib/format';
import type { UsersQuery } from '../../api/models';
import { useUsers } from './api/find-users';

function useUsersQuery(): UsersQuery {
  const { get, page, pageSize } = useListParams();
  const query: UsersQuery = { page, pageSize };
  if (get('q') !== '') query.q = get('q');
  if (get('organisationId') !== '') query.organisationId = get('organisationId');
  const role = oneOf(get('role'), ROLES);
  if (role !== undefined) query.role = role;
  const status = oneOf(get('status'), USER_STATUSES);
  if (status !== undefined) query.status = status;
  return query;
}

function Filters() {
  const { t } = useTranslation();
  const { get, update } = useListParams();
  const organisation = useOrganisationSummary(get('organisationId'));
  const search = useListSearch();
  return (
    <SearchFilters label={t('users.searchLandmark')} clearTo="/utenti" onSubmit={search.submit}>
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <TextField
            id="users-q"
            type="search"
            label={t('users.search')}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="users-role"
            label={t('users.role')}
            emptyOption={t('common.all')}
            value={get('role')}
            onChange={(e) => update({ role: e.target.value })}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="users-status"
            label={t('users.status')}
            emptyOption={t('common.all')}
            value={get('status')}
            onChange={(e) => update({ status: e.target.value })}
            options={USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
          />
        </div>
      </div>
      {get('organisationId') !== '' && (
        <ActiveFilter onRemove={() => update({ organisationId: '' })}>
          {t('users.organisationFilter', { name: organisation.data?.name ?? '…' })}
        </ActiveFilter>
      )}
    </SearchFilters>
  );
}

export function UsersListPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { dateTime } = useFormat();
  const query = useUsersQuery();
  const users = useUsers(query);

  return (
    <>
      <PageHeader title={t('users.title')}>
        <Link to="/utenti/nuovo" className="btn btn-primary">
          {t('users.create')}
        </Link>
      </PageHeader>
      <Filters />
      <ListResults
        query={users}
        count={(values) => t('users.count', values)}
        caption={(page) => t('users.tableCaption', { page })}
        columns={
          <>
            <th scope="col">{t('users.nameAndEmail')}</th>
            <th scope="col">{t('users.organisation')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastLoginAt')}</th>
          </>
        }
        row={(user) => (
          <tr key={user.id}>
            <th scope="row">
              {/* The email is part of the link: it is what tells two namesakes apart. */}
              <Link to={`/utenti/${user.id}`}>
                {user.displayName}
                <span className="d-block small fw-normal">{user.email}</span>
              </Link>
            </th>
            <td>{user.organisationName}</td>
            <td>{label.roles(user.roles)}</td>
            <td>
              <span className={`badge ${user.status === 'active' ? 'bg-success' : 'bg-secondary'}`}>
                {t(`userStatus.${user.status}`)}
              </span>
            </td>
            <td>{user.lastLoginAt !== null ? dateTime(user.lastLoginAt) : t('users.never')}</td>
          </tr>
        )}
      />
    </>
  );
}
