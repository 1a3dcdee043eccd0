import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { SearchFilters } from '../../components/SearchFilters';
import { Icon } from '../../components/Icon';
import { BANDS, COMUNI_SORTS } from '../../lib/domain';
import { oneOf, useListParams, useListSearch } from '../../lib/listParams';
import { useFormat } from '../../lib/format';
import type { ComuniQuery } from '../../api/models';
import { useComuni } from './api/find-comuni';
import { useRegions } from '../../lib/lookups';
import { useProvinces } from './api/get-provinces';
import { useBandLabel } from './labels';

// Query-string booleans, as the API declares them.
const BOOLEAN_FILTER = ['true', 'false'] as const;

function useComuniQuery(): ComuniQuery {
  const { get, page, pageSize } = useListParams();
  const query: ComuniQuery = { page, pageSize };
  const q = get('q');
  if (q !== '') query.q = q;
  if (get('region') !== '') query.region = get('region');
  if (get('province') !== '') query.province = get('province');
  const band = oneOf(get('band'), BANDS);
  if (band !== undefined) query.band = band;
  const sai = oneOf(get('saiNetwork'), BOOLEAN_FILTER);
  if (sai !== undefined) query.saiNetwork = sai;
  const pilot = oneOf(get('pilot18ter'), BOOLEAN_FILTER);
  if (pilot !== undefined) query.pilot18ter = pilot;
  const sort = oneOf(get('sort'), COMUNI_SORTS);
  if (sort !== undefined) query.sort = sort;
  return query;
}

function Filters() {
  const { t } = useTranslation();
  const { get, update } = useListParams();
  const bandLabel = useBandLabel();
  const regions = useRegions();
  const region = get('region');
  const provinces = useProvinces(region);
  const search = useListSearch();

  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  return (
    <SearchFilters label={t('comuni.searchLandmark')} clearTo="/comuni" onSubmit={search.submit}>
      <div className="form-group">
        <div className="input-group">
          <span className="input-group-text">
            <Icon name="search" className="icon-sm" />
          </span>
          <label htmlFor="comuni-q" className="active">
            {t('comuni.search')}
          </label>
          <input
            id="comuni-q"
            type="search"
            className="form-control"
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            aria-describedby="comuni-q-hint"
            autoComplete="off"
          />
        </div>
        <small id="comuni-q-hint" className="form-text d-block">
          {t('comuni.searchHint')}
        </small>
      </div>
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-region"
            label={t('comuni.region')}
            emptyOption={t('common.all')}
            value={region}
            onChange={(e) => update({ region: e.target.value, province: '' })}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-province"
            label={t('comuni.province')}
            emptyOption={region === '' ? t('comuni.chooseRegionFirst') : t('common.all')}
            disabled={region === ''}
            value={get('province')}
            onChange={(e) => update({ province: e.target.value })}
            options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.sigla})` }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-band"
            label={t('comuni.band')}
            emptyOption={t('common.all')}
            value={get('band')}
            onChange={(e) => update({ band: e.target.value })}
            options={BANDS.map((b) => ({ value: b, label: bandLabel(b) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-sai"
            label={t('comuni.saiNetwork')}
            emptyOption={t('common.all')}
            value={get('saiNetwork')}
            onChange={(e) => update({ saiNetwork: e.target.value })}
            options={yesNo}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-pilot"
            label={t('comuni.pilot18ter')}
            emptyOption={t('common.all')}
            value={get('pilot18ter')}
            onChange={(e) => update({ pilot18ter: e.target.value })}
            options={yesNo}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="sort"
            label={t('comuni.sort')}
            value={get('sort') === '' ? 'name' : get('sort')}
            onChange={(e) => update({ sort: e.target.value === 'name' ? '' : e.target.value })}
            options={COMUNI_SORTS.map((s) => ({ value: s, label: t(`comuni.sorts.${s}`) }))}
          />
        </div>
      </div>
    </SearchFilters>
  );
}

export function ComuniListPage() {
  const { t } = useTranslation();
  const { number, month } = useFormat();
  const bandLabel = useBandLabel();
  const query = useComuniQuery();
  const comuni = useComuni(query);

  return (
    <>
      <PageHeader title={t('comuni.title')} lead={t('comuni.lead')} />
      <Filters />
      <ListResults
        query={comuni}
        busy={comuni.isFetching}
        count={(values) => t('comuni.count', values)}
        caption={(page) => t('comuni.tableCaption', { page })}
        columns={
          <>
            <th scope="col">{t('comuni.name')}</th>
            <th scope="col">{t('comuni.province')}</th>
            <th scope="col">{t('comuni.region')}</th>
            <th scope="col" className="text-end">
              {t('comuni.population')}
            </th>
            <th scope="col">{t('comuni.band')}</th>
            <th scope="col">{t('comuni.saiNetwork')}</th>
            <th scope="col">{t('comuni.pilot18ter')}</th>
          </>
        }
        row={(c) => (
          <tr key={c.istatCode}>
            <th scope="row">
              <Link to={`/comuni/${c.istatCode}`}>{c.name}</Link>
              {c.nameAlt !== null && <span className="d-block small fw-normal">{c.nameAlt}</span>}
            </th>
            <td>
              <abbr title={c.provinceName}>{c.provinceSigla}</abbr>
            </td>
            <td>{c.regionName}</td>
            <td className="text-end">
              {number(c.population)}
              <span className="visually-hidden"> ({month(c.populationMonth)})</span>
            </td>
            <td>{bandLabel(c.band)}</td>
            <td>{c.saiNetwork ? t('common.yes') : t('common.no')}</td>
            <td>{c.pilot18ter ? t('common.yes') : t('common.no')}</td>
          </tr>
        )}
      />
    </>
  );
}
