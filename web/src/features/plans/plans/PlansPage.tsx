import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { SearchFilters } from '../../../components/SearchFilters';
import { oneOf, useListParams, useListSearch } from '../../../lib/listParams';
import { useRegions } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { planStatuses } from '../../../lib/plan-vocabulary';
import { hasPermission, useSession } from '../../../lib/session';
import { usePlans } from './api/plans';
import { formatDay } from './words';

/** /piani: the plans the user reaches, with filters; "Nuovo piano" for a Comune's referente. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { get, update, page, pageSize } = useListParams();
  const search = useListSearch();
  const status = oneOf(get('status'), planStatuses);
  const region = get('region');
  const national = me.scope.level !== 'comune' && me.scope.level !== 'regione';
  const regions = useRegions();
  const plans = usePlans({
    page,
    pageSize,
    ...(get('q') ? { q: get('q') } : {}),
    ...(status ? { status } : {}),
    ...(national && region ? { region } : {}),
  });
  const canCreate = hasPermission(me, Permission.plansEdit) && me.scope.level === 'comune';
  return (
    <>
      <PageHeader title={t('plans.plans.list.title')} lead={t('plans.plans.list.lead')}>
        {canCreate && (
          <Link to="/piani/nuovo" className="btn btn-primary">
            {t('plans.plans.list.new')}
          </Link>
        )}
      </PageHeader>
      <SearchFilters label={t('plans.plans.list.filters')} clearTo="/piani" onSubmit={search.submit}>
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="plans-q"
              label={t('plans.plans.list.q')}
              value={search.text}
              onChange={(e) => search.setText(e.target.value)}
              type="search"
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="plans-status"
              label={t('plans.plans.list.status')}
              emptyOption={t('plans.plans.list.anyStatus')}
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
              options={planStatuses.map((s) => ({ value: s, label: t(`plans.common.planStatus.${s}`) }))}
            />
          </div>
          {national && (
            <div className="col-md-4">
              <SelectField
                id="plans-region"
                label={t('plans.plans.list.region')}
                emptyOption={t('plans.plans.list.anyRegion')}
                value={region}
                onChange={(e) => update({ region: e.target.value })}
                options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              />
            </div>
          )}
        </div>
      </SearchFilters>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <p>{t('plans.plans.list.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.plans.list.caption', { count: plans.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.plans.list.colComune')}</th>
                  <th scope="col">{t('plans.plans.list.colTitle')}</th>
                  <th scope="col">{t('plans.plans.list.colPeriod')}</th>
                  <th scope="col">{t('plans.plans.list.colStatus')}</th>
                  <th scope="col" className="text-end">
                    {t('plans.plans.list.colActions')}
                  </th>
                  <th scope="col">{t('plans.plans.list.colAdopted')}</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.comuneName}
                      <span className="d-block small text-muted">{p.regionName}</span>
                    </th>
                    <td>
                      <Link to={`/piani/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      {p.periodFrom}–{p.periodTo}
                    </td>
                    <td>{t(`plans.common.planStatus.${p.status}`)}</td>
                    <td className="text-end">{p.actions}</td>
                    <td>{formatDay(p.adoptionDate) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={plans.data.page} pageSize={plans.data.pageSize} total={plans.data.total} />
        </>
      )}
    </>
  );
}
